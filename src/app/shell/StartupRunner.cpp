// StartupRunner: the start-up policy applied through the core.

#include "StartupRunner.h"

#include "runtime/VersionTable.h"

#include <QElapsedTimer>

namespace sd::app {

Result<std::pair<QStringList, QStringList>> StartupRunner::state(const Project &project, const RevisionGraph &graph,
                                                                 const Connection &connection)
{
    auto current = VersionTable::currentRevisions(connection, project.postgresSchema);
    if (!current)
        return std::unexpected(current.error());
    auto pending = RevisionPlanner(graph).pending(*current);
    if (!pending)
        return std::unexpected(pending.error());
    return std::pair{*current, *pending};
}

Result<StartupOutcome> StartupRunner::run(const Project &project, const RevisionGraph &graph, const Connection &connection,
                                          bool fileExisted, const QString &envName, const MigrateOptions &options)
{
    auto before = state(project, graph, connection);
    if (!before)
        return std::unexpected(before.error());
    StartupOutcome outcome;
    outcome.decision = StartupPolicy::decide(connection.url(), fileExisted, project.autoUpgrade, int(before->second.size()),
                                             !project.protectedEnvironment(connection.url(), envName).isEmpty());
    outcome.current = before->first;
    outcome.pending = before->second;
    if (!outcome.decision.migrates())
        return outcome;
    Migrator migrator(project, graph);
    outcome.migrationStartedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    auto report = migrator.migrate(connection, Direction::Upgrade, QStringLiteral("head"), options);
    outcome.migrationMs = timer.elapsed();
    if (report)
        outcome.report = *report;
    else if (report.error().code == Error::Code::Migration)
        outcome.migrationError = report.error();
    else
        return std::unexpected(report.error());
    auto after = state(project, graph, connection);
    if (!after)
        return std::unexpected(after.error());
    outcome.current = after->first;
    outcome.pending = after->second;
    for (const QString &revision : std::as_const(before->second))
        if (!outcome.pending.contains(revision))
            outcome.applied << revision;
    return outcome;
}

} // namespace sd::app
