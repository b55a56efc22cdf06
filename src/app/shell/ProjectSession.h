#pragma once
// The open project and its connected database, for the whole window: loads
// schemadesk.yaml and the revision graph, connects (running the start-up
// policy through the core), and knows where the database is (current
// revisions, pending ones) so that Apply and Roll back are enabled only
// when there is something to do. Views read it; controllers act on it.
//
// The connection lives on a DatabaseThread: connecting, the start-up
// policy, refreshing and planning run there and report back through a
// callback on the GUI thread, which never waits for a server. Results of a
// connection that was replaced or closed in the meantime are dropped.

#include "DatabaseThread.h"
#include "StartupRunner.h"
#include "db/Connection.h"
#include "revision/RevisionGraph.h"

#include <QObject>

#include <functional>
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
    // Re-reads the migrations folder (a file was written or edited), then
    // the version table, keeping the connection.
    Result<void> reloadGraph();

    // The URL the project names by default (`database:`), or that of `envName`.
    Result<DatabaseUrl> projectUrl(const QString &envName = {}) const;
    ConnectOptions connectOptions(bool createSqliteFile) const;

    // Opens `url` and runs the start-up policy on it (statements go to
    // `log`, called on the database thread). `done` gets the outcome, unless
    // `receiver` is gone by then.
    void connectTo(const DatabaseUrl &url, const QString &envName, const StatementLog &log, QObject *receiver,
                   std::function<void(const Result<StartupOutcome> &)> done);
    void disconnect();
    bool isConnected() const { return m_url.has_value(); }
    // The connected database (with its password, when one was given).
    const DatabaseUrl &url() const { return *m_url; }
    DialectKind dialect() const { return m_url->dialect; }
    QString serverVersion() const { return m_serverVersion; }
    // The environment chosen, else the protected environment whose database this is.
    QString environment() const { return m_environment; }
    // A protected environment's database, however it was reached (its
    // name, a URL typed by hand, a saved connection).
    bool isProtected() const { return m_protected; }
    const std::optional<StartupOutcome> &lastStartup() const { return m_startup; }
    // A job queued or running on the database thread.
    bool isBusy() const { return m_thread->isBusy(); }

    // Re-reads the version table (after an apply, or F5); stateChanged()
    // follows, `done` gets the error if there was one (unless `receiver` is gone).
    void refresh(QObject *receiver = nullptr, std::function<void(const Result<void> &)> done = {});
    QStringList currentRevisions() const { return m_current; }
    QStringList pendingRevisions() const { return m_pending; }
    bool canApply() const { return isConnected() && !m_pending.isEmpty(); }
    bool canRollBack() const { return isConnected() && !m_current.isEmpty(); }

    // What Apply (upgrade head) / Roll back (downgrade -1) would run, with
    // row estimates for its risky statements.
    void plan(Direction direction, QObject *receiver, std::function<void(const Result<MigrationPlan> &)> done);
    static QString targetFor(Direction direction);

    // Runs `job(connection)` on the database thread and `done(result)` on
    // the GUI thread, unless the connection changed meanwhile or `receiver`
    // is gone. Views read the database through this.
    template <typename Job, typename Done>
    void withConnection(QObject *receiver, Job job, Done done)
    {
        using R = std::invoke_result_t<Job &, const Connection &>;
        const quint64 generation = m_generation;
        m_thread->post(
            receiver,
            [job = std::move(job)](DatabaseThread::Slot &slot) mutable -> std::optional<R> {
                if (!slot)
                    return std::nullopt;
                return job(*slot);
            },
            [this, generation, done = std::move(done)](std::optional<R> result) mutable {
                if (result && generation == m_generation)
                    done(std::move(*result));
            });
    }

Q_SIGNALS:
    // Another project was opened.
    void projectChanged();
    // The project's migrations were read again (a file was written or edited).
    void graphChanged();
    void connectionChanged();
    void stateChanged();
    void busyChanged(bool busy);

private:
    void setState(const QStringList &current, const QStringList &pending);

    DatabaseThread *m_thread;
    std::optional<Project> m_project;
    RevisionGraph m_graph;
    quint64 m_generation = 0; // bumped on every connect and disconnect
    std::optional<DatabaseUrl> m_url;
    QString m_serverVersion;
    QString m_environment;
    bool m_protected = false;
    std::optional<StartupOutcome> m_startup;
    QStringList m_current;
    QStringList m_pending;
};

} // namespace sd::app
