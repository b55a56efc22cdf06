// bench_schema: the schema engine's figures for N = 100, 1,000 and 5,000
// tables of about 15 columns with indexes and foreign keys: YAML load,
// SQLite and PostgreSQL introspection, peak memory, and the diff of the
// configuration as read from its YAML file against the SQLite database,
// three ways:
//   diff       warm: the same diff repeated, the schemas left in the cache;
//   diff cold  each run after the caches were flushed;
//   diff read  each run right after reading the database again, as the
//              app's Refresh does.
//
//   bench_schema [--sizes 100,1000,5000] [--repeat 3] [--no-postgres]
//
// Each time is the best of --repeat runs; a diff, which takes milliseconds,
// the best of at least 25 (10 after a read): on a small machine other work
// often lands in a run that short, and the best of a few still holds it.
// PostgreSQL runs on a throwaway
// cluster on 127.0.0.1 (tests/pgcluster.sh) unless SCHEMADESK_TEST_PG_DIR
// names a running one.

#include "BenchSupport.h"
#include "PostgresTestServer.h"
#include "SchemaGenerator.h"
#include "TestDatabase.h"
#include "config/SchemaReader.h"
#include "config/SchemaWriter.h"
#include "dialect/Dialect.h"
#include "diff/SchemaDiff.h"
#include "introspect/Introspector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <vector>
#include <sys/resource.h>

using namespace sd;
using namespace sd::bench;

namespace {

// Writes and reads 128 MiB, four times the last-level cache of common CPUs,
// so the next measurement starts with nothing of the schemas in cache: as
// the diff does in real use, right after introspection has been through
// other memory.
constexpr long evictionKiB = 128 << 10;

void evictCaches()
{
    static std::vector<char> buffer(evictionKiB << 10);
    volatile char sink = 0;
    for (size_t i = 0; i < buffer.size(); i += 64) {
        buffer[i] = char(i);
        sink = sink + buffer[i];
    }
}

// Peak resident memory, not counting evictCaches()'s own buffer once it exists.
long peakMemoryKiB(bool evicted)
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss - (evicted ? evictionKiB : 0);
}

struct Row
{
    int tables = 0;
    int columns = 0;
    double yamlLoad = 0, sqliteIntrospect = 0, postgresIntrospect = -1, diff = 0, diffCold = 0, diffAfterRead = 0;
    long peakKiB = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizesOption(QStringLiteral("sizes"), QStringLiteral("table counts"), QStringLiteral("LIST"),
                                         QStringLiteral("100,1000,5000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("runs per figure"), QStringLiteral("N"),
                                          QStringLiteral("3"));
    const QCommandLineOption noPostgres(QStringLiteral("no-postgres"), QStringLiteral("skip PostgreSQL"));
    parser.addOptions({sizesOption, repeatOption, noPostgres});
    parser.process(app);
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    std::unique_ptr<testing::PostgresTestServer> server;
    if (!parser.isSet(noPostgres)) {
        server = std::make_unique<testing::PostgresTestServer>();
        if (!server->isAvailable()) {
            std::fprintf(stderr, "bench_schema: PostgreSQL: %s\n", qPrintable(server->unavailableReason()));
            return 3;
        }
    }

    QList<Row> rows;
    QTemporaryDir dir;
    try {
        for (const QString &size : parser.value(sizesOption).split(QLatin1Char(','))) {
            Row row;
            row.tables = size.toInt();
            const Schema schema = testing::generateSchema(row.tables);
            for (const Table &t : schema.tables)
                row.columns += int(t.columns.size());

            const QString yamlPath = dir.filePath(QStringLiteral("schema-%1.yaml").arg(row.tables));
            if (auto w = SchemaWriter::writeFile(schema, yamlPath); !w)
                die(w.error().toString());
            // The diff compares what the app compares: the configuration as
            // read from its YAML file, against the database's introspection.
            Schema configured;
            row.yamlLoad = bestOf(repeat, [&] {
                auto s = SchemaReader::readFile(yamlPath);
                if (!s)
                    die(joinErrors(s.error()));
                configured = std::move(*s);
            });

            auto sqlite = testing::openSqliteFile(dir.filePath(QStringLiteral("bench-%1.db").arg(row.tables)));
            if (!sqlite)
                die(sqlite.error().toString());
            if (auto c = testing::createSchema(**sqlite, schema); !c)
                die(c.error().toString());
            Schema live;
            row.sqliteIntrospect = bestOf(repeat, [&] {
                auto s = Introspector::read(**sqlite);
                if (!s)
                    die(s.error().toString());
                live = std::move(*s);
            });
            const Dialect &sqliteDialect = Dialect::get(DialectKind::Sqlite);
            const auto diffWork = [&] {
                if (!SchemaDiff::compare(configured, live, sqliteDialect).isEmpty())
                    die(QStringLiteral("the SQLite database differs from the schema it was made from"));
            };
            const int diffRepeat = std::max(repeat, 25);
            row.diff = bestOf(diffRepeat, diffWork);
            row.diffCold = bestOf(diffRepeat, evictCaches, diffWork);
            row.diffAfterRead = bestOf(std::max(repeat, 10), [&] {
                auto s = Introspector::read(**sqlite);
                if (!s)
                    die(s.error().toString());
                live = std::move(*s);
            }, diffWork);

            if (server) {
                auto url = server->createDatabase(QStringLiteral("bench"));
                if (!url)
                    die(url.error().toString());
                auto pg = Connection::open(*url);
                if (!pg)
                    die(pg.error().toString());
                if (auto c = testing::createSchema(**pg, schema); !c)
                    die(c.error().toString());
                testing::execAll(**pg, {QStringLiteral("ANALYZE")}).value();
                Schema pgLive;
                row.postgresIntrospect = bestOf(repeat, [&] {
                    auto s = Introspector::read(**pg);
                    if (!s)
                        die(s.error().toString());
                    pgLive = std::move(*s);
                });
                if (!SchemaDiff::compare(configured, pgLive, Dialect::get(DialectKind::PostgreSQL)).isEmpty())
                    die(QStringLiteral("the PostgreSQL database differs from the schema it was made from"));
            }
            row.peakKiB = peakMemoryKiB(true);
            rows << row;
            std::fprintf(stderr, "measured %d tables\n", row.tables);
        }
    } catch (const Failure &failure) {
        std::fprintf(stderr, "bench_schema: %s\n", qPrintable(failure.what));
        return 3;
    }

    std::printf("%8s %8s %12s %12s %12s %10s %11s %11s %10s\n", "tables", "columns", "yaml load", "sqlite read", "pg read",
                "diff", "diff cold", "diff read", "peak MiB");
    for (const Row &r : rows) {
        std::printf("%8d %8d %9.1f ms %9.1f ms ", r.tables, r.columns, r.yamlLoad, r.sqliteIntrospect);
        if (r.postgresIntrospect >= 0)
            std::printf("%9.1f ms ", r.postgresIntrospect);
        else
            std::printf("%12s ", "-");
        std::printf("%7.2f ms %8.2f ms %8.2f ms %10.1f\n", r.diff, r.diffCold, r.diffAfterRead, r.peakKiB / 1024.0);
    }
    // Linearity: each figure at the largest size against the one five times smaller.
    for (int i = 1; i < rows.size(); ++i) {
        const Row &a = rows[i - 1];
        const Row &b = rows[i];
        std::printf("growth %d -> %d tables (x%.1f): yaml x%.2f, sqlite x%.2f, pg x%.2f, diff x%.2f (cold x%.2f, after read x%.2f)\n", a.tables,
                    b.tables, double(b.tables) / a.tables, b.yamlLoad / a.yamlLoad, b.sqliteIntrospect / a.sqliteIntrospect,
                    a.postgresIntrospect > 0 ? b.postgresIntrospect / a.postgresIntrospect : 0.0, b.diff / a.diff,
                    b.diffCold / a.diffCold, b.diffAfterRead / a.diffAfterRead);
    }
    return 0;
}
