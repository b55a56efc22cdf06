#include "VersionTable.h"

#include "HistoryTable.h"
#include "db/Connection.h"
#include "dialect/Dialect.h"

namespace sd {

Result<bool> VersionTable::tableExists(const Connection &connection, const QString &table, const QString &postgresSchema)
{
    auto query = connection.dialect() == DialectKind::Sqlite
                     ? connection.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"),
                                       {table})
                     : connection.exec(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                                                      "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"),
                                       {postgresSchema, table});
    if (!query)
        return std::unexpected(query.error());
    return query->next() && query->value(0).toInt() > 0;
}

QString VersionTable::qualifiedName(const Connection &connection, const QString &table, const QString &postgresSchema)
{
    const Dialect &dialect = Dialect::get(connection.dialect());
    const QString name = dialect.quoteIdentifier(table);
    return connection.dialect() == DialectKind::PostgreSQL ? dialect.quoteIdentifier(postgresSchema) + QLatin1Char('.') + name : name;
}

Result<bool> VersionTable::exists(const Connection &connection, const QString &postgresSchema)
{
    return tableExists(connection, tableName(), postgresSchema);
}

Result<QStringList> VersionTable::currentRevisions(const Connection &connection, const QString &postgresSchema)
{
    auto present = exists(connection, postgresSchema);
    if (!present)
        return std::unexpected(present.error());
    if (!*present)
        return QStringList{};
    auto query = connection.exec(QStringLiteral("SELECT revision FROM %1 ORDER BY revision")
                                     .arg(qualifiedName(connection, tableName(), postgresSchema)));
    if (!query)
        return std::unexpected(query.error());
    QStringList revisions;
    while (query->next())
        revisions << query->value(0).toString();
    return revisions;
}

QString VersionTable::describe(const QStringList &revisions)
{
    return revisions.isEmpty() ? QStringLiteral("base") : revisions.join(QStringLiteral(", "));
}

Statements VersionTable::createStatements(DialectKind kind)
{
    const Dialect &dialect = Dialect::get(kind);
    Statements out;
    out << Statement::of(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (revision varchar(32) NOT NULL PRIMARY KEY)")
                         .arg(dialect.quoteIdentifier(tableName())));
    out << HistoryTable::createStatement(kind);
    return out;
}

Statements VersionTable::updateStatements(DialectKind kind, const QStringList &before, const QStringList &after)
{
    const QString table = Dialect::get(kind).quoteIdentifier(tableName());
    Statements out;
    for (const QString &revision : before) {
        if (!after.contains(revision)) {
            Statement s = Statement::of(QStringLiteral("DELETE FROM %1 WHERE revision = ?").arg(table));
            s.bindings = {revision};
            out << s;
        }
    }
    for (const QString &revision : after) {
        if (!before.contains(revision)) {
            Statement s = Statement::of(QStringLiteral("INSERT INTO %1 (revision) VALUES (?)").arg(table));
            s.bindings = {revision};
            out << s;
        }
    }
    return out;
}

Statements VersionTable::replaceStatements(DialectKind kind, const QStringList &revisions)
{
    const QString table = Dialect::get(kind).quoteIdentifier(tableName());
    Statements out{Statement::of(QStringLiteral("DELETE FROM %1").arg(table))};
    out << updateStatements(kind, {}, revisions);
    return out;
}

} // namespace sd
