// RevisionRunner on a real SQLite file and the real PostgreSQL server: a
// revision whose third statement fails leaves no trace of the first two
// (schema, rows, version table, history); a good one commits its
// statements, its version row and its history row together; a statement
// outside the transaction is committed on its own and said so on failure.

#include "PostgresTestServer.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "db/Connection.h"
#include "runtime/HistoryTable.h"
#include "runtime/RevisionRunner.h"
#include "runtime/VersionTable.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using sd::testing::PostgresTestServer;

class tst_RevisionRunnerPostgres : public QObject
{
    Q_OBJECT

private:
    PostgresTestServer m_server;
    QTemporaryDir m_dir;
    int m_databases = 0;

    std::unique_ptr<Connection> open(const QString &dialect)
    {
        if (dialect == QLatin1String("sqlite")) {
            auto c = testing::openSqliteFile(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_databases)));
            return c ? std::move(*c) : nullptr;
        }
        auto url = m_server.createDatabase(QStringLiteral("runner"));
        if (!url)
            return nullptr;
        auto c = Connection::open(*url);
        return c ? std::move(*c) : nullptr;
    }

    static PlannedRevision revision(const QString &id, const QStringList &sql, const QStringList &headsBefore = {})
    {
        PlannedRevision r;
        r.migration.revision = id;
        r.migration.checksum = QStringLiteral("ab").repeated(32);
        r.headsBefore = headsBefore;
        r.headsAfter = {id};
        for (const QString &s : sql)
            r.statements << Statement::of(s);
        return r;
    }

    static bool tableExists(const Connection &c, const QString &name)
    {
        auto q = c.dialect() == DialectKind::Sqlite
                     ? c.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = ?"), {name})
                     : c.exec(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = ?"), {name});
        return q && q->next() && q->value(0).toInt() > 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!m_server.isAvailable() && qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL(qPrintable(QStringLiteral("PostgreSQL is required in CI: ") + m_server.unavailableReason()));
    }

    void dialects_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        if (m_server.isAvailable())
            QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void failingThirdStatementLeavesNoTrace_data() { dialects_data(); }
    void failingThirdStatementLeavesNoTrace()
    {
        QFETCH(QString, dialect);
        auto c = open(dialect);
        QVERIFY(c);
        RevisionRunner runner(*c);
        for (const Statement &s : VersionTable::createStatements(c->dialect()))
            SD_VERIFY_RESULT(runner.execute(s));
        SD_VERIFY_RESULT(runner.run(revision(QStringLiteral("aaaaaaaaaaaa"),
                                             {QStringLiteral("CREATE TABLE keep (id integer PRIMARY KEY)"),
                                              QStringLiteral("INSERT INTO keep VALUES (1)")})));

        QList<ExecutedStatement> log;
        RevisionRunner logged(*c, [&](const ExecutedStatement &e) { log << e; });
        auto failed = logged.run(revision(QStringLiteral("bbbbbbbbbbbb"),
                                          {QStringLiteral("CREATE TABLE gone (id integer PRIMARY KEY)"),
                                           QStringLiteral("INSERT INTO keep VALUES (2)"),
                                           QStringLiteral("INSERT INTO no_such_table VALUES (1)"),
                                           QStringLiteral("CREATE TABLE never (id integer)")},
                                          {QStringLiteral("aaaaaaaaaaaa")}));
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, Error::Code::Migration);
        QCOMPARE(failed.error().revision, QStringLiteral("bbbbbbbbbbbb"));
        QCOMPARE(failed.error().statement, QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
        QVERIFY2(failed.error().message.contains(QLatin1String("no_such_table")), qPrintable(failed.error().toString()));
        QVERIFY(failed.error().toString().contains(QLatin1String("revision bbbbbbbbbbbb")));

        // The first two statements' effects are gone; the version and the
        // history are as before the revision.
        QVERIFY(!tableExists(*c, QStringLiteral("gone")));
        QVERIFY(!tableExists(*c, QStringLiteral("never")));
        auto rows = c->exec(QStringLiteral("SELECT count(*) FROM keep"));
        SD_VERIFY_RESULT(rows);
        QVERIFY(rows->next());
        QCOMPARE(rows->value(0).toInt(), 1);
        auto heads = VersionTable::currentRevisions(*c);
        SD_VERIFY_RESULT(heads);
        QCOMPARE(*heads, QStringList{QStringLiteral("aaaaaaaaaaaa")});
        auto history = HistoryTable::read(*c);
        SD_VERIFY_RESULT(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().revision, QStringLiteral("aaaaaaaaaaaa"));
        QCOMPARE(history->first().direction, QStringLiteral("upgrade"));
        QCOMPARE(history->first().checksum, QStringLiteral("ab").repeated(32));
        QVERIFY(history->first().appliedAt.isValid());
        QVERIFY(history->first().appliedAt.secsTo(QDateTime::currentDateTimeUtc()) < 60);
        QVERIFY(history->first().durationMs >= 0);

        // The log saw BEGIN, three statements, the failure, and ROLLBACK.
        QStringList sql;
        for (const ExecutedStatement &e : log)
            sql << e.sql;
        QCOMPARE(sql, (QStringList{QStringLiteral("BEGIN"), QStringLiteral("CREATE TABLE gone (id integer PRIMARY KEY)"),
                                   QStringLiteral("INSERT INTO keep VALUES (2)"), QStringLiteral("INSERT INTO no_such_table VALUES (1)"),
                                   QStringLiteral("ROLLBACK")}));
        QVERIFY(!log.at(3).ok);
        QVERIFY(!log.at(3).error.isEmpty());
        QCOMPARE(log.at(3).revision, QStringLiteral("bbbbbbbbbbbb"));
    }

    void autocommitStatementStaysAndIsNamed_data() { dialects_data(); }
    void autocommitStatementStaysAndIsNamed()
    {
        QFETCH(QString, dialect);
        auto c = open(dialect);
        QVERIFY(c);
        RevisionRunner runner(*c);
        for (const Statement &s : VersionTable::createStatements(c->dialect()))
            SD_VERIFY_RESULT(runner.execute(s));
        PlannedRevision r = revision(QStringLiteral("cccccccccccc"),
                                     {QStringLiteral("CREATE TABLE a (id integer)"), QStringLiteral("CREATE TABLE b (id integer)"),
                                      QStringLiteral("CREATE TABLE c (id integer)"), QStringLiteral("SELECT * FROM no_such_table")});
        r.statements[1].placement = Statement::Placement::Autocommit;
        auto failed = runner.run(r);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QLatin1String("already committed and stay applied")), qPrintable(failed.error().toString()));
        // a and b were committed before the autocommit statement ran; c was rolled back.
        QVERIFY(tableExists(*c, QStringLiteral("a")));
        QVERIFY(tableExists(*c, QStringLiteral("b")));
        QVERIFY(!tableExists(*c, QStringLiteral("c")));
        auto heads = VersionTable::currentRevisions(*c);
        SD_VERIFY_RESULT(heads);
        QVERIFY(heads->isEmpty());
    }

    void failingAutocommitStatementSaysWhatStayed_data() { dialects_data(); }
    void failingAutocommitStatementSaysWhatStayed()
    {
        QFETCH(QString, dialect);
        auto c = open(dialect);
        QVERIFY(c);
        RevisionRunner runner(*c);
        for (const Statement &s : VersionTable::createStatements(c->dialect()))
            SD_VERIFY_RESULT(runner.execute(s));
        PlannedRevision r = revision(QStringLiteral("eeeeeeeeeeee"),
                                     {QStringLiteral("CREATE TABLE kept (id integer)"), QStringLiteral("SELECT * FROM no_such_table")});
        r.statements[1].placement = Statement::Placement::Autocommit;
        auto failed = runner.run(r);
        QVERIFY(!failed);
        // The statement before it was committed by the COMMIT ahead of it: the message must say so.
        QVERIFY(tableExists(*c, QStringLiteral("kept")));
        QVERIFY2(failed.error().message.contains(QLatin1String("already committed and stay applied")), qPrintable(failed.error().toString()));
    }

    void mustReturnNoRowsCheck()
    {
        auto c = open(QStringLiteral("sqlite"));
        QVERIFY(c);
        RevisionRunner runner(*c);
        for (const Statement &s : VersionTable::createStatements(c->dialect()))
            SD_VERIFY_RESULT(runner.execute(s));
        SD_VERIFY_RESULT(testing::execAll(*c, {QStringLiteral("CREATE TABLE p (id integer PRIMARY KEY)")}));
        PlannedRevision r = revision(QStringLiteral("dddddddddddd"), {});
        Statement off = Statement::of(QStringLiteral("PRAGMA foreign_keys=OFF"));
        off.placement = Statement::Placement::BeforeTransaction;
        Statement on = Statement::of(QStringLiteral("PRAGMA foreign_keys=ON"));
        on.placement = Statement::Placement::AfterTransaction;
        Statement check = Statement::of(QStringLiteral("PRAGMA foreign_key_check"));
        check.kind = Statement::Kind::MustReturnNoRows;
        r.statements = {off, Statement::of(QStringLiteral("CREATE TABLE ch (id integer PRIMARY KEY, p integer REFERENCES p (id))")),
                        Statement::of(QStringLiteral("INSERT INTO ch VALUES (1, 42)")), check, on};
        auto failed = runner.run(r);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QLatin1String("table=ch")), qPrintable(failed.error().toString()));
        QVERIFY(!tableExists(*c, QStringLiteral("ch")));
        // foreign keys are back on after the failed revision
        auto fk = c->exec(QStringLiteral("PRAGMA foreign_keys"));
        SD_VERIFY_RESULT(fk);
        QVERIFY(fk->next());
        QCOMPARE(fk->value(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_RevisionRunnerPostgres)
#include "tst_revisionrunnerpostgres.moc"
