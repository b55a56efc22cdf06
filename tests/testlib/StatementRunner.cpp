#include "StatementRunner.h"

#include "db/Connection.h"

#include <QSqlRecord>

namespace sd::testing {

namespace {

using Placement = Statement::Placement;

Result<void> execute(const Connection &connection, const Statement &statement)
{
    auto query = connection.exec(statement.sql, statement.bindings);
    if (!query)
        return std::unexpected(query.error());
    if (statement.kind == Statement::Kind::MustReturnNoRows && query->next()) {
        QStringList row;
        for (int i = 0; i < query->record().count(); ++i)
            row << query->value(i).toString();
        return std::unexpected(Error::database(connection.url().serverDescription(),
                                               QStringLiteral("check returned a row: %1").arg(row.join(QStringLiteral(", "))),
                                               statement.sql));
    }
    return {};
}

Result<void> runPlacement(const Connection &connection, const Statements &statements, Placement placement)
{
    for (const Statement &s : statements) {
        if (s.placement != placement)
            continue;
        if (auto ok = execute(connection, s); !ok)
            return ok;
    }
    return {};
}

Result<void> runTransaction(const Connection &connection, const Statements &statements)
{
    const Statement begin = Statement::of(QStringLiteral("BEGIN"));
    const Statement commit = Statement::of(QStringLiteral("COMMIT"));
    if (auto ok = execute(connection, begin); !ok)
        return ok;
    for (const Statement &s : statements) {
        Result<void> ok;
        if (s.placement == Placement::Transaction) {
            ok = execute(connection, s);
        } else if (s.placement == Placement::Autocommit) {
            ok = execute(connection, commit);
            if (ok)
                ok = execute(connection, s);
            if (ok)
                ok = execute(connection, begin);
            else
                (void)execute(connection, begin); // so that the ROLLBACK below has a transaction
        } else {
            continue;
        }
        if (!ok) {
            (void)connection.exec(QStringLiteral("ROLLBACK"));
            return ok;
        }
    }
    if (auto ok = execute(connection, commit); !ok) {
        (void)connection.exec(QStringLiteral("ROLLBACK"));
        return ok;
    }
    return {};
}

} // namespace

Result<void> StatementRunner::run(const Connection &connection, const Statements &statements)
{
    Result<void> ok = runPlacement(connection, statements, Placement::BeforeTransaction);
    if (ok)
        ok = runTransaction(connection, statements);
    Result<void> after = runPlacement(connection, statements, Placement::AfterTransaction);
    if (!ok)
        return ok;
    return after;
}

} // namespace sd::testing
