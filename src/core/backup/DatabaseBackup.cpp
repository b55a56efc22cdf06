#include "DatabaseBackup.h"

#include "db/Connection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <filesystem>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)
};

QString timestamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

// A libpq connection string without the password: `pg_dump --dbname=...`.
QString conninfo(const DatabaseUrl &url)
{
    const auto quote = &DatabaseUrl::libpqQuote;
    QStringList parts{QStringLiteral("host=") + quote(url.host), QStringLiteral("port=") + QString::number(url.port),
                      QStringLiteral("dbname=") + quote(url.database)};
    if (!url.user.isEmpty())
        parts << QStringLiteral("user=") + quote(url.user);
    for (auto it = url.parameters.cbegin(); it != url.parameters.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + quote(it.value());
    return parts.join(QLatin1Char(' '));
}

Result<void> runTool(const DatabaseUrl &url, const QString &tool, const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty())
        return std::unexpected(Error::io(Tr::tr("%1 is not installed (Debian package postgresql-client)").arg(tool)));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!url.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), url.password);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return std::unexpected(Error::io(Tr::tr("cannot start %1: %2").arg(tool, process.errorString())));
    process.closeWriteChannel();
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString message = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        message.replace(QLatin1Char('\n'), QStringLiteral("; "));
        if (message.isEmpty())
            message = Tr::tr("exit status %1").arg(process.exitCode());
        return std::unexpected(Error::database(url.serverDescription(), Tr::tr("%1 failed: %2").arg(tool, message)));
    }
    return {};
}

bool isSqliteFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3\0", 16);
}

// An online copy of the SQLite database `source` opened on `connection`.
Result<void> vacuumInto(const Connection &connection, const QString &file)
{
    auto done = connection.exec(QStringLiteral("VACUUM INTO ?"), {file});
    if (!done)
        return std::unexpected(done.error());
    return {};
}

} // namespace

QString DatabaseBackup::defaultFileName(const DatabaseUrl &url, const QString &directory)
{
    const bool sqlite = url.dialect == DialectKind::Sqlite;
    QString base = sqlite ? (url.inMemory() ? QStringLiteral("memory") : QFileInfo(url.path).completeBaseName()) : url.database;
    if (base.isEmpty())
        base = QStringLiteral("database");
    return QDir(directory).absoluteFilePath(base + QLatin1Char('-') + timestamp()
                                            + (sqlite ? QStringLiteral(".sqlite3") : QStringLiteral(".dump")));
}

Result<BackupInfo> DatabaseBackup::backup(const Connection &connection, const QString &file)
{
    QElapsedTimer timer;
    timer.start();
    const QString target = QFileInfo(file).absoluteFilePath();
    if (QFile::exists(target))
        return std::unexpected(Error::io(Tr::tr("the backup file already exists; choose a new name"), target));
    const DatabaseUrl &url = connection.url();
    if (url.dialect == DialectKind::Sqlite) {
        if (connection.fileMissing())
            return std::unexpected(Error::io(Tr::tr("the database file does not exist"), url.path));
        if (auto ok = vacuumInto(connection, target); !ok)
            return std::unexpected(ok.error());
    } else {
        if (auto ok = runTool(url, QStringLiteral("pg_dump"),
                              {QStringLiteral("--format=custom"), QStringLiteral("--no-password"),
                               QStringLiteral("--file=") + target, QStringLiteral("--dbname=") + conninfo(url)});
            !ok) {
            QFile::remove(target);
            return std::unexpected(ok.error());
        }
    }
    return BackupInfo{target, QFileInfo(target).size(), timer.elapsed(), {}};
}

Result<BackupInfo> DatabaseBackup::restore(const DatabaseUrl &url, const QString &file, const RestoreOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const QString source = QFileInfo(file).absoluteFilePath();
    if (!QFileInfo(source).isFile())
        return std::unexpected(Error::io(Tr::tr("no such backup file"), source));
    // Held until the database is replaced; released on every way out.
    auto lock = MigrationLock::acquire(url, options.connectOptions, options.postgresSchema, options.lock);
    if (!lock)
        return std::unexpected(lock.error());

    if (url.dialect == DialectKind::PostgreSQL) {
        // Keep what is there now, beside the backup being restored.
        const QString dir = QFileInfo(source).absolutePath();
        BackupInfo info{source, QFileInfo(source).size(), 0,
                        QDir(dir).absoluteFilePath(url.database + QStringLiteral("-before-restore-") + timestamp() + QStringLiteral(".dump"))};
        if (QFile::exists(info.keptCopy))
            return std::unexpected(Error::io(Tr::tr("a file for the copy of the current database already exists"), info.keptCopy));
        if (auto kept = runTool(url, QStringLiteral("pg_dump"),
                                {QStringLiteral("--format=custom"), QStringLiteral("--no-password"),
                                 QStringLiteral("--file=") + info.keptCopy, QStringLiteral("--dbname=") + conninfo(url)});
            !kept) {
            QFile::remove(info.keptCopy);
            return std::unexpected(kept.error());
        }
        if (auto ok = runTool(url, QStringLiteral("pg_restore"),
                              {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--single-transaction"),
                               QStringLiteral("--exit-on-error"), QStringLiteral("--no-owner"), QStringLiteral("--no-password"),
                               QStringLiteral("--dbname=") + conninfo(url), source});
            !ok) {
            Error e = ok.error();
            e.message += QLatin1Char(' ') + Tr::tr("(nothing was restored; the database as it was is also saved in %1)").arg(info.keptCopy);
            return std::unexpected(e);
        }
        info.durationMs = timer.elapsed();
        return info;
    }

    if (url.inMemory())
        return std::unexpected(Error::usage(Tr::tr("an in-memory database cannot be restored")));
    if (!isSqliteFile(source))
        return std::unexpected(Error::input(Tr::tr("not a SQLite database file"), source));
    {
        // The backup must be sound before it replaces anything.
        DatabaseUrl backupUrl = url;
        backupUrl.path = source;
        ConnectOptions readOnly;
        readOnly.readOnly = true;
        auto check = Connection::open(backupUrl, readOnly);
        if (!check)
            return std::unexpected(check.error());
        auto result = (*check)->exec(QStringLiteral("PRAGMA integrity_check"));
        if (!result)
            return std::unexpected(result.error());
        if (!result->next() || result->value(0).toString() != QLatin1String("ok"))
            return std::unexpected(Error::input(Tr::tr("the backup fails SQLite's integrity check"), source));
    }

    BackupInfo info{source, QFileInfo(source).size(), 0, {}};
    const QString target = url.path;
    if (QFile::exists(target)) {
        // Keep what is there now: a consistent copy, WAL content included.
        info.keptCopy = target + QStringLiteral(".before-restore-") + timestamp();
        auto current = Connection::open(url);
        if (!current)
            return std::unexpected(current.error());
        if (auto ok = vacuumInto(**current, info.keptCopy); !ok) {
            // A damaged database is what restores are for: keep its bytes as they are.
            current->reset();
            QFile::remove(info.keptCopy);
            if (!QFile::copy(target, info.keptCopy))
                return std::unexpected(Error::io(Tr::tr("cannot keep a copy of the database before replacing it"), info.keptCopy));
            for (const char *suffix : {"-wal", "-shm"}) {
                const QString side = target + QLatin1String(suffix);
                if (QFile::exists(side))
                    QFile::copy(side, info.keptCopy + QLatin1String(suffix));
            }
        }
    }
    const QString temporary = target + QStringLiteral(".restoring");
    QFile::remove(temporary);
    if (!QFile::copy(source, temporary))
        return std::unexpected(Error::io(Tr::tr("cannot copy the backup next to the database"), temporary));
    std::error_code error;
    std::filesystem::rename(temporary.toStdString(), target.toStdString(), error);
    if (error) {
        QFile::remove(temporary);
        return std::unexpected(Error::io(Tr::tr("cannot replace the database: %1").arg(QString::fromStdString(error.message())), target));
    }
    // The replaced database's write-ahead log must not be replayed into the
    // restored one (its content is in the kept copy).
    QFile::remove(target + QStringLiteral("-wal"));
    QFile::remove(target + QStringLiteral("-shm"));
    info.durationMs = timer.elapsed();
    return info;
}

} // namespace sd
