#pragma once
// Short builders for model values in tests and generators.

#include "model/Schema.h"

namespace sd::testing {

inline Column column(const QString &name, ColumnType type, bool nullable = true, DefaultValue value = {})
{
    Column c;
    c.name = name;
    c.type = std::move(type);
    c.nullable = nullable;
    c.defaultValue = std::move(value);
    return c;
}

} // namespace sd::testing
