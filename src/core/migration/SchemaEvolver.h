#pragma once
// Applies an operation to a schema model value: the schema before the
// operation becomes the schema after it, as the database would change.
// The renderers read the state (SQLite's rebuild needs a table's current
// definition), `--sql` replays migrations without a database, and
// validation checks that every operation names what exists. An operation
// that names a missing table, column, index, constraint or enum is an
// error naming it ("drop_column: table users has no column locale").

#include "Error.h"
#include "Operation.h"

namespace sd {

class SchemaEvolver
{
public:
    // Changes `schema` as `operation` changes the database. On error the
    // schema is left as it was. `sql` operations leave it unchanged.
    //
    // Side effects follow the servers: dropping a column drops the indexes
    // and constraints that involve it; renaming a column or table renames it
    // in the constraints, indexes and foreign keys that name it (and in the
    // SQL of views and triggers that mention the table); dropping a table
    // drops its triggers.
    static Result<void> apply(Schema &schema, const Operation &operation);

    // `operation` with what it needs for an inverse filled from `state`
    // where it is absent: a drop_*'s `definition`, an alter_column's
    // `existing_*` for each attribute it changes. Errors as apply().
    static Result<Operation> withDefinitions(const Operation &operation, const Schema &state);

    // Whether `sql` mentions `name` as an identifier (quoted or not, any
    // case); strings and comments do not count.
    static bool mentions(const QString &sql, const QString &name);
};

} // namespace sd
