// The main window against a real SQLite file: opening the demo project runs
// the start-up policy, Apply and Roll back go through the plan dialog and
// the worker, the log and History docks fill, a protected environment shows
// the red banner and needs the typed database name. Writes the screenshots
// of docs/screenshots/.

#include "MainWindow.h"
#include "ShellTestSupport.h"
#include "WindowTestSupport.h"
#include "TestResult.h"
#include "TextFiles.h"
#include "db/Connection.h"
#include "browser/SchemaBrowser.h"
#include "diff/DiffStatusStyle.h"
#include "diff/DiffView.h"
#include "diff/SchemaDiffModel.h"
#include "editor/MigrationEditor.h"
#include "i18n/Translations.h"
#include "migrations/MigrationsView.h"
#include "shell/ViewsController.h"
#include "shell/ApplyController.h"
#include "shell/ConnectionDialog.h"
#include "shell/ConnectFlow.h"
#include "shell/ProjectPanel.h"
#include "shell/ApplyFlow.h"
#include "shell/ApplyPlanDialog.h"
#include "shell/HistoryModel.h"
#include "shell/LogModel.h"
#include "shell/MessageBar.h"
#include "shell/PlanModel.h"
#include "shell/ProjectSession.h"
#include "shell/RecentProjects.h"
#include "shell/Workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QPalette>
#include <QProgressBar>
#include <QTcpServer>
#include <QRegularExpression>
#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QMessageBox>
#include <QTreeView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::app;
using namespace sd::testing;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openingTheDemoRunsTheStartupPolicy();
    void newProjectAndFolderWithoutProject();
    void rollBackAndApplyThroughTheWindow();
    void protectedEnvironmentNeedsTheTypedName();
    void diffGenerateEditApplyAndRollBack();
    void planShowsHazardsAndRowsAffected();
    void generateSaysWhatItCouldNotWrite();
    void busyWhileTheDatabaseThreadWorks();
    void destructiveDifferencesCountTheRows();
    void unsavedEditsAreNeverDroppedSilently();
    void failureShowsRevisionStatementAndMessage();
    void screenshots();

private:
    bool runAction(QAction *action);
    std::optional<QString> generateMigration(const QString &message);
    void addProtectedEnvironment();
    void addSubtitleToSchema();

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    isolateSettings(m_settings.path());
    qputenv("SCHEMADESK_NO_KEYCHAIN", "1");
    QVERIFY(sd::Translations::install(*QCoreApplication::instance()));
}

void tst_MainWindow::init()
{
    RecentProjects::clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = m_dir->filePath(QStringLiteral("demo"));
    QVERIFY(copyDemo(m_project));
    auto workspace = Workspace::open(m_dir->filePath(QStringLiteral("workspace.db")));
    SD_VERIFY_RESULT(workspace);
    m_workspace = std::move(*workspace);
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_window->resize(1280, 800);
    m_window->show();
    m_window->applyFlow()->setReviewer([](ApplyPlanDialog &) { return true; });
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_workspace.reset();
}

bool tst_MainWindow::runAction(QAction *action)
{
    return runAndWait(m_window.get(), action);
}

std::optional<QString> tst_MainWindow::generateMigration(const QString &message)
{
    QSignalSpy generated(m_window->viewsController(), &ViewsController::migrationGenerated);
    m_window->viewsController()->generateMigration(message);
    if (!generated.wait(30000) || !waitIdle(m_window.get()))
        return std::nullopt;
    return generated.first().first().toString();
}

void tst_MainWindow::addProtectedEnvironment()
{
    QVERIFY(replaceInFile(m_project + QStringLiteral("/schemadesk.yaml"), QStringLiteral("environments:\n"),
                          QStringLiteral("environments:\n  live:\n    url: sqlite:///bookshop_live.db\n    protected: true\n")));
}

void tst_MainWindow::addSubtitleToSchema()
{
    QVERIFY(sd::testing::addSubtitleToSchema(m_project));
}

void tst_MainWindow::openingTheDemoRunsTheStartupPolicy()
{
    QAbstractItemModelTester logTester(m_window->logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openAndConnect(m_window.get(), m_project));
    QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
    ProjectSession *session = m_window->session();
    QVERIFY(session->isConnected());
    QVERIFY(QFile::exists(m_project + QStringLiteral("/demo.db")));
    QCOMPARE(session->lastStartup()->decision.action, StartupDecision::Action::ApplyAll); // a new SQLite file
    QCOMPARE(session->currentRevisions(), QStringList{QString::fromLatin1(demoHead)});
    QVERIFY(m_window->logModel()->rowCount() > 5); // the start-up statements, logged
    QVERIFY(!m_window->applyAction()->isEnabled());
    QVERIFY(m_window->rollBackAction()->isEnabled());
    QVERIFY(!m_window->pendingBar()->isVisible());
    QVERIFY(!m_window->protectedBar()->isVisible());
    QCOMPARE(m_window->tabs()->count(), 3);
    QCOMPARE(RecentProjects::list().value(0), m_project);
    QVERIFY(RecentProjects::lastConnection(m_project).first.endsWith(QLatin1String("/demo.db")));
    auto saved = m_workspace->savedConnections();
    SD_VERIFY_RESULT(saved);
    QCOMPARE(saved->size(), 1);
    // The start-up migration is in the audit log like any other run.
    QCOMPARE(m_window->historyModel()->rowCount(), 1);
    QCOMPARE(m_window->historyModel()->entry(0).result, QStringLiteral("succeeded"));
    QCOMPARE(m_window->historyModel()->entry(0).revisions, QStringList{QString::fromLatin1(demoHead)});

    // A second window reopens the same file: existing, up to date.
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    QVERIFY(openAndConnect(m_window.get(), m_project));
    QCOMPARE(m_window->session()->lastStartup()->decision.action, StartupDecision::Action::UpToDate);
}

void tst_MainWindow::newProjectAndFolderWithoutProject()
{
    const QString empty = m_dir->filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(!m_window->openProject(empty));
    QVERIFY2(m_window->lastError().contains(QLatin1String("schemadesk.yaml")), qPrintable(m_window->lastError()));
    QVERIFY(!m_window->session()->hasProject());

    QVERIFY(connectAndWait(m_window.get(), [&] { return m_window->createProject(empty); }));
    QVERIFY(QFile::exists(empty + QStringLiteral("/schemadesk.yaml")));
    QVERIFY(m_window->session()->hasProject());
    QVERIFY(m_window->session()->isConnected()); // sqlite:///app.db, no migrations yet
    QCOMPARE(m_window->session()->lastStartup()->decision.action, StartupDecision::Action::UpToDate);
    QVERIFY(!m_window->applyAction()->isEnabled());
    QVERIFY(!m_window->rollBackAction()->isEnabled());
    QVERIFY(!m_window->createProject(empty)); // never overwrites
}

void tst_MainWindow::rollBackAndApplyThroughTheWindow()
{
    QAbstractItemModelTester historyTester(m_window->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openAndConnect(m_window.get(), m_project));
    const int logged = m_window->logModel()->rowCount();
    QVERIFY(runAction(m_window->rollBackAction()));
    QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
    QCOMPARE(m_window->session()->currentRevisions(), QStringList{});
    QVERIFY(m_window->logModel()->rowCount() > logged);
    QVERIFY(m_window->applyAction()->isEnabled());
    QVERIFY(!m_window->rollBackAction()->isEnabled());
    QVERIFY(m_window->pendingBar()->isVisible());
    QVERIFY2(m_window->pendingBar()->text().startsWith(QLatin1String("1 migration pending")), qPrintable(m_window->pendingBar()->text()));

    QVERIFY(runAction(m_window->applyAction()));
    QCOMPARE(m_window->session()->currentRevisions(), QStringList{QString::fromLatin1(demoHead)});
    QVERIFY(!m_window->pendingBar()->isVisible());
    QCOMPARE(m_window->historyModel()->rowCount(), 3); // with the start-up migration
    QCOMPARE(m_window->historyModel()->entry(0).direction, QStringLiteral("upgrade"));
    QCOMPARE(m_window->historyModel()->entry(1).direction, QStringLiteral("downgrade"));

    // A reviewer who cancels: nothing runs.
    m_window->applyFlow()->setReviewer([](ApplyPlanDialog &) { return false; });
    QVERIFY(!runAction(m_window->rollBackAction()));
    QCOMPARE(m_window->historyModel()->rowCount(), 3); // with the start-up migration
}

void tst_MainWindow::protectedEnvironmentNeedsTheTypedName()
{
    addProtectedEnvironment();
    QVERIFY(openAndConnect(m_window.get(), m_project));
    auto url = m_window->session()->projectUrl(QStringLiteral("live"));
    SD_VERIFY_RESULT(url);
    QVERIFY(connectWindow(m_window.get(), *url, QStringLiteral("live")));
    QVERIFY(m_window->protectedBar()->isVisible());
    QVERIFY(m_window->protectedBar()->text().contains(QLatin1String("PRODUCTION")));

    // Approving without typing the name runs nothing.
    bool okEnabled = true;
    m_window->applyFlow()->setReviewer([&](ApplyPlanDialog &dialog) {
        okEnabled = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
        return true;
    });
    QVERIFY(!runAction(m_window->rollBackAction()));
    QVERIFY(!okEnabled);

    // A wrong name keeps OK disabled; the right one runs.
    m_window->applyFlow()->setReviewer([&](ApplyPlanDialog &dialog) {
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        dialog.setConfirmationText(QStringLiteral("bookshop"));
        if (ok->isEnabled() || dialog.isConfirmed())
            return false;
        dialog.setConfirmationText(QStringLiteral("bookshop_live.db"));
        okEnabled = ok->isEnabled();
        return dialog.isConfirmed();
    });
    QVERIFY(runAction(m_window->rollBackAction()));
    QVERIFY(okEnabled);
    QCOMPARE(m_window->session()->currentRevisions(), QStringList{});
    QVERIFY(m_window->protectedBar()->isVisible());
    QCOMPARE(m_window->historyModel()->entry(0).environment, QStringLiteral("live"));

    // The same database reached by its URL alone (typed, or a saved connection) is just as protected.
    QVERIFY(connectWindow(m_window.get(), *url));
    QVERIFY(m_window->session()->isProtected());
    QCOMPARE(m_window->session()->environment(), QStringLiteral("live"));
    QVERIFY(m_window->protectedBar()->isVisible());
    m_window->applyFlow()->setReviewer([&](ApplyPlanDialog &) { return true; }); // approves without typing the name
    QVERIFY(!runAction(m_window->applyAction()));
    QCOMPARE(m_window->session()->currentRevisions(), QStringList{});
}

void tst_MainWindow::diffGenerateEditApplyAndRollBack()
{
    QVERIFY(openAndConnect(m_window.get(), m_project));
    SchemaDiffModel *diff = m_window->diffView()->model();
    QAbstractItemModelTester diffTester(diff, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(diff->count(DiffStatus::Changed), 0);
    QVERIFY(diff->tableCount() > 5);

    addSubtitleToSchema();
    m_window->refresh();
    QVERIFY(waitIdle(m_window.get()));
    QCOMPARE(diff->tableStatus(QStringLiteral("books")), DiffStatus::Changed);
    QCOMPARE(diff->count(DiffStatus::Changed), 1);

    auto path = generateMigration(QStringLiteral("add a subtitle to books"));
    QVERIFY(path);
    QCOMPARE(m_window->tabs()->currentWidget(), m_window->editor());
    QCOMPARE(m_window->editor()->filePath(), *path);
    QVERIFY2(m_window->editor()->previewText().contains(QLatin1String("ALTER TABLE \"books\" ADD COLUMN \"subtitle\"")),
             qPrintable(m_window->editor()->previewText()));
    QVERIFY2(m_window->editor()->diagnostics().isEmpty(), qPrintable(m_window->editor()->statusText()));
    QCOMPARE(m_window->session()->pendingRevisions().size(), 1);

    // Edit it in the editor and save: the graph is re-read.
    m_window->editor()->setText(QStringLiteral("# reviewed in the editor\n") + m_window->editor()->text());
    QVERIFY(m_window->editor()->isModified());
    SD_VERIFY_RESULT(m_window->viewsController()->saveEditor());
    QVERIFY(waitIdle(m_window.get()));
    QFile saved(*path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll().startsWith("# reviewed in the editor"));
    QVERIFY(m_window->applyAction()->isEnabled());

    QVERIFY(runAction(m_window->applyAction()));
    QVERIFY2(m_window->lastError().isEmpty(), qPrintable(m_window->lastError()));
    QCOMPARE(diff->count(DiffStatus::Changed), 0); // the diff is empty
    QCOMPARE(diff->tableStatus(QStringLiteral("books")), DiffStatus::Unchanged);

    QVERIFY(runAction(m_window->rollBackAction()));
    QCOMPARE(diff->tableStatus(QStringLiteral("books")), DiffStatus::Changed); // the difference returns
    QCOMPARE(m_window->session()->pendingRevisions().size(), 1);
}

void tst_MainWindow::generateSaysWhatItCouldNotWrite()
{
    QVERIFY(openAndConnect(m_window.get(), m_project));
    QVERIFY(replaceInFile(m_project + QStringLiteral("/config/schema.yaml"), QStringLiteral("    primary_key: [book_id, author_id]\n"),
                          QStringLiteral("    primary_key: [book_id, author_id, position]\n")));
    QVERIFY(m_window->lastError().isEmpty());
    QVERIFY(generateMigration(QStringLiteral("a wider key")));
    QVERIFY2(m_window->lastError().contains(QLatin1String("not generated: book_authors: change primary key")), qPrintable(m_window->lastError()));
}

void tst_MainWindow::busyWhileTheDatabaseThreadWorks()
{
    QVERIFY(openAndConnect(m_window.get(), m_project));
    auto *busy = m_window->findChild<QProgressBar *>(QStringLiteral("busyIndicator"));
    QVERIFY(busy);
    QVERIFY(!busy->isVisible());
    auto *refreshButton = m_window->diffView()->findChild<QPushButton *>(QStringLiteral("refreshButton"));
    auto *generateButton = m_window->diffView()->findChild<QPushButton *>(QStringLiteral("generateMigrationButton"));
    QVERIFY(refreshButton && generateButton);
    QVERIFY(refreshButton->isEnabled());

    QTcpServer silent; // accepts, never answers: the connect waits for its timeout
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto url = DatabaseUrl::parse(QStringLiteral("postgresql://nobody:x@127.0.0.1:%1/nothing?connect_timeout=1").arg(silent.serverPort()));
    SD_VERIFY_RESULT(url);
    QSignalSpy finished(m_window->connectFlow(), &ConnectFlow::finished);
    m_window->connectTo(*url);
    QVERIFY(busy->isVisible());
    QVERIFY(!m_window->rollBackAction()->isEnabled());
    QVERIFY(!m_window->projectPanel()->connectButton()->isEnabled());
    QVERIFY(!refreshButton->isEnabled());
    QVERIFY(!generateButton->isEnabled());
    QVERIFY(finished.wait(10000));
    QVERIFY(waitIdle(m_window.get()));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(m_window->lastError().contains(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort())), qPrintable(m_window->lastError()));
    QVERIFY(!busy->isVisible());
    QVERIFY(m_window->projectPanel()->connectButton()->isEnabled());
}

void tst_MainWindow::destructiveDifferencesCountTheRows()
{
    QVERIFY(openAndConnect(m_window.get(), m_project));
    {
        auto connection = Connection::open(m_window->session()->url());
        SD_VERIFY_RESULT(connection);
        for (int i = 0; i < 7; ++i)
            SD_VERIFY_RESULT((*connection)->exec(QStringLiteral("INSERT INTO tags (name) VALUES (?)"), {QStringLiteral("tag %1").arg(i)}));
    }
    // schema.yaml without the tags table: the database's would be dropped with its rows.
    const QString schema = m_project + QStringLiteral("/config/schema.yaml");
    QString text;
    QVERIFY(readText(schema, text));
    const qsizetype start = text.indexOf(QLatin1String("  - name: tags\n"));
    QVERIFY(start > 0);
    const qsizetype end = text.indexOf(QLatin1String("\n  - name: "), start + 1);
    text.remove(start, (end < 0 ? text.size() : end + 1) - start);
    text.remove(QRegularExpression(QStringLiteral("\\n  - name: book_tags\\n(    .*\\n|      .*\\n)*")));
    QVERIFY(writeText(schema, text));
    m_window->refresh();
    QVERIFY(waitIdle(m_window.get()));
    SchemaDiffModel *diff = m_window->diffView()->model();
    QCOMPARE(diff->tableStatus(QStringLiteral("tags")), DiffStatus::Removed);
    const Differences tags = diff->tableDifferences(QStringLiteral("tags"));
    QVERIFY(!tags.isEmpty());
    QCOMPARE(diff->warningText(tags.constFirst()), QStringLiteral("drops table tags and every row in it: 7 rows"));
}

void tst_MainWindow::unsavedEditsAreNeverDroppedSilently()
{
    QVERIFY(openAndConnect(m_window.get(), m_project));
    ViewsController *views = m_window->viewsController();
    const QString schema = m_project + QStringLiteral("/config/schema.yaml");
    SD_VERIFY_RESULT(views->openInEditor(schema));
    MigrationEditor *editor = m_window->editor();
    editor->setText(QStringLiteral("# my notes\n") + editor->text());
    QVERIFY(editor->isModified());

    // Opening another file asks; "keep" leaves the edits on screen.
    QStringList asked;
    auto answer = ViewsController::UnsavedChanges::Keep;
    views->setUnsavedPrompt([&](const QString &display) {
        asked << display;
        return answer;
    });
    const QString migration = m_window->session()->graph().revisions().first().filePath;
    SD_VERIFY_RESULT(views->openInEditor(migration));
    QCOMPARE(asked, QStringList{QStringLiteral("config/schema.yaml")});
    QCOMPARE(editor->filePath(), schema);
    QVERIFY(editor->text().startsWith(QLatin1String("# my notes")));
    // Closing the window asks too, and "keep" keeps it open.
    QVERIFY(!m_window->close());
    QCOMPARE(asked.size(), 2);
    // So does opening a project.
    QVERIFY(!m_window->openProject(m_project));
    QCOMPARE(asked.size(), 3);

    // A file changed on disk since it was opened is not overwritten by Save.
    QFile file(schema);
    QVERIFY(file.open(QIODevice::Append));
    file.write("# written by someone else\n");
    file.close();
    auto saved = views->saveEditor();
    QVERIFY(!saved);
    QVERIFY2(saved.error().message.contains(QLatin1String("changed on disk")), qPrintable(saved.error().message));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().endsWith("# written by someone else\n"));
    file.close();

    // "Save" saves before the other file opens (here: refused, so it stays); "discard" drops the edits.
    answer = ViewsController::UnsavedChanges::Save;
    SD_VERIFY_RESULT(views->openInEditor(migration));
    QCOMPARE(editor->filePath(), schema);
    answer = ViewsController::UnsavedChanges::Discard;
    SD_VERIFY_RESULT(views->openInEditor(migration));
    QCOMPARE(editor->filePath(), migration);
    QVERIFY(!editor->isModified());
}

void tst_MainWindow::planShowsHazardsAndRowsAffected()
{
    QVERIFY(openAndConnect(m_window.get(), m_project));
    {
        auto connection = Connection::open(m_window->session()->url());
        SD_VERIFY_RESULT(connection);
        for (int i = 0; i < 3; ++i)
            SD_VERIFY_RESULT((*connection)->exec(QStringLiteral("INSERT INTO authors (name) VALUES ('a')")));
    }
    std::optional<Result<MigrationPlan>> plan;
    m_window->session()->plan(Direction::Downgrade, this, [&](const Result<MigrationPlan> &p) { plan = p; });
    QTRY_VERIFY(plan.has_value());
    SD_VERIFY_RESULT(*plan);
    ApplyPlanDialog dialog(**plan, QStringLiteral("demo.db"), QStringLiteral("demo.db"));
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    PlanModel *model = dialog.model();
    bool found = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, PlanModel::Sql).data().toString() != QLatin1String("DROP TABLE \"authors\""))
            continue;
        found = true;
        QCOMPARE(model->index(row, PlanModel::Hazards).data().toString(), QStringLiteral("destroys data"));
        QCOMPARE(model->index(row, PlanModel::Rows).data().toString(), QStringLiteral("3 rows"));
        QVERIFY(model->index(row, PlanModel::Sql).data(PlanModel::RiskyRole).toBool());
        QVERIFY(model->index(row, PlanModel::Sql).data(Qt::BackgroundRole).isValid());
    }
    QVERIFY(found);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setConfirmationText(QStringLiteral("demo.db"));
    QVERIFY(ok->isEnabled());
    // Enter cancels; running the plan takes the button itself.
    QVERIFY(!ok->isDefault());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void tst_MainWindow::failureShowsRevisionStatementAndMessage()
{
    QVERIFY(writeSqlMigration(m_project, QStringLiteral("dddddddddd01"), QString::fromLatin1(demoHead),
                              QStringLiteral("INSERT INTO no_such_table VALUES (1)"), QStringLiteral("SELECT 1"), QStringLiteral("broken")));
    // On open the start-up policy runs into the broken revision: one clear error; the
    // database stays connected where it stopped, and the audit log has the run.
    QVERIFY(openAndConnect(m_window.get(), m_project));
    QVERIFY2(m_window->lastError().contains(QLatin1String("no_such_table")), qPrintable(m_window->lastError()));
    QVERIFY(m_window->session()->isConnected());
    QCOMPARE(m_window->session()->currentRevisions(), QStringList{QString::fromLatin1(demoHead)}); // the batch kept the first
    QCOMPARE(m_window->session()->pendingRevisions(), QStringList{QStringLiteral("dddddddddd01")});
    QCOMPARE(m_window->historyModel()->rowCount(), 1);
    QCOMPARE(m_window->historyModel()->entry(0).result, QStringLiteral("failed"));
    QCOMPARE(m_window->historyModel()->entry(0).revisions, (QStringList{QString::fromLatin1(demoHead), QStringLiteral("dddddddddd01")}));
    // Connected without it, then the file appears: Apply runs into it on the worker.
    QFile::rename(m_project + QStringLiteral("/migrations/dddddddddd01_slow.yaml"), m_dir->filePath(QStringLiteral("broken.yaml")));
    QVERIFY(openAndConnect(m_window.get(), m_project));
    QVERIFY(m_window->session()->isConnected());
    QFile::rename(m_dir->filePath(QStringLiteral("broken.yaml")), m_project + QStringLiteral("/migrations/dddddddddd01_slow.yaml"));
    SD_VERIFY_RESULT(m_window->session()->reloadGraph());
    QVERIFY(waitIdle(m_window.get()));
    QVERIFY(m_window->applyAction()->isEnabled());
    QVERIFY(runAction(m_window->applyAction()));
    QMessageBox *box = m_window->applyFlow()->failureBox();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QLatin1String("dddddddddd01")), qPrintable(box->text()));
    QVERIFY(box->informativeText().contains(QLatin1String("no_such_table")));
    QVERIFY(box->detailedText().contains(QLatin1String("INSERT INTO no_such_table")));
    QCOMPARE(m_window->session()->currentRevisions(), QStringList{QString::fromLatin1(demoHead)});
    QCOMPARE(m_window->historyModel()->entry(0).result, QStringLiteral("failed"));
    QCOMPARE(m_window->historyModel()->entry(0).direction, QStringLiteral("upgrade"));
    box->close();
}

void tst_MainWindow::screenshots()
{
    // The walk-through always runs; the pictures land in docs/screenshots
    // only when asked (SCHEMADESK_SCREENSHOT_DIR, the README's command), so a
    // test run leaves the source tree as it was.
    QTemporaryDir scratch;
    const QString requested = qEnvironmentVariable("SCHEMADESK_SCREENSHOT_DIR");
    const QString target = requested.isEmpty() ? scratch.path() : requested;
    QVERIFY(QDir().mkpath(target));
    addProtectedEnvironment();
    QVERIFY(openAndConnect(m_window.get(), m_project));
    auto url = m_window->session()->projectUrl(QStringLiteral("live"));
    SD_VERIFY_RESULT(url);
    QVERIFY(connectWindow(m_window.get(), *url, QStringLiteral("live")));
    m_window->applyFlow()->setReviewer([](ApplyPlanDialog &dialog) {
        dialog.setConfirmationText(QStringLiteral("bookshop_live.db"));
        return dialog.isConfirmed();
    });
    QVERIFY(runAction(m_window->rollBackAction()));
    QVERIFY(runAction(m_window->applyAction()));
    {
        // Some rows, so that the plan shows what a rollback would destroy.
        auto connection = Connection::open(*url);
        SD_VERIFY_RESULT(connection);
        for (const char *name : {"Penguin", "Faber", "Gallimard"})
            SD_VERIFY_RESULT((*connection)->exec(QStringLiteral("INSERT INTO organisations (name) VALUES (?)"), {QString::fromLatin1(name)}));
        for (int i = 0; i < 12; ++i)
            SD_VERIFY_RESULT((*connection)->exec(QStringLiteral("INSERT INTO authors (name) VALUES (?)"), {QStringLiteral("Author %1").arg(i)}));
    }
    addSubtitleToSchema();
    m_window->refresh();
    QVERIFY(waitIdle(m_window.get()));
    m_window->diffView()->selectTable(QStringLiteral("books"));
    QTreeView *schemaView = m_window->schemaBrowser()->treeView();
    QVERIFY(schemaView->model()->rowCount() > 0);
    schemaView->expand(schemaView->model()->index(0, 0));
    m_window->resize(1280, 800);
    QTest::qWait(50);
    QCOMPARE(m_window->size(), QSize(1280, 800));
    QVERIFY(m_window->grab().save(target + QStringLiteral("/main-window.png")));

    // Generate migration: the new revision opens in the editor; the graph shows it pending.
    QVERIFY(generateMigration(QStringLiteral("add a subtitle to books")));
    QTest::qWait(400); // the editor's debounced preview
    QVERIFY(m_window->grab().save(target + QStringLiteral("/main-window-editor.png")));
    m_window->tabs()->setCurrentWidget(m_window->migrationsView());
    m_window->migrationsView()->selectRevision(QString::fromLatin1(demoHead));
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(target + QStringLiteral("/main-window-migrations.png")));
    m_window->tabs()->setCurrentWidget(m_window->diffView());

    // The roll-back plan of the protected database: every drop highlighted.
    bool saved = false;
    int risky = 0;
    m_window->applyFlow()->setReviewer([&](ApplyPlanDialog &dialog) {
        dialog.setConfirmationText(QStringLiteral("bookshop_live.db"));
        dialog.show();
        QTest::qWait(50);
        risky = dialog.model()->riskyCount();
        saved = dialog.grab().save(target + QStringLiteral("/apply-confirmation.png"));
        return true;
    });
    QVERIFY(runAction(m_window->rollBackAction()));
    QVERIFY(saved);
    QVERIFY(risky > 0);
    QVERIFY(m_window->pendingBar()->isVisible());
    auto *historyDock = m_window->findChild<QDockWidget *>(QStringLiteral("historyDock"));
    QVERIFY(historyDock);
    historyDock->raise();
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(target + QStringLiteral("/main-window-pending.png")));

    // The same in a dark palette: the banners and highlights must stay readable.
    const QPalette light = QApplication::palette();
    const QPalette dark = darkPalette();
    QApplication::setPalette(dark);
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(target + QStringLiteral("/main-window-dark.png")));
    QApplication::setPalette(light);

    ConnectionDialog dialog(&m_window->session()->project());
    QVERIFY(dialog.selectEnvironment(QStringLiteral("production")));
    dialog.show();
    QTest::qWait(50);
    QVERIFY(dialog.grab().save(target + QStringLiteral("/connection-dialog.png")));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
