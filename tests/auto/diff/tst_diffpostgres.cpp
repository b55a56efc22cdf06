// Every diff case on the real PostgreSQL server, each in a schema of its
// own: the live side is created with PostgreSQL DDL and introspected.

#include "DiffCases.h"
#include "PostgresTestServer.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "dialect/Dialect.h"
#include "diff/SchemaDiff.h"
#include "introspect/Introspector.h"

#include <QTest>

using namespace sd;
using namespace sd::testing;

class tst_DiffPostgres : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        SD_REQUIRE_POSTGRES(m_server);
        auto url = m_server.createDatabase(QStringLiteral("diff"));
        SD_VERIFY_RESULT(url);
        auto connection = Connection::open(*url);
        SD_VERIFY_RESULT(connection);
        m_connection = std::move(*connection);
    }

    void cases_data() { addDiffCaseRows(true); }

    void cases()
    {
        QFETCH(QString, live);
        QFETCH(QString, configured);
        QFETCH(QStringList, expected);

        const QString schemaName = QStringLiteral("case_%1").arg(++m_case);
        SD_VERIFY_RESULT(execAll(*m_connection, {QStringLiteral("CREATE SCHEMA %1").arg(schemaName),
                                                 QStringLiteral("SET search_path TO %1").arg(schemaName)}));
        auto liveSchema = schemaFromYaml(live);
        SD_VERIFY_RESULT(liveSchema);
        auto configuredSchema = schemaFromYaml(configured);
        SD_VERIFY_RESULT(configuredSchema);
        SD_VERIFY_RESULT(createSchema(*m_connection, *liveSchema));

        IntrospectOptions options;
        options.postgresSchema = schemaName;
        auto introspected = Introspector::read(*m_connection, options);
        SD_VERIFY_RESULT(introspected);
        const Dialect &postgres = Dialect::get(DialectKind::PostgreSQL);
        QCOMPARE(describeDifferences(SchemaDiff::compare(*liveSchema, *introspected, postgres)), QStringList{});
        QCOMPARE(describeDifferences(SchemaDiff::compare(*configuredSchema, *introspected, postgres)), expected);
    }

private:
    PostgresTestServer m_server;
    std::unique_ptr<Connection> m_connection;
    int m_case = 0;
};

QTEST_GUILESS_MAIN(tst_DiffPostgres)
#include "tst_diffpostgres.moc"
