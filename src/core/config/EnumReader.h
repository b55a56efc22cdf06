#pragma once
// Reads one enumeration (`{name: mood, values: [sad, ok, happy]}`), as
// schema.yaml's `enums:` list and a migration's create_enum write it.

#include "YamlMap.h"
#include "model/Schema.h"

namespace sd {

class EnumReader
{
public:
    explicit EnumReader(YamlDiagnostics &diagnostics);

    static QStringList keys(); // name, values

    // The enum in `map` (built with keys() and any keys of the caller's),
    // reporting a missing name or values, a value listed twice and a name
    // that is a built-in type. The name is empty when it is missing.
    EnumType read(YamlMap &map);

private:
    YamlDiagnostics &m_diagnostics;
};

} // namespace sd
