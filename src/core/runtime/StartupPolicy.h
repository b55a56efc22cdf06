#pragma once
// DESIGN.md section 6: what happens to a database when SchemaDesk opens it.
// decide() is the rule, one function for the app (which acts on it when it
// connects) and the CLI (whose `status` says what the app would do; CLI
// verbs never migrate on their own).

#include "db/DatabaseUrl.h"

namespace sd {

struct StartupDecision
{
    enum class Action {
        UpToDate,           // nothing pending
        ApplyAll,           // in-memory or new SQLite file: create the schema by applying every migration
        ApplyPending,       // existing SQLite file with auto_upgrade: bring it to head
        ReportPending,      // existing SQLite file without auto_upgrade: say what is pending
        RecommendUpgrade,   // PostgreSQL: never migrate on its own; show pending, recommend an explicit upgrade
        ProtectedPending,   // existing SQLite file of a protected environment: never migrated on open either
    };
    Action action = Action::UpToDate;
    int pending = 0;

    bool migrates() const { return action == Action::ApplyAll || action == Action::ApplyPending; }
    // One sentence for people: "3 migrations pending: run 'upgrade' to apply them".
    QString description() const;
};

class StartupPolicy
{
public:
    // `fileExists`: the SQLite file is there before SchemaDesk opens it.
    // `pending`: revisions between the database's version and the heads.
    // `protectedDatabase`: the database of an environment marked
    // `protected: true` (Project::protectedEnvironment), whose data is
    // only ever changed by a run someone confirmed.
    static StartupDecision decide(const DatabaseUrl &url, bool fileExists, bool autoUpgrade, int pending, bool protectedDatabase);
};

} // namespace sd
