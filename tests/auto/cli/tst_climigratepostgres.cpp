// The whole migration workflow driven through the built schemadesk-cli, as
// a process, on a real SQLite file and on the real PostgreSQL server: init,
// write a schema, autogenerate, upgrade, insert rows, change the schema
// (add, drop, retype and rename columns, add an index and a foreign key),
// autogenerate, upgrade with the rows kept, downgrade -1, reset -y, merge
// two heads, stamp, validate catching an edited file, a failing migration
// rolled back (exit 4), and bad inputs giving exit 2 with one clear line.

#include "CliRunner.h"
#include "PostgresTestServer.h"
#include "TestResult.h"
#include "db/Connection.h"
#include "runtime/MigrationLock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::testing;

namespace {

const char firstSchema[] = R"(tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: email, type: varchar(100), nullable: false}
      - {name: full_name, type: varchar(100)}
      - {name: legacy_flag, type: boolean}
)";

const char secondSchema[] = R"(tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: email, type: varchar(255), nullable: false}
      - {name: display_name, type: varchar(100), renamed_from: full_name}
      - {name: locale, type: varchar(16)}
    indexes:
      - {name: ix_users_email, columns: [email], unique: true}
  - name: posts
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: user_id, type: bigint, nullable: false}
      - {name: title, type: text, nullable: false}
    foreign_keys:
      - {name: fk_posts_user, columns: [user_id], references: {table: users, columns: [id]}, on_delete: cascade}
)";

} // namespace

class tst_CliMigratePostgres : public QObject
{
    Q_OBJECT

private:
    PostgresTestServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;                 // as the project file holds it: no password
    DatabaseUrl m_connectUrl;      // for the test's own connection
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    CliRun cli(QStringList arguments) const
    {
        arguments.prepend(QStringLiteral("--project=") + m_dir->path());
        return runCli(arguments, m_env);
    }

    void writeFile(const QString &relative, const QByteArray &content)
    {
        QFile f(path(relative));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    QStringList migrationFiles() const
    {
        return QDir(path(QStringLiteral("migrations"))).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    }

    std::unique_ptr<Connection> connect() const
    {
        auto c = Connection::open(m_connectUrl);
        return c ? std::move(*c) : nullptr;
    }

    QVariant scalar(const QString &sql) const
    {
        auto c = connect();
        if (!c)
            return {};
        auto q = c->exec(sql);
        return q && q->next() ? q->value(0) : QVariant();
    }

    QString currentRevision() const
    {
        const CliRun run = cli({QStringLiteral("current"), QStringLiteral("--json")});
        const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QStringList ids;
        for (const QJsonValue &v : array)
            ids << v.toObject().value(QStringLiteral("revision")).toString();
        return ids.join(QLatin1Char(','));
    }

    // The revision id in "wrote migrations/<id>_....yaml".
    static QString writtenRevision(const CliRun &run)
    {
        static const QRegularExpression written(QStringLiteral("wrote \\S*?([0-9a-f]{12})[_.]"));
        const auto match = written.match(run.out);
        return match.hasMatch() ? match.captured(1) : QString();
    }

    bool setUpProject(const QString &dialect)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (dialect == QLatin1String("sqlite")) {
            m_url = QStringLiteral("sqlite:///app.db");
            auto parsed = DatabaseUrl::parse(m_url, m_dir->path());
            m_connectUrl = *parsed;
        } else {
            auto created = m_server.createDatabase(QStringLiteral("cli_migrate"));
            if (!created)
                return false;
            m_connectUrl = *created;
            m_url = QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(created->user).arg(created->port).arg(created->database);
            m_env.insert(QStringLiteral("PGPASSWORD"), created->password);
        }
        const CliRun init = runCli({QStringLiteral("init"), m_dir->path(), QStringLiteral("--database"), m_url}, m_env);
        return init.exitCode == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_server.isAvailable() && qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL(qPrintable(QStringLiteral("PostgreSQL is required in CI: ") + m_server.unavailableReason()));
        m_env.remove(QStringLiteral("SCHEMADESK_DATABASE_URL"));
    }

    void workflow_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        if (m_server.isAvailable())
            QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void workflow()
    {
        QFETCH(QString, dialect);
        QVERIFY(setUpProject(dialect));

        // An initialised project upgrades at once: nothing to do.
        CliRun run = cli({QStringLiteral("upgrade")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("nothing to do")), qPrintable(run.out + run.err));

        // First schema, autogenerated and applied.
        writeFile(QStringLiteral("config/schema.yaml"), firstSchema);
        run = cli({QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("create users")});
        QCOMPARE(run.exitCode, 0);
        const QString first = writtenRevision(run);
        QVERIFY2(!first.isEmpty(), qPrintable(run.out + run.err));
        QCOMPARE(migrationFiles().size(), 1);
        QVERIFY(migrationFiles().first().startsWith(first + QStringLiteral("_create_users")));
        run = cli({QStringLiteral("check")});
        QCOMPARE(run.exitCode, 1); // not applied yet, but the database is not at head
        run = cli({QStringLiteral("upgrade")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(run.err, QString()); // no server NOTICEs leaking through
        QCOMPARE(currentRevision(), first);
        run = cli({QStringLiteral("check")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = cli({QStringLiteral("diff")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        {
            auto c = connect();
            QVERIFY(c);
            SD_VERIFY_RESULT(c->exec(QStringLiteral("INSERT INTO users (email, full_name, legacy_flag) VALUES "
                                                    "('ada@example.com', 'Ada Lovelace', true), ('alan@example.com', 'Alan Turing', false)")));
        }

        // Second schema: retype, rename, drop and add columns, an index, a new table with a foreign key.
        writeFile(QStringLiteral("config/schema.yaml"), secondSchema);
        run = cli({QStringLiteral("check")});
        QCOMPARE(run.exitCode, 1);
        run = cli({QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("profiles and posts")});
        QCOMPARE(run.exitCode, 0);
        const QString second = writtenRevision(run);
        QVERIFY(!second.isEmpty());
        QFile secondFile(path(QStringLiteral("migrations/") + migrationFiles().filter(second).first()));
        QVERIFY(secondFile.open(QIODevice::ReadOnly));
        const QString secondText = QString::fromUtf8(secondFile.readAll());
        QVERIFY2(secondText.contains(QLatin1String("# destroys data: drops column users.legacy_flag")), qPrintable(secondText));
        QVERIFY2(!secondText.contains(QLatin1String("drop_column: {table: users, column: full_name")), qPrintable(secondText));

        run = cli({QStringLiteral("pending"), QStringLiteral("-v")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("destroys data")), qPrintable(run.out));
        run = cli({QStringLiteral("upgrade"), QStringLiteral("--sql")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("INSERT INTO \"schemadesk_version\"")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("-- destroys data")));

        run = cli({QStringLiteral("upgrade")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(currentRevision(), second);
        QCOMPARE(scalar(QStringLiteral("SELECT display_name FROM users WHERE email = 'ada@example.com'")).toString(),
                 QStringLiteral("Ada Lovelace"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 2);
        run = cli({QStringLiteral("diff")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        {
            auto c = connect();
            SD_VERIFY_RESULT(c->exec(QStringLiteral("INSERT INTO posts (user_id, title) SELECT id, 'hello' FROM users")));
        }

        // Downgrade needs -y and says what it would undo.
        run = cli({QStringLiteral("downgrade"), QStringLiteral("-1")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(second) && run.err.contains(QLatin1String("-y")), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        run = cli({QStringLiteral("downgrade"), QStringLiteral("-1"), QStringLiteral("-y")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(currentRevision(), first);
        QCOMPARE(scalar(QStringLiteral("SELECT full_name FROM users WHERE email = 'alan@example.com'")).toString(),
                 QStringLiteral("Alan Turing"));
        run = cli({QStringLiteral("upgrade")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        // reset: down to base and up again.
        run = cli({QStringLiteral("reset")});
        QCOMPARE(run.exitCode, 2);
        run = cli({QStringLiteral("reset"), QStringLiteral("-y")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(currentRevision(), second);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 0);

        // Two heads: upgrade refuses to pick, merge joins them.
        run = cli({QStringLiteral("revision"), QStringLiteral("-m"), QStringLiteral("branch a")});
        QCOMPARE(run.exitCode, 0);
        const QString branchA = writtenRevision(run);
        const QString branchB = QStringLiteral("bbbbbbbbbbbb");
        writeFile(QStringLiteral("migrations/bbbbbbbbbbbb_branch_b.yaml"),
                  QStringLiteral("revision: bbbbbbbbbbbb\ndown_revision: %1\nmessage: branch b\ncreated: 2026-11-24T10:00:00Z\n"
                                 "upgrade:\n  - add_column: {table: posts, column: {name: score, type: integer}}\n"
                                 "downgrade:\n  - drop_column: {table: posts, column: score}\n").arg(second).toUtf8());
        run = cli({QStringLiteral("heads")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(branchA) && run.out.contains(branchB));
        run = cli({QStringLiteral("upgrade")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(branchA) && run.err.contains(branchB) && run.err.contains(QLatin1String("merge")), qPrintable(run.err));
        run = cli({QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = cli({QStringLiteral("merge"), QStringLiteral("-m"), QStringLiteral("join branches")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QString merge = writtenRevision(run);
        QVERIFY(!merge.isEmpty());
        run = cli({QStringLiteral("upgrade")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(currentRevision(), merge);
        run = cli({QStringLiteral("history")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("@ ")) && run.out.contains(QLatin1Char('\\')), qPrintable(run.out));

        // stamp moves the version table only.
        run = cli({QStringLiteral("stamp"), second});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(currentRevision(), second);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM posts")).toInt(), 0); // the table is still there
        run = cli({QStringLiteral("stamp"), QStringLiteral("heads")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(currentRevision(), merge);

        // validate: sound, until an applied file is edited. posts.score from branch b is not in the configuration.
        run = cli({QStringLiteral("validate")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("score")), qPrintable(run.out + run.err));
        QFile schema(path(QStringLiteral("config/schema.yaml")));
        QVERIFY(schema.open(QIODevice::Append));
        schema.close();
        writeFile(QStringLiteral("config/schema.yaml"),
                  QByteArray(secondSchema).replace("      - {name: title, type: text, nullable: false}\n",
                                                   "      - {name: title, type: text, nullable: false}\n      - {name: score, type: integer}\n"));
        run = cli({QStringLiteral("validate")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(run.err, QString());
        const QString firstFile = path(QStringLiteral("migrations/") + migrationFiles().filter(first).first());
        QFile edited(firstFile);
        QVERIFY(edited.open(QIODevice::Append));
        edited.write("# edited after it was applied\n");
        edited.close();
        run = cli({QStringLiteral("validate")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QFileInfo(firstFile).fileName()) && run.err.contains(QLatin1String("changed since")), qPrintable(run.err));
        run = cli({QStringLiteral("status")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QFileInfo(firstFile).fileName()), qPrintable(run.out));

        // A migration whose third statement fails: exit 4, nothing of it stays.
        writeFile(QStringLiteral("migrations/cccccccccccc_fails.yaml"),
                  QStringLiteral("revision: cccccccccccc\ndown_revision: %1\nmessage: fails\ncreated: 2026-11-24T11:00:00Z\n"
                                 "upgrade:\n  - create_table: {name: audit, columns: [{name: id, type: integer, primary_key: true}]}\n"
                                 "  - sql: \"INSERT INTO audit (id) VALUES (1)\"\n  - sql: \"INSERT INTO no_such_table VALUES (1)\"\n"
                                 "downgrade:\n  - drop_table: {name: audit}\n").arg(merge).toUtf8());
        run = cli({QStringLiteral("upgrade")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QLatin1String("cccccccccccc")) && run.err.contains(QLatin1String("no_such_table")), qPrintable(run.err));
        QCOMPARE(currentRevision(), merge);
        run = cli({QStringLiteral("diff")});
        QVERIFY2(!run.out.contains(QLatin1String("audit")), qPrintable(run.out));
    }

    void concurrentUpgradesApplyEachRevisionOnce()
    {
        if (!m_server.isAvailable())
            QSKIP("needs PostgreSQL");
        QVERIFY(setUpProject(QStringLiteral("postgresql")));
        QString parent = QStringLiteral("null");
        for (int i = 1; i <= 3; ++i) {
            const QString id = QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0'));
            writeFile(QStringLiteral("migrations/%1_step.yaml").arg(id),
                      QStringLiteral("revision: '%1'\ndown_revision: %2\nmessage: step %3\ncreated: 2026-11-24T10:00:0%3Z\n"
                                     "upgrade:\n  - create_table: {name: t%3, columns: [{name: id, type: integer, primary_key: true}]}\n"
                                     "  - sql: {postgresql: \"SELECT pg_sleep(1)\"}\n"
                                     "downgrade:\n  - drop_table: {name: t%3}\n")
                          .arg(id, parent)
                          .arg(i)
                          .toUtf8());
            parent = QLatin1Char('\'') + id + QLatin1Char('\'');
        }
        QProcess a, b;
        for (QProcess *p : {&a, &b}) {
            p->setProcessEnvironment(m_env);
            p->start(qEnvironmentVariable("SCHEMADESK_CLI"), {QStringLiteral("--project=") + m_dir->path(), QStringLiteral("upgrade")});
        }
        QVERIFY(a.waitForFinished(60000));
        QVERIFY(b.waitForFinished(60000));
        const QString output = QString::fromUtf8(a.readAllStandardOutput() + a.readAllStandardError() + b.readAllStandardOutput()
                                                 + b.readAllStandardError());
        QVERIFY2(a.exitCode() == 0 && b.exitCode() == 0, qPrintable(output));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schemadesk_history WHERE direction = 'upgrade'")).toInt(), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT revision) FROM schemadesk_history")).toInt(), 3);
        QCOMPARE(currentRevision(), QStringLiteral("000000000003"));
        // The one that waited said who held the lock.
        QVERIFY2(output.contains(QLatin1String("waiting for the migration lock held by pid")), qPrintable(output));
    }

    void noWaitFailsNamingTheHolder()
    {
        if (!m_server.isAvailable())
            QSKIP("needs PostgreSQL");
        QVERIFY(setUpProject(QStringLiteral("postgresql")));
        auto holder = connect();
        QVERIFY(holder);
        SD_VERIFY_RESULT(holder->exec(QStringLiteral("SELECT pg_advisory_lock(?)"), {MigrationLock::advisoryKey(QStringLiteral("public"))}));
        CliRun run = cli({QStringLiteral("upgrade"), QStringLiteral("--no-wait")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("pid")) && run.err.contains(QLatin1String("migration lock")), qPrintable(run.err));
        SD_VERIFY_RESULT(holder->exec(QStringLiteral("SELECT pg_advisory_unlock_all()")));
        run = cli({QStringLiteral("upgrade"), QStringLiteral("--no-wait")});
        QCOMPARE(run.exitCode, 0);
    }

    void lockTimeoutStopsAMigrationQueuedBehindALongTransaction()
    {
        if (!m_server.isAvailable())
            QSKIP("needs PostgreSQL");
        QVERIFY(setUpProject(QStringLiteral("postgresql")));
        QFile project(path(QStringLiteral("schemadesk.yaml")));
        QVERIFY(project.open(QIODevice::Append));
        project.write("lock_timeout: 1s\n");
        project.close();
        writeFile(QStringLiteral("config/schema.yaml"), firstSchema);
        QCOMPARE(cli({QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("users")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("upgrade")}).exitCode, 0);
        writeFile(QStringLiteral("config/schema.yaml"), QByteArray(firstSchema) + "      - {name: locale, type: varchar(16)}\n");
        QCOMPARE(cli({QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"), QStringLiteral("locale")}).exitCode, 0);

        // A long transaction reading users: ALTER TABLE must wait for it.
        auto reader = connect();
        QVERIFY(reader);
        SD_VERIFY_RESULT(reader->exec(QStringLiteral("BEGIN")));
        SD_VERIFY_RESULT(reader->exec(QStringLiteral("SELECT count(*) FROM users")));
        QElapsedTimer timer;
        timer.start();
        const CliRun run = cli({QStringLiteral("upgrade")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QLatin1String("lock timeout")), qPrintable(run.err));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        SD_VERIFY_RESULT(reader->exec(QStringLiteral("ROLLBACK")));
        QVERIFY(!currentRevision().isEmpty());
        QCOMPARE(cli({QStringLiteral("upgrade")}).exitCode, 0);
    }

    void killedMigratorReleasesTheLock()
    {
        if (!m_server.isAvailable())
            QSKIP("needs PostgreSQL");
        QVERIFY(setUpProject(QStringLiteral("postgresql")));
        writeFile(QStringLiteral("migrations/000000000001_slow.yaml"),
                  "revision: '000000000001'\ndown_revision: null\nmessage: slow\ncreated: 2026-11-24T10:00:00Z\n"
                  "upgrade:\n  - sql: {postgresql: \"SELECT pg_sleep(30)\"}\ndowngrade: []\n");
        QProcess slow;
        slow.setProcessEnvironment(m_env);
        slow.start(qEnvironmentVariable("SCHEMADESK_CLI"), {QStringLiteral("--project=") + m_dir->path(), QStringLiteral("upgrade")});
        QVERIFY(slow.waitForStarted());
        // Wait until it holds the lock, then kill it without a chance to clean up.
        // (Only this database's locks: other tests migrate on the same server.)
        const QString locksHere = QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                                                 "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        QTRY_VERIFY_WITH_TIMEOUT(scalar(locksHere).toInt() > 0, 20000);
        slow.kill();
        QVERIFY(slow.waitForFinished());
        // The killed process's lock session ends with its socket, and the
        // server releases the session-level lock with it; its other session
        // may still sleep, holding no lock a migrator needs.
        writeFile(QStringLiteral("migrations/000000000001_slow.yaml"),
                  "revision: '000000000001'\ndown_revision: null\nmessage: quick now\ncreated: 2026-11-24T10:00:00Z\n"
                  "upgrade:\n  - sql: {postgresql: \"SELECT 1\"}\ndowngrade: []\n");
        QTRY_COMPARE_WITH_TIMEOUT(scalar(locksHere).toInt(), 0, 10000);
        const CliRun run = cli({QStringLiteral("upgrade"), QStringLiteral("--no-wait")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(currentRevision(), QStringLiteral("000000000001"));
    }

    void protectedEnvironmentNeedsTheTypedName()
    {
        QVERIFY(setUpProject(QStringLiteral("sqlite")));
        QFile project(path(QStringLiteral("schemadesk.yaml")));
        QVERIFY(project.open(QIODevice::Append));
        project.write("environments:\n  prod: {url: \"sqlite:///prod.db\", protected: true}\n");
        project.close();
        writeFile(QStringLiteral("config/schema.yaml"), firstSchema);
        CliRun run = cli({QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("revision"), QStringLiteral("--autogenerate"),
                          QStringLiteral("-m"), QStringLiteral("users")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = cli({QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("upgrade")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = cli({QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("downgrade"), QStringLiteral("base"), QStringLiteral("-y")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("protected")) && run.err.contains(QLatin1String("--confirm prod.db")), qPrintable(run.err));
        run = cli({QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("downgrade"), QStringLiteral("base"), QStringLiteral("-y"),
                   QStringLiteral("--confirm"), QStringLiteral("wrong.db")});
        QCOMPARE(run.exitCode, 2);
        run = cli({QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("downgrade"), QStringLiteral("base"), QStringLiteral("-y"),
                   QStringLiteral("--confirm"), QStringLiteral("prod.db")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = cli({QStringLiteral("--env"), QStringLiteral("prod"), QStringLiteral("current")});
        QCOMPARE(run.out, QStringLiteral("base (no revision applied)\n"));
    }

    void badInputs_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown target") << QStringList{"upgrade", "0123456789ab"} << "0123456789ab";
        QTest::newRow("downgrade without target") << QStringList{"downgrade", "-y"} << "target";
        QTest::newRow("revision without message") << QStringList{"revision", "--empty"} << "-m";
        QTest::newRow("unknown option") << QStringList{"upgrade", "--frobnicate"} << "frobnicate";
        QTest::newRow("merge with one head") << QStringList{"merge", "-m", "x"} << "merge";
        QTest::newRow("--from without --sql") << QStringList{"upgrade", "--from", "base"} << "--sql";
        QTest::newRow("stamp unknown") << QStringList{"stamp", "nope"} << "nope";
        QTest::newRow("init with a password in the URL")
            << QStringList{"init", QDir::tempPath() + "/schemadesk-never-created", "--database", "postgresql://u:secret@127.0.0.1/db"}
            << "password";
    }

    void badInputs()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QVERIFY(setUpProject(QStringLiteral("sqlite")));
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(tst_CliMigratePostgres)
#include "tst_climigratepostgres.moc"
