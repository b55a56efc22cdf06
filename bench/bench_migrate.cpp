// bench_migrate: the migration engine's figures.
//  - apply 200 revisions (a table and two columns each) on SQLite and on
//    PostgreSQL, from base, through the Migrator (lock, plan, per-revision
//    transactions, version and history rows);
//  - autogenerate on a 1,000-table PostgreSQL database with 100 changes in
//    the configuration (introspect, diff, operations, write the file);
//  - `upgrade --sql` of 1,000 revisions: load the folder, plan offline,
//    render the script.
//
//   bench_migrate [--revisions 200] [--tables 1000] [--changes 100] [--script 1000] [--repeat 3] [--no-postgres]
//
// Each time is the best of --repeat runs.

#include "BenchSupport.h"
#include "PostgresTestServer.h"
#include "SchemaGenerator.h"
#include "TestDatabase.h"
#include "config/ProjectFile.h"
#include "config/SchemaWriter.h"
#include "db/Connection.h"
#include "migration/MigrationWriter.h"
#include "revision/RevisionGraphLoader.h"
#include "runtime/MigrationScript.h"
#include "runtime/Migrator.h"
#include "workflow/RevisionAuthor.h"
#include "autogen/Autogenerator.h"
#include "dialect/Dialect.h"
#include "diff/SchemaDiff.h"
#include "workflow/ProjectComparison.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace sd;
using namespace sd::bench;

namespace {

template<typename T>
T check(T result)
{
    if (!result)
        die(result.error().toString());
    return result;
}

// `count` revisions in `directory`, each creating table r<i> and adding two columns.
void writeRevisions(const QString &directory, int count)
{
    QDir().mkpath(directory);
    QString parent;
    for (int i = 1; i <= count; ++i) {
        Migration m;
        m.revision = QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0'));
        if (!parent.isEmpty())
            m.downRevisions = {parent};
        m.message = QStringLiteral("step %1").arg(i);
        m.created = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i);
        Table t;
        t.name = QStringLiteral("r%1").arg(i, 4, 10, QLatin1Char('0'));
        Column id;
        id.name = QStringLiteral("id");
        id.type = ColumnType::of(ColumnType::Kind::BigInt);
        id.nullable = false;
        t.columns = {id};
        t.primaryKey.columns = {QStringLiteral("id")};
        Column a;
        a.name = QStringLiteral("name");
        a.type = ColumnType::of(ColumnType::Kind::Varchar, 100);
        Column b;
        b.name = QStringLiteral("created_at");
        b.type = ColumnType::of(ColumnType::Kind::Timestamp);
        m.upgrade = {Operation::of(CreateTableOp{t}), Operation::of(AddColumnOp{t.name, a}), Operation::of(AddColumnOp{t.name, b})};
        m.downgrade = {Operation::of(DropTableOp{t.name, {}})};
        if (auto w = MigrationWriter::writeFile(m, QDir(directory).filePath(MigrationWriter::fileName(m.revision, m.message))); !w)
            die(w.error().toString());
        parent = m.revision;
    }
}

Project projectIn(const QString &directory)
{
    Project p;
    p.directory = directory;
    p.schemaPath = QDir(directory).filePath(QStringLiteral("config/schema.yaml"));
    p.migrationsPath = QDir(directory).filePath(QStringLiteral("migrations"));
    return p;
}

double applyRevisions(const Project &project, const std::function<std::unique_ptr<Connection>()> &fresh, int repeat)
{
    auto graph = RevisionGraphLoader::load(project.migrationsPath);
    if (!graph)
        die(joinErrors(toErrors(graph.error())));
    Migrator migrator(project, *graph);
    std::unique_ptr<Connection> connection;
    return bestOf(
        repeat, [&] { connection = fresh(); },
        [&] {
            MigrateOptions options;
            options.connectOptions.postgresSchema = project.postgresSchema;
            auto report = migrator.migrate(*connection, Direction::Upgrade, QStringLiteral("head"), options);
            if (!report)
                die(report.error().toString());
            if (report->completed != graph->size())
                die(QStringLiteral("applied %1 of %2").arg(report->completed).arg(graph->size()));
        });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption revisionsOption(QStringLiteral("revisions"), QStringLiteral("revisions to apply"), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption tablesOption(QStringLiteral("tables"), QStringLiteral("tables for autogenerate"), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption changesOption(QStringLiteral("changes"), QStringLiteral("changes for autogenerate"), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption scriptOption(QStringLiteral("script"), QStringLiteral("revisions for --sql"), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("runs per figure"), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption noPostgres(QStringLiteral("no-postgres"), QStringLiteral("skip PostgreSQL"));
    parser.addOptions({revisionsOption, tablesOption, changesOption, scriptOption, repeatOption, noPostgres});
    parser.process(app);
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const int revisions = parser.value(revisionsOption).toInt();
    const int tables = parser.value(tablesOption).toInt();
    const int changes = parser.value(changesOption).toInt();
    const int scriptRevisions = parser.value(scriptOption).toInt();

    std::unique_ptr<testing::PostgresTestServer> server;
    if (!parser.isSet(noPostgres)) {
        server = std::make_unique<testing::PostgresTestServer>();
        if (!server->isAvailable()) {
            std::fprintf(stderr, "bench_migrate: PostgreSQL: %s\n", qPrintable(server->unavailableReason()));
            return 3;
        }
    }

    QTemporaryDir dir;
    try {
        // 1. Apply N revisions.
        const Project applyProject = projectIn(dir.filePath(QStringLiteral("apply")));
        writeRevisions(applyProject.migrationsPath, revisions);
        int run = 0;
        const double sqlite = applyRevisions(applyProject, [&] {
            auto c = testing::openSqliteFile(dir.filePath(QStringLiteral("apply-%1.db").arg(++run)));
            return c ? std::move(*c) : nullptr;
        }, repeat);
        std::printf("apply %d revisions (a table and two columns each)\n", revisions);
        std::printf("  sqlite      %9.1f ms  (%.2f ms per revision)\n", sqlite, sqlite / revisions);
        if (server) {
            const double pg = applyRevisions(applyProject, [&] {
                auto url = server->createDatabase(QStringLiteral("bench_apply"));
                if (!url)
                    die(url.error().toString());
                auto c = Connection::open(*url);
                return c ? std::move(*c) : nullptr;
            }, repeat);
            std::printf("  postgresql  %9.1f ms  (%.2f ms per revision)\n", pg, pg / revisions);
        }

        // 2. Autogenerate at N tables with K changes (PostgreSQL).
        if (server) {
            const Schema live = testing::generateSchema(tables);
            Schema configured = live;
            for (int i = 0; i < changes && i < configured.tables.size(); ++i) {
                Column c;
                c.name = QStringLiteral("added_%1").arg(i);
                c.type = ColumnType::of(ColumnType::Kind::Varchar, 40);
                configured.tables[i * configured.tables.size() / changes].columns << c;
            }
            const QString projectDir = dir.filePath(QStringLiteral("autogen"));
            Project project = projectIn(projectDir);
            QDir().mkpath(project.migrationsPath);
            QDir().mkpath(QFileInfo(project.schemaPath).absolutePath());
            if (auto w = SchemaWriter::writeFile(configured, project.schemaPath); !w)
                die(w.error().toString());
            auto url = check(server->createDatabase(QStringLiteral("bench_autogen")));
            auto connection = check(Connection::open(*url));
            if (auto created = testing::createSchema(**connection, live); !created)
                die(created.error().toString());
            const RevisionGraph empty;
            int generatedOps = 0;
            const double autogen = bestOf(
                repeat, [&] { QDir(project.migrationsPath).removeRecursively(); },
                [&] {
                    RevisionAuthor author(project, empty);
                    auto created = author.autogenerate(**connection, QStringLiteral("bench"));
                    if (!created)
                        die(joinErrors(created.error()));
                    generatedOps = int(created->migration.upgrade.size());
                });
            std::printf("autogenerate on %d tables with %d changes (postgresql: introspect, diff, write the file)\n", tables, changes);
            std::printf("  %9.1f ms  (%d operations)\n", autogen, generatedOps);
            // Where the time goes, one run each.
            QElapsedTimer t;
            t.start();
            auto config = ProjectComparison::loadConfiguredSchema(project);
            const double tLoad = t.nsecsElapsed() / 1e6;
            t.restart();
            auto liveRead = ProjectComparison::readLive(project, **connection);
            const double tIntrospect = t.nsecsElapsed() / 1e6;
            t.restart();
            const Differences diffs = SchemaDiff::compare(*config, *liveRead, Dialect::get(DialectKind::PostgreSQL));
            const double tDiff = t.nsecsElapsed() / 1e6;
            t.restart();
            const AutogenerateResult ops = Autogenerator::generate(diffs, *config, *liveRead, DialectKind::PostgreSQL);
            const double tGenerate = t.nsecsElapsed() / 1e6;
            t.restart();
            Migration m;
            m.revision = QStringLiteral("0123456789ab");
            m.upgrade = ops.upgrade;
            m.downgrade = ops.downgrade;
            const QByteArray yaml = MigrationWriter::toYaml(m);
            const double tWrite = t.nsecsElapsed() / 1e6;
            std::printf("  of which: schema.yaml %.1f ms, introspection %.1f ms, diff %.1f ms, operations %.1f ms, YAML out %.1f ms\n",
                        tLoad, tIntrospect, tDiff, tGenerate, tWrite);
        }

        // 3. --sql of N revisions.
        const Project scriptProject = projectIn(dir.filePath(QStringLiteral("script")));
        writeRevisions(scriptProject.migrationsPath, scriptRevisions);
        qsizetype bytes = 0;
        double load = 0;
        const double script = bestOf(repeat, [] {}, [&] {
            QElapsedTimer t;
            t.start();
            auto graph = RevisionGraphLoader::load(scriptProject.migrationsPath);
            if (!graph)
                die(joinErrors(toErrors(graph.error())));
            load = t.nsecsElapsed() / 1e6;
            Migrator migrator(scriptProject, *graph);
            auto plan = migrator.planOffline(DialectKind::PostgreSQL, Direction::Upgrade, QStringLiteral("head"));
            if (!plan)
                die(plan.error().toString());
            bytes = MigrationScript::render(*plan).size();
        });
        std::printf("upgrade --sql of %d revisions (load the folder, plan offline, render)\n", scriptRevisions);
        std::printf("  %9.1f ms  (of which loading the files %.1f ms; %lld characters of SQL)\n", script, load, qlonglong(bytes));
    } catch (const Failure &f) {
        std::fprintf(stderr, "bench_migrate: %s\n", qPrintable(f.what));
        return 1;
    }
    return 0;
}
