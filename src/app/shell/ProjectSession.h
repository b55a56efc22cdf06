#pragma once
// The open project and its connected database, for the whole window: loads
// schemadesk.yaml and the revision graph, connects (running the start-up
// policy through the core), and knows where the database is (current
// revisions, pending ones) so that Apply and Roll back are enabled only
// when there is something to do. Views read it; controllers act on it.

#include "StartupRunner.h"
#include "db/Connection.h"
#include "revision/RevisionGraph.h"

#include <QObject>

#include <memory>
#include <optional>

namespace sd::app {

class ProjectSession : public QObject
{
    Q_OBJECT
public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    // Loads `directory`/schemadesk.yaml and its migrations; disconnects.
    Result<void> openProject(const QString &directory);
    bool hasProject() const { return m_project.has_value(); }
    const Project &project() const { return *m_project; }
    const RevisionGraph &graph() const { return m_graph; }
    // Re-reads the migrations folder (a file was written or edited) and
    // the version table, keeping the connection.
    Result<void> reloadGraph();

    // The URL the project names by default (`database:`), or that of `envName`.
    Result<DatabaseUrl> projectUrl(const QString &envName = {}) const;
    ConnectOptions connectOptions(bool createSqliteFile) const;

    // Opens `url` and runs the start-up policy on it (statements go to `log`).
    Result<StartupOutcome> connectTo(const DatabaseUrl &url, const QString &envName, const StatementLog &log = {});
    void disconnect();
    bool isConnected() const { return m_connection != nullptr; }
    const Connection &connection() const { return *m_connection; }
    QString environment() const { return m_environment; }
    bool isProtected() const;
    const std::optional<StartupOutcome> &lastStartup() const { return m_startup; }

    // Re-reads the version table (after an apply, or F5).
    Result<void> refresh();
    QStringList currentRevisions() const { return m_current; }
    QStringList pendingRevisions() const { return m_pending; }
    bool canApply() const { return isConnected() && !m_pending.isEmpty(); }
    bool canRollBack() const { return isConnected() && !m_current.isEmpty(); }

    // What Apply (upgrade head) / Roll back (downgrade -1) would run, with
    // row estimates for its risky statements.
    Result<MigrationPlan> plan(Direction direction) const;
    static QString targetFor(Direction direction);

Q_SIGNALS:
    void projectChanged();
    void connectionChanged();
    void stateChanged();

private:
    std::optional<Project> m_project;
    RevisionGraph m_graph;
    std::unique_ptr<Connection> m_connection;
    QString m_environment;
    std::optional<StartupOutcome> m_startup;
    QStringList m_current;
    QStringList m_pending;
};

} // namespace sd::app
