#pragma once
// The recent projects list and the last connection of each project, kept
// in QSettings (never a password: URLs are stored as displayed).

#include <QStringList>

namespace sd::app {

class RecentProjects
{
public:
    static constexpr int maximum = 8;

    static QStringList list();
    // Moves `directory` to the front.
    static void add(const QString &directory);
    static void clear();

    // The last connection used with a project: URL without password, environment.
    static void setLastConnection(const QString &projectDir, const QString &url, const QString &environment);
    static std::pair<QString, QString> lastConnection(const QString &projectDir);
};

} // namespace sd::app
