#pragma once
// SchemaDesk's own workspace database (DESIGN.md section 6): a SQLite file
// in the user's data directory holding saved connections (never passwords)
// and the audit log of every apply and rollback. It is created and brought
// to head at start-up by SchemaDesk's own engine, from the repository's
// top-level migrations/ folder (compiled in as a Qt resource), under the
// same start-up policy as users' databases.

#include "Error.h"
#include "StartupRunner.h"
#include "runtime/MigrationPlan.h"
#include "db/Connection.h"

#include <QDateTime>
#include <QList>

#include <memory>

namespace sd::app {

struct SavedConnection
{
    qint64 id = 0;
    QString name;        // what the user sees
    QString url;         // DatabaseUrl::display(): no password
    QString environment; // the schemadesk.yaml environment, or empty
    QString projectDir;
    QDateTime lastUsedAt;
};

struct AuditEntry
{
    // A run on `databaseUrl` by the current user: "succeeded", or
    // "cancelled", or "failed" with the error (its revision added to
    // `revisions`).
    static AuditEntry of(const QDateTime &startedAt, const QString &databaseUrl, const QString &environment, Direction direction,
                         const QStringList &revisions, const Error *error, bool cancelled, qint64 durationMs);

    qint64 id = 0;
    QDateTime startedAt; // UTC
    QString appliedBy;
    QString databaseUrl; // no password
    QString environment;
    QString direction;   // "upgrade" / "downgrade"
    QStringList revisions;
    QString result;      // "succeeded", "failed", "cancelled"
    QString message;
    qint64 durationMs = 0;
};

class Workspace
{
public:
    // <AppDataLocation>/workspace.db
    static QString defaultPath();
    // Opens (creating the folder and file when needed) and runs the
    // start-up policy on the workspace database at `path`.
    static Result<std::unique_ptr<Workspace>> open(const QString &path);

    QString path() const { return m_path; }
    const StartupOutcome &startup() const { return m_startup; }
    const Connection &connection() const { return *m_connection; }

    // Inserts or refreshes (by url and project) a saved connection.
    Result<void> saveConnection(const SavedConnection &connection);
    // Most recently used first.
    Result<QList<SavedConnection>> savedConnections() const;

    Result<void> record(const AuditEntry &entry);
    // Newest first.
    Result<QList<AuditEntry>> auditLog() const;

private:
    Workspace() = default;
    QString m_path;
    StartupOutcome m_startup;
    std::unique_ptr<Connection> m_connection;
};

} // namespace sd::app
