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
    static Result<Schema> read(const Connection &connection, const QString &schemaName = QStringLiteral("public"));
};

} // namespace sd
