#include "RoundTrip.h"

#include "TestDatabase.h"
#include "TestResult.h"
#include "config/SchemaReader.h"
#include "config/SchemaWriter.h"
#include "dialect/Dialect.h"
#include "diff/DiffRenderer.h"
#include "diff/SchemaDiff.h"
#include "introspect/Introspector.h"

namespace sd::testing {

void verifyRoundTrip(const Connection &connection, const Schema &schema)
{
    SD_VERIFY_RESULT(createSchema(connection, schema));
    auto live = Introspector::read(connection);
    SD_VERIFY_RESULT(live);
    QCOMPARE(live->tables.size(), schema.tables.size());

    const Dialect &dialect = Dialect::get(connection.dialect());
    QCOMPARE(DiffRenderer::text(SchemaDiff::compare(schema, *live, dialect)), DiffRenderer::text({}));

    auto reread = SchemaReader::readString(SchemaWriter::toYaml(*live), QStringLiteral("inspected.yaml"));
    SD_VERIFY_RESULT(reread);
    QCOMPARE(DiffRenderer::text(SchemaDiff::compare(*reread, *live, dialect)), DiffRenderer::text({}));
}

} // namespace sd::testing
