// ProjectSession: project, revision graph and connection of the window.

#include "ProjectSession.h"

#include "config/ProjectFile.h"
#include "revision/RevisionGraphLoader.h"
#include "runtime/RowEstimates.h"

#include <QFileInfo>

namespace sd::app {

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
{
}

ProjectSession::~ProjectSession() = default;

Result<void> ProjectSession::openProject(const QString &directory)
{
    auto project = ProjectFile::load(directory);
    if (!project)
        return std::unexpected(project.error().value(0));
    auto graph = RevisionGraphLoader::load(project->migrationsPath);
    if (!graph)
        return std::unexpected(toErrors(graph.error()).value(0));
    disconnect();
    m_project = *project;
    m_graph = std::move(*graph);
    Q_EMIT projectChanged();
    return {};
}

Result<void> ProjectSession::reloadGraph()
{
    if (!m_project)
        return {};
    auto graph = RevisionGraphLoader::load(m_project->migrationsPath);
    if (!graph)
        return std::unexpected(toErrors(graph.error()).value(0));
    m_graph = std::move(*graph);
    Q_EMIT projectChanged();
    return refresh();
}

Result<DatabaseUrl> ProjectSession::projectUrl(const QString &envName) const
{
    if (!m_project)
        return std::unexpected(Error::usage(tr("no project is open")));
    return m_project->resolveDatabaseUrl({}, envName);
}

ConnectOptions ProjectSession::connectOptions(bool createSqliteFile) const
{
    ConnectOptions options;
    options.createSqliteFile = createSqliteFile;
    options.applicationName = QStringLiteral("schemadesk");
    if (m_project) {
        options.connectTimeoutSeconds = m_project->connectTimeoutSeconds;
        options.postgresSchema = m_project->postgresSchema;
        options.lockTimeout = m_project->lockTimeout;
        options.statementTimeout = m_project->statementTimeout;
    }
    return options;
}

Result<StartupOutcome> ProjectSession::connectTo(const DatabaseUrl &url, const QString &envName, const StatementLog &log)
{
    if (!m_project)
        return std::unexpected(Error::usage(tr("open a project before connecting")));
    disconnect();
    const bool existed = url.dialect == DialectKind::Sqlite && !url.inMemory() && QFileInfo::exists(url.path);
    // The start-up policy creates a new SQLite file (section 6).
    auto connection = Connection::open(url, connectOptions(true));
    if (!connection)
        return std::unexpected(connection.error());
    MigrateOptions options;
    options.connectOptions = connectOptions(true);
    options.log = log;
    auto outcome = StartupRunner::run(*m_project, m_graph, **connection, existed, options);
    if (!outcome)
        return std::unexpected(outcome.error());
    m_connection = std::move(*connection);
    m_environment = envName;
    m_startup = *outcome;
    m_current = outcome->current;
    m_pending = outcome->pending;
    Q_EMIT connectionChanged();
    Q_EMIT stateChanged();
    return *outcome;
}

void ProjectSession::disconnect()
{
    if (!m_connection)
        return;
    m_connection.reset();
    m_environment.clear();
    m_startup.reset();
    m_current.clear();
    m_pending.clear();
    Q_EMIT connectionChanged();
    Q_EMIT stateChanged();
}

bool ProjectSession::isProtected() const
{
    return m_project && !m_environment.isEmpty() && m_project->isProtected(m_environment);
}

Result<void> ProjectSession::refresh()
{
    if (!m_connection)
        return {};
    auto state = StartupRunner::state(*m_project, m_graph, *m_connection);
    if (!state)
        return std::unexpected(state.error());
    m_current = state->first;
    m_pending = state->second;
    Q_EMIT stateChanged();
    return {};
}

QString ProjectSession::targetFor(Direction direction)
{
    return direction == Direction::Upgrade ? QStringLiteral("head") : QStringLiteral("-1");
}

Result<MigrationPlan> ProjectSession::plan(Direction direction) const
{
    if (!m_connection)
        return std::unexpected(Error::usage(tr("not connected")));
    Migrator migrator(*m_project, m_graph);
    auto plan = migrator.plan(*m_connection, direction, targetFor(direction));
    if (!plan)
        return plan;
    if (auto estimated = RowEstimates::annotate(*m_connection, *plan, m_project->postgresSchema); !estimated)
        return std::unexpected(estimated.error());
    return plan;
}

} // namespace sd::app
