// Workspace: SchemaDesk's own SQLite database, migrated by its own engine.

#include "Workspace.h"

#include "runtime/HistoryTable.h"

#include "revision/RevisionGraphLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

static void initWorkspaceResources()
{
    Q_INIT_RESOURCE(workspace); // the app is a static library: pull the resource in
}

namespace sd::app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)
};

// SQLite binds a null QString as NULL; the columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Copies the compiled-in migrations to `target`; false when one fails.
bool extractMigrations(const QString &target)
{
    initWorkspaceResources();
    QDirIterator it(QStringLiteral(":/workspace/migrations"), QDir::Files);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString destination = target + QLatin1Char('/') + it.fileName();
        if (!QFile::copy(source, destination))
            return false;
    }
    return true;
}

} // namespace

QString Workspace::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspace.db");
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path)
{
    QTemporaryDir migrations;
    if (!migrations.isValid() || !extractMigrations(migrations.path()))
        return std::unexpected(Error::io(Tr::tr("cannot extract the workspace migrations"), migrations.path()));
    auto graph = RevisionGraphLoader::load(migrations.path());
    if (!graph)
        return std::unexpected(toErrors(graph.error()).value(0));

    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return std::unexpected(Error::io(Tr::tr("cannot create the folder of the workspace database"), path));
    const bool existed = QFile::exists(path);
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///") + QFileInfo(path).absoluteFilePath());
    if (!url)
        return std::unexpected(url.error());
    ConnectOptions options;
    options.createSqliteFile = true;
    options.applicationName = QStringLiteral("schemadesk-workspace");
    auto connection = Connection::open(*url, options);
    if (!connection)
        return std::unexpected(connection.error());

    Project project;
    project.directory = migrations.path();
    project.migrationsPath = migrations.path();
    project.databaseUrl = url->display();
    project.autoUpgrade = true;
    MigrateOptions migrate;
    migrate.connectOptions = options;
    auto startup = StartupRunner::run(project, *graph, **connection, existed, {}, migrate);
    if (!startup)
        return std::unexpected(startup.error());

    std::unique_ptr<Workspace> workspace(new Workspace);
    workspace->m_path = QFileInfo(path).absoluteFilePath();
    workspace->m_startup = *startup;
    workspace->m_connection = std::move(*connection);
    return workspace;
}

Result<void> Workspace::saveConnection(const SavedConnection &c)
{
    auto updated = m_connection->exec(
        QStringLiteral("UPDATE saved_connections SET name = ?, environment = ?, last_used_at = ? WHERE url = ? AND project_dir = ?"),
        {c.name, text(c.environment), isoNow(), c.url, text(c.projectDir)});
    if (!updated)
        return std::unexpected(updated.error());
    if (updated->numRowsAffected() > 0)
        return {};
    auto inserted = m_connection->exec(
        QStringLiteral("INSERT INTO saved_connections (name, url, environment, project_dir, last_used_at) VALUES (?, ?, ?, ?, ?)"),
        {c.name, c.url, text(c.environment), text(c.projectDir), isoNow()});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Result<QList<SavedConnection>> Workspace::savedConnections() const
{
    auto query = m_connection->exec(QStringLiteral(
        "SELECT id, name, url, environment, project_dir, last_used_at FROM saved_connections ORDER BY last_used_at DESC, id DESC"));
    if (!query)
        return std::unexpected(query.error());
    QList<SavedConnection> out;
    while (query->next()) {
        SavedConnection c;
        c.id = query->value(0).toLongLong();
        c.name = query->value(1).toString();
        c.url = query->value(2).toString();
        c.environment = query->value(3).toString();
        c.projectDir = query->value(4).toString();
        c.lastUsedAt = QDateTime::fromString(query->value(5).toString(), Qt::ISODateWithMs);
        out.append(c);
    }
    return out;
}

AuditEntry AuditEntry::of(const QDateTime &startedAt, const QString &databaseUrl, const QString &environment, Direction direction,
                          const QStringList &revisions, const Error *error, bool cancelled, qint64 durationMs)
{
    AuditEntry entry;
    entry.startedAt = startedAt;
    entry.appliedBy = HistoryTable::currentUser();
    entry.databaseUrl = databaseUrl;
    entry.environment = environment;
    entry.direction = direction == Direction::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
    entry.revisions = revisions;
    if (error && !error->revision.isEmpty() && !entry.revisions.contains(error->revision))
        entry.revisions << error->revision;
    entry.result = error ? QStringLiteral("failed") : cancelled ? QStringLiteral("cancelled") : QStringLiteral("succeeded");
    entry.message = error ? error->toString() : QString();
    entry.durationMs = durationMs;
    return entry;
}

Result<void> Workspace::record(const AuditEntry &e)
{
    auto inserted = m_connection->exec(
        QStringLiteral("INSERT INTO audit_log (started_at, applied_by, database_url, environment, direction, revisions, "
                       "result, message, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.startedAt.toUTC().toString(Qt::ISODateWithMs), text(e.appliedBy), text(e.databaseUrl), text(e.environment),
         text(e.direction), text(e.revisions.join(QLatin1Char(' '))), text(e.result), text(e.message), e.durationMs});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Result<QList<AuditEntry>> Workspace::auditLog() const
{
    auto query = m_connection->exec(QStringLiteral(
        "SELECT id, started_at, applied_by, database_url, environment, direction, revisions, result, message, duration_ms "
        "FROM audit_log ORDER BY id DESC"));
    if (!query)
        return std::unexpected(query.error());
    QList<AuditEntry> out;
    while (query->next()) {
        AuditEntry e;
        e.id = query->value(0).toLongLong();
        e.startedAt = QDateTime::fromString(query->value(1).toString(), Qt::ISODateWithMs);
        e.appliedBy = query->value(2).toString();
        e.databaseUrl = query->value(3).toString();
        e.environment = query->value(4).toString();
        e.direction = query->value(5).toString();
        e.revisions = query->value(6).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        e.result = query->value(7).toString();
        e.message = query->value(8).toString();
        e.durationMs = query->value(9).toLongLong();
        out.append(e);
    }
    return out;
}

} // namespace sd::app
