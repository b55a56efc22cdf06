#pragma once
// The project file schemadesk.yaml (DESIGN.md section 2): where the schema
// and migrations live, which database to use, and the named environments.

#include "Error.h"
#include "db/DatabaseUrl.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace sd {

struct Environment
{
    QString url;
    bool isProtected = false; // destructive actions need typed confirmation

    bool operator==(const Environment &) const = default;
};

struct Project
{
    QString directory;      // absolute
    QString schemaPath;     // absolute
    QString migrationsPath; // absolute
    QString databaseUrl;    // as written; empty when the file names none
    bool autoUpgrade = true;
    QMap<QString, Environment> environments;
    QStringList ignorePatterns; // table-name globs: "tmp_*"
    QString postgresSchema = QStringLiteral("public");
    int connectTimeoutSeconds = 10;
    // PostgreSQL settings for the migrator's session: a DDL statement waits
    // at most `lockTimeout` for its lock, so it never queues for ever behind
    // a long transaction with every query queued behind it. "0" is no limit.
    QString lockTimeout = QStringLiteral("5s");
    QString statementTimeout = QStringLiteral("0");

    // "5s", "500ms", "2min", "1h" or a plain number of milliseconds.
    static bool isDuration(const QString &text);

    // True when `table` matches one of the ignore globs.
    bool isIgnored(const QString &table) const;
    // True when `envName` names an environment marked `protected: true`.
    bool isProtected(const QString &envName) const;
    // The protected environment `url` belongs to: `envName` when that one
    // is protected, else a protected environment whose URL names the same
    // database (a URL typed by hand, given with --url or from a saved
    // connection is protected just the same); empty when none.
    QString protectedEnvironment(const DatabaseUrl &url, const QString &envName = {}) const;

    // The database to use, by DESIGN.md's precedence: `cliUrl` (--url), then
    // the environment `envName` (--env), then $SCHEMADESK_DATABASE_URL, then
    // `database`. Relative SQLite paths are taken from the project directory.
    Result<DatabaseUrl> resolveDatabaseUrl(const QString &cliUrl, const QString &envName) const;
};

class ProjectFile
{
public:
    // Reads `directory`/schemadesk.yaml, reporting every error in it.
    static MultiResult<Project> load(const QString &directory);
    static QString fileName(); // "schemadesk.yaml"
    // The environment variable that names a database when no --url or --env is given.
    static QString databaseUrlVariable(); // "SCHEMADESK_DATABASE_URL"
};

} // namespace sd
