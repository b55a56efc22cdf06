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

} // namespace sd::testing
