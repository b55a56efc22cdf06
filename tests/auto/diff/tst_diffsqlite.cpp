// Every diff case on a real SQLite file: the live side is created with
// SQLite DDL and read back by introspection before it is compared.

#include "DiffCases.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "dialect/Dialect.h"
#include "diff/SchemaDiff.h"
#include "introspect/Introspector.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::testing;

class tst_DiffSqlite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cases_data()
    {
        QTest::addColumn<QString>("live");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QStringList>("expected");
        for (const DiffCase &c : diffCases()) {
            if (!c.postgresOnly)
                QTest::newRow(c.name) << c.liveYaml << c.configuredYaml << c.expected;
        }
    }

    void cases()
    {
        QFETCH(QString, live);
        QFETCH(QString, configured);
        QFETCH(QStringList, expected);

        QTemporaryDir dir;
        auto connection = openSqliteFile(dir.filePath(QStringLiteral("case.db")));
        SD_VERIFY_RESULT(connection);
        auto liveSchema = schemaFromYaml(live);
        SD_VERIFY_RESULT(liveSchema);
        auto configuredSchema = schemaFromYaml(configured);
        SD_VERIFY_RESULT(configuredSchema);
        SD_VERIFY_RESULT(createSchema(**connection, *liveSchema));

        auto introspected = Introspector::read(**connection);
        SD_VERIFY_RESULT(introspected);
        const Dialect &sqlite = Dialect::get(DialectKind::Sqlite);
        // The database reads back as what created it ...
        const Differences none = SchemaDiff::compare(*liveSchema, *introspected, sqlite);
        QStringList noneText;
        for (const Difference &d : none)
            noneText << describeDifference(d);
        QCOMPARE(noneText, QStringList{});
        // ... and differs from the configuration exactly as expected.
        QStringList actual;
        for (const Difference &d : SchemaDiff::compare(*configuredSchema, *introspected, sqlite))
            actual << describeDifference(d);
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(tst_DiffSqlite)
#include "tst_diffsqlite.moc"
