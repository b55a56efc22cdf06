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
//   bench_schema [--sizes 100,1000,5000] [--repeat 5] [--no-postgres]
//
// The figures are measured in --repeat rounds, and each round measures
// every size in turn. Measured one size after the other, the sizes' runs were
// minutes apart, and a slow spell of the machine (other guests of a small
// virtual machine, the kernel reclaiming memory) landed on one size and
// showed as growth; in rounds it lands on all sizes alike. A read runs once
// per round, a diff, which takes milliseconds, 40 times per round (a read
// and a diff 5 times), at every size alike.
//
// Each figure is printed twice: the median of its runs over all rounds, what
// a run typically takes, and the best run. The best run of a diff after a
// read depends on luck at 1,000 tables: the configuration (8 MiB) sometimes
// survives the read in the processor's 32 MiB cache and sometimes not (0.55
// against 0.65-0.85 ms), while at 5,000 tables it never does. Peak memory is
// taken in the first round, which goes through the sizes from the smallest,
// one at a time.
//
// PostgreSQL runs on a throwaway cluster on 127.0.0.1 (tests/pgcluster.sh)
// unless SCHEMADESK_TEST_PG_DIR names a running one.

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

// The times of one figure's runs, in milliseconds.
class Samples
{
public:
    void time(int repeat, const std::function<void()> &setUp, const std::function<void()> &work)
    {
        for (int i = 0; i < repeat; ++i) {
            if (setUp)
                setUp();
            QElapsedTimer timer;
            timer.start();
            work();
            m_times.push_back(timer.nsecsElapsed() / 1e6);
        }
    }
    void time(const std::function<void()> &work) { time(1, {}, work); }

    bool isEmpty() const { return m_times.empty(); }
    double best() const { return *std::min_element(m_times.cbegin(), m_times.cend()); }
    double median() const
    {
        std::vector<double> sorted = m_times;
        std::sort(sorted.begin(), sorted.end());
        const size_t n = sorted.size();
        return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

private:
    std::vector<double> m_times;
};

struct Row
{
    int tables = 0;
    int columns = 0;
    Samples yamlLoad, sqliteIntrospect, postgresIntrospect, diff, diffCold, diffAfterRead;
    long peakKiB = 0;
};

constexpr int diffRunsPerRound = 40;
constexpr int diffAfterReadRunsPerRound = 5;

// One size: its files and databases, made once, and its figures so far.
class Subject
{
public:
    Subject(int tables, const QTemporaryDir &dir, testing::PostgresTestServer *server)
    {
        m_row.tables = tables;
        const Schema schema = testing::generateSchema(tables);
        for (const Table &t : schema.tables)
            m_row.columns += int(t.columns.size());
        m_yamlPath = dir.filePath(QStringLiteral("schema-%1.yaml").arg(tables));
        if (auto w = SchemaWriter::writeFile(schema, m_yamlPath); !w)
            die(w.error().toString());
        auto sqlite = testing::openSqliteFile(dir.filePath(QStringLiteral("bench-%1.db").arg(tables)));
        if (!sqlite)
            die(sqlite.error().toString());
        m_sqlite = std::move(*sqlite);
        if (auto c = testing::createSchema(*m_sqlite, schema); !c)
            die(c.error().toString());
        if (server) {
            auto url = server->createDatabase(QStringLiteral("bench%1").arg(tables));
            if (!url)
                die(url.error().toString());
            auto pg = Connection::open(*url);
            if (!pg)
                die(pg.error().toString());
            m_postgres = std::move(*pg);
            if (auto c = testing::createSchema(*m_postgres, schema); !c)
                die(c.error().toString());
            testing::execAll(*m_postgres, {QStringLiteral("ANALYZE")}).value();
        }
    }

    const Row &row() const { return m_row; }

    // Each figure once more (a diff its runs per round), every run kept.
    void measureRound()
    {
        // The diff compares what the app compares: the configuration as
        // read from its YAML file, against the database's introspection.
        Schema configured;
        m_row.yamlLoad.time([&] { configured = read(SchemaReader::readFile(m_yamlPath)); });
        Schema live;
        const auto readSqlite = [&] { live = read(Introspector::read(*m_sqlite)); };
        m_row.sqliteIntrospect.time(readSqlite);
        const Dialect &sqliteDialect = Dialect::get(DialectKind::Sqlite);
        const auto diff = [&] {
            if (!SchemaDiff::compare(configured, live, sqliteDialect).isEmpty())
                die(QStringLiteral("the SQLite database differs from the schema it was made from"));
        };
        m_row.diff.time(diffRunsPerRound, {}, diff);
        m_row.diffCold.time(diffRunsPerRound, evictCaches, diff);
        m_row.diffAfterRead.time(diffAfterReadRunsPerRound, readSqlite, diff);

        if (m_postgres) {
            Schema pgLive;
            // As diff, status, inspect and the app read it (ProjectComparison::readLive()).
            IntrospectOptions options;
            options.concurrent = true;
            m_row.postgresIntrospect.time([&] { pgLive = read(Introspector::read(*m_postgres, options)); });
            if (!SchemaDiff::compare(configured, pgLive, Dialect::get(DialectKind::PostgreSQL)).isEmpty())
                die(QStringLiteral("the PostgreSQL database differs from the schema it was made from"));
        }
        if (m_row.peakKiB == 0)
            m_row.peakKiB = peakMemoryKiB(true);
    }

private:
    static Schema read(Result<Schema> schema)
    {
        if (!schema)
            die(schema.error().toString());
        return std::move(*schema);
    }

    static Schema read(MultiResult<Schema> schema)
    {
        if (!schema)
            die(joinErrors(schema.error()));
        return std::move(*schema);
    }

    Row m_row;
    QString m_yamlPath;
    std::unique_ptr<Connection> m_sqlite;
    std::unique_ptr<Connection> m_postgres;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizesOption(QStringLiteral("sizes"), QStringLiteral("table counts"), QStringLiteral("LIST"),
                                         QStringLiteral("100,1000,5000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("rounds over all sizes"),
                                          QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption noPostgres(QStringLiteral("no-postgres"), QStringLiteral("skip PostgreSQL"));
    parser.addOptions({sizesOption, repeatOption, noPostgres});
    parser.process(app);
    const int rounds = std::max(1, parser.value(repeatOption).toInt());

    std::unique_ptr<testing::PostgresTestServer> server;
    if (!parser.isSet(noPostgres)) {
        server = std::make_unique<testing::PostgresTestServer>();
        if (!server->isAvailable()) {
            std::fprintf(stderr, "bench_schema: PostgreSQL: %s\n", qPrintable(server->unavailableReason()));
            return 3;
        }
    }

    std::vector<std::unique_ptr<Subject>> subjects;
    QTemporaryDir dir;
    try {
        for (const QString &size : parser.value(sizesOption).split(QLatin1Char(','))) {
            subjects.push_back(std::make_unique<Subject>(size.toInt(), dir, server.get()));
            subjects.back()->measureRound();
            std::fprintf(stderr, "round 1: measured %d tables\n", size.toInt());
        }
        for (int round = 2; round <= rounds; ++round) {
            for (const auto &subject : subjects)
                subject->measureRound();
            std::fprintf(stderr, "round %d: measured every size\n", round);
        }
    } catch (const Failure &failure) {
        std::fprintf(stderr, "bench_schema: %s\n", qPrintable(failure.what));
        return 3;
    }

    for (const auto statistic : {&Samples::median, &Samples::best}) {
        std::printf("%s\n", statistic == &Samples::median ? "median of the runs" : "best run");
        std::printf("%8s %8s %12s %12s %12s %10s %11s %11s %10s\n", "tables", "columns", "yaml load", "sqlite read",
                    "pg read", "diff", "diff cold", "diff read", "peak MiB");
        for (const auto &subject : subjects) {
            const Row &r = subject->row();
            std::printf("%8d %8d %9.1f ms %9.1f ms ", r.tables, r.columns, (r.yamlLoad.*statistic)(),
                        (r.sqliteIntrospect.*statistic)());
            if (!r.postgresIntrospect.isEmpty())
                std::printf("%9.1f ms ", (r.postgresIntrospect.*statistic)());
            else
                std::printf("%12s ", "-");
            std::printf("%7.2f ms %8.2f ms %8.2f ms %10.1f\n", (r.diff.*statistic)(), (r.diffCold.*statistic)(),
                        (r.diffAfterRead.*statistic)(), r.peakKiB / 1024.0);
        }
        // Linearity: each figure at one size against the size before.
        for (size_t i = 1; i < subjects.size(); ++i) {
            const Row &a = subjects[i - 1]->row();
            const Row &b = subjects[i]->row();
            const auto growth = [&](const Samples Row::*figure) {
                return (a.*figure).isEmpty() ? 0.0 : ((b.*figure).*statistic)() / ((a.*figure).*statistic)();
            };
            std::printf("growth %d -> %d tables (x%.1f): yaml x%.2f, sqlite x%.2f, pg x%.2f, diff x%.2f (cold x%.2f, "
                        "after read x%.2f)\n",
                        a.tables, b.tables, double(b.tables) / a.tables, growth(&Row::yamlLoad),
                        growth(&Row::sqliteIntrospect), growth(&Row::postgresIntrospect), growth(&Row::diff),
                        growth(&Row::diffCold), growth(&Row::diffAfterRead));
        }
    }
    return 0;
}
