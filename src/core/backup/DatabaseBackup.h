#pragma once
// `backup` and `restore` (DESIGN.md section 7), and the first step of the
// app's backup-then-migrate wizard. SQLite: an online, consistent copy with
// VACUUM INTO while other connections keep working; restore replaces the
// file atomically after keeping the current one beside it. PostgreSQL:
// `pg_dump -Fc` and `pg_restore --clean --if-exists --single-transaction`
// after dumping the current database beside the backup,
// the password handed over in the child's environment, never on its
// command line.

#include "Error.h"
#include "db/Connection.h"
#include "db/DatabaseUrl.h"
#include "runtime/MigrationLock.h"

namespace sd {

class Connection;

struct BackupInfo
{
    QString file;
    qint64 bytes = 0;
    qint64 durationMs = 0;
    QString keptCopy; // restore: where the replaced database was kept (SQLite copy, or pg_dump beside the backup)
};

// A restore holds the migration lock (MigrationLock) while it replaces the
// database, so no migrator runs on it meanwhile and it never replaces a
// database in the middle of a migration.
struct RestoreOptions
{
    ConnectOptions connectOptions; // for the PostgreSQL session holding the lock
    QString postgresSchema = QStringLiteral("public"); // names the PostgreSQL lock, as the migrator's
    LockOptions lock;
};

class DatabaseBackup
{
public:
    // A file name for a new backup of `url` in `directory`:
    // "app-20261124-101500.sqlite3" or "app-20261124-101500.dump".
    static QString defaultFileName(const DatabaseUrl &url, const QString &directory);

    static Result<BackupInfo> backup(const Connection &connection, const QString &file);
    // Restores `file` into the database of `url`, under the migration lock.
    // A SQLite database must not be open elsewhere in this process.
    static Result<BackupInfo> restore(const DatabaseUrl &url, const QString &file, const RestoreOptions &options = {});
};

} // namespace sd
