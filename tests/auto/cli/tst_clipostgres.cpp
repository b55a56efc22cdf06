// schemadesk-cli driven as a process against the real PostgreSQL server:
// diff and inspect with their exit codes, status naming the server.

#include "CliRunner.h"
#include "PostgresTestServer.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "config/SchemaReader.h"
#include "dialect/SqlScript.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::testing;

class tst_CliPostgres : public QObject
{
    Q_OBJECT

    QStringList global() const
    {
        return {QStringLiteral("--project"), m_dir.path(), QStringLiteral("--url"), m_url.display() /* no password */};
    }

private Q_SLOTS:
    void initTestCase()
    {
        SD_REQUIRE_POSTGRES(m_server);
        QVERIFY(copyDemoProject(m_dir.path()));
        auto url = m_server.createDatabase(QStringLiteral("cli"));
        SD_VERIFY_RESULT(url);
        m_url = *url;
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("PGPASSWORD"), m_url.password); // as a DBA's shell would have it
    }

    void diffBeforeAndAfterCreating()
    {
        CliRun run = runCli(global() << QStringLiteral("diff"), m_environment);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("+ create table orders")), qPrintable(run.out + run.err));

        auto connection = Connection::open(m_url);
        SD_VERIFY_RESULT(connection);
        SD_VERIFY_RESULT(createSchema(**connection, demoSchema()));
        run = runCli(global() << QStringLiteral("diff"), m_environment);
        QCOMPARE(run.exitCode, 0);

        SD_VERIFY_RESULT(execAll(**connection, {QStringLiteral("ALTER TABLE tags ALTER COLUMN name TYPE varchar(10)")}));
        run = runCli(global() << QStringLiteral("diff") << QStringLiteral("--json"), m_environment);
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("count")).toInt(), 1);

        // The SQL that closes the gap, run as printed, leaves nothing to diff.
        run = runCli(global() << QStringLiteral("diff") << QStringLiteral("--format=sql"), m_environment);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("ALTER TABLE \"tags\" ALTER COLUMN \"name\" TYPE")), qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("\nBEGIN;\n")) && run.out.endsWith(QStringLiteral("COMMIT;\n")), qPrintable(run.out));
        SD_VERIFY_RESULT(execAll(**connection, SqlScript::split(run.out)));
        run = runCli(global() << QStringLiteral("diff") << QStringLiteral("--format=sql"), m_environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("-- No differences: the database matches the schema configuration.\n"));
    }

    void inspectReadsBack()
    {
        const QString out = m_dir.filePath(QStringLiteral("inspected.yaml"));
        const CliRun run = runCli(global() << QStringLiteral("inspect") << QStringLiteral("-o") << out, m_environment);
        QCOMPARE(run.exitCode, 0);
        auto schema = SchemaReader::readFile(out);
        SD_VERIFY_RESULT(schema);
        QVERIFY(schema->enumType(QStringLiteral("order_status")));
        QFile::remove(m_dir.filePath(QStringLiteral("config/schema.yaml")));
        QVERIFY(QFile::copy(out, m_dir.filePath(QStringLiteral("config/schema.yaml"))));
        QCOMPARE(runCli(global() << QStringLiteral("diff"), m_environment).exitCode, 0);
    }

    void statusNamesServer()
    {
        const CliRun run = runCli(global() << QStringLiteral("status"), m_environment);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("postgresql (PostgreSQL 15")), qPrintable(run.out));
    }

    void wrongPasswordIsExitThree()
    {
        QProcessEnvironment env = m_environment;
        env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("not-the-password"));
        const CliRun run = runCli(global() << QStringLiteral("diff"), env);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("password authentication failed")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("127.0.0.1:%1").arg(m_url.port)));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    }

private:
    PostgresTestServer m_server;
    QTemporaryDir m_dir;
    DatabaseUrl m_url;
    QProcessEnvironment m_environment;
};

QTEST_GUILESS_MAIN(tst_CliPostgres)
#include "tst_clipostgres.moc"
