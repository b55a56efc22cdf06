// ConnectFlow: keychain, connect on the database thread, password prompt, remember.

#include "ConnectFlow.h"

#include "ConnectionDialog.h"
#include "PasswordStore.h"
#include "ProjectSession.h"
#include "RecentProjects.h"
#include "Workspace.h"

#include <QInputDialog>

namespace sd::app {

namespace {

// libpq found no password (PGPASSWORD, ~/.pgpass) and the server wants one:
// libpq says so with PQnoPasswordSupplied, a fixed string it never
// translates. A wrong password from ~/.pgpass is the server's message,
// which is in English unless the server's lc_messages says otherwise.
bool asksForPassword(const DatabaseUrl &url, const Error &error)
{
    return url.dialect == DialectKind::PostgreSQL && url.password.isEmpty()
        && (error.message.contains(QLatin1String("no password supplied"))
            || error.message.contains(QLatin1String("password authentication failed")));
}

} // namespace

ConnectFlow::ConnectFlow(ProjectSession *session, Workspace *workspace, StatementLog log, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_workspace(workspace)
    , m_log(std::move(log))
    , m_dialogParent(dialogParent)
    , m_prompt([this](const DatabaseUrl &url) -> std::optional<QString> {
        bool ok = false;
        const QString password = QInputDialog::getText(m_dialogParent, tr("Password"), tr("Password for %1:").arg(url.display()),
                                                       QLineEdit::Password, {}, &ok);
        return ok ? std::optional(password) : std::nullopt;
    })
{
    // A connect still running for the previous project no longer counts.
    connect(m_session, &ProjectSession::projectChanged, this, [this] {
        ++m_attempt;
        setConnecting(false);
    });
}

void ConnectFlow::connectToLast()
{
    if (!m_session->hasProject())
        return;
    const QString directory = m_session->project().directory;
    const auto [lastUrl, lastEnv] = RecentProjects::lastConnection(directory);
    // A named environment is resolved again: schemadesk.yaml may have moved it since.
    auto url = lastUrl.isEmpty() || !lastEnv.isEmpty() ? m_session->projectUrl(lastEnv) : DatabaseUrl::parse(lastUrl, directory);
    if (!url) {
        fail(url.error());
        return;
    }
    connectTo(*url, lastEnv);
}

void ConnectFlow::chooseAndConnect()
{
    if (!m_session->hasProject())
        return;
    ConnectionDialog dialog(&m_session->project(), m_dialogParent);
    if (m_workspace) {
        auto saved = m_workspace->savedConnections();
        if (!saved) {
            Q_EMIT failed(saved.error());
        } else {
            QList<SavedConnection> ofProject;
            for (const SavedConnection &c : std::as_const(*saved))
                if (c.projectDir == m_session->project().directory)
                    ofProject << c;
            dialog.setSavedConnections(ofProject);
        }
    }
    if (m_session->isConnected())
        dialog.setUrl(m_session->url(), m_session->environment());
    else if (auto url = m_session->projectUrl())
        dialog.setUrl(*url);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto url = dialog.url(); // the dialog accepts only fields that name a database
    if (!url) {
        fail(url.error());
        return;
    }
    if (dialog.rememberPassword() && !url->password.isEmpty() && PasswordStore::isEnabled()) {
        PasswordStore::storeLater(url->display(), url->password, this, [this](const Result<void> &stored) {
            if (!stored)
                Q_EMIT statusMessage(tr("The keychain did not store the password: %1").arg(stored.error().message));
        });
    }
    connectTo(*url, dialog.environment());
}

void ConnectFlow::connectTo(const DatabaseUrl &url, const QString &environment)
{
    const quint64 attempt = ++m_attempt;
    setConnecting(true);
    Q_EMIT statusMessage(tr("Connecting to %1…").arg(url.display()));
    const bool useKeychain = url.dialect == DialectKind::PostgreSQL && url.password.isEmpty() && PasswordStore::isEnabled();
    if (!useKeychain) {
        tryConnect(url, environment, true);
        return;
    }
    // The keychain may take its time (an unlock prompt): the window goes on meanwhile.
    PasswordStore::loadLater(url.display(), this, [this, attempt, url, environment](const Result<QString> &stored) {
        if (attempt != m_attempt)
            return;
        DatabaseUrl withPassword = url;
        if (stored)
            withPassword.password = *stored;
        else
            Q_EMIT statusMessage(tr("Connecting to %1… (the keychain did not give the password: %2)").arg(url.display(), stored.error().message));
        tryConnect(withPassword, environment, true);
    });
}

void ConnectFlow::tryConnect(const DatabaseUrl &url, const QString &environment, bool mayPrompt)
{
    const quint64 attempt = m_attempt;
    m_session->connectTo(url, environment, m_log, this, [this, attempt, url, environment, mayPrompt](const Result<StartupOutcome> &outcome) {
        if (attempt != m_attempt)
            return; // superseded by another connect or another project
        if (outcome) {
            succeeded(url, environment, *outcome);
            return;
        }
        if (!mayPrompt || !asksForPassword(url, outcome.error())) {
            fail(outcome.error());
            return;
        }
        // The prompt opens a dialog: not from inside the session's callback.
        const Error error = outcome.error();
        QMetaObject::invokeMethod(
            this,
            [this, attempt, url, environment, error] {
                if (attempt != m_attempt)
                    return;
                const std::optional<QString> password = m_prompt(url);
                if (attempt != m_attempt)
                    return;
                if (!password || password->isEmpty()) {
                    fail(error);
                    return;
                }
                DatabaseUrl withPassword = url;
                withPassword.password = *password;
                tryConnect(withPassword, environment, false);
            },
            Qt::QueuedConnection);
    });
}

void ConnectFlow::succeeded(const DatabaseUrl &url, const QString &environment, const StartupOutcome &outcome)
{
    const QString projectDir = m_session->project().directory;
    RecentProjects::setLastConnection(projectDir, url.display(), environment);
    if (m_workspace) {
        SavedConnection saved;
        saved.name = environment.isEmpty() ? url.display() : environment;
        saved.url = url.display();
        saved.environment = environment;
        saved.projectDir = projectDir;
        if (auto ok = m_workspace->saveConnection(saved); !ok)
            Q_EMIT failed(ok.error());
        if (outcome.report || outcome.migrationError) {
            // The start-up policy's migration belongs in the audit log like any other run.
            const Error *error = outcome.migrationError ? &*outcome.migrationError : nullptr;
            const AuditEntry entry = AuditEntry::of(outcome.migrationStartedAt, url.display(), m_session->environment(),
                                                    Direction::Upgrade, outcome.applied, error, false, outcome.migrationMs);
            if (auto recorded = m_workspace->record(entry); !recorded)
                Q_EMIT failed(recorded.error());
            else
                Q_EMIT auditRecorded();
        }
    }
    if (outcome.migrationError) {
        // Connected, where the migration stopped: the user can look at it.
        Q_EMIT failed(*outcome.migrationError);
        Q_EMIT statusMessage(tr("Connected to %1; its start-up migration failed").arg(url.display()));
    } else {
        Q_EMIT statusMessage(tr("Connected to %1: %2").arg(url.display(), outcome.decision.description()));
    }
    setConnecting(false);
    Q_EMIT finished(true);
}

void ConnectFlow::fail(const Error &error)
{
    Q_EMIT statusMessage(QString());
    Q_EMIT failed(error);
    setConnecting(false);
    Q_EMIT finished(false);
}

void ConnectFlow::setConnecting(bool connecting)
{
    if (m_connecting == connecting)
        return;
    m_connecting = connecting;
    Q_EMIT connectingChanged(connecting);
}

} // namespace sd::app
