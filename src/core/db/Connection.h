#pragma once
// An open database connection (a named QSqlDatabase it owns and removes),
// with errors that name the server and the statement.

#include "DatabaseUrl.h"
#include "Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <algorithm>
#include <memory>
#include <optional>

namespace sd {

struct ConnectOptions
{
    int connectTimeoutSeconds = 10;
    QString applicationName = QStringLiteral("schemadesk");
    // SQLite: create the file when it does not exist. When false, a missing
    // file opens as an empty in-memory database and fileMissing() is true,
    // so read-only verbs never leave a new file behind.
    bool createSqliteFile = false;
    bool readOnly = false;
    // PostgreSQL session settings, each left alone when empty: the schema
    // unqualified names resolve to (search_path), and the migrator's
    // lock_timeout and statement_timeout ("5s", "0").
    QString postgresSchema;
    QString lockTimeout;
    QString statementTimeout;
};

class Connection
{
public:
    static Result<std::unique_ptr<Connection>> open(const DatabaseUrl &url, const ConnectOptions &options = {});
    // Another connection to the same database, opened with the same options
    // (a connect timeout of at most `connectTimeoutSeconds`, when given), for
    // the calling thread: a connection is used by the thread that opened it.
    Result<std::unique_ptr<Connection>> openAnother(int connectTimeoutSeconds = 0) const
    {
        ConnectOptions options = m_options;
        if (connectTimeoutSeconds > 0)
            options.connectTimeoutSeconds = std::min(options.connectTimeoutSeconds, connectTimeoutSeconds);
        return open(m_url, options);
    }
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase database() const;
    const DatabaseUrl &url() const { return m_url; }
    DialectKind dialect() const { return m_url.dialect; }
    bool fileMissing() const { return m_fileMissing; }
    QString serverVersion() const { return m_serverVersion; }
    // PostgreSQL's server_version_num (150005 for 15.5); 0 for SQLite.
    int serverVersionNumber() const { return m_serverVersionNumber; }

    // Runs one statement with bound values; a failure names the server, the
    // statement and the server's message. The query is forward-only.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &bindings = {}) const;
    // The error `query` (running `sql`) stopped on while its rows were read,
    // if it stopped on one: QSqlQuery::next() only returns false.
    std::optional<Error> rowsError(const QSqlQuery &query, const QString &sql) const;

    // Statements run through exec() so far: tests use it to prove that
    // introspection runs a constant number of queries.
    int statementCount() const { return m_statementCount; }

private:
    Connection(QString name, DatabaseUrl url, ConnectOptions options);
    QString m_name;
    DatabaseUrl m_url;
    ConnectOptions m_options;
    bool m_fileMissing = false;
    QString m_serverVersion;
    int m_serverVersionNumber = 0;
    mutable int m_statementCount = 0;
};

} // namespace sd
