// Migrator on real SQLite files: a later run sees enums an earlier one
// created (SQLite keeps none), cancellation stops between revisions, a
// reviewed plan that no longer matches runs nothing, and offline plans
// need no database.

#include "MigrationBuilders.h"
#include "OperationYaml.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "db/Connection.h"
#include "revision/RevisionGraph.h"
#include "runtime/MigrationScript.h"
#include "runtime/Migrator.h"
#include "runtime/VersionTable.h"
#include "runtime/StatementLog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::testing;

class tst_Migrator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    Project m_project;

    std::unique_ptr<Connection> freshDatabase()
    {
        auto c = openSqliteFile(m_dir.filePath(QStringLiteral("m%1.db").arg(++m_count)));
        return c ? std::move(*c) : nullptr;
    }

    static Migrations chain()
    {
        Migrations ms;
        QString parent;
        for (int i = 1; i <= 3; ++i) {
            Table t;
            t.name = QStringLiteral("t%1").arg(i);
            Column id;
            id.name = QStringLiteral("id");
            id.type = ColumnType::of(ColumnType::Kind::Integer);
            t.columns = {id};
            Migration m = migration(QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0')),
                                    parent.isEmpty() ? QStringList{} : QStringList{parent}, i, {}, {Operation::of(CreateTableOp{t})});
            m.downgrade = {Operation::of(DropTableOp{t.name, t})};
            parent = m.revision;
            ms << m;
        }
        return ms;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void enumFromAnEarlierRun()
    {
        auto ms = linearMigrations(
            QStringLiteral("aaaaaaaaaaa"),
            {QStringLiteral("- create_enum: {name: mood, values: [sad, ok]}\n"
                            "- create_table: {name: people, columns: [{name: id, type: integer, primary_key: true}, "
                            "{name: mood, type: mood}]}\n"),
             QStringLiteral("- add_enum_value: {enum: mood, value: happy}\n")});
        SD_VERIFY_RESULT(ms);
        const Migration &first = ms->first();
        auto graph = RevisionGraph::build(*ms);
        QVERIFY(graph);
        Migrator migrator(m_project, *graph);
        auto c = freshDatabase();
        QVERIFY(c);
        // Two runs: the second plans against the live database, which has no enums of its own.
        SD_VERIFY_RESULT(migrator.migrate(*c, Direction::Upgrade, first.revision, {}));
        SD_VERIFY_RESULT(c->exec(QStringLiteral("INSERT INTO people VALUES (1, 'ok')")));
        QVERIFY(!c->exec(QStringLiteral("INSERT INTO people VALUES (2, 'happy')")));
        auto second_run = migrator.migrate(*c, Direction::Upgrade, QStringLiteral("head"), {});
        SD_VERIFY_RESULT(second_run);
        QCOMPARE(second_run->completed, 1);
        SD_VERIFY_RESULT(c->exec(QStringLiteral("INSERT INTO people VALUES (2, 'happy')")));
        QVERIFY(!c->exec(QStringLiteral("INSERT INTO people VALUES (3, 'furious')")));
        auto count = c->exec(QStringLiteral("SELECT count(*) FROM people"));
        QVERIFY(count && count->next());
        QCOMPARE(count->value(0).toInt(), 2);
    }

    void cancelStopsBetweenRevisions()
    {
        auto graph = RevisionGraph::build(chain());
        QVERIFY(graph);
        Migrator migrator(m_project, *graph);
        auto c = freshDatabase();
        int started = 0;
        MigrateOptions options;
        options.revisionStarted = [&](int, const PlannedRevision &) { ++started; };
        options.cancelled = [&] { return started >= 1; };
        auto report = migrator.migrate(*c, Direction::Upgrade, QStringLiteral("head"), options);
        SD_VERIFY_RESULT(report);
        QVERIFY(report->cancelled);
        QCOMPARE(report->completed, 1);
        QCOMPARE(report->headsAfter, QStringList{QStringLiteral("000000000001")});
        auto current = VersionTable::currentRevisions(*c);
        SD_VERIFY_RESULT(current);
        QCOMPARE(*current, QStringList{QStringLiteral("000000000001")});
    }

    void reviewedPlanMustStillHold()
    {
        auto graph = RevisionGraph::build(chain());
        QVERIFY(graph);
        Migrator migrator(m_project, *graph);
        auto c = freshDatabase();
        auto reviewed = migrator.plan(*c, Direction::Upgrade, QStringLiteral("head"));
        SD_VERIFY_RESULT(reviewed);
        QCOMPARE(reviewed->revisions.size(), 3);
        // Someone else applies the first revision in between.
        SD_VERIFY_RESULT(migrator.migrate(*c, Direction::Upgrade, QStringLiteral("+1"), {}));
        auto refused = migrator.migrate(*c, Direction::Upgrade, QStringLiteral("head"), {}, &*reviewed);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("changed since the plan")), qPrintable(refused.error().toString()));
        QCOMPARE(refused.error().code, Error::Code::Database);
        auto current = VersionTable::currentRevisions(*c);
        SD_VERIFY_RESULT(current);
        QCOMPARE(*current, QStringList{QStringLiteral("000000000001")});
    }

    void sqliteBatchKeepsTheRevisionsBeforeAFailure()
    {
        Migrations ms = chain();
        ms[2].upgrade << Operation::of(SqlOp{QStringLiteral("INSERT INTO no_such_table VALUES (1)"), {}, true});
        auto graph = RevisionGraph::build(ms);
        QVERIFY(graph);
        Migrator migrator(m_project, *graph);
        auto c = freshDatabase();
        QStringList log;
        MigrateOptions options;
        options.log = [&](const ExecutedStatement &e) { log << e.sql; };
        auto failed = migrator.migrate(*c, Direction::Upgrade, QStringLiteral("head"), options);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, Error::Code::Migration);
        QCOMPARE(failed.error().revision, QStringLiteral("000000000003"));
        // One transaction, a savepoint per revision; the failing one rolled back to its savepoint.
        QCOMPARE(log.count(QStringLiteral("BEGIN")), 1);
        QCOMPARE(log.count(QStringLiteral("SAVEPOINT \"schemadesk_revision\"")), 3);
        QCOMPARE(log.count(QStringLiteral("ROLLBACK TO \"schemadesk_revision\"")), 1);
        QCOMPARE(log.last(), QStringLiteral("COMMIT"));
        auto current = VersionTable::currentRevisions(*c);
        SD_VERIFY_RESULT(current);
        QCOMPARE(*current, QStringList{QStringLiteral("000000000002")});
        auto live = migrator.liveSchema(*c);
        SD_VERIFY_RESULT(live);
        QVERIFY(live->table(QStringLiteral("t1")) && live->table(QStringLiteral("t2")));
        QVERIFY(!live->table(QStringLiteral("t3")));
        // The script shows the same transaction and savepoints.
        auto offline = migrator.planOffline(DialectKind::Sqlite, Direction::Upgrade, QStringLiteral("head"));
        SD_VERIFY_RESULT(offline);
        const QString script = MigrationScript::render(*offline);
        QCOMPARE(script.count(QLatin1String("\nBEGIN;\n")), 1);
        QCOMPARE(script.count(QLatin1String("SAVEPOINT \"schemadesk_revision\";")), 3);
        QVERIFY(script.endsWith(QLatin1String("RELEASE \"schemadesk_revision\";\nCOMMIT;\n")));
    }

    void sqliteBatchThatCannotCommitKeepsWhatHolds()
    {
        // r2 inserts an orphan under a deferred foreign key: SQLite finds it
        // only at the batch's COMMIT. r1 must stay, r2 be named, r3 not run.
        auto ms = linearMigrations(
            QStringLiteral("bbbbbbbbbbb"),
            {QStringLiteral("- sql: \"CREATE TABLE p (id integer PRIMARY KEY)\"\n"
                            "- sql: \"CREATE TABLE c (id integer PRIMARY KEY, p integer REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)\"\n"),
             QStringLiteral("- sql: \"INSERT INTO c VALUES (1, 42)\"\n"),
             QStringLiteral("- sql: \"CREATE TABLE x (id integer)\"\n")});
        SD_VERIFY_RESULT(ms);
        auto graph = RevisionGraph::build(*ms);
        QVERIFY(graph);
        Migrator migrator(m_project, *graph);
        auto c = freshDatabase();
        auto failed = migrator.migrate(*c, Direction::Upgrade, QStringLiteral("head"), {});
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, Error::Code::Migration);
        QCOMPARE(failed.error().revision, QStringLiteral("bbbbbbbbbbb2"));
        QVERIFY2(failed.error().message.contains(QLatin1String("FOREIGN KEY")), qPrintable(failed.error().toString()));
        auto current = VersionTable::currentRevisions(*c);
        SD_VERIFY_RESULT(current);
        QCOMPARE(*current, QStringList{QStringLiteral("bbbbbbbbbbb1")});
        auto live = migrator.liveSchema(*c);
        SD_VERIFY_RESULT(live);
        QVERIFY(live->table(QStringLiteral("p")) && live->table(QStringLiteral("c")));
        QVERIFY(!live->table(QStringLiteral("x")));
        auto rows = c->exec(QStringLiteral("SELECT count(*) FROM c"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toInt(), 0);
    }

    void offlinePlanNeedsNoDatabase()
    {
        auto graph = RevisionGraph::build(chain());
        QVERIFY(graph);
        Migrator migrator(m_project, *graph);
        auto up = migrator.planOffline(DialectKind::PostgreSQL, Direction::Upgrade, QStringLiteral("head"), {QStringLiteral("000000000001")});
        SD_VERIFY_RESULT(up);
        QCOMPARE(up->revisions.size(), 2);
        QCOMPARE(up->revisions.first().statements.first().sql, QStringLiteral("CREATE TABLE \"t2\" (\n    \"id\" integer\n)"));
        auto down = migrator.planOffline(DialectKind::Sqlite, Direction::Downgrade, QStringLiteral("base"), {QStringLiteral("000000000003")});
        SD_VERIFY_RESULT(down);
        QCOMPARE(down->revisions.size(), 3);
        QCOMPARE(down->revisions.first().migration.revision, QStringLiteral("000000000003"));
        const QString script = MigrationScript::render(*down);
        QVERIFY2(script.contains(QLatin1String("DROP TABLE \"t3\";")), qPrintable(script));
        QVERIFY(script.contains(QLatin1String("-- destroys data")));
        QVERIFY(down->warnings.isEmpty()); // nothing rebuilt
    }

    void offlineSqliteRebuildWarnsAboutTriggers()
    {
        // Offline, a SQLite rebuild cannot see the triggers the database has
        // on the table (SQLite drops them with the old table): the plan says
        // so, and the script carries it. Online the rebuild keeps them.
        auto ms = linearMigrations(
            QStringLiteral("ccccccccccc"),
            {QStringLiteral("- create_table: {name: accounts, columns: [{name: id, type: integer, primary_key: true}, "
                            "{name: balance, type: integer}]}\n"
                            "- create_table: {name: audit, columns: [{name: what, type: text}]}\n"),
             QStringLiteral("- alter_column: {table: accounts, column: balance, type: bigint, existing_type: integer}\n")});
        SD_VERIFY_RESULT(ms);
        auto graph = RevisionGraph::build(*ms);
        QVERIFY(graph);
        Migrator migrator(m_project, *graph);
        auto offline = migrator.planOffline(DialectKind::Sqlite, Direction::Upgrade, QStringLiteral("head"),
                                            {QStringLiteral("ccccccccccc1")});
        SD_VERIFY_RESULT(offline);
        QCOMPARE(offline->warnings.size(), 1);
        QVERIFY2(offline->warnings.first().contains(QLatin1String("rebuilds accounts without looking at the database")),
                 qPrintable(offline->warnings.first()));
        QVERIFY(MigrationScript::render(*offline).contains(QLatin1String("-- WARNING: this script rebuilds accounts")));
        // PostgreSQL alters the column in place: no warning.
        auto postgres = migrator.planOffline(DialectKind::PostgreSQL, Direction::Upgrade, QStringLiteral("head"),
                                             {QStringLiteral("ccccccccccc1")});
        SD_VERIFY_RESULT(postgres);
        QVERIFY(postgres->warnings.isEmpty());

        // Online, on a real file with a trigger: the rebuild keeps it, and
        // the plan has nothing to warn about.
        auto c = freshDatabase();
        SD_VERIFY_RESULT(migrator.migrate(*c, Direction::Upgrade, QStringLiteral("ccccccccccc1"), {}));
        SD_VERIFY_RESULT(c->exec(QStringLiteral("CREATE TRIGGER accounts_audit AFTER UPDATE ON accounts "
                                                "BEGIN INSERT INTO audit VALUES ('update'); END")));
        auto online = migrator.plan(*c, Direction::Upgrade, QStringLiteral("head"));
        SD_VERIFY_RESULT(online);
        QVERIFY(online->warnings.isEmpty());
        SD_VERIFY_RESULT(migrator.migrate(*c, Direction::Upgrade, QStringLiteral("head"), {}));
        auto trigger = c->exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'accounts_audit'"));
        QVERIFY(trigger && trigger->next());
        QCOMPARE(trigger->value(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"
