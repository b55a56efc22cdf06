#include "ApplicationIcon.h"

#include <QDirIterator>

static void initApplicationResources()
{
    Q_INIT_RESOURCE(schemadesk); // the app is a static library: pull the resource in
}

namespace sd::app {

QIcon applicationIcon()
{
    initApplicationResources();
    QIcon icon;
    QDirIterator it(QStringLiteral(":/icons"), {QStringLiteral("schemadesk-*.png")}, QDir::Files);
    while (it.hasNext())
        icon.addFile(it.next());
    return icon;
}

} // namespace sd::app
