#pragma once
// `validate`: everything a reviewer or a CI job wants to know before a
// migration reaches a real database, each finding with its file and line:
//  1. the schema configuration loads;
//  2. the revision graph is sound (every migration parses, no duplicate
//     ids, no missing down_revision, no cycle);
//  3. applied migrations' files are unchanged since (checksums), when a
//     database is given;
//  4. replaying every migration from base on a scratch database of the
//     target dialect (in-memory SQLite; a temporary schema on the
//     PostgreSQL server, dropped afterwards) yields exactly the configured
//     schema.

#include "Error.h"
#include "ChecksumAudit.h"
#include "config/ProjectFile.h"
#include "diff/Difference.h"

namespace sd {

class Connection;

struct ValidationReport
{
    Errors errors;                  // configuration, graph, replay failures: file:line:column each
    QList<ChangedMigration> changed;
    Differences differences;        // replayed schema -> configuration
    QString scratch;                // where the replay ran ("in-memory SQLite", "schema schemadesk_validate_1a2b")
    int replayed = 0;               // revisions applied in the replay

    bool ok() const { return errors.isEmpty() && changed.isEmpty() && differences.isEmpty(); }
};

class Validator
{
public:
    // `connection` may be null (no checksums, SQLite replay) or the target
    // database (its dialect chooses the scratch database; on PostgreSQL the
    // scratch schema is made on its server).
    static ValidationReport run(const Project &project, const Connection *connection, DialectKind dialect);
};

} // namespace sd
