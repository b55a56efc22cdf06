#include "ChecksumAudit.h"

#include "revision/RevisionGraph.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace sd {

QString ChangedMigration::description() const
{
    return QCoreApplication::translate("ChecksumAudit",
                                       "%1: revision %2 changed since it was applied on %3 by %4 (checksum %5… then, %6… now)")
        .arg(file, revision, appliedBy.appliedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")), appliedBy.appliedBy,
             recordedChecksum.left(8), currentChecksum.left(8));
}

QList<ChangedMigration> ChecksumAudit::changed(const RevisionGraph &graph, const QStringList &current,
                                               const QList<HistoryEntry> &history)
{
    QHash<QString, HistoryEntry> recorded;
    for (const HistoryEntry &e : history) {
        if ((e.direction == QLatin1String("upgrade") || e.direction == QLatin1String("stamp")) && !e.checksum.isEmpty())
            recorded.insert(e.revision, e);
    }
    QList<ChangedMigration> out;
    const QSet<QString> applied = graph.closure(current);
    for (const QString &id : graph.ordered(applied)) {
        const Migration *m = graph.revision(id);
        const auto it = recorded.constFind(id);
        if (!m || it == recorded.constEnd() || it->checksum == m->checksum)
            continue;
        out << ChangedMigration{id, graph.displayPath(id), it->checksum, m->checksum, *it};
    }
    return out;
}

QJsonArray ChecksumAudit::json(const QList<ChangedMigration> &changed)
{
    QJsonArray array;
    for (const ChangedMigration &c : changed)
        array.append(QJsonObject{{QStringLiteral("revision"), c.revision}, {QStringLiteral("file"), c.file},
                                 {QStringLiteral("recorded_checksum"), c.recordedChecksum},
                                 {QStringLiteral("current_checksum"), c.currentChecksum}});
    return array;
}

} // namespace sd
