#pragma once
// SQLite's rendering of migration operations. What ALTER TABLE does
// directly it does: RENAME TO, RENAME COLUMN, ADD COLUMN (not for a key
// column, a stored generated column, a default that is an expression or
// CURRENT_*, nor NOT NULL without a non-null default), DROP COLUMN (of a
// column no key, unique constraint, index, foreign key, check, generated
// column, view or trigger names, nor another table's foreign key), CREATE
// and DROP INDEX. Everything else rebuilds the table (SqliteTableRebuild):
// alter_column of type, nullability or default; add and drop of foreign
// keys, unique constraints and checks; add_enum_value, whose CHECK lives
// in every table with a column of the enum. Enums are text with a CHECK
// (SqliteDialect::lowered), so create_enum and drop_enum render nothing;
// comments render nothing.
//
// Hazards: DestroysData for drop_table and drop_column and for a narrowing
// type change (Dialect::isNarrowing); RewritesTable for a rebuild's copy;
// Irreversible for drop_* without definition and `sql`. SQLite locks the
// whole database for any write: no statement takes ExclusiveLock.

#include "OperationRenderer.h"

namespace sd {

class SqliteOperationRenderer final : public OperationRenderer
{
public:
    DialectKind kind() const override { return DialectKind::Sqlite; }
    Result<Statements> render(const Operation &operation, const Schema &stateBefore) const override;
};

} // namespace sd
