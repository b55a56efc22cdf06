#pragma once
// A deterministic schema of N tables (t0001, t0002, ...) with about fifteen
// columns each, indexes, checks, unique constraints and foreign keys to
// earlier tables: the input of the large round-trip tests and benchmarks.

#include "model/Schema.h"

#include <QtGlobal>

namespace sd::testing {

// Same tableCount and seed, same schema. Every table and column type works on
// SQLite and PostgreSQL; every constraint is named, names are unique across
// the schema and shorter than 63 characters.
Schema generateSchema(int tableCount, quint32 seed = 42);

} // namespace sd::testing
