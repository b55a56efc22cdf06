#pragma once
// How the CLI prints revisions: one aligned line each, and as JSON.

#include "migration/Migration.h"

#include <QJsonObject>

namespace sd {
class RevisionGraph;
}

namespace sd::cli {

class Console;

struct RevisionMarks
{
    bool current = false;
    bool head = false;
    bool merge = false;
    bool changed = false; // applied, and its file changed since
};

class RevisionFormat
{
public:
    // "4c1f0e9a2b7d  2026-11-24 10:15  add user preferences table  (head, current)"
    static QString line(const Migration &migration, const RevisionMarks &marks, bool colour);
    static QJsonObject json(const Migration &migration, const RevisionMarks &marks, const QString &file);
    static QString marksText(const RevisionMarks &marks);
};

} // namespace sd::cli
