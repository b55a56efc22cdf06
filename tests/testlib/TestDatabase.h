#pragma once
// Small helpers for tests on real databases: open a SQLite file, run a
// list of statements, build a schema from YAML text.

#include "Error.h"
#include "db/Connection.h"
#include "model/Schema.h"

#include <memory>

namespace sd::testing {

Result<std::unique_ptr<Connection>> openSqliteFile(const QString &path);
Result<void> execAll(const Connection &connection, const QStringList &statements);
MultiResult<Schema> schemaFromYaml(const QString &yaml);
// The bundled demo project's schema (examples/demo/config/schema.yaml).
Schema demoSchema();
// Creates `schema` in the (empty) database with the dialect's DDL.
Result<void> createSchema(const Connection &connection, const Schema &schema);

} // namespace sd::testing
