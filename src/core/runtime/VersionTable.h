#pragma once
// `schemadesk_version` (DESIGN.md section 5): one row per applied head, like
// alembic_version. A database without the table is at base. Reading goes
// through a connection; writing is rendered as statements so that the
// migrator runs them inside each revision's transaction and `--sql` prints
// them.

#include "Error.h"
#include "migration/Statement.h"
#include "model/ColumnType.h"

#include <QStringList>

namespace sd {

class Connection;

class VersionTable
{
public:
    static QString tableName() { return QStringLiteral("schemadesk_version"); }
    static Result<bool> exists(const Connection &connection, const QString &postgresSchema = QStringLiteral("public"));
    // Whether one of SchemaDesk's tables (`table`) exists, and its name as
    // queries write it (schema-qualified on PostgreSQL).
    static Result<bool> tableExists(const Connection &connection, const QString &table, const QString &postgresSchema);
    static QString qualifiedName(const Connection &connection, const QString &table, const QString &postgresSchema);
    // The applied heads, sorted; empty at base or without the table.
    static Result<QStringList> currentRevisions(const Connection &connection,
                                                const QString &postgresSchema = QStringLiteral("public"));

    // The rows for people: "base" when there are none, else "a, b".
    static QString describe(const QStringList &revisions);

    // CREATE TABLE IF NOT EXISTS for the version and the history table.
    static Statements createStatements(DialectKind dialect);
    // Moves the rows from `before` to `after`: a DELETE per row gone and an
    // INSERT per row new, values bound.
    static Statements updateStatements(DialectKind dialect, const QStringList &before, const QStringList &after);
    // Replaces every row by `revisions` (stamp).
    static Statements replaceStatements(DialectKind dialect, const QStringList &revisions);
};

} // namespace sd
