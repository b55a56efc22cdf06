// On a real SQLite file: a configuration created in the database diffs
// empty against it, and the database's own schema, written as YAML and
// read back, diffs empty against the database (what `inspect` promises).

#include "RoundTrip.h"
#include "SchemaGenerator.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "config/SchemaReader.h"
#include "config/SchemaWriter.h"
#include "dialect/Dialect.h"
#include "diff/DiffRenderer.h"
#include "diff/SchemaDiff.h"
#include "introspect/Introspector.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::testing;

Q_DECLARE_METATYPE(sd::Schema)

class tst_RoundTripSqlite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<Schema>("schema");
        QTest::newRow("demo project") << demoSchema();
        QTest::newRow("generated 1000 tables") << generateSchema(1000);
    }

    void roundTrip()
    {
        QFETCH(Schema, schema);
        QTemporaryDir dir;
        auto connection = openSqliteFile(dir.filePath(QStringLiteral("roundtrip.db")));
        SD_VERIFY_RESULT(connection);
        verifyRoundTrip(**connection, schema);
    }
};

QTEST_GUILESS_MAIN(tst_RoundTripSqlite)
#include "tst_roundtripsqlite.moc"
