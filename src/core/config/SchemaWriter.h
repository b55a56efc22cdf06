#pragma once
// Writes a Schema as config/schema.yaml in the documented style: one block
// mapping per table, one flow-mapping line per column, index and constraint.
// SchemaReader reads the result back to the same Schema.

#include "Error.h"
#include "model/Schema.h"

#include <QByteArray>
#include <QString>

namespace sd {

class SchemaWriter
{
public:
    static QByteArray toYaml(const Schema &schema);
    static Result<void> writeFile(const Schema &schema, const QString &path);
};

} // namespace sd
