#include "RevisionRunner.h"

#include "HistoryTable.h"
#include "db/Connection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlRecord>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionRunner)
};

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
        error = Tr::tr("check failed, first offending row: %1").arg(describeRow(*query));
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
                   + Tr::tr("(this revision runs statements outside its transaction, so the statements before the failing one were "
                            "already committed and stay applied; the version table still names the revision before)");
    Error failed = Error::migration(error.server.isEmpty() ? m_connection.url().serverDescription() : error.server, revision,
                                    message, error.statement);
    failed.partial = committedOutside;
    return failed;
}

Result<qint64> RevisionRunner::run(const PlannedRevision &revision, bool batched)
{
    using Kind = Statement::Kind;
    const QString id = revision.migration.revision;
    const DialectKind dialect = m_connection.dialect();
    QElapsedTimer timer;
    timer.start();

    const Statements order = revision.executionOrder(dialect, revision.historyEntry(-1), batched);
    // The history row, just before the last COMMIT, gets the real duration.
    qsizetype lastCommit = order.size() - 1;
    while (lastCommit >= 0 && order.at(lastCommit).kind != Kind::Commit)
        --lastCommit;
    const qsizetype historyIndex = lastCommit - 1;

    bool inTransaction = false;
    bool committedOutside = false; // an Autocommit statement has run
    bool pastCommit = false;       // the revision is committed; only AfterTransaction statements remain
    for (qsizetype i = 0; i < order.size(); ++i) {
        const Statement &s = order.at(i);
        if (pastCommit) {
            (void)execute(s, id); // best effort: restores connection state (PRAGMA foreign_keys=ON)
            continue;
        }
        const Statement statement = i == historyIndex ? HistoryTable::recordStatement(dialect, revision.historyEntry(timer.elapsed()))
                                                      : s;
        if (auto ok = execute(statement, id); !ok) {
            if (inTransaction && batched) {
                const QString savepoint = QLatin1Char('"') + PlannedRevision::savepointName() + QLatin1Char('"');
                (void)execute(Statement::of(QStringLiteral("ROLLBACK TO ") + savepoint), id);
                (void)execute(Statement::of(QStringLiteral("RELEASE ") + savepoint), id);
            } else if (inTransaction) {
                (void)execute(Statement::of(QStringLiteral("ROLLBACK")), id);
            }
            for (qsizetype j = lastCommit + 1; j < order.size(); ++j)
                (void)execute(order.at(j), id);
            return std::unexpected(failure(ok.error(), id, committedOutside));
        }
        if (s.kind == Kind::Begin) {
            inTransaction = true;
        } else if (s.kind == Kind::Commit) {
            inTransaction = false;
            pastCommit = i == lastCommit;
            // A COMMIT ahead of a statement that runs outside the transaction
            // makes the statements before it permanent.
            if (!pastCommit && i > 0 && order.at(i - 1).kind != Kind::Begin)
                committedOutside = true;
        } else if (s.placement == Statement::Placement::Autocommit) {
            committedOutside = true;
        }
    }
    return timer.elapsed();
}

} // namespace sd
