#include "Validator.h"

#include "ProjectComparison.h"
#include "db/Connection.h"
#include "diff/SchemaDiff.h"
#include "dialect/Dialect.h"
#include "introspect/Introspector.h"
#include "revision/RevisionGraphLoader.h"
#include "runtime/HistoryTable.h"
#include "runtime/Migrator.h"
#include "runtime/VersionTable.h"

#include <QCoreApplication>
#include <QDir>
#include <QRandomGenerator>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Validator)
};

// Replays every migration on `scratch` (a connection to an empty database
// or schema) and compares the result with `configured`.
void replay(const Project &project, const RevisionGraph &graph, const Connection &scratch, const Schema &configured,
            ValidationReport &report)
{
    Migrator migrator(project, graph);
    MigrateOptions options;
    options.lock.wait = false;
    if (!graph.isEmpty()) {
        auto migrated = migrator.migrate(scratch, Direction::Upgrade, QStringLiteral("heads"), options);
        if (!migrated) {
            report.errors << migrated.error();
            return;
        }
        report.replayed = migrated->completed;
    }
    auto live = migrator.liveSchema(scratch);
    if (!live) {
        report.errors << live.error();
        return;
    }
    DiffOptions diffOptions;
    diffOptions.isIgnored = [&project](const QString &table) { return project.isIgnored(table); };
    report.differences = SchemaDiff::compare(configured, *live, Dialect::get(scratch.dialect()), diffOptions);
}

} // namespace

ValidationReport Validator::run(const Project &project, const Connection *connection, DialectKind dialect)
{
    ValidationReport report;
    auto configured = ProjectComparison::loadConfiguredSchema(project);
    if (!configured)
        report.errors << configured.error();
    auto graph = RevisionGraphLoader::load(project.migrationsPath, QDir(project.directory).relativeFilePath(project.migrationsPath));
    if (!graph)
        report.errors << toErrors(graph.error());

    if (graph && connection) {
        auto current = VersionTable::currentRevisions(*connection, project.postgresSchema);
        auto history = HistoryTable::read(*connection, project.postgresSchema);
        if (!current)
            report.errors << current.error();
        else if (!history)
            report.errors << history.error();
        else
            report.changed = ChecksumAudit::changed(*graph, *current, *history);
    }
    if (!configured || !graph)
        return report;

    if (dialect == DialectKind::Sqlite) {
        report.scratch = Tr::tr("in-memory SQLite");
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite://:memory:"));
        auto scratch = Connection::open(*url);
        if (!scratch) {
            report.errors << scratch.error();
            return report;
        }
        replay(project, *graph, **scratch, *configured, report);
        return report;
    }

    if (!connection || connection->dialect() != DialectKind::PostgreSQL) {
        report.errors << Error::usage(Tr::tr("validating for PostgreSQL needs a PostgreSQL connection for its scratch schema"));
        return report;
    }
    const QString schema = QStringLiteral("schemadesk_validate_%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    report.scratch = Tr::tr("schema %1 on %2").arg(schema, connection->url().serverDescription());
    const Dialect &pg = Dialect::get(DialectKind::PostgreSQL);
    if (auto created = connection->exec(QStringLiteral("CREATE SCHEMA %1").arg(pg.quoteIdentifier(schema))); !created) {
        report.errors << created.error();
        return report;
    }
    {
        ConnectOptions options;
        options.postgresSchema = schema;
        options.applicationName = QStringLiteral("schemadesk validate");
        auto scratch = Connection::open(connection->url(), options);
        if (!scratch) {
            report.errors << scratch.error();
        } else {
            Project scratchProject = project;
            scratchProject.postgresSchema = schema;
            replay(scratchProject, *graph, **scratch, *configured, report);
        }
    }
    if (auto dropped = connection->exec(QStringLiteral("DROP SCHEMA %1 CASCADE").arg(pg.quoteIdentifier(schema))); !dropped)
        report.errors << dropped.error();
    return report;
}

} // namespace sd
