#pragma once
// What can be wrong with a migrations folder as a whole (issue 3): each
// problem typed, naming the revisions and files involved, with one line for
// people in `error` (positioned at file:line:column where there is one).

#include "Error.h"

#include <QStringList>

namespace sd {

struct RevisionGraphError
{
    enum class Kind {
        Unreadable,          // the file cannot be read
        NotAMigration,       // a YAML file in the folder that is no migration
        InvalidMigration,    // a migration with errors (one per error)
        DuplicateRevision,   // two files with one revision id
        MissingDownRevision, // a down_revision that names no file
        Cycle,               // revisions that are their own ancestors
    };

    Kind kind = Kind::InvalidMigration;
    QStringList revisions; // the revisions involved
    QStringList files;     // the files involved, as displayed
    Error error;

    bool operator==(const RevisionGraphError &) const = default;
};

using RevisionGraphErrors = QList<RevisionGraphError>;

inline Errors toErrors(const RevisionGraphErrors &errors)
{
    Errors out;
    out.reserve(errors.size());
    for (const RevisionGraphError &e : errors)
        out.append(e.error);
    return out;
}

} // namespace sd
