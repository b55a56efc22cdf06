// RowEstimates: risky statements learn how many rows their table holds,
// from pg_class.reltuples on PostgreSQL (count(*) for a table never
// analysed) and count(*) on SQLite; harmless statements are left alone.

#include "PostgresTestServer.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "db/Connection.h"
#include "runtime/RowEstimates.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using sd::testing::PostgresTestServer;

class tst_RowEstimatesPostgres : public QObject
{
    Q_OBJECT

    PostgresTestServer m_server;

    static MigrationPlan planTouching(const QString &table)
    {
        MigrationPlan plan;
        PlannedRevision r;
        Statement risky = Statement::of(QStringLiteral("ALTER TABLE ... DROP COLUMN ..."));
        risky.hazards = Hazard::DestroysData;
        risky.table = table;
        Statement harmless = Statement::of(QStringLiteral("CREATE INDEX ..."));
        harmless.table = table;
        r.statements = {risky, harmless};
        plan.revisions = {r};
        return plan;
    }

private Q_SLOTS:
    void initTestCase() { SD_REQUIRE_POSTGRES(m_server); }

    void postgresql()
    {
        auto url = m_server.createDatabase(QStringLiteral("estimates"));
        SD_VERIFY_RESULT(url);
        auto c = Connection::open(*url);
        SD_VERIFY_RESULT(c);
        SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("CREATE TABLE big (id integer)"),
                                                QStringLiteral("INSERT INTO big SELECT generate_series(1, 20000)"),
                                                QStringLiteral("ANALYZE big"),
                                                QStringLiteral("CREATE TABLE fresh (id integer)"),
                                                QStringLiteral("INSERT INTO fresh SELECT generate_series(1, 42)")}));
        MigrationPlan plan = planTouching(QStringLiteral("big"));
        SD_VERIFY_RESULT(RowEstimates::annotate(**c, plan));
        QCOMPARE(plan.revisions[0].statements[0].estimatedRows, qint64(20000));
        QCOMPARE(plan.revisions[0].statements[1].estimatedRows, qint64(20000)); // same table, shown alike
        MigrationPlan freshPlan = planTouching(QStringLiteral("fresh"));
        SD_VERIFY_RESULT(RowEstimates::annotate(**c, freshPlan));
        QCOMPARE(freshPlan.revisions[0].statements[0].estimatedRows, qint64(42)); // never analysed: counted
        MigrationPlan missing = planTouching(QStringLiteral("not_yet_created"));
        SD_VERIFY_RESULT(RowEstimates::annotate(**c, missing));
        QCOMPARE(missing.revisions[0].statements[0].estimatedRows, qint64(-1));
    }

    void sqlite()
    {
        QTemporaryDir dir;
        auto c = testing::openSqliteFile(dir.filePath(QStringLiteral("e.db")));
        SD_VERIFY_RESULT(c);
        SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("CREATE TABLE t (id integer)"),
                                                QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 123) "
                                                               "INSERT INTO t SELECT i FROM n")}));
        MigrationPlan plan = planTouching(QStringLiteral("t"));
        SD_VERIFY_RESULT(RowEstimates::annotate(**c, plan));
        QCOMPARE(plan.revisions[0].statements[0].estimatedRows, qint64(123));
    }
};

QTEST_GUILESS_MAIN(tst_RowEstimatesPostgres)
#include "tst_rowestimatespostgres.moc"
