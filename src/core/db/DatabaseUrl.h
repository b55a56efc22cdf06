#pragma once
// A database URL of DESIGN.md section 2: sqlite:///relative.db,
// sqlite:////absolute.db, sqlite://:memory:, postgresql://user@host:port/db?sslmode=...

#include "Error.h"
#include "model/ColumnType.h"

#include <QMap>
#include <QString>

namespace sd {

struct DatabaseUrl
{
    DialectKind dialect = DialectKind::Sqlite;

    // SQLite
    QString path;           // absolute, or ":memory:"
    bool inMemory() const { return dialect == DialectKind::Sqlite && path == QLatin1String(":memory:"); }

    // PostgreSQL
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString user;
    QString password;       // only when the URL holds one; never shown
    QString database;
    QMap<QString, QString> parameters; // sslmode, connect_timeout, application_name, host (socket dir)

    // Relative SQLite paths are taken from `baseDir` (the project folder).
    static Result<DatabaseUrl> parse(const QString &url, const QString &baseDir = {});

    // The URL without its password, for messages: "postgresql://app@127.0.0.1:5432/app".
    QString display() const;
    // Who we talk to, for errors: "PostgreSQL server 127.0.0.1:5432, database \"app\"".
    QString serverDescription() const;

    // The database's name as a person types it to confirm a destructive
    // action: the PostgreSQL database, or the SQLite file's name.
    QString confirmationName() const;
    // Whether both name the same database: the same SQLite file (after
    // resolving links), or the same PostgreSQL host, port and database,
    // whoever connects and however.
    bool sameDatabase(const DatabaseUrl &other) const;

    // A value quoted for a libpq connection string: 'it\'s'.
    static QString libpqQuote(const QString &value);
};

} // namespace sd
