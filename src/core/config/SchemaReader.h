#pragma once
// Reads config/schema.yaml (DESIGN.md section 3) into a Schema, reporting
// every error in the file, each with file:line:column.

#include "Error.h"
#include "model/Schema.h"

#include <QByteArray>
#include <QString>

namespace sd {

class SchemaReader
{
public:
    // `displayPath` is the file name errors show ("config/schema.yaml");
    // empty means `path` as given.
    static MultiResult<Schema> readFile(const QString &path, const QString &displayPath = {});
    static MultiResult<Schema> readString(const QByteArray &yaml, const QString &displayPath);
};

} // namespace sd
