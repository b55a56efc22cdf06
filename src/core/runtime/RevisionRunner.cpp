#include "RevisionRunner.h"

#include "HistoryTable.h"
#include "VersionTable.h"
#include "db/Connection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlRecord>

namespace sd {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RevisionRunner", text);
}

// A row of a failed check, as "table=orders, rowid=4, parent=customers".
QString describeRow(const QSqlQuery &query)
{
    const QSqlRecord record = query.record();
    QStringList fields;
    for (int i = 0; i < record.count(); ++i)
        fields << record.fieldName(i) + QLatin1Char('=') + query.value(i).toString();
    return fields.join(QStringLiteral(", "));
}

} // namespace

RevisionRunner::RevisionRunner(const Connection &connection, StatementLog log)
    : m_connection(connection)
    , m_log(std::move(log))
{
}

Result<void> RevisionRunner::execute(const Statement &statement, const QString &revision)
{
    QElapsedTimer timer;
    timer.start();
    auto query = m_connection.exec(statement.sql, statement.bindings);
    QString error;
    if (!query) {
        error = query.error().message;
    } else if (statement.kind == Statement::Kind::MustReturnNoRows && query->next()) {
        error = tr("check failed, first offending row: %1").arg(describeRow(*query));
    }
    if (m_log)
        m_log({statement.sql, revision, timer.elapsed(), error.isEmpty(), error});
    if (!query)
        return std::unexpected(query.error());
    if (!error.isEmpty())
        return std::unexpected(Error::database(m_connection.url().serverDescription(), error, statement.sql));
    return {};
}

Error RevisionRunner::failure(const Error &error, const QString &revision, bool committedOutside) const
{
    QString message = error.message;
    if (committedOutside)
        message += QLatin1Char(' ')
                   + tr("(statements of this revision that run outside its transaction had already been committed and stay applied)");
    return Error::migration(error.server.isEmpty() ? m_connection.url().serverDescription() : error.server, revision, message,
                            error.statement);
}

Result<qint64> RevisionRunner::run(const PlannedRevision &revision)
{
    using Placement = Statement::Placement;
    const QString id = revision.migration.revision;
    QElapsedTimer timer;
    timer.start();

    auto runAfter = [&] {
        // Best effort: the PRAGMAs that restore the connection's state.
        for (const Statement &s : revision.statements) {
            if (s.placement == Placement::AfterTransaction)
                (void)execute(s, id);
        }
    };
    auto rollback = [&] { (void)execute(Statement::of(QStringLiteral("ROLLBACK")), id); };

    for (const Statement &s : revision.statements) {
        if (s.placement != Placement::BeforeTransaction)
            continue;
        if (auto ok = execute(s, id); !ok) {
            runAfter();
            return std::unexpected(failure(ok.error(), id, false));
        }
    }

    bool inTransaction = false;
    bool committedOutside = false;
    auto begin = [&]() -> Result<void> {
        auto ok = execute(Statement::of(QStringLiteral("BEGIN")), id);
        if (ok)
            inTransaction = true;
        return ok;
    };
    auto fail = [&](const Error &error) -> Error {
        if (inTransaction)
            rollback();
        runAfter();
        return failure(error, id, committedOutside);
    };

    if (auto ok = begin(); !ok)
        return std::unexpected(fail(ok.error()));
    for (const Statement &s : revision.statements) {
        if (s.placement == Placement::BeforeTransaction || s.placement == Placement::AfterTransaction)
            continue;
        if (s.placement == Placement::Autocommit) {
            if (auto ok = execute(Statement::of(QStringLiteral("COMMIT")), id); !ok)
                return std::unexpected(fail(ok.error()));
            inTransaction = false;
            if (auto ok = execute(s, id); !ok)
                return std::unexpected(fail(ok.error()));
            committedOutside = true;
            if (auto ok = begin(); !ok)
                return std::unexpected(fail(ok.error()));
            continue;
        }
        if (auto ok = execute(s, id); !ok)
            return std::unexpected(fail(ok.error()));
    }

    const DialectKind dialect = m_connection.dialect();
    Statements bookkeeping = VersionTable::updateStatements(dialect, revision.headsBefore, revision.headsAfter);
    HistoryEntry entry;
    entry.revision = id;
    entry.direction = directionKey(revision.direction);
    entry.appliedAt = QDateTime::currentDateTimeUtc();
    entry.checksum = revision.migration.checksum;
    entry.durationMs = timer.elapsed();
    entry.appliedBy = HistoryTable::currentUser();
    entry.toolVersion = QStringLiteral(SCHEMADESK_VERSION);
    bookkeeping << HistoryTable::recordStatement(dialect, entry);
    for (const Statement &s : bookkeeping) {
        if (auto ok = execute(s, id); !ok)
            return std::unexpected(fail(ok.error()));
    }
    if (auto ok = execute(Statement::of(QStringLiteral("COMMIT")), id); !ok)
        return std::unexpected(fail(ok.error()));
    inTransaction = false;
    runAfter();
    return timer.elapsed();
}

} // namespace sd
