#pragma once
// Turns the differences between the schema configuration and a live
// database (SchemaDiff::compare) into the operations of a migration: the
// upgrade that moves the database to the configuration, ordered so that it
// runs, and the downgrade that undoes it exactly.
//
// Upgrade order: table and column renames (renamed_from: never drop + add);
// foreign keys dropped, then indexes, unique constraints and checks; enums
// created or extended; columns added and altered (existing_* from the live
// side); columns dropped; tables dropped, referencing ones first (before
// new tables are created: a new table may reuse a dropped one's index
// names, which are schema-wide); new tables, referenced ones first (foreign
// keys that close a cycle added at the end); enums dropped; indexes, unique constraints and checks added;
// foreign keys added. A changed index or constraint is dropped and added.
//
// Downgrade: the inverse of each upgrade operation (OperationInverse), in
// reverse order. Every drop carries the full definition of what it drops,
// taken from the live side, so the downgrade recreates it.
//
// Destructive operations carry a note ("destroys data: drops column
// users.legacy_flag and the values it holds"), in both directions.
//
// Not generated, returned as warnings instead ("not generated: ..."):
// primary key, autoincrement, generated expression, partitioning and table
// comment changes, and enum changes that remove or reorder values (no
// operation expresses them; write them as `sql`). An add_enum_value has no
// inverse: the downgrade lacks it and a warning says so.
//
// Definitions are the configuration's own (not lowered: `bigint` with
// `autoincrement`, comments kept) so the file reads as the configuration
// does, except that on SQLite an enum column is text with a CHECK, as the
// database holds it. A constraint added without a name gets one
// (`ck_users_1`, `uq_users_email`, `fk_users_org_id`) so the downgrade can
// drop it.

#include "diff/Difference.h"
#include "migration/Operation.h"

#include <QStringList>

namespace sd {

struct AutogenerateResult
{
    Operations upgrade;
    Operations downgrade;
    QStringList warnings; // one line each: "not generated: change primary key of users from (id) to (id, org)"

    bool isEmpty() const { return upgrade.isEmpty() && warnings.isEmpty(); }
};

class Autogenerator
{
public:
    // `differences` must come from SchemaDiff::compare(configured, live,
    // Dialect::get(dialect)).
    static AutogenerateResult generate(const Differences &differences, const Schema &configured, const Schema &live,
                                       DialectKind dialect);
};

} // namespace sd
