#pragma once
// Reads one PostgreSQL schema from pg_catalog with a fixed set of bulk
// queries: tables, columns, constraints, indexes, enums, comments, and the
// objects SchemaDesk leaves alone (views, functions, triggers, ...).

#include "Error.h"
#include "model/Schema.h"

namespace sd {

class Connection;

class PostgresIntrospector
{
public:
    enum Mode {
        // Every query on `connection`, each in its own snapshot as the
        // connection's transaction, if any, gives it.
        OneConnection,
        // For a schema of 100 tables or more, the constraints and indexes
        // queries on a second connection, opened with the same options,
        // while the others run on `connection`: the server works on both at
        // once. Both read in one REPEATABLE READ
        // snapshot (pg_export_snapshot()), opened and ended here. Where
        // `connection` is inside a transaction block already, that
        // transaction is left alone and read in, as OneConnection does.
        // When a second connection
        // cannot be had (connection limits, a pooler, a standby that cannot
        // export the snapshot), every query runs on `connection`, still in
        // that one snapshot when it could be taken.
        Concurrent,
    };

    static Result<Schema> read(const Connection &connection, const QString &schemaName = QStringLiteral("public"),
                               Mode mode = OneConnection);
};

} // namespace sd
