#pragma once
// Applied migrations whose file changed since they ran: the checksum in
// schemadesk_history (recorded when the revision was applied or stamped)
// against the file's checksum now. `status`, `validate`, `history` and the
// app's migrations view all ask here.

#include "runtime/HistoryTable.h"

#include <QJsonArray>

namespace sd {

class RevisionGraph;

struct ChangedMigration
{
    QString revision;
    QString file;             // as the graph displays it
    QString recordedChecksum;
    QString currentChecksum;
    HistoryEntry appliedBy;   // the history row that recorded the checksum
    // "migrations/4c1f_add.yaml: revision 4c1f0e9a2b7d changed since it was applied on
    //  2026-11-24 10:15 UTC by dba@host (checksum 1a2b3c4d… then, 5e6f7a8b… now)"
    QString description() const;
};

class ChecksumAudit
{
public:
    // Every revision applied at `current` whose latest upgrade or stamp in
    // `history` recorded a checksum that differs from its file's.
    static QList<ChangedMigration> changed(const RevisionGraph &graph, const QStringList &current,
                                           const QList<HistoryEntry> &history);
    // As `status --json` and `validate --json` print them.
    static QJsonArray json(const QList<ChangedMigration> &changed);
};

} // namespace sd
