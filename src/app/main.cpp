// schemadesk: the desktop app. `schemadesk [PROJECT_DIR]` opens the project
// given on the command line (or the last one) in the main window, after
// bringing SchemaDesk's own workspace database to head.

#include "MainWindow.h"
#include "i18n/Translations.h"
#include "shell/ApplicationIcon.h"
#include "shell/RecentProjects.h"
#include "shell/Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SchemaDesk"));
    QApplication::setOrganizationName(QStringLiteral("SchemaDesk"));
    QApplication::setApplicationVersion(QStringLiteral(SCHEMADESK_VERSION));
    QApplication::setWindowIcon(sd::app::applicationIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("schemadesk")); // resources/schemadesk.desktop
    sd::Translations::install(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Database schema migrations for SQLite and PostgreSQL."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "The project folder (holding schemadesk.yaml) to open."),
                                 QStringLiteral("[PROJECT_DIR]"));
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                             QApplication::translate("main", "The workspace database file (default: %1).")
                                                 .arg(sd::app::Workspace::defaultPath()),
                                             QStringLiteral("FILE"));
    parser.addOption(workspaceOption);
    parser.process(app);

    const QString workspacePath = parser.isSet(workspaceOption) ? parser.value(workspaceOption) : sd::app::Workspace::defaultPath();
    auto workspace = sd::app::Workspace::open(workspacePath);
    if (!workspace)
        QMessageBox::warning(nullptr, QApplication::translate("main", "SchemaDesk"),
                             QApplication::translate("main", "The workspace database could not be opened; saved connections and "
                                                             "the history are unavailable this session.\n\n%1")
                                 .arg(workspace.error().toString()));

    sd::app::MainWindow window(workspace ? workspace->get() : nullptr);
    window.show();
    const QStringList positional = parser.positionalArguments();
    const QStringList recent = sd::app::RecentProjects::list();
    if (!positional.isEmpty())
        window.openProject(positional.first());
    else if (!recent.isEmpty())
        window.openProject(recent.first());
    return app.exec();
}
