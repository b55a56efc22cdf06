// Connection against a live PostgreSQL 15: a good connection reports its
// server, and every refusal is a Connection error that names host, port and
// database and carries the server's own words. A role that may not read the
// catalog gets a Database error naming the statement.

#include "PostgresTestServer.h"
#include "TestResult.h"
#include "db/Connection.h"
#include "introspect/Introspector.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>

using namespace sd;
using sd::testing::PostgresTestServer;

Q_DECLARE_METATYPE(sd::DatabaseUrl)

class tst_ConnectionPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SD_REQUIRE_POSTGRES(m_server);
        // Accepts connections (the kernel completes the handshake) and never
        // says a word.
        QVERIFY(m_silentServer.listen(QHostAddress::LocalHost));
    }

    void connectsAndReportsVersion()
    {
        auto connection = Connection::open(m_server.adminUrl());
        SD_VERIFY_RESULT(connection);
        QVERIFY2((*connection)->serverVersion().startsWith(QStringLiteral("PostgreSQL 15")),
                 qPrintable((*connection)->serverVersion()));
        auto one = (*connection)->exec(QStringLiteral("SELECT 1"));
        SD_VERIFY_RESULT(one);
        QVERIFY(one->next());
        QCOMPARE(one->value(0).toInt(), 1);
    }

    void refuses_data()
    {
        QTest::addColumn<DatabaseUrl>("url");
        QTest::addColumn<QString>("serverMessage");
        QTest::addColumn<int>("connectTimeout");
        QTest::addColumn<int>("maxMilliseconds");

        const DatabaseUrl admin = m_server.adminUrl();
        DatabaseUrl url = admin;
        url.password = QStringLiteral("wrong");
        QTest::newRow("wrong password") << url << "password authentication failed for user \"postgres\"" << 10 << 30000;

        url = admin;
        url.database = QStringLiteral("no_such_database");
        QTest::newRow("missing database") << url << "database \"no_such_database\" does not exist" << 10 << 30000;

        url = admin;
        url.port = freePort();
        QTest::newRow("nothing listening") << url << "Connection refused" << 10 << 30000;

        url = admin;
        url.port = m_silentServer.serverPort();
        QTest::newRow("silent server") << url << "timeout expired" << 2 << 5000;
    }

    void refuses()
    {
        QFETCH(DatabaseUrl, url);
        QFETCH(QString, serverMessage);
        QFETCH(int, connectTimeout);
        QFETCH(int, maxMilliseconds);

        ConnectOptions options;
        options.connectTimeoutSeconds = connectTimeout;
        QElapsedTimer timer;
        timer.start();
        const auto connection = Connection::open(url, options);
        const qint64 elapsed = timer.elapsed();

        QVERIFY(!connection);
        QCOMPARE(connection.error().code, Error::Code::Connection);
        const QString text = connection.error().toString();
        QVERIFY2(text.contains(QStringLiteral("127.0.0.1")), qPrintable(text));
        QVERIFY2(text.contains(QString::number(url.port)), qPrintable(text));
        QVERIFY2(text.contains(url.database), qPrintable(text));
        QVERIFY2(text.contains(serverMessage), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("wrong")) || serverMessage.contains(QStringLiteral("wrong")),
                 qPrintable(QStringLiteral("the error shows the password: ") + text));
        QVERIFY2(elapsed < maxMilliseconds, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    }

    void introspectionWithoutCatalogPermissionFails()
    {
        auto url = m_server.createDatabase(QStringLiteral("noperm"));
        SD_VERIFY_RESULT(url);
        const QString role = QStringLiteral("sd_limited_%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        SD_VERIFY_RESULT(m_server.execAdmin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'limited'").arg(role)));
        {
            // Revoked in the new database only: pg_catalog is per database.
            auto owner = Connection::open(*url);
            SD_VERIFY_RESULT(owner);
            SD_VERIFY_RESULT((*owner)->exec(QStringLiteral(
                "CREATE TABLE t (a integer); REVOKE SELECT ON pg_catalog.pg_attribute FROM PUBLIC")));
        }
        Result<Schema> schema;
        {
            DatabaseUrl limitedUrl = *url;
            limitedUrl.user = role;
            limitedUrl.password = QStringLiteral("limited");
            auto limited = Connection::open(limitedUrl);
            SD_VERIFY_RESULT(limited);
            schema = Introspector::read(**limited);
        }
        SD_VERIFY_RESULT(m_server.execAdmin(QStringLiteral("DROP ROLE %1").arg(role)));

        QVERIFY(!schema);
        const Error &error = schema.error();
        QCOMPARE(error.code, Error::Code::Database);
        QVERIFY2(error.server.contains(QStringLiteral("127.0.0.1:%1").arg(url->port)) && error.server.contains(url->database),
                 qPrintable(error.toString()));
        QVERIFY2(!error.statement.isEmpty(), qPrintable(error.toString()));
        QVERIFY2(error.message.contains(QStringLiteral("permission denied")), qPrintable(error.toString()));
        QVERIFY2(error.toString().contains(QStringLiteral("(statement: ")), qPrintable(error.toString()));
    }

private:
    // A port on 127.0.0.1 where nobody listens (bound, then released).
    static quint16 freePort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost))
            return 1;
        return probe.serverPort();
    }

    PostgresTestServer m_server;
    QTcpServer m_silentServer;
};

QTEST_GUILESS_MAIN(tst_ConnectionPostgres)
#include "tst_connectionpostgres.moc"
