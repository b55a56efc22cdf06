#pragma once
// Runs rendered statements the way the migrator does, for tests of the
// renderers on real databases: the BeforeTransaction statements, BEGIN, the
// Transaction statements (an Autocommit one between COMMIT and a new BEGIN;
// a MustReturnNoRows check fails when it returns a row), COMMIT, then the
// AfterTransaction statements. On a failure the transaction is rolled back
// and the AfterTransaction statements still run (foreign keys back on).

#include "Error.h"
#include "migration/Statement.h"

namespace sd {
class Connection;
}

namespace sd::testing {

class StatementRunner
{
public:
    static Result<void> run(const Connection &connection, const Statements &statements);
};

} // namespace sd::testing
