#pragma once
// PostgreSQL's rendering of migration operations, with hazards that follow
// the lock levels of PostgreSQL's documentation (ALTER TABLE, CREATE INDEX,
// DROP INDEX). Names are unqualified: they resolve through the connection's
// search_path, the schema SchemaDesk manages.
//
// Locks and hazards, per statement:
//   ACCESS EXCLUSIVE (ExclusiveLock): DROP TABLE, ALTER TABLE RENAME TO,
//     ADD COLUMN, DROP COLUMN, ALTER COLUMN TYPE / SET|DROP NOT NULL /
//     SET|DROP DEFAULT, RENAME COLUMN, ADD UNIQUE, ADD CHECK, DROP
//     CONSTRAINT (a foreign key's on both tables), DROP INDEX.
//   Weaker, so no ExclusiveLock: ADD FOREIGN KEY (SHARE ROW EXCLUSIVE on
//     both tables), CREATE INDEX (SHARE: blocks writes, not reads),
//     CREATE INDEX / DROP INDEX CONCURRENTLY (SHARE UPDATE EXCLUSIVE),
//     COMMENT ON (SHARE UPDATE EXCLUSIVE), CREATE TABLE, CREATE TYPE.
//   RewritesTable: a type change unless binary-coercible (varchar(n) to
//     varchar(m >= n) or text, numeric(p,s) to numeric(q >= p,s) or
//     numeric), any change with USING; ADD COLUMN of an identity or stored
//     generated column, or with a volatile default (random(), nextval(), ...).
//   DestroysData: DROP TABLE, DROP COLUMN, DROP TYPE, a narrowing type
//     change (Dialect::isNarrowing).
//   NotTransactional + Placement::Autocommit: CONCURRENTLY, ALTER TYPE ...
//     ADD VALUE, `sql` with `transactional: false`.
//   Irreversible: drop_* without definition, `sql`.

#include "OperationRenderer.h"

namespace sd {

class PostgresOperationRenderer final : public OperationRenderer
{
public:
    DialectKind kind() const override { return DialectKind::PostgreSQL; }
    Result<Statements> render(const Operation &operation, const Schema &stateBefore) const override;

    // Whether changing a column from `from` to `to` keeps the stored bytes
    // (no table rewrite).
    static bool isBinaryCoercible(const ColumnType &from, const ColumnType &to);
    // Whether ALTER COLUMN TYPE from `from` to `to` needs an explicit cast
    // (no implicit or assignment cast exists between them).
    static bool needsExplicitCast(const ColumnType &from, const ColumnType &to);
};

} // namespace sd
