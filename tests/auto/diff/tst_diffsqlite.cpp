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
    void cases_data() { addDiffCaseRows(DialectKind::Sqlite); }

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
        QCOMPARE(describeDifferences(SchemaDiff::compare(*liveSchema, *introspected, sqlite)), QStringList{});
        // ... and differs from the configuration exactly as expected.
        QCOMPARE(describeDifferences(SchemaDiff::compare(*configuredSchema, *introspected, sqlite)), expected);
    }
};

QTEST_GUILESS_MAIN(tst_DiffSqlite)
#include "tst_diffsqlite.moc"
