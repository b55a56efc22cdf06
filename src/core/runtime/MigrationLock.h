#pragma once
// Keeps two migrators from interleaving (DESIGN.md section 5). PostgreSQL:
// a session-level pg_advisory_lock taken on a dedicated connection for the
// whole run; the server releases it when that session ends, even when the
// process is killed. SQLite files: a QLockFile beside the database (stale
// locks of dead processes are taken over). In-memory SQLite needs none.

#include "Error.h"
#include "db/Connection.h"

#include <QDateTime>
#include <QLockFile>

#include <functional>
#include <memory>

namespace sd {

struct LockHolder
{
    qint64 pid = 0;
    QString applicationName;
    QString user;
    QString clientAddress;
    QDateTime since; // when the holder's session started

    // "pid 4242 (schemadesk-cli, user deploy from 127.0.0.1, connected since 2026-11-24 10:15:02 UTC)"
    QString description() const;
};

struct LockOptions
{
    bool wait = true;                                  // false: fail at once when another migrator holds the lock
    std::function<void(const LockHolder &)> waiting;   // called once when the lock is busy and we wait
    std::function<bool()> cancelled;                   // polled while waiting
    int pollIntervalMs = 250;
};

class MigrationLock
{
public:
    // Takes the lock for the database of `url` (`postgresSchema` names the
    // lock on PostgreSQL, so two schemas migrate independently). A busy lock
    // with wait=false, or cancellation, gives a Connection error naming the holder.
    static Result<std::unique_ptr<MigrationLock>> acquire(const DatabaseUrl &url, const ConnectOptions &connectOptions,
                                                          const QString &postgresSchema, const LockOptions &options = {});
    ~MigrationLock();

    // The 64-bit key passed to pg_advisory_lock for `postgresSchema`.
    static qint64 advisoryKey(const QString &postgresSchema);
    // Who holds the PostgreSQL lock now, if anyone.
    static Result<std::optional<LockHolder>> holder(const Connection &connection, qint64 key);

private:
    MigrationLock() = default;
    std::unique_ptr<Connection> m_connection; // PostgreSQL: the session holding the lock
    qint64 m_key = 0;
    std::unique_ptr<QLockFile> m_file;        // SQLite
};

} // namespace sd
