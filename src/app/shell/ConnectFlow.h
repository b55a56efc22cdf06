#pragma once
// Connecting the window to a database, end to end: a password the user
// kept in the keychain is used first; the session connects on its
// database thread and runs the start-up policy; when the server asks for
// a password libpq could not find (PGPASSWORD, ~/.pgpass, the keychain),
// the user is asked, as psql does, and the connect is tried once more; a
// connection that worked is remembered (the project's last connection,
// the workspace's saved connections).

#include "db/DatabaseUrl.h"
#include "StartupRunner.h"
#include "runtime/StatementLog.h"

#include <QObject>

#include <functional>
#include <optional>

class QWidget;

namespace sd {
struct Error;
}

namespace sd::app {

class ProjectSession;
class Workspace;

class ConnectFlow : public QObject
{
    Q_OBJECT
public:
    // Asks for the password of `url`; nullopt when the user cancels.
    using PasswordPrompt = std::function<std::optional<QString>(const DatabaseUrl &url)>;

    // `workspace` may be null; `log` receives the start-up statements (any thread).
    ConnectFlow(ProjectSession *session, Workspace *workspace, StatementLog log, QWidget *dialogParent);

    void setPasswordPrompt(PasswordPrompt prompt) { m_prompt = std::move(prompt); }
    bool isConnecting() const { return m_connecting; }

public Q_SLOTS:
    void connectTo(const sd::DatabaseUrl &url, const QString &environment = {});
    // The project's last connection, else its default database.
    void connectToLast();
    // The connection dialog (this project's saved connections offered,
    // the current database filled in), then a connect to what was chosen;
    // a password the user asked to remember goes to the keychain.
    void chooseAndConnect();

Q_SIGNALS:
    void connectingChanged(bool connecting);
    void statusMessage(const QString &text);
    void failed(const sd::Error &error);
    void finished(bool connected);
    // A start-up migration was written to the workspace's audit log.
    void auditRecorded();

private:
    void tryConnect(const DatabaseUrl &url, const QString &environment, bool mayPrompt);
    void succeeded(const DatabaseUrl &url, const QString &environment, const StartupOutcome &outcome);
    void setConnecting(bool connecting);
    void fail(const Error &error);

    ProjectSession *m_session;
    Workspace *m_workspace;
    StatementLog m_log;
    QWidget *m_dialogParent;
    PasswordPrompt m_prompt;
    bool m_connecting = false;
    quint64 m_attempt = 0; // results of earlier attempts are dropped
};

} // namespace sd::app
