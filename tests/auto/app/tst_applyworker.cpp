// Apply and roll back off the GUI thread: the ApplyWorker opens its own
// connection in its thread, the controller forwards every statement and
// revision through queued signals, Cancel stops before the next revision,
// the GUI thread never stalls longer than 100 ms, and every run lands in
// the workspace's audit log.

#include "ShellTestSupport.h"
#include "TestResult.h"
#include "config/ProjectFile.h"
#include "revision/RevisionGraphLoader.h"
#include "runtime/VersionTable.h"
#include "shell/ApplyController.h"
#include "shell/LogModel.h"
#include "shell/Workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sd;
using namespace sd::app;
using namespace sd::testing;

class tst_ApplyWorker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void applyAndRollBackThroughTheWorker();
    void cancelStopsBeforeTheNextRevision();
    void guiThreadNeverBlockedDuringSlowApply();
    void failureNamesRevisionStatementAndMessage();

private:
    ApplyRequest request(Direction direction, const QString &target) const;
    QStringList current() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
    std::unique_ptr<Workspace> m_workspace;
};

void tst_ApplyWorker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = m_dir->filePath(QStringLiteral("demo"));
    QVERIFY(copyDemo(m_project));
    auto workspace = Workspace::open(m_dir->filePath(QStringLiteral("workspace.db")));
    SD_VERIFY_RESULT(workspace);
    m_workspace = std::move(*workspace);
}

ApplyRequest tst_ApplyWorker::request(Direction direction, const QString &target) const
{
    ApplyRequest r;
    auto project = ProjectFile::load(m_project);
    if (!project)
        qFatal("%s", qPrintable(joinErrors(project.error())));
    r.project = *project;
    auto graph = RevisionGraphLoader::load(r.project.migrationsPath);
    if (!graph)
        qFatal("%s", qPrintable(joinErrors(toErrors(graph.error()))));
    r.graph = *graph;
    r.url = *r.project.resolveDatabaseUrl({}, {});
    r.connectOptions.createSqliteFile = true;
    r.direction = direction;
    r.target = target;
    return r;
}

QStringList tst_ApplyWorker::current() const
{
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///demo.db"), m_project);
    auto connection = Connection::open(*url);
    return *VersionTable::currentRevisions(**connection);
}

void tst_ApplyWorker::applyAndRollBackThroughTheWorker()
{
    ApplyController controller(m_workspace.get());
    LogModel log;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&controller, &ApplyController::statementExecuted, &log, &LogModel::append);
    QSet<Qt::HANDLE> threads;
    connect(&controller, &ApplyController::statementExecuted, this, [&] { threads.insert(QThread::currentThreadId()); });
    QSignalSpy started(&controller, &ApplyController::revisionStarted);
    QSignalSpy finished(&controller, &ApplyController::finished);

    QVERIFY(controller.start(request(Direction::Upgrade, QStringLiteral("head"))));
    QVERIFY(controller.isRunning());
    QVERIFY(!controller.start(request(Direction::Upgrade, QStringLiteral("head")))); // one at a time
    QVERIFY(finished.wait(30000));
    const auto outcome = finished.first().first().value<ApplyOutcome>();
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.completed, 1);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().at(1).toString(), QString::fromLatin1(demoHead));
    QVERIFY(log.rowCount() > 5);
    QCOMPARE(threads, QSet<Qt::HANDLE>{QThread::currentThreadId()}); // delivered on the GUI thread
    QVERIFY(log.index(0, LogModel::Result).data().toString() == QLatin1String("ok"));
    QCOMPARE(current(), QStringList{QString::fromLatin1(demoHead)});
    QVERIFY(!controller.isRunning());

    finished.clear();
    QVERIFY(controller.start(request(Direction::Downgrade, QStringLiteral("-1"))));
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().value<ApplyOutcome>().ok);
    QCOMPARE(current(), QStringList{});

    auto audit = m_workspace->auditLog();
    SD_VERIFY_RESULT(audit);
    QCOMPARE(audit->size(), 2);
    QCOMPARE(audit->at(0).direction, QStringLiteral("downgrade"));
    QCOMPARE(audit->at(1).direction, QStringLiteral("upgrade"));
    QCOMPARE(audit->at(1).revisions, QStringList{QString::fromLatin1(demoHead)});
    QCOMPARE(audit->at(1).result, QStringLiteral("succeeded"));
    QVERIFY(audit->at(1).databaseUrl.endsWith(QLatin1String("demo.db")));
    QVERIFY(!audit->at(1).appliedBy.isEmpty());
}

void tst_ApplyWorker::cancelStopsBeforeTheNextRevision()
{
    QVERIFY(writeSqlMigration(m_project, QStringLiteral("aaaaaaaaaaa1"), QString::fromLatin1(demoHead), slowSqlite(), QStringLiteral("SELECT 1")));
    QVERIFY(writeSqlMigration(m_project, QStringLiteral("aaaaaaaaaaa2"), QStringLiteral("aaaaaaaaaaa1"), QStringLiteral("SELECT 2"),
                              QStringLiteral("SELECT 2"), QStringLiteral("after the slow one")));
    ApplyController controller(m_workspace.get());
    QSignalSpy finished(&controller, &ApplyController::finished);
    // Cancel while the slow revision (the second) runs: the third never starts.
    connect(&controller, &ApplyController::revisionStarted, &controller, [&](int index) {
        if (index == 1)
            controller.cancel();
    });
    QVERIFY(controller.start(request(Direction::Upgrade, QStringLiteral("head"))));
    QVERIFY(finished.wait(30000));
    const auto outcome = finished.first().first().value<ApplyOutcome>();
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QVERIFY(outcome.cancelled);
    QCOMPARE(outcome.completed, 2);
    QCOMPARE(current(), QStringList{QStringLiteral("aaaaaaaaaaa1")});
    auto audit = m_workspace->auditLog();
    SD_VERIFY_RESULT(audit);
    QCOMPARE(audit->first().result, QStringLiteral("cancelled"));
    QCOMPARE(audit->first().revisions, (QStringList{QString::fromLatin1(demoHead), QStringLiteral("aaaaaaaaaaa1")}));
}

void tst_ApplyWorker::guiThreadNeverBlockedDuringSlowApply()
{
    QVERIFY(writeSqlMigration(m_project, QStringLiteral("aaaaaaaaaaa1"), QString::fromLatin1(demoHead), slowSqlite(), QStringLiteral("SELECT 1")));
    ApplyController controller(m_workspace.get());
    LogModel log;
    connect(&controller, &ApplyController::statementExecuted, &log, &LogModel::append);
    QSignalSpy finished(&controller, &ApplyController::finished);
    EventLoopProbe probe;
    QElapsedTimer elapsed;
    elapsed.start();
    probe.start();
    QVERIFY(controller.start(request(Direction::Upgrade, QStringLiteral("head"))));
    QVERIFY(finished.wait(60000));
    probe.stop();
    const auto outcome = finished.first().first().value<ApplyOutcome>();
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    qInfo("apply took %lld ms; longest GUI-thread gap %lld ms over %d ticks", elapsed.elapsed(), probe.maxGapMs(), probe.ticks());
    QVERIFY2(elapsed.elapsed() >= 500, "the slow migration should take the better part of a second");
    QVERIFY2(probe.maxGapMs() < 100, qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(probe.maxGapMs())));
    QVERIFY(probe.ticks() > 20);
}

void tst_ApplyWorker::failureNamesRevisionStatementAndMessage()
{
    QVERIFY(writeSqlMigration(m_project, QStringLiteral("bbbbbbbbbbb1"), QString::fromLatin1(demoHead),
                              QStringLiteral("INSERT INTO no_such_table VALUES (1)"), QStringLiteral("SELECT 1"), QStringLiteral("broken")));
    ApplyController controller(m_workspace.get());
    QSignalSpy finished(&controller, &ApplyController::finished);
    QVERIFY(controller.start(request(Direction::Upgrade, QStringLiteral("head"))));
    QVERIFY(finished.wait(30000));
    const auto outcome = finished.first().first().value<ApplyOutcome>();
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.code, Error::Code::Migration);
    QCOMPARE(outcome.error.revision, QStringLiteral("bbbbbbbbbbb1"));
    QVERIFY(outcome.error.statement.contains(QLatin1String("no_such_table")));
    QVERIFY(outcome.error.message.contains(QLatin1String("no_such_table")));
    QCOMPARE(current(), QStringList{QString::fromLatin1(demoHead)}); // the first revision stays applied
    auto audit = m_workspace->auditLog();
    SD_VERIFY_RESULT(audit);
    QCOMPARE(audit->first().result, QStringLiteral("failed"));
    QVERIFY(audit->first().revisions.contains(QStringLiteral("bbbbbbbbbbb1")));
}

QTEST_MAIN(tst_ApplyWorker)
#include "tst_applyworker.moc"
