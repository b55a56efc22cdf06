#pragma once
// The bulk pg_catalog queries PostgresIntrospector runs: one per kind of
// object, whatever the number of tables. Each takes the schema name as its
// only bound value (`?`) and lists its result columns in order.

#include <QString>

namespace sd::pgcatalog {

// One row per managed table of the schema, or a single row of NULLs after
// the schema's oid when the schema holds none; no row when it does not exist.
// nspoid, oid, relname, relkind, comment, partition key
QString tablesQuery();

// relid, attname, format_type, is a local enum, typname, attnotnull,
// attidentity, attgenerated, default expression, owns its nextval sequence,
// comment, collation (NULL for the type's default); ordered by table and
// attnum.
QString columnsQuery();

// relid, conname, contype, deferrable, deferred, validated, key columns
// (JSON array, conkey order), referenced columns (JSON, confkey order),
// referenced table, referenced schema ('' when the table's own), on delete,
// on update, check expression, constraint definition, NULLS NOT DISTINCT (a
// unique constraint; false before PostgreSQL 15, `serverVersion` as
// server_version_num)
QString constraintsQuery(int serverVersion);

// relid, index name, unique, access method, predicate, pg_get_indexdef (NULL
// for an index of plain key columns with default options, operator classes
// and collations),
// indnatts, indnkeyatts, key column names (JSON, '' for an expression),
// all key options default, table name, NULLS NOT DISTINCT (false before
// PostgreSQL 15), storage parameters (JSON array of "name=value", NULL for
// none)
QString indexesQuery(int serverVersion);

// typname, labels (JSON array in enumsortorder)
QString enumsQuery();

// kind, name, table, definition: views, sequences, routines, triggers,
// domains, types, partitions, foreign tables, extensions, extension tables
QString unmanagedQuery();

} // namespace sd::pgcatalog
