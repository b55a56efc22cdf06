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

void verifyInspectRoundTrip(const Connection &connection, const QStringList &tables, const QStringList &unmanagedKinds)
{
    auto live = Introspector::read(connection);
    SD_VERIFY_RESULT(live);
    QStringList read;
    for (const Table &t : live->tables)
        read << t.name;
    QCOMPARE(read, tables);
    QStringList kinds;
    for (const UnmanagedObject &o : live->unmanaged)
        kinds << o.kind;
    for (const QString &kind : unmanagedKinds)
        QVERIFY2(kinds.contains(kind), qPrintable(kind));

    const Dialect &dialect = Dialect::get(connection.dialect());
    const QByteArray yaml = SchemaWriter::toYaml(*live);
    auto reread = SchemaReader::readString(yaml, QStringLiteral("inspected.yaml"));
    if (!reread)
        qInfo().noquote() << yaml;
    SD_VERIFY_RESULT(reread);
    const Differences diffs = SchemaDiff::compare(*reread, *live, dialect);
    if (!diffs.isEmpty())
        qInfo().noquote() << yaml;
    QCOMPARE(DiffRenderer::text(diffs), DiffRenderer::text({}));

    for (const Difference &d : SchemaDiff::compare(Schema{}, *live, dialect)) {
        if (d.kind == Difference::Kind::TableRemoved)
            QVERIFY2(tables.contains(d.table), qPrintable(d.description()));
    }
}

} // namespace sd::testing
