// StartupRunner: the start-up policy applied through the core.

#include "StartupRunner.h"

#include "runtime/VersionTable.h"

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
    auto report = migrator.migrate(connection, Direction::Upgrade, QStringLiteral("head"), options);
    if (!report)
        return std::unexpected(report.error());
    outcome.report = *report;
    auto after = state(project, graph, connection);
    if (!after)
        return std::unexpected(after.error());
    outcome.current = after->first;
    outcome.pending = after->second;
    return outcome;
}

} // namespace sd::app
