// SchemaDesk's own workspace database: created and migrated at start-up by
// the core's engine from the repository's migrations/ folder, saved
// connections without passwords, the audit log and its History model.

#include "ShellTestSupport.h"
#include "TestResult.h"
#include "revision/RevisionGraphLoader.h"
#include "shell/HistoryModel.h"
#include "shell/Workspace.h"
#include "runtime/VersionTable.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::app;

class tst_Workspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resourcesListEveryMigration();
    void createdAndMigratedOnFirstStart();
    void upToDateOnSecondStart();
    void savedConnectionsHoldNoPassword();
    void auditLogAndHistoryModel();
};

void tst_Workspace::resourcesListEveryMigration()
{
    QTemporaryDir dir;
    SD_VERIFY_RESULT(Workspace::open(dir.filePath(QStringLiteral("workspace.db")))); // registers the resources
    const QStringList inSource = RevisionGraphLoader::migrationFiles(sd::testing::sourceDir() + QStringLiteral("/migrations"));
    const QStringList inResources = QDir(QStringLiteral(":/workspace/migrations")).entryList(QDir::Files, QDir::Name);
    QVERIFY(!inSource.isEmpty());
    QCOMPARE(inResources, inSource);
}

void tst_Workspace::createdAndMigratedOnFirstStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data/workspace.db"));
    auto workspace = Workspace::open(path);
    SD_VERIFY_RESULT(workspace);
    QVERIFY(QFile::exists(path));
    QCOMPARE((*workspace)->startup().decision.action, StartupDecision::Action::ApplyAll);
    QVERIFY((*workspace)->startup().report.has_value());
    QVERIFY((*workspace)->startup().pending.isEmpty());
    auto current = VersionTable::currentRevisions((*workspace)->connection());
    SD_VERIFY_RESULT(current);
    QCOMPARE(*current, QStringList{QStringLiteral("7b3e0c91d4a2")});
    for (const char *table : {"saved_connections", "audit_log"}) {
        auto q = (*workspace)->connection().exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table));
        SD_VERIFY_RESULT(q);
    }
}

void tst_Workspace::upToDateOnSecondStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workspace.db"));
    SD_VERIFY_RESULT(Workspace::open(path));
    auto again = Workspace::open(path);
    SD_VERIFY_RESULT(again);
    QCOMPARE((*again)->startup().decision.action, StartupDecision::Action::UpToDate);
    QVERIFY(!(*again)->startup().report.has_value());
}

void tst_Workspace::savedConnectionsHoldNoPassword()
{
    QTemporaryDir dir;
    auto workspace = Workspace::open(dir.filePath(QStringLiteral("workspace.db")));
    SD_VERIFY_RESULT(workspace);
    auto url = DatabaseUrl::parse(QStringLiteral("postgresql://deploy:s3cret@db.example.com:5432/shop?sslmode=require"));
    SD_VERIFY_RESULT(url);
    SavedConnection saved;
    saved.name = QStringLiteral("production");
    saved.url = url->display();
    saved.environment = QStringLiteral("production");
    saved.projectDir = QStringLiteral("/p");
    SD_VERIFY_RESULT((*workspace)->saveConnection(saved));
    SD_VERIFY_RESULT((*workspace)->saveConnection(saved)); // refreshed, not duplicated
    auto list = (*workspace)->savedConnections();
    SD_VERIFY_RESULT(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().url, QStringLiteral("postgresql://deploy@db.example.com:5432/shop?sslmode=require"));
    workspace->reset();
    QFile file(dir.filePath(QStringLiteral("workspace.db")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cret"));
}

void tst_Workspace::auditLogAndHistoryModel()
{
    QTemporaryDir dir;
    auto workspace = Workspace::open(dir.filePath(QStringLiteral("workspace.db")));
    SD_VERIFY_RESULT(workspace);
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AuditEntry entry;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.appliedBy = QStringLiteral("ann@host");
    entry.databaseUrl = QStringLiteral("sqlite:////tmp/a.db");
    entry.direction = QStringLiteral("upgrade");
    entry.revisions = {QStringLiteral("aaaaaaaaaaaa"), QStringLiteral("bbbbbbbbbbbb")};
    entry.result = QStringLiteral("succeeded");
    entry.durationMs = 42;
    SD_VERIFY_RESULT((*workspace)->record(entry));
    entry.direction = QStringLiteral("downgrade");
    entry.revisions = {QStringLiteral("bbbbbbbbbbbb")};
    entry.result = QStringLiteral("failed");
    entry.message = QStringLiteral("boom");
    SD_VERIFY_RESULT((*workspace)->record(entry));
    auto log = (*workspace)->auditLog();
    SD_VERIFY_RESULT(log);
    QCOMPARE(log->size(), 2);
    model.setEntries(*log);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, HistoryModel::Direction).data().toString(), QStringLiteral("roll back"));
    QCOMPARE(model.index(0, HistoryModel::Result).data().toString(), QStringLiteral("failed"));
    QCOMPARE(model.index(1, HistoryModel::Revisions).data().toString(), QStringLiteral("aaaaaaaaaaaa, bbbbbbbbbbbb"));
    QCOMPARE(model.index(1, HistoryModel::Who).data().toString(), QStringLiteral("ann@host"));
    QCOMPARE(model.index(1, HistoryModel::Duration).data().toString(), QStringLiteral("42 ms"));
}

QTEST_MAIN(tst_Workspace)
#include "tst_workspace.moc"
