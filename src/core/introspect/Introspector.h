#pragma once
// Reads a live database's schema into the model: SQLite through its
// pragma table functions, PostgreSQL through pg_catalog, each with a
// constant number of bulk queries whatever the number of tables.

#include "Error.h"
#include "model/Schema.h"

namespace sd {

class Connection;

struct IntrospectOptions
{
    QString postgresSchema = QStringLiteral("public");
    // PostgreSQL: read the catalog over a second connection at the same
    // time, both in one snapshot (PostgresIntrospector::read()); inside a
    // transaction block of the caller's, on the one connection.
    bool concurrent = false;
};

class Introspector
{
public:
    static Result<Schema> read(const Connection &connection, const IntrospectOptions &options = {});

    // SchemaDesk's own tables, never part of a user's schema.
    static bool isSchemaDeskTable(const QString &name);
};

} // namespace sd
