#pragma once
// `schemadesk_history` (DESIGN.md section 5): every upgrade and downgrade
// with the migration file's checksum at the time, so that `validate` and
// `status` can name an applied file that changed since.

#include "Error.h"
#include "migration/Statement.h"
#include "model/ColumnType.h"

#include <QDateTime>

namespace sd {

class Connection;

struct HistoryEntry
{
    qint64 id = 0;
    QString revision;
    QString direction;   // "upgrade", "downgrade" or "stamp"
    QDateTime appliedAt; // UTC
    QString checksum;
    qint64 durationMs = -1;
    QString appliedBy;
    QString toolVersion;
};

class HistoryTable
{
public:
    static QString tableName() { return QStringLiteral("schemadesk_history"); }
    static Statement createStatement(DialectKind dialect);
    // The INSERT of one entry, values bound (`id` is generated).
    static Statement recordStatement(DialectKind dialect, const HistoryEntry &entry);
    // Every entry, oldest first; empty when the table does not exist.
    static Result<QList<HistoryEntry>> read(const Connection &connection, const QString &postgresSchema = QStringLiteral("public"));
    // "user@host": who runs the migrator.
    static QString currentUser();
};

} // namespace sd
