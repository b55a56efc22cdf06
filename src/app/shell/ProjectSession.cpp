// ProjectSession: project, revision graph and connection of the window.

#include "ProjectSession.h"

#include "config/ProjectFile.h"
#include "revision/RevisionGraphLoader.h"
#include "runtime/RowEstimates.h"

#include <QFileInfo>
#include <QPointer>

namespace sd::app {

namespace {

struct Opened
{
    Result<StartupOutcome> outcome;
    QString serverVersion;
};

} // namespace

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
    , m_thread(new DatabaseThread(this))
{
    connect(m_thread, &DatabaseThread::busyChanged, this, &ProjectSession::busyChanged);
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
    Q_EMIT graphChanged();
    refresh();
    return {};
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

void ProjectSession::connectTo(const DatabaseUrl &url, const QString &envName, const StatementLog &log, QObject *receiver,
                               std::function<void(const Result<StartupOutcome> &)> done)
{
    if (!m_project) {
        done(std::unexpected(Error::usage(tr("open a project before connecting"))));
        return;
    }
    disconnect();
    const quint64 generation = m_generation;
    MigrateOptions options;
    // The start-up policy creates a new SQLite file (section 6).
    options.connectOptions = connectOptions(true);
    options.log = log;
    auto job = [project = *m_project, graph = m_graph, url, envName, options](DatabaseThread::Slot &slot) {
        const bool existed = url.dialect == DialectKind::Sqlite && !url.inMemory() && QFileInfo::exists(url.path);
        auto connection = Connection::open(url, options.connectOptions);
        if (!connection)
            return Opened{std::unexpected(connection.error()), {}};
        auto outcome = StartupRunner::run(project, graph, **connection, existed, envName, options);
        if (!outcome)
            return Opened{std::unexpected(outcome.error()), {}};
        const QString version = (*connection)->serverVersion();
        slot = std::move(*connection);
        return Opened{std::move(*outcome), version};
    };
    m_thread->post(this, std::move(job), [this, generation, url, envName, guard = QPointer<QObject>(receiver), done = std::move(done)](Opened opened) {
        if (generation != m_generation) {
            if (!guard)
                return;
            // Another connect or a disconnect came after this one: the slot
            // belongs to it (or is closed already by it).
            done(std::unexpected(Error::usage(tr("the connection to %1 was replaced before it finished").arg(url.display()))));
            return;
        }
        if (opened.outcome) {
            m_url = url;
            m_serverVersion = opened.serverVersion;
            const QString protectedEnv = m_project->protectedEnvironment(url, envName);
            m_environment = envName.isEmpty() ? protectedEnv : envName;
            m_protected = !protectedEnv.isEmpty();
            m_startup = *opened.outcome;
            m_current = opened.outcome->current;
            m_pending = opened.outcome->pending;
            Q_EMIT connectionChanged();
            Q_EMIT stateChanged();
        }
        if (guard)
            done(opened.outcome);
    });
}

void ProjectSession::disconnect()
{
    ++m_generation;
    m_thread->post(this, [](DatabaseThread::Slot &slot) { slot.reset(); return true; }, [](bool) {});
    if (!m_url)
        return;
    m_url.reset();
    m_serverVersion.clear();
    m_environment.clear();
    m_protected = false;
    m_startup.reset();
    m_current.clear();
    m_pending.clear();
    Q_EMIT connectionChanged();
    Q_EMIT stateChanged();
}

void ProjectSession::refresh(QObject *receiver, std::function<void(const Result<void> &)> done)
{
    if (!m_url) {
        if (done)
            done({});
        return;
    }
    withConnection(
        this,
        [project = *m_project, graph = m_graph](const Connection &connection) { return StartupRunner::state(project, graph, connection); },
        [this, guard = QPointer<QObject>(receiver), done = std::move(done)](const Result<std::pair<QStringList, QStringList>> &state) {
            if (state)
                setState(state->first, state->second);
            if (done && guard)
                done(state ? Result<void>{} : Result<void>{std::unexpected(state.error())});
        });
}

void ProjectSession::setState(const QStringList &current, const QStringList &pending)
{
    m_current = current;
    m_pending = pending;
    Q_EMIT stateChanged();
}

QString ProjectSession::targetFor(Direction direction)
{
    return direction == Direction::Upgrade ? QStringLiteral("head") : QStringLiteral("-1");
}

void ProjectSession::plan(Direction direction, QObject *receiver, std::function<void(const Result<MigrationPlan> &)> done)
{
    if (!m_url) {
        done(std::unexpected(Error::usage(tr("not connected"))));
        return;
    }
    withConnection(
        receiver,
        [project = *m_project, graph = m_graph, direction](const Connection &connection) -> Result<MigrationPlan> {
            Migrator migrator(project, graph);
            auto plan = migrator.plan(connection, direction, targetFor(direction));
            if (!plan)
                return plan;
            if (auto estimated = RowEstimates::annotate(connection, *plan, project.postgresSchema); !estimated)
                return std::unexpected(estimated.error());
            return plan;
        },
        std::move(done));
}

} // namespace sd::app
