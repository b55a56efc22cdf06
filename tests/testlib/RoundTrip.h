#pragma once
// The round trip both dialects must pass: `schema` created in the (empty)
// database reads back with no difference, and the database's own schema,
// written as YAML and read again, diffs empty against the database (what
// `inspect` promises). Fails the current test on the first mismatch.

#include "model/Schema.h"

namespace sd {
class Connection;
}

namespace sd::testing {

void verifyRoundTrip(const Connection &connection, const Schema &schema);

// What `inspect` promises of a database SchemaDesk did not create: it reads
// exactly `tables` and lists an unmanaged object of each of `unmanagedKinds`;
// its schema, written as YAML and read back, diffs empty against it; and
// against an empty configuration the only tables to drop are those (nothing
// unmanaged is ever something to drop).
void verifyInspectRoundTrip(const Connection &connection, const QStringList &tables, const QStringList &unmanagedKinds);

} // namespace sd::testing
