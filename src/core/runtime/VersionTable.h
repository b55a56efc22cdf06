#pragma once
// Reads `schemadesk_version` (DESIGN.md section 5): the revisions the
// database is at. A database without the table is at base.

#include "Error.h"

#include <QStringList>

namespace sd {

class Connection;

class VersionTable
{
public:
    static QString tableName() { return QStringLiteral("schemadesk_version"); }
    static Result<bool> exists(const Connection &connection, const QString &postgresSchema = QStringLiteral("public"));
    // The applied heads, sorted; empty at base or without the table.
    static Result<QStringList> currentRevisions(const Connection &connection,
                                                const QString &postgresSchema = QStringLiteral("public"));
};

} // namespace sd
