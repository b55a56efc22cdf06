#pragma once
// Helpers for the shell's GUI tests: a copy of the demo project in a
// temporary folder, extra (slow) migrations, and QSettings kept out of the
// user's configuration.

#include "TextFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QPalette>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTimer>

namespace sd::testing {

inline QString sourceDir()
{
    const QString dir = qEnvironmentVariable("SCHEMADESK_SOURCE_DIR");
    // ctest sets it; by hand, the binary sits in <source>/<build>/tests.
    return dir.isEmpty() ? QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../..")).absolutePath() : dir;
}

// Copies examples/demo into `target` (without any database file).
inline bool copyDemo(const QString &target)
{
    const QString demo = sourceDir() + QStringLiteral("/examples/demo");
    QDirIterator it(demo, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.endsWith(QLatin1String(".db")))
            continue;
        const QString relative = QDir(demo).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target + QLatin1Char('/') + relative).absolutePath());
        if (!QFile::copy(file, target + QLatin1Char('/') + relative))
            return false;
    }
    return true;
}

inline constexpr const char *demoHead = "212fb330b759";

// Writes a migration running `sql` per dialect on upgrade, `SELECT 1` on downgrade.
inline bool writeSqlMigration(const QString &project, const QString &revision, const QString &down, const QString &sqlite,
                              const QString &postgres, const QString &message = QStringLiteral("a slow statement"))
{
    QFile file(project + QStringLiteral("/migrations/") + revision + QStringLiteral("_slow.yaml"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QString text = QStringLiteral("revision: %1\ndown_revision: %2\nmessage: %3\ncreated: 2026-11-24T21:00:00Z\n"
                                        "upgrade:\n  - sql: {sqlite: \"%4\", postgresql: \"%5\"}\n"
                                        "downgrade:\n  - sql: \"SELECT 1\"\n")
                             .arg(revision, down, message, sqlite, postgres);
    return file.write(text.toUtf8()) == text.toUtf8().size();
}

// Adds the column books.subtitle to the demo's schema.yaml.
inline bool addSubtitleToSchema(const QString &project)
{
    const QString title = QStringLiteral("      - {name: title, type: varchar(300), nullable: false}\n");
    return replaceInFile(project + QStringLiteral("/config/schema.yaml"), title,
                         title + QStringLiteral("      - {name: subtitle, type: varchar(300)}\n"));
}

// About a second of work on SQLite: a recursive CTE counted to its end.
inline QString slowSqlite()
{
    return QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 8000000) SELECT count(*) FROM c");
}

// A dark palette for the tests that look at colours and screenshots.
inline QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x28));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x74, 0xbc, 0xf0));
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x33));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

// Keeps the tests' QSettings and data out of the user's.
inline void isolateSettings(const QString &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("SchemaDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("SchemaDeskShellTests"));
}

// Measures the longest gap between ticks of a 10 ms timer on the GUI thread.
class EventLoopProbe : public QObject
{
public:
    explicit EventLoopProbe(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            m_maxGap = std::max(m_maxGap, m_clock.restart());
            ++m_ticks;
        });
    }
    void start()
    {
        m_maxGap = 0;
        m_ticks = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 maxGapMs() const { return m_maxGap; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_maxGap = 0;
    int m_ticks = 0;
};

} // namespace sd::testing
