#pragma once
// One migration file (DESIGN.md section 4): its place in the revision graph
// and its upgrade and downgrade operations.

#include "Operation.h"

#include <QDateTime>
#include <QStringList>

namespace sd {

struct Migration
{
    QString revision;           // 12 hex digits
    QStringList downRevisions;  // empty for a first revision; two or more for a merge
    QString message;
    QDateTime created;          // UTC
    Operations upgrade;
    Operations downgrade;

    QString filePath;           // absolute; empty when built in code
    QString checksum;           // SHA-256 (hex) of the file with line endings normalised

    bool isMerge() const { return downRevisions.size() > 1; }
    bool operator==(const Migration &) const = default;
};

using Migrations = QList<Migration>;

} // namespace sd
