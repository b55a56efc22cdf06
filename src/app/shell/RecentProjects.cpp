// RecentProjects: QSettings-backed lists.

#include "RecentProjects.h"

#include <QCryptographicHash>
#include <QSettings>

namespace sd::app {

namespace {
const QString recentKey = QStringLiteral("recentProjects");

QString projectKey(const QString &projectDir)
{
    return QStringLiteral("lastConnection/")
           + QString::fromLatin1(QCryptographicHash::hash(projectDir.toUtf8(), QCryptographicHash::Sha1).toHex());
}
} // namespace

QStringList RecentProjects::list()
{
    return QSettings().value(recentKey).toStringList();
}

void RecentProjects::add(const QString &directory)
{
    QStringList projects = list();
    projects.removeAll(directory);
    projects.prepend(directory);
    while (projects.size() > maximum)
        projects.removeLast();
    QSettings().setValue(recentKey, projects);
}

void RecentProjects::clear()
{
    QSettings().remove(recentKey);
}

void RecentProjects::setLastConnection(const QString &projectDir, const QString &url, const QString &environment)
{
    QSettings settings;
    settings.setValue(projectKey(projectDir) + QStringLiteral("/url"), url);
    settings.setValue(projectKey(projectDir) + QStringLiteral("/environment"), environment);
}

std::pair<QString, QString> RecentProjects::lastConnection(const QString &projectDir)
{
    QSettings settings;
    return {settings.value(projectKey(projectDir) + QStringLiteral("/url")).toString(),
            settings.value(projectKey(projectDir) + QStringLiteral("/environment")).toString()};
}

} // namespace sd::app
