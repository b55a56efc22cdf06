#pragma once
// What the migrator will do, computed before anything runs: the revisions
// in order, each with its statements (operations rendered for the dialect,
// hazards attached) and the version-table rows before and after it. The
// CLI's `--sql` and `pending -v` and the app's apply dialog show a plan;
// the Migrator runs one.

#include "migration/Migration.h"
#include "migration/Statement.h"
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
};

struct MigrationPlan
{
    DialectKind dialect = DialectKind::Sqlite;
    Direction direction = Direction::Upgrade;
    QStringList headsBefore;
    QStringList headsAfter;
    QList<PlannedRevision> revisions;

    bool isEmpty() const { return revisions.isEmpty(); }
};

} // namespace sd
