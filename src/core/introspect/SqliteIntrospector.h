#pragma once
// Reads a SQLite database's schema through the pragma table functions,
// joined over sqlite_schema so the query count does not grow with the
// number of tables; names, checks and AUTOINCREMENT come from each table's
// CREATE statement (SqliteTableParser).

#include "Error.h"
#include "model/Schema.h"

namespace sd {

class Connection;

class SqliteIntrospector
{
public:
    static Result<Schema> read(const Connection &connection);
};

} // namespace sd
