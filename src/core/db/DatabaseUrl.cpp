#include "DatabaseUrl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

namespace sd {

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text, const QString &baseDir)
{
    const QString url = text.trimmed();
    DatabaseUrl result;

    if (url.startsWith(QLatin1String("sqlite:"))) {
        result.dialect = DialectKind::Sqlite;
        QString rest = url.mid(7);
        if (rest == QLatin1String("//:memory:") || rest == QLatin1String(":memory:")) {
            result.path = QStringLiteral(":memory:");
            return result;
        }
        if (!rest.startsWith(QLatin1String("///")) || rest.size() == 3) {
            return std::unexpected(Error::input(
                QCoreApplication::translate("DatabaseUrl",
                    "invalid SQLite URL '%1': expected sqlite:///relative.db, sqlite:////absolute.db or sqlite://:memory:")
                    .arg(url)));
        }
        rest = rest.mid(3); // "relative.db" or "/absolute.db"
        rest = QUrl::fromPercentEncoding(rest.toUtf8());
        if (QDir::isAbsolutePath(rest))
            result.path = QDir::cleanPath(rest);
        else
            result.path = QDir::cleanPath(QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).absoluteFilePath(rest));
        return result;
    }

    if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
        const QUrl u(url, QUrl::StrictMode);
        if (!u.isValid()) {
            return std::unexpected(Error::input(
                QCoreApplication::translate("DatabaseUrl", "invalid PostgreSQL URL '%1': %2").arg(url, u.errorString())));
        }
        result.dialect = DialectKind::PostgreSQL;
        if (!u.host().isEmpty())
            result.host = u.host();
        result.port = u.port(5432);
        result.user = u.userName();
        result.password = u.password();
        result.database = u.path().mid(1);
        const QUrlQuery query(u);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
            result.parameters.insert(key, value);
        if (result.parameters.contains(QStringLiteral("host")))
            result.host = result.parameters.take(QStringLiteral("host"));
        if (result.parameters.contains(QStringLiteral("port")))
            result.port = result.parameters.take(QStringLiteral("port")).toInt();
        if (result.database.isEmpty())
            result.database = result.user.isEmpty() ? QStringLiteral("postgres") : result.user;
        return result;
    }

    return std::unexpected(Error::input(
        QCoreApplication::translate("DatabaseUrl",
            "unsupported database URL '%1': expected sqlite:///FILE or postgresql://USER@HOST:PORT/DATABASE")
            .arg(url)));
}

QString DatabaseUrl::confirmationName() const
{
    if (dialect == DialectKind::PostgreSQL)
        return database;
    return inMemory() ? path : QFileInfo(path).fileName();
}

bool DatabaseUrl::sameDatabase(const DatabaseUrl &other) const
{
    if (dialect != other.dialect)
        return false;
    if (dialect == DialectKind::PostgreSQL)
        return host.compare(other.host, Qt::CaseInsensitive) == 0 && port == other.port && database == other.database;
    if (inMemory() || other.inMemory())
        return false; // each in-memory connection is a database of its own
    const auto canonical = [](const QString &file) -> QString {
        const QFileInfo info(file);
        const QString resolved = info.canonicalFilePath();
        return resolved.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : resolved;
    };
    return canonical(path) == canonical(other.path);
}

QString DatabaseUrl::display() const
{
    if (dialect == DialectKind::Sqlite)
        return inMemory() ? QStringLiteral("sqlite://:memory:") : QStringLiteral("sqlite:///") + path;
    QString s = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        s += user + QLatin1Char('@');
    s += (host.startsWith(QLatin1Char('/')) ? QString() : host) + QLatin1Char(':') + QString::number(port)
         + QLatin1Char('/') + database;
    QStringList params;
    if (host.startsWith(QLatin1Char('/')))
        params << QStringLiteral("host=") + host;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        params << it.key() + QLatin1Char('=') + it.value();
    if (!params.isEmpty())
        s += QLatin1Char('?') + params.join(QLatin1Char('&'));
    return s;
}

QString DatabaseUrl::serverDescription() const
{
    if (dialect == DialectKind::Sqlite)
        return inMemory() ? QStringLiteral("SQLite in-memory database") : QStringLiteral("SQLite database %1").arg(path);
    return QStringLiteral("PostgreSQL server %1:%2, database \"%3\"%4")
        .arg(host)
        .arg(port)
        .arg(database, user.isEmpty() ? QString() : QStringLiteral(" as user \"%1\"").arg(user));
}

QString DatabaseUrl::libpqQuote(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

} // namespace sd
