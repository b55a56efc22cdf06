// The desktop app against the real PostgreSQL server: on connect the
// start-up policy never migrates and the pending bar offers Review; Apply
// (with a one-second pg_sleep revision) runs on the worker thread while the
// GUI thread keeps ticking (never blocked > 100 ms); Roll back; the audit
// log records both.

#include "MainWindow.h"
#include "PostgresTestServer.h"
#include "ShellTestSupport.h"
#include "WindowTestSupport.h"
#include "TestResult.h"
#include "runtime/VersionTable.h"
#include "shell/ApplyController.h"
#include "shell/ApplyProgressWidget.h"
#include "shell/ConnectionDialog.h"
#include "shell/ApplyFlow.h"
#include "shell/ApplyPlanDialog.h"
#include "shell/HistoryModel.h"
#include "shell/LogModel.h"
#include "shell/MessageBar.h"
#include "shell/PlanModel.h"
#include "shell/ProjectSession.h"
#include "shell/Workspace.h"
#include "shell/ViewsController.h"
#include "diff/DiffView.h"
#include "diff/SchemaDiffModel.h"
#include "editor/MigrationEditor.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::app;
using namespace sd::testing;

class tst_AppPostgres : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void connectApplyAndRollBack();
    void testConnectionReportsServerVersion();
    void diffGenerateEditApplyAndRollBack();

private:
    PostgresTestServer m_server;
    QTemporaryDir m_dir;
};

void tst_AppPostgres::initTestCase()
{
    SD_REQUIRE_POSTGRES(m_server);
    isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    qputenv("SCHEMADESK_NO_KEYCHAIN", "1");
}

void tst_AppPostgres::connectApplyAndRollBack()
{
    const QString project = m_dir.filePath(QStringLiteral("demo"));
    QVERIFY(copyDemo(project));
    const QString slow = QStringLiteral("cccccccccc01");
    QVERIFY(writeSqlMigration(project, slow, QString::fromLatin1(demoHead), QStringLiteral("SELECT 1"),
                              QStringLiteral("SELECT pg_sleep(1)"), QStringLiteral("a one-second statement")));
    auto url = m_server.createDatabase(QStringLiteral("shell"));
    SD_VERIFY_RESULT(url);
    auto workspace = Workspace::open(m_dir.filePath(QStringLiteral("workspace.db")));
    SD_VERIFY_RESULT(workspace);

    MainWindow window(workspace->get());
    window.resize(1280, 800);
    window.show();
    QAbstractItemModelTester logTester(window.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester historyTester(window.historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openAndConnect(&window, project)); // connects to the project's SQLite default first
    QVERIFY(connectWindow(&window, *url));
    QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));

    // Section 6: PostgreSQL is never migrated on open.
    ProjectSession *session = window.session();
    QCOMPARE(session->lastStartup()->decision.action, StartupDecision::Action::RecommendUpgrade);
    QCOMPARE(session->lastStartup()->decision.pending, 2);
    QCOMPARE(session->currentRevisions(), QStringList{});
    QVERIFY(window.pendingBar()->isVisible());
    QVERIFY2(window.pendingBar()->text().contains(QLatin1String("never migrated on open")), qPrintable(window.pendingBar()->text()));
    QVERIFY(window.applyAction()->isEnabled());
    QVERIFY(!window.rollBackAction()->isEnabled());

    // Review on the bar opens the plan.
    int reviewed = 0;
    window.applyFlow()->setReviewer([&](ApplyPlanDialog &dialog) {
        reviewed = dialog.model()->plan().revisions.size();
        return false;
    });
    window.pendingBar()->findChild<QPushButton *>()->click();
    QTRY_COMPARE(reviewed, 2);
    QVERIFY(waitIdle(&window));
    QCOMPARE(session->currentRevisions(), QStringList{});

    // Apply: about a second of work off the GUI thread.
    window.applyFlow()->setReviewer([](ApplyPlanDialog &) { return true; });
    QSignalSpy finished(window.applyController(), &ApplyController::finished);
    QSignalSpy revisions(window.applyController(), &ApplyController::revisionFinished);
    EventLoopProbe probe;
    QElapsedTimer elapsed;
    elapsed.start();
    probe.start();
    window.applyAction()->trigger();
    QTRY_VERIFY(window.applyController()->isRunning()); // planned on the database thread, then reviewed
    QVERIFY(window.progress()->isVisible());
    QCOMPARE(window.progress()->maximum(), 2);
    QVERIFY(!window.applyAction()->isEnabled()); // one run at a time
    QVERIFY(finished.wait(60000));
    QVERIFY(waitIdle(&window));
    probe.stop();
    qInfo("apply took %lld ms; longest GUI-thread gap %lld ms over %d ticks", elapsed.elapsed(), probe.maxGapMs(), probe.ticks());
    QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));
    QVERIFY(elapsed.elapsed() >= 1000);
    QVERIFY2(probe.maxGapMs() < 100, qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(probe.maxGapMs())));
    QCOMPARE(revisions.size(), 2);
    QCOMPARE(session->currentRevisions(), QStringList{slow});
    QVERIFY(!window.pendingBar()->isVisible());
    bool sleepLogged = false;
    for (int row = 0; row < window.logModel()->rowCount(); ++row)
        sleepLogged |= window.logModel()->statement(row).sql.contains(QLatin1String("pg_sleep"));
    QVERIFY(sleepLogged);
    QVERIFY(!window.progress()->isVisible());

    // Roll back one revision.
    finished.clear();
    window.rollBackAction()->trigger();
    QVERIFY(finished.wait(60000));
    QVERIFY(waitIdle(&window));
    QCOMPARE(session->currentRevisions(), QStringList{QString::fromLatin1(demoHead)});
    QVERIFY(window.pendingBar()->isVisible());

    QCOMPARE(window.historyModel()->rowCount(), 3); // and the SQLite default's start-up migration
    QCOMPARE(window.historyModel()->entry(0).direction, QStringLiteral("downgrade"));
    QCOMPARE(window.historyModel()->entry(0).revisions, QStringList{slow});
    QCOMPARE(window.historyModel()->entry(1).revisions, (QStringList{QString::fromLatin1(demoHead), slow}));
    QVERIFY(window.historyModel()->entry(1).databaseUrl.startsWith(QLatin1String("postgresql://")));
    window.close();
}

void tst_AppPostgres::testConnectionReportsServerVersion()
{
    auto url = m_server.createDatabase(QStringLiteral("shelltest"));
    SD_VERIFY_RESULT(url);
    ConnectionDialog dialog(nullptr);
    dialog.setUrl(*url);
    const QString text = testConnectionAndWait(dialog);
    QVERIFY2(text.startsWith(QLatin1String("Connected: PostgreSQL ")), qPrintable(text));
    DatabaseUrl wrong = *url;
    wrong.database = QStringLiteral("no_such_database");
    dialog.setUrl(wrong);
    const QString error = testConnectionAndWait(dialog);
    QVERIFY2(error.contains(QLatin1String("no_such_database")), qPrintable(error));
}

// The walk-through on the real server: the diff view shows the
// difference, Generate migration opens it in the editor, an edit is saved,
// Apply empties the diff, Roll back brings the difference back.
void tst_AppPostgres::diffGenerateEditApplyAndRollBack()
{
    const QString project = m_dir.filePath(QStringLiteral("walkthrough"));
    QVERIFY(copyDemo(project));
    auto url = m_server.createDatabase(QStringLiteral("walkthrough"));
    SD_VERIFY_RESULT(url);
    MainWindow window(nullptr);
    window.resize(1280, 800);
    window.show();
    window.applyFlow()->setReviewer([](ApplyPlanDialog &) { return true; });
    QVERIFY(openAndConnect(&window, project));
    QVERIFY(connectWindow(&window, *url));
    QVERIFY(runAndWait(&window, window.applyAction())); // the demo's tables
    QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));

    SchemaDiffModel *diff = window.diffView()->model();
    QAbstractItemModelTester tester(diff, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(diff->count(DiffStatus::Changed), 0);
    QCOMPARE(diff->count(DiffStatus::Added), 0);
    QCOMPARE(diff->count(DiffStatus::Removed), 0);
    QVERIFY(diff->tableCount() > 5);

    QVERIFY(addSubtitleToSchema(project));
    window.refresh();
    QVERIFY(waitIdle(&window));
    QCOMPARE(diff->tableStatus(QStringLiteral("books")), DiffStatus::Changed);
    QCOMPARE(diff->count(DiffStatus::Changed), 1);

    QSignalSpy generated(window.viewsController(), &ViewsController::migrationGenerated);
    window.viewsController()->generateMigration(QStringLiteral("add a subtitle to books"));
    QVERIFY(generated.wait(30000));
    QVERIFY(waitIdle(&window));
    const QString path = generated.first().first().toString();
    QCOMPARE(window.editor()->filePath(), path);
    QVERIFY2(window.editor()->previewText().contains(QLatin1String("ALTER TABLE \"books\" ADD COLUMN \"subtitle\" character varying(300)")),
             qPrintable(window.editor()->previewText()));

    window.editor()->setText(QStringLiteral("# reviewed in the editor\n") + window.editor()->text());
    SD_VERIFY_RESULT(window.viewsController()->saveEditor());
    QVERIFY(waitIdle(&window));
    QCOMPARE(window.session()->pendingRevisions().size(), 1);

    QVERIFY(runAndWait(&window, window.applyAction()));
    QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));
    QCOMPARE(diff->count(DiffStatus::Changed), 0);
    QCOMPARE(diff->tableStatus(QStringLiteral("books")), DiffStatus::Unchanged);

    QVERIFY(runAndWait(&window, window.rollBackAction()));
    QCOMPARE(diff->tableStatus(QStringLiteral("books")), DiffStatus::Changed);
    QCOMPARE(window.session()->pendingRevisions().size(), 1);
    window.close();
}

QTEST_MAIN(tst_AppPostgres)
#include "tst_apppostgres.moc"
