#pragma once
// Short builders for migrations in tests: a Migration value with a place in
// the graph, and a temporary migrations folder to write files into.

#include "migration/Migration.h"
#include "migration/MigrationWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace sd::testing {

// A migration `revision` over `downRevisions`, created `minute` minutes
// after 2026-01-01T00:00Z (the graph's tie-break), with `operations` as
// its upgrade.
inline Migration migration(const QString &revision, const QStringList &downRevisions, int minute = 0,
                           const QString &message = {}, const Operations &upgrade = {})
{
    Migration m;
    m.revision = revision;
    m.downRevisions = downRevisions;
    m.message = message.isEmpty() ? QStringLiteral("revision %1").arg(revision) : message;
    m.created = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(60 * minute);
    m.upgrade = upgrade;
    return m;
}

// A throwaway migrations folder.
class MigrationFolder
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

    // Writes `m` as MigrationWriter does, under its documented file name
    // unless `fileName` is given; returns the file name.
    QString write(const Migration &m, const QString &fileName = {})
    {
        const QString name = fileName.isEmpty() ? MigrationWriter::fileName(m.revision, m.message) : fileName;
        writeRaw(name, MigrationWriter::toYaml(m));
        return name;
    }

    void writeRaw(const QString &fileName, const QByteArray &bytes)
    {
        QFile file(QDir(m_dir.path()).filePath(fileName));
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
    }

private:
    QTemporaryDir m_dir;
};

} // namespace sd::testing
