// DatabaseBackup on real SQLite files: an online copy holds every row, a
// restore replaces the file and keeps the replaced one, and bad backups
// are refused before anything is touched.

#include "TestDatabase.h"
#include "TestResult.h"
#include "backup/DatabaseBackup.h"
#include "db/Connection.h"
#include "runtime/MigrationLock.h"

#include <QCoreApplication>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;

class tst_DatabaseBackupSqlite : public QObject
{
    Q_OBJECT

private:
    static int rowCount(const QString &path)
    {
        auto c = testing::openSqliteFile(path);
        if (!c)
            return -1;
        auto q = (*c)->exec(QStringLiteral("SELECT count(*) FROM t"));
        return q && q->next() ? q->value(0).toInt() : -1;
    }

private Q_SLOTS:
    void backupAndRestore()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("app.db"));
        {
            auto c = testing::openSqliteFile(db);
            SD_VERIFY_RESULT(c);
            SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("PRAGMA journal_mode=WAL"),
                                                    QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, v text)"),
                                                    QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                                                                   "INSERT INTO t SELECT i, 'row ' || i FROM n")}));
            const QString file = DatabaseBackup::defaultFileName((*c)->url(), dir.path());
            QVERIFY(file.endsWith(QLatin1String(".sqlite3")));
            QVERIFY(QFileInfo(file).fileName().startsWith(QLatin1String("app-")));
            // Taken while the connection is open and in WAL mode.
            auto info = DatabaseBackup::backup(**c, file);
            SD_VERIFY_RESULT(info);
            QVERIFY(info->bytes > 0);
            QCOMPARE(rowCount(file), 1000);
            // A second backup to the same file is refused.
            auto again = DatabaseBackup::backup(**c, file);
            QVERIFY(!again);
            QCOMPARE(again.error().code, Error::Code::Io);

            SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("DELETE FROM t WHERE id > 10")}));
            QCOMPARE(rowCount(db), 10);

            c->reset();
            auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///") + db);
            SD_VERIFY_RESULT(url);
            auto restored = DatabaseBackup::restore(*url, file);
            SD_VERIFY_RESULT(restored);
            QCOMPARE(rowCount(db), 1000);
            // The replaced database is kept, as it was.
            QVERIFY(!restored->keptCopy.isEmpty());
            QCOMPARE(rowCount(restored->keptCopy), 10);
        }
    }

    void waitsForTheMigrationLock()
    {
        // A restore never replaces a database a migrator is working on: with
        // the lock held elsewhere it fails at once (no-wait) or waits, and
        // the database stays as it is until the lock is free.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("locked.db"));
        const QString file = dir.filePath(QStringLiteral("backup.sqlite3"));
        {
            auto c = testing::openSqliteFile(db);
            SD_VERIFY_RESULT(c);
            SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY)"),
                                                    QStringLiteral("INSERT INTO t VALUES (1), (2), (3)")}));
            SD_VERIFY_RESULT(DatabaseBackup::backup(**c, file));
            SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("DELETE FROM t")}));
        }
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///") + db);
        SD_VERIFY_RESULT(url);
        auto held = MigrationLock::acquire(*url, {}, QStringLiteral("public"));
        SD_VERIFY_RESULT(held);

        RestoreOptions noWait;
        noWait.lock.wait = false;
        auto refused = DatabaseBackup::restore(*url, file, noWait);
        QVERIFY(!refused);
        QVERIFY2(refused.error().toString().contains(QLatin1String("another migrator holds the migration lock")),
                 qPrintable(refused.error().toString()));
        QCOMPARE(rowCount(db), 0);

        // Waiting: told who holds it, and gives up when cancelled.
        RestoreOptions waiting;
        bool told = false;
        int polls = 0;
        waiting.lock.pollIntervalMs = 10;
        waiting.lock.waiting = [&](const LockHolder &holder) { told = holder.pid == QCoreApplication::applicationPid(); };
        waiting.lock.cancelled = [&] { return ++polls > 3; };
        QVERIFY(!DatabaseBackup::restore(*url, file, waiting));
        QVERIFY(told);
        QCOMPARE(rowCount(db), 0);

        held->reset();
        SD_VERIFY_RESULT(DatabaseBackup::restore(*url, file, noWait));
        QCOMPARE(rowCount(db), 3);
    }

    void refusesBadBackups()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("app.db"));
        {
            auto c = testing::openSqliteFile(db);
            SD_VERIFY_RESULT(c);
            SD_VERIFY_RESULT(testing::execAll(**c, {QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY)"),
                                                    QStringLiteral("INSERT INTO t VALUES (1)")}));
        }
        const QByteArray before = [&] { QFile f(db); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///") + db);
        SD_VERIFY_RESULT(url);

        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
        f.close();
        auto bad = DatabaseBackup::restore(*url, text);
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(QLatin1String("not a SQLite database")), qPrintable(bad.error().toString()));

        auto missing = DatabaseBackup::restore(*url, dir.filePath(QStringLiteral("nope.sqlite3")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::Io);

        QFile after(db);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
        QCOMPARE(rowCount(db), 1);
    }
};

QTEST_GUILESS_MAIN(tst_DatabaseBackupSqlite)
#include "tst_databasebackupsqlite.moc"
