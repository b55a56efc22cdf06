#include "MigrationPlan.h"

#include "VersionTable.h"

namespace sd {

QString directionKey(Direction direction)
{
    return direction == Direction::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

Hazards PlannedRevision::hazards() const
{
    Hazards all;
    for (const Statement &s : statements)
        all |= s.hazards;
    return all;
}

bool PlannedRevision::hasAutocommitStatements() const
{
    return std::ranges::any_of(statements, [](const Statement &s) { return s.placement == Statement::Placement::Autocommit; });
}

HistoryEntry PlannedRevision::historyEntry(qint64 durationMs) const
{
    HistoryEntry entry;
    entry.revision = migration.revision;
    entry.direction = directionKey(direction);
    entry.appliedAt = QDateTime::currentDateTimeUtc();
    entry.checksum = migration.checksum;
    entry.durationMs = durationMs;
    entry.appliedBy = HistoryTable::currentUser();
    entry.toolVersion = QStringLiteral(SCHEMADESK_VERSION);
    return entry;
}

bool PlannedRevision::isBatched(DialectKind dialect) const
{
    return dialect == DialectKind::Sqlite
           && std::ranges::all_of(statements, [](const Statement &s) { return s.placement == Statement::Placement::Transaction; });
}

Statements PlannedRevision::executionOrder(DialectKind dialect, const HistoryEntry &history, bool batched) const
{
    return inTransaction(statements,
                         VersionTable::updateStatements(dialect, headsBefore, headsAfter)
                             << HistoryTable::recordStatement(dialect, history),
                         batched);
}

Statements PlannedRevision::inTransaction(const Statements &statements, const Statements &beforeCommit, bool batched)
{
    using Placement = Statement::Placement;
    const QString savepoint = QLatin1Char('"') + savepointName() + QLatin1Char('"');
    auto marker = [&](Statement::Kind kind) -> Statement {
        const bool begin = kind == Statement::Kind::Begin;
        Statement s = Statement::of(batched ? (begin ? QStringLiteral("SAVEPOINT ") : QStringLiteral("RELEASE ")) + savepoint
                                            : (begin ? QStringLiteral("BEGIN") : QStringLiteral("COMMIT")));
        s.kind = kind;
        return s;
    };
    Statements out;
    for (const Statement &s : statements) {
        if (s.placement == Placement::BeforeTransaction)
            out << s;
    }
    out << marker(Statement::Kind::Begin);
    for (const Statement &s : statements) {
        if (s.placement == Placement::Transaction) {
            out << s;
        } else if (s.placement == Placement::Autocommit) {
            out << marker(Statement::Kind::Commit) << s << marker(Statement::Kind::Begin);
        }
    }
    out << beforeCommit;
    out << marker(Statement::Kind::Commit);
    for (const Statement &s : statements) {
        if (s.placement == Placement::AfterTransaction)
            out << s;
    }
    return out;
}

} // namespace sd
