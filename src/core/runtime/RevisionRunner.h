#pragma once
// Runs one planned revision on a connection with DESIGN.md section 5's
// guarantee: the revision's statements, its version-table update and its
// history row commit together or not at all. A statement marked Autocommit
// (CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE) ends the transaction
// so far, runs on its own, and a new transaction starts after it; SQLite's
// PRAGMAs around a table rebuild run before BEGIN and after COMMIT, the
// latter even when the revision fails.

#include "MigrationPlan.h"
#include "StatementLog.h"

#include "Error.h"

namespace sd {

class Connection;

class RevisionRunner
{
public:
    RevisionRunner(const Connection &connection, StatementLog log = {});

    // Runs `revision` and records it in schemadesk_history. Returns the
    // duration in milliseconds, or an Error of code Migration naming the
    // revision, the statement and the server's message after rolling back.
    //
    // `batched`: the revision runs inside a transaction the caller opened,
    // in a savepoint (PlannedRevision::isBatched); a failure rolls back to
    // the savepoint and leaves the caller's transaction open.
    Result<qint64> run(const PlannedRevision &revision, bool batched = false);

    // Runs one statement (bindings bound; a MustReturnNoRows check fails on
    // its first row), logging it under `revision`.
    Result<void> execute(const Statement &statement, const QString &revision = {});

private:
    Error failure(const Error &error, const QString &revision, bool committedOutside) const;

    const Connection &m_connection;
    StatementLog m_log;
};

} // namespace sd
