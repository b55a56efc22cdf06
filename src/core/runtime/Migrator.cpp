#include "Migrator.h"

#include "HistoryTable.h"
#include "MigrationState.h"
#include "RevisionRunner.h"
#include "RowEstimates.h"
#include "VersionTable.h"
#include "db/Connection.h"
#include "introspect/Introspector.h"
#include "migration/OperationRenderer.h"
#include "migration/SchemaEvolver.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)
};

QStringList revisionIds(const MigrationPlan &plan)
{
    QStringList ids;
    for (const PlannedRevision &r : plan.revisions)
        ids << r.migration.revision;
    return ids;
}

} // namespace

Migrator::Migrator(const Project &project, const RevisionGraph &graph)
    : m_project(project)
    , m_graph(graph)
    , m_planner(graph)
{
}

Result<Schema> Migrator::liveSchema(const Connection &connection) const
{
    IntrospectOptions options;
    options.postgresSchema = m_project.postgresSchema;
    return Introspector::read(connection, options);
}

Error Migrator::positioned(const Error &error, const Migration &migration, const Operation &operation) const
{
    const QString file = m_graph.displayPath(migration.revision);
    return Error::input(Tr::tr("revision %1, %2: %3").arg(migration.revision, operation.key(), error.message),
                        file.isEmpty() ? migration.filePath : file, operation.line, operation.column);
}

Result<MigrationPlan> Migrator::build(DialectKind dialect, Direction direction, const RevisionPath &path, Schema state) const
{
    const OperationRenderer &renderer = OperationRenderer::get(dialect);
    MigrationPlan plan;
    plan.dialect = dialect;
    plan.direction = direction;
    plan.headsBefore = path.headsBefore;
    plan.headsAfter = path.headsAfter;
    for (const RevisionStep &step : path.steps) {
        const Migration *migration = m_graph.revision(step.revision);
        if (!migration)
            return std::unexpected(Error::input(Tr::tr("unknown revision %1").arg(step.revision)));
        PlannedRevision planned;
        planned.migration = *migration;
        planned.direction = direction;
        planned.headsBefore = step.headsBefore;
        planned.headsAfter = step.headsAfter;
        const Operations &operations = direction == Direction::Upgrade ? migration->upgrade : migration->downgrade;
        for (const Operation &operation : operations) {
            auto statements = renderer.render(operation, state);
            if (!statements)
                return std::unexpected(positioned(statements.error(), *migration, operation));
            planned.statements << *statements;
            if (auto applied = SchemaEvolver::apply(state, operation); !applied)
                return std::unexpected(positioned(applied.error(), *migration, operation));
        }
        plan.revisions << planned;
    }
    return plan;
}

Result<MigrationPlan> Migrator::plan(const Connection &connection, Direction direction, const QString &target) const
{
    auto current = VersionTable::currentRevisions(connection, m_project.postgresSchema);
    if (!current)
        return std::unexpected(current.error());
    auto path = direction == Direction::Upgrade ? m_planner.upgrade(target, *current) : m_planner.downgrade(target, *current);
    if (!path)
        return std::unexpected(path.error());
    auto state = liveSchema(connection);
    if (!state)
        return std::unexpected(state.error());
    if (connection.dialect() == DialectKind::Sqlite) {
        auto evolved = MigrationState::evolved(m_graph, path->headsBefore, true);
        if (!evolved)
            return std::unexpected(evolved.error());
        MigrationState::restoreEnums(*state, *evolved);
    }
    auto plan = build(connection.dialect(), direction, *path, std::move(*state));
    if (!plan)
        return plan;
    if (auto estimated = RowEstimates::annotate(connection, *plan, m_project.postgresSchema); !estimated)
        return std::unexpected(estimated.error());
    return plan;
}

Result<MigrationPlan> Migrator::planOffline(DialectKind dialect, Direction direction, const QString &target,
                                            const QStringList &from) const
{
    auto current = m_planner.normalize(from);
    if (!current)
        return std::unexpected(current.error());
    // The schema at `from`: what the migrations build from base up to it.
    auto state = MigrationState::evolved(m_graph, *current);
    if (!state)
        return std::unexpected(state.error());
    auto path = direction == Direction::Upgrade ? m_planner.upgrade(target, *current) : m_planner.downgrade(target, *current);
    if (!path)
        return std::unexpected(path.error());
    auto plan = build(dialect, direction, *path, std::move(*state));
    if (plan && dialect == DialectKind::Sqlite)
        warnAboutOfflineRebuilds(*plan);
    return plan;
}

void Migrator::warnAboutOfflineRebuilds(MigrationPlan &plan)
{
    // A SQLite rebuild drops the old table, and SQLite drops its triggers
    // with it. Online the rebuild creates again the triggers and views the
    // database really has; offline it knows only what the migrations made.
    QStringList tables;
    for (const PlannedRevision &r : std::as_const(plan.revisions)) {
        for (const Statement &s : r.statements) {
            if (s.hazards.testFlag(Hazard::RewritesTable) && !s.table.isEmpty() && !tables.contains(s.table))
                tables << s.table;
        }
    }
    if (tables.isEmpty())
        return;
    plan.warnings << Tr::tr("this script rebuilds %1 without looking at the database: triggers on those tables that no "
                            "migration created are dropped with the old table and not created again, and a view reading "
                            "them can make the rebuild fail; plan with a connection (without --from) to keep them")
                         .arg(tables.join(QStringLiteral(", ")));
}

Result<std::unique_ptr<MigrationLock>> Migrator::lock(const Connection &connection, const MigrateOptions &options) const
{
    return MigrationLock::acquire(connection.url(), options.connectOptions, m_project.postgresSchema, options.lock);
}

Result<void> Migrator::ensureTables(const Connection &connection, const MigrateOptions &options) const
{
    RevisionRunner runner(connection, options.log);
    for (const Statement &s : VersionTable::createStatements(connection.dialect())) {
        if (auto ok = runner.execute(s); !ok)
            return ok;
    }
    return {};
}

Result<MigrateReport> Migrator::migrate(const Connection &connection, Direction direction, const QString &target,
                                        const MigrateOptions &options, const MigrationPlan *reviewed) const
{
    QElapsedTimer timer;
    timer.start();
    auto held = lock(connection, options);
    if (!held)
        return std::unexpected(held.error());
    auto plan = this->plan(connection, direction, target);
    if (!plan)
        return std::unexpected(plan.error());
    if (reviewed && (revisionIds(*plan) != revisionIds(*reviewed) || plan->headsBefore != reviewed->headsBefore)) {
        return std::unexpected(Error::database(connection.url().serverDescription(),
                                               Tr::tr("the database changed since the plan was made (it is now at %1); "
                                                      "nothing was run, review the new plan")
                                                .arg(VersionTable::describe(plan->headsBefore))));
    }
    if (options.planned)
        options.planned(*plan);

    MigrateReport report;
    report.plan = *plan;
    report.headsAfter = plan->headsBefore;
    if (plan->isEmpty()) {
        report.durationMs = timer.elapsed();
        return report;
    }
    if (auto ok = ensureTables(connection, options); !ok)
        return std::unexpected(ok.error());

    RevisionRunner runner(connection, options.log);
    // A batch: one transaction around consecutive batched revisions (SQLite).
    bool batchOpen = false;
    int batchStart = 0; // the first revision of the open batch ...
    int batchEnd = 0;   // ... and one past the last one that ran in it
    auto commitBatch = [&]() -> Result<void> {
        if (!batchOpen)
            return {};
        batchOpen = false;
        if (runner.execute(Statement::of(QStringLiteral("COMMIT"))))
            return {};
        // The batch could not commit (a deferred foreign key finds an orphan
        // only now, or SQLite rolled the transaction back itself): none of
        // it stays. Its revisions run again one by one, each committing on
        // its own, so those that hold are kept and the one that fails is
        // named, as DESIGN.md section 5 promises.
        (void)runner.execute(Statement::of(QStringLiteral("ROLLBACK")));
        report.completed = batchStart;
        report.headsAfter = plan->revisions.at(batchStart).headsBefore;
        for (int j = batchStart; j < batchEnd; ++j) {
            const PlannedRevision &again = plan->revisions.at(j);
            if (auto ran = runner.run(again, false); !ran)
                return std::unexpected(ran.error());
            report.completed = j + 1;
            report.headsAfter = again.headsAfter;
        }
        return {};
    };
    for (int i = 0; i < plan->revisions.size(); ++i) {
        if (options.cancelled && options.cancelled()) {
            report.cancelled = true;
            break;
        }
        const PlannedRevision &revision = plan->revisions.at(i);
        const bool batched = revision.isBatched(plan->dialect);
        if (!batched) {
            if (auto ok = commitBatch(); !ok)
                return std::unexpected(ok.error());
        } else if (!batchOpen) {
            if (auto ok = runner.execute(Statement::of(QStringLiteral("BEGIN"))); !ok)
                return std::unexpected(ok.error());
            batchOpen = true;
            batchStart = i;
            batchEnd = i;
        }
        if (options.revisionStarted)
            options.revisionStarted(i, revision);
        auto ran = runner.run(revision, batched);
        if (!ran) {
            // The failing revision is gone; the ones before it stay.
            if (auto ok = commitBatch(); !ok)
                return std::unexpected(ok.error());
            return std::unexpected(ran.error());
        }
        report.completed = i + 1;
        report.headsAfter = revision.headsAfter;
        if (batched)
            batchEnd = i + 1;
        if (options.revisionFinished)
            options.revisionFinished(i, revision, *ran);
    }
    if (auto ok = commitBatch(); !ok)
        return std::unexpected(ok.error());
    report.durationMs = timer.elapsed();
    return report;
}

Result<QStringList> Migrator::stamp(const Connection &connection, const QString &target, const MigrateOptions &options) const
{
    auto held = lock(connection, options);
    if (!held)
        return std::unexpected(held.error());
    auto current = VersionTable::currentRevisions(connection, m_project.postgresSchema);
    if (!current)
        return std::unexpected(current.error());
    // A stamp target is any state: an id, heads, base, or relative to now.
    auto rows = m_planner.resolve(target, *current);
    if (!rows)
        return std::unexpected(rows.error());
    if (auto ok = ensureTables(connection, options); !ok)
        return std::unexpected(ok.error());

    RevisionRunner runner(connection, options.log);
    const DialectKind dialect = connection.dialect();
    Statements statements{Statement::of(QStringLiteral("BEGIN"))};
    statements << VersionTable::replaceStatements(dialect, *rows);
    for (const QString &revision : rows->isEmpty() ? QStringList{QStringLiteral("base")} : *rows) {
        HistoryEntry entry;
        entry.revision = revision;
        entry.direction = QStringLiteral("stamp");
        entry.appliedAt = QDateTime::currentDateTimeUtc();
        if (const Migration *m = m_graph.revision(revision))
            entry.checksum = m->checksum;
        entry.durationMs = 0;
        entry.appliedBy = HistoryTable::currentUser();
        entry.toolVersion = QStringLiteral(SCHEMADESK_VERSION);
        statements << HistoryTable::recordStatement(dialect, entry);
    }
    statements << Statement::of(QStringLiteral("COMMIT"));
    for (const Statement &s : statements) {
        if (auto ok = runner.execute(s); !ok) {
            (void)runner.execute(Statement::of(QStringLiteral("ROLLBACK")));
            return std::unexpected(ok.error());
        }
    }
    return *rows;
}

} // namespace sd
