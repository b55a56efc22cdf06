#pragma once
// Runs DESIGN.md section 6's start-up policy on a freshly opened connection:
// reads where the database is, asks StartupPolicy::decide what to do, and
// migrates to head through the core's Migrator when the policy says so.
// Used for users' databases on connect and for SchemaDesk's own workspace.

#include "Error.h"
#include "runtime/Migrator.h"
#include "runtime/StartupPolicy.h"

#include <QDateTime>

#include <optional>

namespace sd::app {

struct StartupOutcome
{
    StartupDecision decision;
    QStringList current;  // version-table rows after the policy ran
    QStringList pending;  // revisions still pending after it ran
    std::optional<MigrateReport> report; // set when the policy migrated
    // The policy's migration failed: the failing revision was rolled back,
    // the connection is kept (to look at the database) and `current` and
    // `pending` say where it stopped.
    std::optional<Error> migrationError;
    QStringList applied;           // the revisions the policy applied (also when it then failed)
    QDateTime migrationStartedAt; // UTC, when the policy migrated or tried to
    qint64 migrationMs = 0;
};

class StartupRunner
{
public:
    // An error only when the database cannot be read; a failing start-up
    // migration is part of the outcome.
    // `fileExisted`: the SQLite file was there before it was opened;
    // `envName`: the environment chosen (protection is decided from it and the URL).
    static Result<StartupOutcome> run(const Project &project, const RevisionGraph &graph, const Connection &connection,
                                      bool fileExisted, const QString &envName, const MigrateOptions &options = {});
    // The version-table rows and pending revisions of `connection`.
    static Result<std::pair<QStringList, QStringList>> state(const Project &project, const RevisionGraph &graph,
                                                             const Connection &connection);
};

} // namespace sd::app
