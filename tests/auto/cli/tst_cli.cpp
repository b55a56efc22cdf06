// schemadesk-cli driven as a process on real SQLite files: diff, inspect,
// status, their exit codes, and one clear line for each bad input.

#include "CliRunner.h"
#include "TextFiles.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "config/SchemaReader.h"
#include "dialect/SqlScript.h"
#include "runtime/MigrationLock.h"

#include <QCoreApplication>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::testing;

class tst_Cli : public QObject
{
    Q_OBJECT

    QString projectArg() const { return QStringLiteral("--project=") + m_dir.path(); }

    void createDemoDatabase()
    {
        auto schema = SchemaReader::readFile(m_dir.filePath(QStringLiteral("config/schema.yaml")));
        SD_VERIFY_RESULT(schema);
        auto connection = openSqliteFile(m_dir.filePath(QStringLiteral("demo.db")));
        SD_VERIFY_RESULT(connection);
        SD_VERIFY_RESULT(sd::testing::createSchema(**connection, *schema));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("demo.db")));
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        QVERIFY(copyDemoProject(m_dir.path()));
    }

    void diffOnMissingDatabaseListsEveryTable()
    {
        const CliRun run = runCli({projectArg(), QStringLiteral("diff")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("+ create table")), qPrintable(run.out));
        QVERIFY(run.err.isEmpty());
        // a read-only verb leaves no file behind
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("demo.db"))));
    }

    void diffEmptyOnceCreated()
    {
        createDemoDatabase();
        const CliRun run = runCli({projectArg(), QStringLiteral("diff")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("No differences: the database matches the schema configuration.\n"));
    }

    void diffJsonNamesEachDifference()
    {
        createDemoDatabase();
        auto connection = openSqliteFile(m_dir.filePath(QStringLiteral("demo.db")));
        SD_VERIFY_RESULT(connection);
        SD_VERIFY_RESULT(execAll(**connection, {QStringLiteral("ALTER TABLE tags ADD COLUMN legacy_flag boolean")}));
        connection->reset();
        const CliRun run = runCli({projectArg(), QStringLiteral("diff"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("count")).toInt(), 1);
        const QJsonObject d = json.value(QStringLiteral("differences")).toArray().at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("kind")).toString(), QStringLiteral("column_removed"));
        QCOMPARE(d.value(QStringLiteral("table")).toString(), QStringLiteral("tags"));
        QCOMPARE(d.value(QStringLiteral("destructive")).toBool(), true);
    }

    void diffSqlBringsTheDatabaseToTheConfiguration()
    {
        createDemoDatabase();
        const CliRun empty = runCli({projectArg(), QStringLiteral("diff"), QStringLiteral("--format=sql")});
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.out, QStringLiteral("-- No differences: the database matches the schema configuration.\n"));

        auto connection = openSqliteFile(m_dir.filePath(QStringLiteral("demo.db")));
        SD_VERIFY_RESULT(connection);
        SD_VERIFY_RESULT(execAll(**connection, {QStringLiteral("ALTER TABLE tags ADD COLUMN legacy_flag boolean"),
                                                QStringLiteral("DROP TABLE reviews")}));
        const CliRun run = runCli({projectArg(), QStringLiteral("diff"), QStringLiteral("--format"), QStringLiteral("sql")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.isEmpty());
        QVERIFY2(run.out.contains(QStringLiteral("CREATE TABLE \"reviews\"")), qPrintable(run.out));
        const qsizetype drop = run.out.indexOf(QStringLiteral("ALTER TABLE \"tags\" DROP COLUMN \"legacy_flag\";\n"));
        QVERIFY2(drop > 0, qPrintable(run.out));
        QVERIFY2(run.out.lastIndexOf(QStringLiteral("-- destroys data"), drop) > run.out.lastIndexOf(QStringLiteral(";\n"), drop - 1),
                 qPrintable(run.out)); // the comment right above it
        QVERIFY(run.out.contains(QStringLiteral("\nBEGIN;\n")) && run.out.endsWith(QStringLiteral("COMMIT;\n")));

        // Run as printed, the script leaves nothing to diff, and records no revision.
        for (const QString &statement : SqlScript::split(run.out))
            SD_VERIFY_RESULT((*connection)->exec(statement));
        connection->reset();
        const CliRun after = runCli({projectArg(), QStringLiteral("diff")});
        QCOMPARE(after.exitCode, 0);
        QVERIFY2(after.out.startsWith(QStringLiteral("No differences")), qPrintable(after.out));
    }

    void inspectWritesReadableYaml()
    {
        createDemoDatabase();
        const QString out = m_dir.filePath(QStringLiteral("inspected.yaml"));
        const CliRun run = runCli({projectArg(), QStringLiteral("inspect"), QStringLiteral("-o"), out});
        QCOMPARE(run.exitCode, 0);
        auto schema = SchemaReader::readFile(out);
        SD_VERIFY_RESULT(schema);
        QVERIFY(schema->table(QStringLiteral("orders")));
        // The inspected schema, used as the configuration, diffs empty.
        QFile::remove(m_dir.filePath(QStringLiteral("config/schema.yaml")));
        QVERIFY(QFile::copy(out, m_dir.filePath(QStringLiteral("config/schema.yaml"))));
        QCOMPARE(runCli({projectArg(), QStringLiteral("diff")}).exitCode, 0);
    }

    void statusReportsDrift()
    {
        const CliRun run = runCli({projectArg(), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("the file does not exist yet")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("base (no revision applied)")));
        QVERIFY2(run.out.contains(QStringLiteral(" differences (run '")), qPrintable(run.out));
        const CliRun json = runCli({projectArg(), QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("dialect")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(o.value(QStringLiteral("database_exists")).toBool(), false);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("schemaYaml"); // replaces config/schema.yaml when set
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");   // the start of the one line on stderr

        QTest::newRow("unknown verb") << QStringList{QStringLiteral("dif")} << QString() << 2
                                      << QStringLiteral("schemadesk-cli: unknown verb 'dif', did you mean 'diff'?");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("diff"), QStringLiteral("--frobnicate")} << QString() << 2
                                        << QStringLiteral("schemadesk-cli: diff: Unknown option 'frobnicate'.");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("diff"), QStringLiteral("--format=xml")} << QString() << 2
                                        << QStringLiteral("schemadesk-cli: diff: unknown format 'xml'");
        QTest::newRow("typo in a type")
            << QStringList{QStringLiteral("diff")}
            << QStringLiteral("tables:\n  - name: t\n    columns:\n      - {name: id, type: bigitn}\n") << 2
            << QStringLiteral("schemadesk-cli: config/schema.yaml:4:26: unknown type 'bigitn' (did you mean 'bigint'?");
        QTest::newRow("malformed yaml") << QStringList{QStringLiteral("diff")} << QStringLiteral("tables: [\n") << 2
                                        << QStringLiteral("schemadesk-cli: config/schema.yaml:");
        QTest::newRow("unknown environment") << QStringList{QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("diff")}
                                             << QString() << 2 << QStringLiteral("schemadesk-cli: ");
        QTest::newRow("bad url") << QStringList{QStringLiteral("--url"), QStringLiteral("mysql://x"), QStringLiteral("diff")}
                                 << QString() << 2 << QStringLiteral("schemadesk-cli: unsupported database URL 'mysql://x'");
        QTest::newRow("inspect into a folder that does not exist")
            << QStringList{QStringLiteral("inspect"), QStringLiteral("-o"), QStringLiteral("/nonexistent-schemadesk-folder/schema.yaml")}
            << QString() << 2 << QStringLiteral("schemadesk-cli: /nonexistent-schemadesk-folder/schema.yaml: cannot write the schema configuration");
        QTest::newRow("inspect with a stray argument") << QStringList{QStringLiteral("inspect"), QStringLiteral("extra")} << QString() << 2
                                                       << QStringLiteral("schemadesk-cli: inspect: unexpected argument 'extra'");
        QTest::newRow("diff with a stray argument") << QStringList{QStringLiteral("diff"), QStringLiteral("-1")} << QString() << 2
                                                    << QStringLiteral("schemadesk-cli: diff: unexpected argument '-1'");
        QTest::newRow("status with a stray argument") << QStringList{QStringLiteral("status"), QStringLiteral("head")} << QString() << 2
                                                      << QStringLiteral("schemadesk-cli: status: unexpected argument 'head'");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, schemaYaml);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        if (!schemaYaml.isEmpty()) {
            QFile f(m_dir.filePath(QStringLiteral("config/schema.yaml")));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(schemaYaml.toUtf8());
        }
        const CliRun run = runCli(QStringList{projectArg()} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.startsWith(message), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one line, no Qt warnings
        QVERIFY(run.out.isEmpty());
    }

    void missingProjectFile()
    {
        QTemporaryDir empty;
        const CliRun run = runCli({QStringLiteral("--project"), empty.path(), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("schemadesk.yaml")), qPrintable(run.err));
    }

    void unreachableServerIsExitThree_data()
    {
        QTest::addColumn<QStringList>("verb");
        QTest::newRow("diff") << QStringList{QStringLiteral("diff")};
        QTest::newRow("diff --format sql") << QStringList{QStringLiteral("diff"), QStringLiteral("--format=sql")};
        QTest::newRow("inspect") << QStringList{QStringLiteral("inspect")};
        QTest::newRow("inspect -o") << QStringList{QStringLiteral("inspect"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("out.yaml"))};
    }

    void unreachableServerIsExitThree()
    {
        QFETCH(QStringList, verb);
        // A port on which nothing listens: refused at once.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const CliRun run = runCli(QStringList{projectArg(), QStringLiteral("--url"),
                                              QStringLiteral("postgresql://nobody@127.0.0.1:%1/app").arg(port)} + verb);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("database \"app\"")));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("out.yaml"))));
    }

    void backupAndRestore()
    {
        // backup, then restore: refused without -y, refused at once (exit 3,
        // naming the holder) while a migrator holds the lock, then done.
        createDemoDatabase();
        const QString db = m_dir.filePath(QStringLiteral("demo.db"));
        const QString file = m_dir.filePath(QStringLiteral("demo-backup.sqlite3"));
        const CliRun backup = runCli({projectArg(), QStringLiteral("backup"), QStringLiteral("-o"), file});
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));
        QVERIFY(QFile::exists(file));
        {
            auto c = openSqliteFile(db);
            SD_VERIFY_RESULT(c);
            SD_VERIFY_RESULT(execAll(**c, {QStringLiteral("CREATE TABLE scratch (id integer)")}));
        }

        const CliRun unconfirmed = runCli({projectArg(), QStringLiteral("restore"), file});
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY2(unconfirmed.err.contains(QLatin1String("add -y to confirm")), qPrintable(unconfirmed.err));

        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///") + db);
        SD_VERIFY_RESULT(url);
        auto held = MigrationLock::acquire(*url, {}, QStringLiteral("public"));
        SD_VERIFY_RESULT(held);
        const CliRun locked = runCli({projectArg(), QStringLiteral("restore"), QStringLiteral("-y"),
                                      QStringLiteral("--no-wait"), file});
        QCOMPARE(locked.exitCode, 3);
        QVERIFY2(locked.err.contains(QStringLiteral("another migrator holds the migration lock: pid %1")
                                         .arg(QCoreApplication::applicationPid())),
                 qPrintable(locked.err));
        QCOMPARE(locked.err.count(QLatin1Char('\n')), 1);
        held->reset();

        const CliRun restored = runCli({projectArg(), QStringLiteral("restore"), QStringLiteral("-y"), file});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QVERIFY2(restored.out.contains(QLatin1String("the replaced database is kept as")), qPrintable(restored.out));
        auto c = openSqliteFile(db);
        SD_VERIFY_RESULT(c);
        auto scratch = (*c)->exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'"));
        SD_VERIFY_RESULT(scratch);
        QVERIFY(scratch->next());
        QCOMPARE(scratch->value(0).toInt(), 0);
    }

    void offlineSqliteRebuildWarns()
    {
        // upgrade --sql --from on SQLite with a revision that rebuilds a
        // table: the warning goes to stderr once and into the script, the
        // script itself to stdout.
        QVERIFY(writeText(m_dir.filePath(QStringLiteral("migrations/aaaaaaaaaaa2_wider_names.yaml")),
                          QStringLiteral("revision: aaaaaaaaaaa2\n"
                                         "down_revision: 212fb330b759\n"
                                         "message: wider names\n"
                                         "created: 2026-11-25T10:00:00Z\n"
                                         "upgrade:\n"
                                         "  - alter_column: {table: users, column: display_name, type: varchar(200), "
                                         "existing_type: varchar(100)}\n"
                                         "downgrade:\n"
                                         "  - alter_column: {table: users, column: display_name, type: varchar(100), "
                                         "existing_type: varchar(200)}\n")));
        const CliRun run = runCli({projectArg(), QStringLiteral("upgrade"), QStringLiteral("--sql"), QStringLiteral("--from"),
                                   QStringLiteral("212fb330b759")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.startsWith(QLatin1String("schemadesk-cli: warning: this script rebuilds users without looking at the database")),
                 qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(run.out.contains(QLatin1String("-- WARNING: this script rebuilds users")), qPrintable(run.out));
    }

    void helpForEachVerb_data()
    {
        QTest::addColumn<QString>("verb");
        for (const char *verb : {"diff", "inspect", "status"})
            QTest::newRow(verb) << QString::fromLatin1(verb);
    }

    void helpForEachVerb()
    {
        QFETCH(QString, verb);
        const CliRun run = runCli({verb, QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Usage: schemadesk-cli [--project DIR] [--env NAME | --url URL] ") + verb),
                 qPrintable(run.out));
    }

    // A protected environment's database is protected however it is named:
    // by --env, or by its URL given with --url.
    void protectedDatabaseNeedsConfirmationByUrlToo()
    {
        QVERIFY(replaceInFile(m_dir.filePath(QStringLiteral("schemadesk.yaml")), QStringLiteral("environments:\n"),
                              QStringLiteral("environments:\n  live:\n    url: sqlite:///bookshop_live.db\n    protected: true\n")));
        const QString byUrl = QStringLiteral("--url=sqlite:///") + m_dir.filePath(QStringLiteral("bookshop_live.db"));
        QCOMPARE(runCli({projectArg(), byUrl, QStringLiteral("upgrade")}).exitCode, 0);
        for (const QString &target : {byUrl, QStringLiteral("--env=live")}) {
            const CliRun refused = runCli({projectArg(), target, QStringLiteral("downgrade"), QStringLiteral("-1"), QStringLiteral("-y")});
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(QStringLiteral("environment 'live' is protected: add --confirm bookshop_live.db")),
                     qPrintable(refused.err));
        }
        const CliRun confirmed = runCli({projectArg(), byUrl, QStringLiteral("downgrade"), QStringLiteral("-1"), QStringLiteral("-y"),
                                         QStringLiteral("--confirm"), QStringLiteral("bookshop_live.db")});
        QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
    }

    // What autogenerate cannot express is said once, as the core words it.
    void autogenerateWarnsOnceAboutWhatItCannotWrite()
    {
        QCOMPARE(runCli({projectArg(), QStringLiteral("upgrade")}).exitCode, 0);
        QVERIFY(replaceInFile(m_dir.filePath(QStringLiteral("config/schema.yaml")), QStringLiteral("    primary_key: [book_id, author_id]\n"),
                              QStringLiteral("    primary_key: [book_id, author_id, position]\n")));
        for (const QStringList &args : {QStringList{QStringLiteral("check")},
                                        QStringList{QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("pk")}}) {
            const CliRun run = runCli(QStringList{projectArg()} + args);
            QVERIFY2(run.err.contains(QStringLiteral("not generated: book_authors: change primary key from (book_id, author_id) to "
                                                     "(book_id, author_id, position)")),
                     qPrintable(run.err));
            QCOMPARE(run.err.count(QStringLiteral("not generated")), 1);
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
