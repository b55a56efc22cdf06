#pragma once
// The schema a plan starts from. Online it is the live database, read by
// introspection, so a SQLite rebuild copies every column really there and
// recreates the triggers and views really there. SQLite keeps no enums
// (they are text with a CHECK), so the live schema gets them back from the
// migrations already applied: the enum types, and each column whose CHECK
// is exactly its enum's, typed as that enum again. Offline (`--sql`) the
// schema is what the migrations build from base.

#include "Error.h"
#include "model/Schema.h"

#include <QStringList>

namespace sd {

class RevisionGraph;

class MigrationState
{
public:
    // The schema the upgrade operations of every revision up to `heads`
    // (and their ancestors) build, parents first, on the model alone.
    // `bestEffort`: an operation that does not apply is skipped instead of
    // failing, for a database that had tables before its first revision
    // (the enums are still found; restoreEnums() checks every column it
    // retypes against the live CHECK).
    static Result<Schema> evolved(const RevisionGraph &graph, const QStringList &heads, bool bestEffort = false);

    // SQLite: `live` gets the enums of `evolved`, and its text columns whose
    // unnamed CHECK is their enum's check in `evolved` their enum type back.
    static void restoreEnums(Schema &live, const Schema &evolved);
};

} // namespace sd
