#include "Connection.h"

#include "dialect/Dialect.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>

namespace sd {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("schemadesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString serverMessage(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    // libpq messages span lines ("FATAL:  ...\nDETAIL: ..."); keep one line.
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.simplified();
}

} // namespace

Connection::Connection(QString name, DatabaseUrl url, ConnectOptions options)
    : m_name(std::move(name))
    , m_url(std::move(url))
    , m_options(std::move(options))
{
}

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

Result<std::unique_ptr<Connection>> Connection::open(const DatabaseUrl &url, const ConnectOptions &options)
{
    const QString driver = url.dialect == DialectKind::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return std::unexpected(Error::connection(url.serverDescription(),
            QCoreApplication::translate("Connection", "the Qt SQL driver %1 is not installed").arg(driver)));
    }

    std::unique_ptr<Connection> connection(new Connection(nextConnectionName(), url, options));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, connection->m_name);

    if (url.dialect == DialectKind::Sqlite) {
        QString path = url.path;
        if (!url.inMemory() && !QFileInfo::exists(path) && !options.createSqliteFile) {
            connection->m_fileMissing = true;
            path = QStringLiteral(":memory:");
        }
        db.setDatabaseName(path);
        QStringList sqliteOptions{QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")};
        if (options.readOnly && !connection->m_fileMissing && !url.inMemory())
            sqliteOptions << QStringLiteral("QSQLITE_OPEN_READONLY");
        db.setConnectOptions(sqliteOptions.join(QLatin1Char(';')));
    } else {
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setDatabaseName(url.database);
        if (!url.user.isEmpty())
            db.setUserName(url.user);
        if (!url.password.isEmpty())
            db.setPassword(url.password);
        QMap<QString, QString> params = url.parameters;
        params.insert(QStringLiteral("connect_timeout"),
                      params.value(QStringLiteral("connect_timeout"), QString::number(options.connectTimeoutSeconds)));
        params.insert(QStringLiteral("application_name"),
                      params.value(QStringLiteral("application_name"), options.applicationName));
        QStringList pgOptions;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            pgOptions << it.key() + QLatin1Char('=') + DatabaseUrl::libpqQuote(it.value());
        db.setConnectOptions(pgOptions.join(QLatin1Char(';')));
    }

    if (!db.open()) {
        const QString message = serverMessage(db.lastError());
        return std::unexpected(Error::connection(url.serverDescription(),
            QCoreApplication::translate("Connection", "could not connect: %1").arg(message)));
    }

    if (url.dialect == DialectKind::Sqlite) {
        auto fk = connection->exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        if (!fk)
            return std::unexpected(fk.error());
        auto version = connection->exec(QStringLiteral("SELECT sqlite_version()"));
        if (version && version->next())
            connection->m_serverVersion = QStringLiteral("SQLite ") + version->value(0).toString();
    } else {
        auto version = connection->exec(QStringLiteral(
            "SELECT pg_catalog.current_setting('server_version'), pg_catalog.current_setting('server_version_num')::integer"));
        if (!version)
            return std::unexpected(version.error());
        if (version->next()) {
            connection->m_serverVersion = QStringLiteral("PostgreSQL ") + version->value(0).toString();
            connection->m_serverVersionNumber = version->value(1).toInt();
        }
        const std::pair<const char *, QString> settings[] = {
            {"search_path", options.postgresSchema.isEmpty() ? QString() : Dialect::get(DialectKind::PostgreSQL).quoteIdentifier(options.postgresSchema)},
            {"lock_timeout", options.lockTimeout},
            {"statement_timeout", options.statementTimeout},
            // libpq prints NOTICEs ("relation ... already exists, skipping",
            // "drop cascades to ...") on stderr itself; the user gets one
            // clear line per error from SchemaDesk instead.
            {"client_min_messages", QStringLiteral("warning")},
        };
        for (const auto &[name, value] : settings) {
            if (value.isEmpty())
                continue;
            auto set = connection->exec(QStringLiteral("SELECT pg_catalog.set_config(?, ?, false)"),
                                        {QString::fromLatin1(name), value});
            if (!set)
                return std::unexpected(set.error());
        }
    }
    return connection;
}

Result<QSqlQuery> Connection::exec(const QString &sql, const QVariantList &bindings) const
{
    ++m_statementCount;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    bool ok = false;
    if (bindings.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (const QVariant &value : bindings)
                query.addBindValue(value);
            ok = query.exec();
        }
    }
    if (!ok)
        return std::unexpected(Error::database(m_url.serverDescription(), serverMessage(query.lastError()), sql));
    return query;
}

std::optional<Error> Connection::rowsError(const QSqlQuery &query, const QString &sql) const
{
    if (query.lastError().type() == QSqlError::NoError)
        return std::nullopt;
    return Error::database(m_url.serverDescription(), serverMessage(query.lastError()), sql);
}

} // namespace sd
