#include "RowEstimates.h"

#include "db/Connection.h"
#include "dialect/Dialect.h"

#include <QHash>
#include <QSet>

namespace sd {

Result<void> RowEstimates::annotate(const Connection &connection, MigrationPlan &plan, const QString &postgresSchema)
{
    QSet<QString> wanted;
    for (const PlannedRevision &r : std::as_const(plan.revisions)) {
        for (const Statement &s : r.statements) {
            if (s.hazards != Hazard::None && !s.table.isEmpty())
                wanted.insert(s.table);
        }
    }
    if (wanted.isEmpty())
        return {};
    auto rows = forTables(connection, wanted, postgresSchema);
    if (!rows)
        return std::unexpected(rows.error());
    for (PlannedRevision &r : plan.revisions) {
        for (Statement &s : r.statements) {
            if (rows->contains(s.table))
                s.estimatedRows = rows->value(s.table);
        }
    }
    return {};
}

Result<QHash<QString, qint64>> RowEstimates::forTables(const Connection &connection, const QSet<QString> &wanted,
                                                       const QString &postgresSchema)
{
    QHash<QString, qint64> rows;
    if (wanted.isEmpty())
        return rows;
    const Dialect &dialect = Dialect::get(connection.dialect());
    if (connection.dialect() == DialectKind::PostgreSQL) {
        auto query = connection.exec(QStringLiteral(
            "SELECT c.relname, c.reltuples::bigint, c.relpages FROM pg_catalog.pg_class c "
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')"),
            {postgresSchema});
        if (!query)
            return std::unexpected(query.error());
        QStringList unanalysed;
        while (query->next()) {
            const QString name = query->value(0).toString();
            if (!wanted.contains(name))
                continue;
            const qint64 estimate = query->value(1).toLongLong();
            if (estimate >= 0)
                rows.insert(name, estimate);
            else if (query->value(2).toLongLong() < 1000)
                unanalysed << name;
        }
        for (const QString &name : std::as_const(unanalysed)) {
            auto count = connection.exec(QStringLiteral("SELECT count(*) FROM %1.%2")
                                             .arg(dialect.quoteIdentifier(postgresSchema), dialect.quoteIdentifier(name)));
            if (count && count->next())
                rows.insert(name, count->value(0).toLongLong());
        }
    } else {
        auto existing = connection.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table'"));
        if (!existing)
            return std::unexpected(existing.error());
        QStringList present;
        while (existing->next()) {
            if (wanted.contains(existing->value(0).toString()))
                present << existing->value(0).toString();
        }
        for (const QString &name : std::as_const(present)) {
            auto count = connection.exec(QStringLiteral("SELECT count(*) FROM %1").arg(dialect.quoteIdentifier(name)));
            if (!count)
                return std::unexpected(count.error());
            if (count->next())
                rows.insert(name, count->value(0).toLongLong());
        }
    }
    return rows;
}

} // namespace sd
