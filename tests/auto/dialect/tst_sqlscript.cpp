// SqlScript::split: where a script of several statements is cut.

#include "dialect/SqlScript.h"

#include <QTest>

using namespace sd;

class TestSqlScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
};

void TestSqlScript::split_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("one, no semicolon") << "UPDATE t SET a = 1" << QStringList{"UPDATE t SET a = 1"};
    QTest::newRow("two") << "CREATE TABLE a(x int); CREATE TABLE b(x int);"
                         << QStringList{"CREATE TABLE a(x int)", "CREATE TABLE b(x int)"};
    QTest::newRow("semicolon in string") << "INSERT INTO t VALUES ('a;b'); DELETE FROM t"
                                         << QStringList{"INSERT INTO t VALUES ('a;b')", "DELETE FROM t"};
    QTest::newRow("semicolon in quoted name") << "SELECT \"a;b\" FROM t; SELECT 1"
                                              << QStringList{"SELECT \"a;b\" FROM t", "SELECT 1"};
    QTest::newRow("comments between") << "-- first\nSELECT 1; /* two; */ SELECT 2;\n-- end\n"
                                      << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("empty statements") << ";;SELECT 1;;" << QStringList{"SELECT 1"};
    QTest::newRow("dollar body") << "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT f()"
                                 << QStringList{"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT f()"};
    QTest::newRow("sqlite trigger")
        << "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN a > 1 THEN 1 ELSE 2 END; INSERT INTO log VALUES (1); END; SELECT 1"
        << QStringList{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN a > 1 THEN 1 ELSE 2 END; INSERT INTO log VALUES (1); END",
                       "SELECT 1"};
    QTest::newRow("temp trigger")
        << "CREATE TEMP TRIGGER tr AFTER DELETE ON t BEGIN DELETE FROM u; END;"
        << QStringList{"CREATE TEMP TRIGGER tr AFTER DELETE ON t BEGIN DELETE FROM u; END"};
    QTest::newRow("begin transaction is no block") << "BEGIN; SELECT 1; COMMIT"
                                                   << QStringList{"BEGIN", "SELECT 1", "COMMIT"};
}

void TestSqlScript::split()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QCOMPARE(SqlScript::split(script), statements);
}

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
