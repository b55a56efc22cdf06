#pragma once
// Renders migration operations to the exact SQL statements of one dialect,
// each with the hazards the dialect computes for it (destroys data,
// rewrites the table, takes ACCESS EXCLUSIVE, cannot run in a transaction,
// cannot be reversed). Identifiers are always quoted by the Dialect and
// values written as literals (DDL cannot bind values). One renderer per
// dialect: PostgresOperationRenderer, SqliteOperationRenderer.

#include "Error.h"
#include "Operation.h"
#include "Statement.h"

namespace sd {

class Dialect;

class OperationRenderer
{
public:
    virtual ~OperationRenderer() = default;

    static const OperationRenderer &get(DialectKind kind);

    virtual DialectKind kind() const = 0;
    const Dialect &dialect() const;

    // The statements that carry out `operation` on a database whose schema
    // is `stateBefore` (SQLite's rebuild reads the table's definition, its
    // indexes, triggers and views from it; hazards such as narrowing need
    // the column's current type). An operation the state contradicts (a
    // missing table or column) is an error, as SchemaEvolver reports it.
    virtual Result<Statements> render(const Operation &operation, const Schema &stateBefore) const = 0;

    // Renders `operations` in turn, evolving `state` after each one; on
    // error `state` is the state before the failing operation.
    Result<Statements> renderAll(const Operations &operations, Schema &state) const;

protected:
    // The statements of a `sql` operation for this dialect: the script split
    // into statements, Irreversible, and outside the transaction
    // (Autocommit, NotTransactional) when it says `transactional: false`.
    Statements renderSql(const SqlOp &op) const;
    // A statement in the transaction on `table` with `hazards`.
    static Statement statement(const QString &sql, const QString &table, Hazards hazards = {});
};

} // namespace sd
