#pragma once
// Runs operations one at a time on a real database and checks after each
// that the database's schema is the one SchemaEvolver predicts: the test
// of the renderers against the servers (tst_rendersqlite,
// tst_renderpostgres). Comparison is on the lowered model, with list order,
// primary key names (PostgreSQL names them <table>_pkey) and unmanaged
// objects left out.

#include "model/Schema.h"
#include "migration/Operation.h"

namespace sd {
class Connection;
}

namespace sd::testing {

// `schema` in a stable order, without primary key names and unmanaged
// objects.
Schema comparable(Schema schema);

// Renders `operations` in turn against the live schema, runs each with
// StatementRunner and compares the introspected schema with the evolved
// state (lowered for the connection's dialect). Fails the current test at
// the first difference, naming the operation.
void replayAndCompare(const Connection &connection, const Operations &operations, const QString &postgresSchema = QStringLiteral("public"));

} // namespace sd::testing
