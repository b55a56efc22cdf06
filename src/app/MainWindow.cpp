// MainWindow: the wiring of SchemaDesk's window.

#include "MainWindow.h"

#include "shell/ApplyController.h"
#include "shell/ApplyFlow.h"
#include "shell/ApplyProgressWidget.h"
#include "shell/ConnectFlow.h"
#include "shell/ConnectionDialog.h"
#include "shell/HistoryModel.h"
#include "shell/LogModel.h"
#include "shell/MessageBar.h"
#include "shell/ProjectPanel.h"
#include "shell/ProjectSession.h"
#include "shell/RecentProjects.h"
#include "shell/ViewsController.h"
#include "shell/Workspace.h"
#include "browser/SchemaBrowser.h"
#include "diff/DiffView.h"
#include "editor/MigrationEditor.h"
#include "migrations/MigrationsView.h"
#include "workflow/ProjectInitializer.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace sd::app {

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_session(new ProjectSession(this))
    , m_applyController(new ApplyController(workspace, this))
    , m_applyFlow(new ApplyFlow(m_session, m_applyController, this))
    , m_log(new LogModel(this))
    , m_history(new HistoryModel(this))
{
    // The start-up statements are logged on the database thread.
    const StatementLog log = [model = QPointer<LogModel>(m_log)](const ExecutedStatement &statement) {
        QMetaObject::invokeMethod(
            model, [model, statement] { model->append(statement); }, Qt::QueuedConnection);
    };
    m_connectFlow = new ConnectFlow(m_session, workspace, log, this);
    setWindowTitle(tr("SchemaDesk"));
    setObjectName(QStringLiteral("MainWindow"));
    setCentralWidget(createCentral());
    createActions();
    createDocks();
    m_progress = new ApplyProgressWidget(this);
    statusBar()->addPermanentWidget(m_progress);
    // The database thread at work (connect, read, plan, generate).
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(statusBar()->fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busy->setToolTip(tr("Reading the database…"));
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);

    connect(m_session, &ProjectSession::projectChanged, this, [this] {
        setWindowTitle(tr("%1 — SchemaDesk").arg(QDir(m_session->project().directory).dirName()));
    });
    for (auto signal : {&ProjectSession::connectionChanged, &ProjectSession::stateChanged, &ProjectSession::projectChanged,
                        &ProjectSession::graphChanged}) {
        connect(m_session, signal, this, &MainWindow::updateActions);
        connect(m_session, signal, this, &MainWindow::updateBanners);
    }
    m_views = new ViewsController(m_session, m_browser, m_diff, m_migrations, m_editor, this);
    connect(m_views, &ViewsController::errorOccurred, this, &MainWindow::showErrorText);
    connect(m_views, &ViewsController::editorRequested, this, [this] { m_tabs->setCurrentWidget(m_editor); });
    connect(m_diff, &DiffView::refreshRequested, this, &MainWindow::refresh);
    connect(m_editor, &MigrationEditor::modifiedChanged, m_save, &QAction::setEnabled);

    connect(m_applyController, &ApplyController::statementExecuted, m_log, &LogModel::append);
    connect(m_applyController, &ApplyController::started, m_progress, &ApplyProgressWidget::start);
    connect(m_applyController, &ApplyController::revisionStarted, m_progress, &ApplyProgressWidget::revisionStarted);
    connect(m_applyController, &ApplyController::revisionFinished, m_progress, &ApplyProgressWidget::revisionFinished);
    connect(m_applyController, &ApplyController::started, this, &MainWindow::updateActions);
    connect(m_applyController, &ApplyController::finished, m_progress, &ApplyProgressWidget::finish);
    connect(m_applyController, &ApplyController::finished, this, &MainWindow::updateActions);
    connect(m_applyController, &ApplyController::auditRecorded, this, &MainWindow::refreshHistory);
    connect(m_applyController, &ApplyController::auditFailed, this, [this](const Error &error) {
        showErrorText(tr("The run was not written to the audit log: %1").arg(error.toString()));
    });
    connect(m_progress, &ApplyProgressWidget::cancelRequested, m_applyController, &ApplyController::cancel);
    connect(m_applyFlow, &ApplyFlow::failed, this, [this](const Error &error) { m_lastError = error.toString(); });
    connect(m_applyFlow, &ApplyFlow::busyChanged, this, &MainWindow::updateActions);
    connect(m_connectFlow, &ConnectFlow::connectingChanged, this, &MainWindow::updateActions);
    connect(m_session, &ProjectSession::busyChanged, this, &MainWindow::updateActions);
    connect(m_connectFlow, &ConnectFlow::failed, this, &MainWindow::showError);
    connect(m_connectFlow, &ConnectFlow::auditRecorded, this, &MainWindow::refreshHistory);
    connect(m_connectFlow, &ConnectFlow::statusMessage, this, [this](const QString &text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, m_connectFlow->isConnecting() ? 0 : 8000);
    });
    connect(m_applyFlow, &ApplyFlow::completed, this, [this] { statusBar()->showMessage(tr("Done."), 5000); });
    connect(m_applyFlow, &ApplyFlow::cancelled, this, [this](int done, int total) {
        statusBar()->showMessage(tr("Cancelled after %1 of %n revision(s).", nullptr, total).arg(done), 10000);
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
    updateActions();
    refreshHistory();
    if (m_workspace && m_workspace->startup().report)
        statusBar()->showMessage(tr("Workspace database: %1").arg(m_workspace->startup().decision.description()), 5000);
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createCentral()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_protectedBar = new MessageBar(MessageBar::Kind::Danger, central);
    m_pendingBar = new MessageBar(MessageBar::Kind::Warning, central);
    m_reviewButton = m_pendingBar->addButton(tr("Review…"));
    connect(m_reviewButton, &QPushButton::clicked, m_applyFlow, &ApplyFlow::apply);
    m_tabs = new QTabWidget(central);
    m_tabs->setDocumentMode(true);
    m_diff = new DiffView(m_tabs);
    m_migrations = new MigrationsView(m_tabs);
    m_editor = new MigrationEditor(m_tabs);
    m_tabs->addTab(m_diff, tr("Schema Diff"));
    m_tabs->addTab(m_migrations, tr("Migrations"));
    m_tabs->addTab(m_editor, tr("Editor"));
    layout->addWidget(m_protectedBar);
    layout->addWidget(m_pendingBar);
    layout->addWidget(m_tabs, 1);
    return central;
}

void MainWindow::createActions()
{
    QStyle *s = style();
    m_newProject = new QAction(s->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&New Project…"), this);
    m_newProject->setShortcut(QKeySequence::New);
    connect(m_newProject, &QAction::triggered, this, &MainWindow::newProject);
    m_openProject = new QAction(s->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Project…"), this);
    m_openProject->setShortcut(QKeySequence::Open);
    connect(m_openProject, &QAction::triggered, this, &MainWindow::chooseProject);
    m_save = new QAction(s->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setEnabled(false); // the editor's, when it holds changes
    connect(m_save, &QAction::triggered, this, &MainWindow::save);
    m_connect = new QAction(s->standardIcon(QStyle::SP_DriveNetIcon), tr("&Connect…"), this);
    m_connect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_connect, &QAction::triggered, this, &MainWindow::showConnectionDialog);
    m_disconnect = new QAction(tr("&Disconnect"), this);
    connect(m_disconnect, &QAction::triggered, m_session, &ProjectSession::disconnect);
    m_refresh = new QAction(s->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refresh->setShortcuts(QKeySequence::Refresh); // F5 (and Ctrl+R on macOS)
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);
    m_apply = new QAction(s->standardIcon(QStyle::SP_ArrowUp), tr("&Apply"), this);
    m_apply->setToolTip(tr("Upgrade the database to head (shows the plan first)"));
    m_apply->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    connect(m_apply, &QAction::triggered, m_applyFlow, &ApplyFlow::apply);
    m_rollBack = new QAction(s->standardIcon(QStyle::SP_ArrowDown), tr("Roll &Back"), this);
    m_rollBack->setToolTip(tr("Downgrade the database by one revision (shows the plan first)"));
    m_rollBack->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_rollBack, &QAction::triggered, m_applyFlow, &ApplyFlow::rollBack);
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_newProject, m_openProject});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_save);
    file->addSeparator();
    file->addActions({m_connect, m_disconnect});
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *database = menuBar()->addMenu(tr("&Database"));
    database->addActions({m_refresh, m_apply, m_rollBack});
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SchemaDesk"), this, [this] {
        QMessageBox::about(this, tr("About SchemaDesk"),
                           tr("SchemaDesk %1: database schema migrations for SQLite and PostgreSQL.").arg(QApplication::applicationVersion()));
    });

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({m_openProject, m_connect, m_refresh});
    toolBar->addSeparator();
    toolBar->addActions({m_apply, m_rollBack});
}

void MainWindow::createDocks()
{
    auto addDock = [this](const QString &title, const QString &name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(widget);
        addDockWidget(area, dock);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    m_panel = new ProjectPanel(m_session, this);
    connect(m_panel->connectButton(), &QPushButton::clicked, this, &MainWindow::showConnectionDialog);
    QDockWidget *projectDock = addDock(tr("Project"), QStringLiteral("projectDock"), m_panel, Qt::LeftDockWidgetArea);

    m_browser = new SchemaBrowser(this);
    addDock(tr("Schema"), QStringLiteral("schemaDock"), m_browser, Qt::LeftDockWidgetArea);

    auto makeTable = [this](QAbstractItemModel *model, int stretchColumn) {
        auto *view = new QTableView(this);
        view->setModel(model);
        view->verticalHeader()->hide();
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setWordWrap(false);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
        return view;
    };
    QTableView *logView = makeTable(m_log, LogModel::Statement);
    connect(m_log, &QAbstractItemModel::rowsInserted, logView, &QTableView::scrollToBottom);
    QDockWidget *logDock = addDock(tr("Log"), QStringLiteral("logDock"), logView, Qt::BottomDockWidgetArea);
    QDockWidget *historyDock = addDock(tr("History"), QStringLiteral("historyDock"), makeTable(m_history, HistoryModel::Revisions),
                                       Qt::BottomDockWidgetArea);
    tabifyDockWidget(logDock, historyDock);
    logDock->raise();
    // The central views get most of the height until the user moves things (window state).
    resizeDocks({logDock}, {170}, Qt::Vertical);
    resizeDocks({projectDock}, {360}, Qt::Horizontal);
}

bool MainWindow::openProject(const QString &directory)
{
    if (!m_views->settleEditor())
        return false;
    const QString absolute = QDir(directory).absolutePath();
    if (auto opened = m_session->openProject(absolute); !opened) {
        showError(opened.error());
        return false;
    }
    RecentProjects::add(absolute);
    updateRecentMenu();
    m_connectFlow->connectToLast();
    return true;
}

void MainWindow::connectTo(const DatabaseUrl &url, const QString &environment)
{
    m_connectFlow->connectTo(url, environment);
}

void MainWindow::newProject()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("New project: choose an empty folder"));
    if (!directory.isEmpty())
        createProject(directory);
}

bool MainWindow::createProject(const QString &directory)
{
    if (auto created = ProjectInitializer::create(directory); !created) {
        showError(created.error());
        return false;
    }
    return openProject(directory);
}

void MainWindow::chooseProject()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Open a project (a folder with schemadesk.yaml)"));
    if (!directory.isEmpty())
        openProject(directory);
}

void MainWindow::showConnectionDialog()
{
    m_connectFlow->chooseAndConnect();
}

void MainWindow::refresh()
{
    m_session->refresh(this, [this](const Result<void> &refreshed) {
        if (!refreshed)
            showError(refreshed.error());
    });
    refreshHistory();
}

void MainWindow::updateActions()
{
    const bool running = m_applyController->isRunning() || m_applyFlow->isBusy() || m_connectFlow->isConnecting();
    const bool databaseBusy = m_session->isBusy();
    m_busy->setVisible(databaseBusy && !m_applyController->isRunning());
    m_diff->setBusy(running || databaseBusy || !m_session->isConnected());
    m_panel->connectButton()->setEnabled(m_session->hasProject() && !running);
    m_recentMenu->setEnabled(!running && !RecentProjects::list().isEmpty());
    m_reviewButton->setEnabled(!running);
    m_connect->setEnabled(m_session->hasProject() && !running);
    m_disconnect->setEnabled(m_session->isConnected() && !running);
    m_refresh->setEnabled(m_session->isConnected() && !running);
    m_apply->setEnabled(m_session->canApply() && !running);
    m_rollBack->setEnabled(m_session->canRollBack() && !running);
    m_openProject->setEnabled(!running);
    m_newProject->setEnabled(!running);
}

void MainWindow::updateBanners()
{
    const bool connected = m_session->isConnected();
    m_protectedBar->setVisible(connected && m_session->isProtected());
    if (m_protectedBar->isVisibleTo(this))
        m_protectedBar->setText(tr("PRODUCTION — environment \"%1\" is protected: %2. Apply and Roll back ask you to type the database name.")
                                    .arg(m_session->environment(), m_session->url().display()));
    const int pending = connected ? int(m_session->pendingRevisions().size()) : 0;
    m_pendingBar->setVisible(pending > 0);
    if (pending > 0) {
        const bool postgres = m_session->dialect() == DialectKind::PostgreSQL;
        m_pendingBar->setText(postgres ? tr("%n migration(s) pending. PostgreSQL databases are never migrated on open: review the plan and apply it explicitly.", nullptr, pending)
                                       : tr("%n migration(s) pending on this database.", nullptr, pending));
    }
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList projects = RecentProjects::list();
    for (const QString &directory : projects)
        m_recentMenu->addAction(directory, this, [this, directory] { openProject(directory); });
    m_recentMenu->setEnabled(!projects.isEmpty());
}

void MainWindow::refreshHistory()
{
    if (!m_workspace)
        return;
    if (auto entries = m_workspace->auditLog())
        m_history->setEntries(*entries);
    else
        showError(entries.error());
}

void MainWindow::save()
{
    if (auto saved = m_views->saveEditor(); !saved)
        showError(saved.error());
    else
        statusBar()->showMessage(tr("Saved %1").arg(m_editor->displayPath()), 5000);
}

void MainWindow::showError(const Error &error)
{
    showErrorText(error.toString());
}

void MainWindow::showErrorText(const QString &message)
{
    m_lastError = message;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("SchemaDesk"), m_lastError, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // never blocks the event loop (nor a test)
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_applyController->isRunning()) {
        statusBar()->showMessage(tr("An apply is running: cancel it first."), 5000);
        event->ignore();
        return;
    }
    if (!m_views->settleEditor()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace sd::app
