// DatabaseBackup on the real PostgreSQL server with the real pg_dump and
// pg_restore: a dump restores every row and undoes a schema change; a
// failing restore reports pg_restore's own words.

#include "PostgresTestServer.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "backup/DatabaseBackup.h"
#include "db/Connection.h"
#include "runtime/MigrationLock.h"

#include <QDir>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using sd::testing::PostgresTestServer;

class tst_DatabaseBackupPostgres : public QObject
{
    Q_OBJECT

private:
    PostgresTestServer m_server;

private Q_SLOTS:
    void initTestCase() { SD_REQUIRE_POSTGRES(m_server); }

    void dumpAndRestore()
    {
        auto url = m_server.createDatabase(QStringLiteral("backup"));
        SD_VERIFY_RESULT(url);
        auto c = Connection::open(*url);
        SD_VERIFY_RESULT(c);
        SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, v text)"),
                                                QStringLiteral("INSERT INTO t SELECT i, 'row ' || i FROM generate_series(1, 5000) i")}));
        QTemporaryDir dir;
        const QString file = DatabaseBackup::defaultFileName(*url, dir.path());
        QVERIFY(file.endsWith(QLatin1String(".dump")));
        auto info = DatabaseBackup::backup(**c, file);
        SD_VERIFY_RESULT(info);
        QFile dump(file);
        QVERIFY(dump.open(QIODevice::ReadOnly));
        QCOMPARE(dump.read(5), QByteArray("PGDMP")); // pg_dump's custom format

        SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("DELETE FROM t WHERE id > 100"),
                                                QStringLiteral("ALTER TABLE t DROP COLUMN v")}));
        c->reset();
        auto restored = DatabaseBackup::restore(*url, file);
        SD_VERIFY_RESULT(restored);
        // What was replaced is kept beside the backup.
        QVERIFY(!restored->keptCopy.isEmpty());
        QFile kept(restored->keptCopy);
        QVERIFY2(kept.open(QIODevice::ReadOnly), qPrintable(restored->keptCopy));
        QCOMPARE(kept.read(5), QByteArray("PGDMP"));

        auto check = Connection::open(*url);
        SD_VERIFY_RESULT(check);
        auto q = (*check)->exec(QStringLiteral("SELECT count(*), max(v) FROM t"));
        SD_VERIFY_RESULT(q);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toInt(), 5000);
        QCOMPARE(q->value(1).toString(), QStringLiteral("row 999"));
    }

    void refusesWhileAMigratorHoldsTheLock()
    {
        auto url = m_server.createDatabase(QStringLiteral("locked"));
        SD_VERIFY_RESULT(url);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("locked.dump"));
        {
            auto c = Connection::open(*url);
            SD_VERIFY_RESULT(c);
            SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY)"),
                                                    QStringLiteral("INSERT INTO t VALUES (1), (2), (3)")}));
            SD_VERIFY_RESULT(DatabaseBackup::backup(**c, file));
            SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("DELETE FROM t")}));
        }
        // The advisory lock a migrator of this schema takes, held by another session.
        auto held = MigrationLock::acquire(*url, {}, QStringLiteral("public"));
        SD_VERIFY_RESULT(held);
        RestoreOptions options;
        options.lock.wait = false;
        auto refused = DatabaseBackup::restore(*url, file, options);
        QVERIFY(!refused);
        QVERIFY2(refused.error().toString().contains(QLatin1String("another migrator holds the migration lock")),
                 qPrintable(refused.error().toString()));
        const auto rows = [&] {
            auto c = Connection::open(*url);
            auto q = c ? (*c)->exec(QStringLiteral("SELECT count(*) FROM t")) : Result<QSqlQuery>(std::unexpected(c.error()));
            return q && q->next() ? q->value(0).toInt() : -1;
        };
        QCOMPARE(rows(), 0);
        // Nothing was dumped beside the backup either: the refusal comes first.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("locked.dump")});

        held->reset();
        SD_VERIFY_RESULT(DatabaseBackup::restore(*url, file, options));
        QCOMPARE(rows(), 3);
    }

    void restoreFailureNamesTheCause()
    {
        auto url = m_server.createDatabase(QStringLiteral("backup_bad"));
        SD_VERIFY_RESULT(url);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("garbage.dump"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is no dump");
        f.close();
        auto restored = DatabaseBackup::restore(*url, file);
        QVERIFY(!restored);
        QCOMPARE(restored.error().code, Error::Code::Database);
        QVERIFY2(restored.error().message.contains(QLatin1String("pg_restore")), qPrintable(restored.error().toString()));
    }
};

QTEST_GUILESS_MAIN(tst_DatabaseBackupPostgres)
#include "tst_databasebackuppostgres.moc"
