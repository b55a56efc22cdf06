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

    // A database SchemaDesk did not create, with what SQLite allows and
    // other tools write: columns without a type or with names outside the
    // portable set, WITHOUT ROWID and STRICT tables, views, triggers and a
    // virtual table. `inspect` writes YAML that reads back and diffs empty,
    // and nothing of it is reported as something to drop.
    void handWrittenDatabaseSurvivesInspect()
    {
        QTemporaryDir dir;
        auto connection = openSqliteFile(dir.filePath(QStringLiteral("legacy.db")));
        SD_VERIFY_RESULT(connection);
        SD_VERIFY_RESULT(execAll(**connection, {
            QStringLiteral("CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, name STRING NOT NULL, "
                           "nick NVARCHAR(30) COLLATE NOCASE, born DATETIME DEFAULT CURRENT_TIMESTAMP, "
                           "extra, location POINT, big UNSIGNED BIG INT, ratio DOUBLE PRECISION, "
                           "price NUMERIC(10, 2) CHECK (price >= 0), flag VARCHAR)"),
            QStringLiteral("CREATE TABLE tags (tag TEXT PRIMARY KEY, weight) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL "
                           "REFERENCES authors (id) ON DELETE CASCADE ON UPDATE SET NULL, title TEXT NOT NULL, "
                           "body ANY, title_lower TEXT GENERATED ALWAYS AS (lower(title)) VIRTUAL) STRICT"),
            QStringLiteral("CREATE INDEX ix_books_title ON books (title_lower DESC) WHERE title <> ''"),
            QStringLiteral("CREATE INDEX ix_authors_name ON authors (lower(name))"),
            QStringLiteral("CREATE UNIQUE INDEX ux_authors_nick ON authors (nick)"),
            QStringLiteral("CREATE VIEW prolific AS SELECT author_id, count(*) AS n FROM books GROUP BY author_id"),
            QStringLiteral("CREATE TRIGGER books_touch AFTER UPDATE ON books BEGIN UPDATE authors SET born = born "
                           "WHERE id = new.author_id; END"),
            QStringLiteral("CREATE VIRTUAL TABLE book_text USING fts5(title, body)"),
        }));

        verifyInspectRoundTrip(**connection, {QStringLiteral("authors"), QStringLiteral("books"), QStringLiteral("tags")},
                               {QStringLiteral("view"), QStringLiteral("trigger"), QStringLiteral("virtual table")});
    }
};

QTEST_GUILESS_MAIN(tst_RoundTripSqlite)
#include "tst_roundtripsqlite.moc"
