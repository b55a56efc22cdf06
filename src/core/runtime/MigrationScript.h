#pragma once
// A plan as an SQL script (`upgrade --sql`, `downgrade --sql`, the app's
// plan view): each revision's statements in the order the migrator runs
// them, bound values written as literals, each risky statement preceded by
// a comment naming its hazards and the rows it touches.

#include "MigrationPlan.h"

namespace sd {

class MigrationScript
{
public:
    // `withVersionTables`: begin with the CREATE TABLE IF NOT EXISTS of
    // the version and history tables (true for a script run on its own).
    static QString render(const MigrationPlan &plan, bool withVersionTables = true);

    // "-- destroys data, rewrites table: users (about 12,000 rows)"; empty
    // for a statement without hazards.
    static QString hazardComment(const Statement &statement);

    // The statement with its `?` placeholders replaced by SQL literals.
    static QString inlineBindings(const Statement &statement);

    // One statement as every script shows it (this one, the app's
    // migration view and editor preview): its notes as comments (runs
    // outside the transaction, hazards, must return no rows), then the SQL
    // with literals, terminated, each line ending in a newline.
    static QString statementBlock(const Statement &statement);
};

} // namespace sd
