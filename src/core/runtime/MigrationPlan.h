#pragma once
// What the migrator will do, computed before anything runs: the revisions
// in order, each with its statements (operations rendered for the dialect,
// hazards attached) and the version-table rows before and after it. The
// CLI's `--sql` and `pending -v` and the app's apply dialog show a plan;
// the Migrator runs one.

#include "migration/Migration.h"
#include "migration/Statement.h"
#include "runtime/HistoryTable.h"
#include "model/ColumnType.h"

namespace sd {

enum class Direction { Upgrade, Downgrade };

// "upgrade" / "downgrade": as stored in schemadesk_history.direction.
QString directionKey(Direction direction);

struct PlannedRevision
{
    Migration migration;
    Direction direction = Direction::Upgrade;
    Statements statements;  // the operations' statements, in order
    QStringList headsBefore; // schemadesk_version rows before the revision ...
    QStringList headsAfter;  // ... and after it

    // The union of the hazards of its statements.
    Hazards hazards() const;
    // True when a statement runs outside the revision's transaction.
    bool hasAutocommitStatements() const;

    // Every statement in the order it runs: BeforeTransaction ones, BEGIN,
    // the operations' statements (an Autocommit one between a COMMIT and a
    // new BEGIN), the version-table update and `history` row, COMMIT, then
    // AfterTransaction ones. The migrator runs this list and `--sql` prints
    // it, so the script shown is the script run.
    //
    // Batched (see isBatched()), the revision's own transaction is a
    // savepoint inside the batch's: SAVEPOINT and RELEASE stand for BEGIN and
    // COMMIT, and a failure rolls back to the savepoint.
    Statements executionOrder(DialectKind dialect, const HistoryEntry &history, bool batched = false) const;
    // The framing executionOrder() puts around any statements: those
    // before the transaction, BEGIN (SAVEPOINT when batched), the
    // transaction's statements (an Autocommit one between a COMMIT and a
    // new BEGIN), `beforeCommit`, COMMIT (RELEASE), those after it.
    static Statements inTransaction(const Statements &statements, const Statements &beforeCommit = {}, bool batched = false);

    // Whether the revision joins a batch: on SQLite, where every commit
    // costs several fsyncs, consecutive revisions whose statements all run
    // inside the transaction share one transaction, each in its own
    // savepoint, so each stays atomic (a failing one is rolled back alone,
    // the ones before it are committed) while the run commits once. On
    // PostgreSQL every revision commits on its own.
    bool isBatched(DialectKind dialect) const;
    static QString savepointName() { return QStringLiteral("schemadesk_revision"); }
    // The history row of this revision (time now, duration as given).
    HistoryEntry historyEntry(qint64 durationMs) const;
};

struct MigrationPlan
{
    DialectKind dialect = DialectKind::Sqlite;
    Direction direction = Direction::Upgrade;
    QStringList headsBefore;
    QStringList headsAfter;
    QList<PlannedRevision> revisions;
    // What whoever runs the plan must know before running it, one sentence
    // each: an offline SQLite rebuild that cannot see the database's triggers.
    QStringList warnings;

    bool isEmpty() const { return revisions.isEmpty(); }
};

} // namespace sd
