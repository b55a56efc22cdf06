#include "MigrationLock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QThread>
#include <QtEndian>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MigrationLock)
};

constexpr quint32 keyPrefix = 0x53444d47; // "SDMG"

} // namespace

QString LockHolder::description() const
{
    QStringList details;
    if (!applicationName.isEmpty())
        details << applicationName;
    QString who = user.isEmpty() ? QString() : Tr::tr("user %1").arg(user);
    if (!clientAddress.isEmpty())
        who += (who.isEmpty() ? QString() : QStringLiteral(" ")) + Tr::tr("from %1").arg(clientAddress);
    if (!who.isEmpty())
        details << who;
    if (since.isValid())
        details << Tr::tr("connected since %1").arg(since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    return Tr::tr("pid %1").arg(pid) + (details.isEmpty() ? QString() : QStringLiteral(" (") + details.join(QStringLiteral(", ")) + QLatin1Char(')'));
}

qint64 MigrationLock::advisoryKey(const QString &postgresSchema)
{
    const QByteArray digest = QCryptographicHash::hash(postgresSchema.toUtf8(), QCryptographicHash::Sha256);
    const quint32 low = qFromBigEndian<quint32>(digest.constData());
    return qint64((quint64(keyPrefix) << 32) | low);
}

Result<std::optional<LockHolder>> MigrationLock::holder(const Connection &connection, qint64 key)
{
    auto query = connection.exec(QStringLiteral(
        "SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.backend_start "
        "FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
        "AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) "
        "AND l.classid = CAST(? AS bigint)::oid AND l.objid = CAST(? AS bigint)::oid"),
        {qlonglong(quint64(key) >> 32), qlonglong(quint64(key) & 0xffffffffu)});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<LockHolder>{};
    LockHolder h;
    h.pid = query->value(0).toLongLong();
    h.applicationName = query->value(1).toString();
    h.user = query->value(2).toString();
    h.clientAddress = query->value(3).toString();
    h.since = query->value(4).toDateTime();
    return std::optional<LockHolder>{h};
}

Result<std::unique_ptr<MigrationLock>> MigrationLock::acquire(const DatabaseUrl &url, const ConnectOptions &connectOptions,
                                                              const QString &postgresSchema, const LockOptions &options)
{
    std::unique_ptr<MigrationLock> lock(new MigrationLock);
    if (url.dialect == DialectKind::Sqlite) {
        if (url.inMemory())
            return lock;
        lock->m_file = std::make_unique<QLockFile>(url.path + QStringLiteral(".schemadesk-lock"));
        lock->m_file->setStaleLockTime(0); // a lock of a dead process is stale, however recent
        bool reported = false;
        while (!lock->m_file->tryLock(0)) {
            if (lock->m_file->error() != QLockFile::LockFailedError)
                return std::unexpected(Error::io(Tr::tr("cannot create the migration lock file"), url.path + QStringLiteral(".schemadesk-lock")));
            LockHolder h;
            QString host, app;
            lock->m_file->getLockInfo(&h.pid, &host, &app);
            h.applicationName = app;
            h.clientAddress = host;
            if (!options.wait)
                return std::unexpected(Error::connection(url.serverDescription(),
                    Tr::tr("another migrator holds the migration lock: %1").arg(h.description())));
            if (!reported && options.waiting)
                options.waiting(h);
            reported = true;
            if (options.cancelled && options.cancelled())
                return std::unexpected(Error::connection(url.serverDescription(), Tr::tr("cancelled while waiting for the migration lock")));
            QThread::msleep(options.pollIntervalMs);
        }
        return lock;
    }

    ConnectOptions lockOptions = connectOptions;
    lockOptions.applicationName = connectOptions.applicationName + QStringLiteral(" (migration lock)");
    auto connection = Connection::open(url, lockOptions);
    if (!connection)
        return std::unexpected(connection.error());
    lock->m_connection = std::move(*connection);
    lock->m_key = advisoryKey(postgresSchema);
    bool reported = false;
    for (;;) {
        auto tried = lock->m_connection->exec(QStringLiteral("SELECT pg_catalog.pg_try_advisory_lock(?)"), {lock->m_key});
        if (!tried)
            return std::unexpected(tried.error());
        if (tried->next() && tried->value(0).toBool())
            return lock;
        auto h = holder(*lock->m_connection, lock->m_key);
        if (!h)
            return std::unexpected(h.error());
        const QString who = *h ? (*h)->description() : Tr::tr("a session that has just ended");
        if (!options.wait)
            return std::unexpected(Error::connection(url.serverDescription(),
                Tr::tr("another migrator holds the migration lock: %1").arg(who)));
        if (!reported && options.waiting && *h)
            options.waiting(**h);
        reported = reported || *h;
        if (options.cancelled && options.cancelled())
            return std::unexpected(Error::connection(url.serverDescription(), Tr::tr("cancelled while waiting for the migration lock")));
        QThread::msleep(options.pollIntervalMs);
    }
}

MigrationLock::~MigrationLock()
{
    if (m_connection)
        (void)m_connection->exec(QStringLiteral("SELECT pg_catalog.pg_advisory_unlock(?)"), {m_key});
    if (m_file)
        m_file->unlock();
}

} // namespace sd
