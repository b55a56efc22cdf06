#pragma once
// SchemaDesk's main window: wires the project session, the connection
// dialog, the docks (project and connection panel, schema browser, log,
// history), the central views (Schema Diff, Migrations, Editor) and the
// Apply / Roll back flow together. It holds no logic of its own beyond
// that wiring: controllers in shell/ do the work.

#include "db/DatabaseUrl.h"

#include <QMainWindow>

class QAction;
class QMenu;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace sd {
struct Error;
}

namespace sd::app {

class ApplyController;
class ApplyFlow;
class ConnectFlow;
class DiffView;
class MigrationEditor;
class MigrationsView;
class SchemaBrowser;
class ViewsController;
class ApplyProgressWidget;
class HistoryModel;
class LogModel;
class MessageBar;
class ProjectPanel;
class ProjectSession;
class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `workspace` (saved connections, audit log) may be null; it must outlive the window.
    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the project and starts connecting to its last (or default)
    // database; false (and the error shown) when the project does not load.
    bool openProject(const QString &directory);
    // File > New Project: the core's `init` in `directory`, then opens it.
    bool createProject(const QString &directory);
    // Starts connecting (start-up policy included); errors are shown.
    void connectTo(const DatabaseUrl &url, const QString &environment = {});

    ProjectSession *session() const { return m_session; }
    ApplyController *applyController() const { return m_applyController; }
    ApplyFlow *applyFlow() const { return m_applyFlow; }
    ConnectFlow *connectFlow() const { return m_connectFlow; }
    LogModel *logModel() const { return m_log; }
    HistoryModel *historyModel() const { return m_history; }
    MessageBar *protectedBar() const { return m_protectedBar; }
    MessageBar *pendingBar() const { return m_pendingBar; }
    ProjectPanel *projectPanel() const { return m_panel; }
    ApplyProgressWidget *progress() const { return m_progress; }
    QTabWidget *tabs() const { return m_tabs; }
    SchemaBrowser *schemaBrowser() const { return m_browser; }
    DiffView *diffView() const { return m_diff; }
    MigrationsView *migrationsView() const { return m_migrations; }
    MigrationEditor *editor() const { return m_editor; }
    ViewsController *viewsController() const { return m_views; }
    QAction *applyAction() const { return m_apply; }
    QAction *rollBackAction() const { return m_rollBack; }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    void newProject();
    void chooseProject();
    void showConnectionDialog();
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    QWidget *createCentral();
    void updateActions();
    void updateBanners();
    void updateRecentMenu();
    void refreshHistory();
    void save();
    void showError(const Error &error);
    void showErrorText(const QString &message);

    Workspace *m_workspace;
    ProjectSession *m_session;
    ApplyController *m_applyController;
    ApplyFlow *m_applyFlow;
    ConnectFlow *m_connectFlow;
    LogModel *m_log;
    HistoryModel *m_history;
    ProjectPanel *m_panel = nullptr;
    MessageBar *m_protectedBar = nullptr;
    MessageBar *m_pendingBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    SchemaBrowser *m_browser = nullptr;
    DiffView *m_diff = nullptr;
    MigrationsView *m_migrations = nullptr;
    MigrationEditor *m_editor = nullptr;
    ViewsController *m_views = nullptr;
    ApplyProgressWidget *m_progress = nullptr;
    QMenu *m_recentMenu = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_reviewButton = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_newProject = nullptr;
    QAction *m_openProject = nullptr;
    QAction *m_connect = nullptr;
    QAction *m_disconnect = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_apply = nullptr;
    QAction *m_rollBack = nullptr;
    QAction *m_save = nullptr;
    QAction *m_quit = nullptr;
    QString m_lastError;
};

} // namespace sd::app
