#pragma once
// The migrator: plans and runs upgrades and downgrades on a connected
// database, the one engine behind the CLI's verbs and the app's Apply and
// Roll back. A plan is computed from the version table, the revision graph
// and the live schema (each operation rendered against the schema as it
// will be when the operation runs, so SQLite's rebuilds see the table's
// real definition, triggers and views). Running takes the migration lock
// first, plans again under it (a second migrator that waited finds the work
// done), creates the version and history tables on first use, and runs each
// revision in its own transaction (RevisionRunner). Cancellation is checked
// before each revision.

#include "MigrationLock.h"
#include "MigrationPlan.h"
#include "StatementLog.h"
#include "config/ProjectFile.h"
#include "revision/RevisionPlanner.h"

namespace sd {

struct MigrateOptions
{
    ConnectOptions connectOptions;  // for the lock session (PostgreSQL)
    LockOptions lock;
    StatementLog log;
    std::function<void(const MigrationPlan &)> planned;                               // under the lock, before anything runs
    std::function<void(int index, const PlannedRevision &)> revisionStarted;
    std::function<void(int index, const PlannedRevision &, qint64 durationMs)> revisionFinished;
    std::function<bool()> cancelled;                                                  // polled before each revision
};

struct MigrateReport
{
    MigrationPlan plan;
    int completed = 0;       // revisions run
    bool cancelled = false;  // stopped before plan.revisions[completed]
    qint64 durationMs = 0;
    QStringList headsAfter;  // the version table at the end
};

class Migrator
{
public:
    Migrator(const Project &project, const RevisionGraph &graph);

    const RevisionGraph &graph() const { return m_graph; }
    const RevisionPlanner &planner() const { return m_planner; }

    // What `upgrade TARGET` / `downgrade TARGET` would run now, with the
    // row estimates of its risky statements.
    Result<MigrationPlan> plan(const Connection &connection, Direction direction, const QString &target) const;
    // The same without a database (`--sql`): the schema is what the
    // migrations build from base up to `from` (the version-table rows).
    Result<MigrationPlan> planOffline(DialectKind dialect, Direction direction, const QString &target,
                                      const QStringList &from = {}) const;

    // Locks, plans again, and runs. With `reviewed` (the plan a person
    // approved), nothing runs when the plan under the lock differs: the
    // database moved in between.
    Result<MigrateReport> migrate(const Connection &connection, Direction direction, const QString &target,
                                  const MigrateOptions &options, const MigrationPlan *reviewed = nullptr) const;

    // `stamp TARGET`: sets the version table without running anything,
    // recorded in the history as "stamp".
    Result<QStringList> stamp(const Connection &connection, const QString &target, const MigrateOptions &options) const;

    // The live schema the plan starts from (SchemaDesk's tables left out).
    Result<Schema> liveSchema(const Connection &connection) const;

private:
    Result<MigrationPlan> build(DialectKind dialect, Direction direction, const RevisionPath &path, Schema state) const;
    static void warnAboutOfflineRebuilds(MigrationPlan &plan);
    Result<std::unique_ptr<MigrationLock>> lock(const Connection &connection, const MigrateOptions &options) const;
    Result<void> ensureTables(const Connection &connection, const MigrateOptions &options) const;
    Error positioned(const Error &error, const Migration &migration, const Operation &operation) const;

    const Project &m_project;
    const RevisionGraph &m_graph;
    RevisionPlanner m_planner;
};

} // namespace sd
