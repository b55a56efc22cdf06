#pragma once
// Compares the schema configuration with a live database's schema in one
// dialect and lists every difference, grouped by table.

#include "Difference.h"

#include <functional>

namespace sd {

class Dialect;

struct DiffOptions
{
    // Tables matching `ignore:` of schemadesk.yaml are left out on both sides.
    std::function<bool(const QString &table)> isIgnored;
    // Cores to compare a large schema's tables on (0: every core). The
    // differences and their order are the same whatever the number.
    int threads = 0;
};

class SchemaDiff
{
public:
    // Differences that would move `live` to `configured`. The configured
    // schema is lowered to the dialect first (enums on SQLite are checks).
    static Differences compare(const Schema &configured, const Schema &live, const Dialect &dialect,
                               const DiffOptions &options = {});
};

} // namespace sd
