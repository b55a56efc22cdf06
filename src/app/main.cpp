// schemadesk: the desktop app. Opens the project given on the command line
// (or the last one) in the main window.

#include <QApplication>
#include <QLabel>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SchemaDesk"));
    QApplication::setOrganizationName(QStringLiteral("SchemaDesk"));
    QApplication::setApplicationVersion(QStringLiteral(SCHEMADESK_VERSION));
    QLabel placeholder(QApplication::translate("main", "SchemaDesk: the main window is being built."));
    placeholder.show();
    return app.exec();
}
