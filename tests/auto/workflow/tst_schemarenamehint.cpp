// Rename hints: which removed/added column pairs of a real diff may be a
// rename, and writing `renamed_from` into schema.yaml as a text edit that
// keeps every other byte (comments, order, spacing, line endings), in flow
// and block style, on strings and on a real file that the reader and the
// diff then read as a rename.

#include "ModelBuilders.h"
#include "TestResult.h"
#include "config/SchemaReader.h"
#include "diff/SchemaDiff.h"
#include "dialect/Dialect.h"
#include "workflow/SchemaRenameHint.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;

namespace {

Schema read(const QByteArray &yaml)
{
    const MultiResult<Schema> schema = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    if (!schema)
        qWarning("%s", qPrintable(joinErrors(schema.error())));
    return schema.value_or(Schema());
}

QByteArray usersWith(const QByteArray &columns)
{
    return "tables:\n  - name: users\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n" + columns
           + "  - name: orgs\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n"
             "      - {name: label, type: text}\n";
}

} // namespace

class tst_SchemaRenameHint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void candidates_data();
    void candidates();
    void edit_data();
    void edit();
    void editErrors_data();
    void editErrors();
    void alreadyHinted();
    void file();
};

void tst_SchemaRenameHint::candidates_data()
{
    QTest::addColumn<QByteArray>("liveColumns");
    QTest::addColumn<QByteArray>("configuredColumns");
    QTest::addColumn<QStringList>("expected"); // "table.from>to"

    QTest::newRow("same type") << QByteArray("      - {name: mail, type: varchar(255)}\n")
                               << QByteArray("      - {name: email, type: varchar(255)}\n")
                               << QStringList{"users.mail>email"};
    QTest::newRow("synonym spelling") << QByteArray("      - {name: n, type: int8}\n")
                                      << QByteArray("      - {name: amount, type: bigint}\n")
                                      << QStringList{"users.n>amount"};
    QTest::newRow("varchar widened") << QByteArray("      - {name: mail, type: varchar(100)}\n")
                                     << QByteArray("      - {name: email, type: varchar(255)}\n")
                                     << QStringList{"users.mail>email"};
    QTest::newRow("integer to bigint") << QByteArray("      - {name: n, type: integer}\n")
                                       << QByteArray("      - {name: amount, type: bigint}\n")
                                       << QStringList{"users.n>amount"};
    QTest::newRow("anything to text") << QByteArray("      - {name: born, type: date}\n")
                                      << QByteArray("      - {name: born_text, type: text}\n")
                                      << QStringList{"users.born>born_text"};
    QTest::newRow("varchar narrowed") << QByteArray("      - {name: mail, type: varchar(255)}\n")
                                      << QByteArray("      - {name: email, type: varchar(50)}\n")
                                      << QStringList{};
    QTest::newRow("text to integer") << QByteArray("      - {name: code, type: text}\n")
                                     << QByteArray("      - {name: number, type: integer}\n")
                                     << QStringList{};
    QTest::newRow("two candidates") << QByteArray("      - {name: a, type: text}\n")
                                    << QByteArray("      - {name: b, type: text}\n      - {name: c, type: text}\n")
                                    << QStringList{"users.a>b", "users.a>c"};
    QTest::newRow("only added") << QByteArray() << QByteArray("      - {name: email, type: text}\n") << QStringList{};
}

void tst_SchemaRenameHint::candidates()
{
    QFETCH(QByteArray, liveColumns);
    QFETCH(QByteArray, configuredColumns);
    QFETCH(QStringList, expected);

    const Dialect &dialect = Dialect::get(DialectKind::PostgreSQL);
    // A column removed from one table and one added to another is no rename.
    Schema live = read(usersWith(liveColumns));
    Schema configured = read(usersWith(configuredColumns));
    QVERIFY(!live.tables.isEmpty() && !configured.tables.isEmpty());
    configured.table(QStringLiteral("orgs"))->columns << sd::testing::column(QStringLiteral("extra"), ColumnType::of(ColumnType::Kind::Text));

    const Differences differences = SchemaDiff::compare(configured, live, dialect);
    QStringList found;
    for (const RenameCandidate &c : SchemaRenameHint::candidates(differences, dialect))
        found << c.table + QLatin1Char('.') + c.from + QLatin1Char('>') + c.to;
    QCOMPARE(found, expected);
}

void tst_SchemaRenameHint::edit_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QByteArray>("after");

    const QByteArray head = "# Our schema.  Comments   stay exactly as they are.\n"
                            "tables:\n"
                            "  - name: users   # accounts\n"
                            "    columns:\n"
                            "      - {name: id, type: bigint, primary_key: true}\n";
    const QByteArray tail = "    # indexes come next\n"
                            "    indexes:\n"
                            "      - {name: ix_users_email, columns: [email], unique: true}\n"
                            "\n"
                            "  - name: orgs\n"
                            "    columns:\n"
                            "      - {name: email, type: text}   # same name, other table\n";

    QTest::newRow("flow") << head + "      - {name: email,  type: varchar(255), nullable: false}  # login\n" + tail
                          << "users" << "email" << "mail"
                          << head + "      - {name: email,  type: varchar(255), nullable: false, renamed_from: mail}  # login\n" + tail;
    QTest::newRow("flow with quoted braces")
        << head + "      - {name: email, type: text, comment: \"a } and a { and a #\"}\n" + tail
        << "users" << "email" << "mail"
        << head + "      - {name: email, type: text, comment: \"a } and a { and a #\", renamed_from: mail}\n" + tail;
    QTest::newRow("flow with nested map") << head + "      - {name: email, type: text, default: {sql: \"lower('X')\"}}\n" + tail
                                          << "users" << "email" << "mail"
                                          << head + "      - {name: email, type: text, default: {sql: \"lower('X')\"}, renamed_from: mail}\n" + tail;
    QTest::newRow("flow over two lines") << head + "      - {name: email,\n         type: text}   # wrapped\n" + tail
                                         << "users" << "email" << "mail"
                                         << head + "      - {name: email,\n         type: text, renamed_from: mail}   # wrapped\n" + tail;
    QTest::newRow("flow, old name needs quotes") << head + "      - {name: email, type: text}\n" + tail
                                                 << "users" << "email" << "yes"
                                                 << head + "      - {name: email, type: text, renamed_from: \"yes\"}\n" + tail;
    QTest::newRow("block") << head + "      - name: email\n"
                                     "        type: varchar(255)   # wide enough\n"
                                     "        nullable: false\n" + tail
                           << "users" << "email" << "mail"
                           << head + "      - name: email\n"
                                     "        type: varchar(255)   # wide enough\n"
                                     "        nullable: false\n"
                                     "        renamed_from: mail\n" + tail;
    QTest::newRow("block with nested value and comment lines")
        << head + "      - name: created\n"
                  "        type: timestamp\n"
                  "        # the server fills it\n"
                  "        default:\n"
                  "          sql: CURRENT_TIMESTAMP\n"
                  "\n"
                  "      - {name: email, type: text}\n" + tail
        << "users" << "created" << "created_at"
        << head + "      - name: created\n"
                  "        type: timestamp\n"
                  "        # the server fills it\n"
                  "        default:\n"
                  "          sql: CURRENT_TIMESTAMP\n"
                  "        renamed_from: created_at\n"
                  "\n"
                  "      - {name: email, type: text}\n" + tail;
    QTest::newRow("block, last in file without newline")
        << QByteArray("tables:\n  - name: t\n    columns:\n      - name: b\n        type: text")
        << "t" << "b" << "a"
        << QByteArray("tables:\n  - name: t\n    columns:\n      - name: b\n        type: text\n        renamed_from: a\n");
    QTest::newRow("other table of the same column name") << head + "      - {name: email, type: text}\n" + tail
                                                         << "orgs" << "email" << "mail"
                                                         << head + "      - {name: email, type: text}\n"
                                                                + QByteArray(tail).replace("type: text}", "type: text, renamed_from: mail}");
    QTest::newRow("CRLF line endings")
        << QByteArray("tables:\r\n  - name: t\r\n    columns:\r\n      - name: b\r\n        type: text\r\n# end\r\n")
        << "t" << "b" << "a"
        << QByteArray("tables:\r\n  - name: t\r\n    columns:\r\n      - name: b\r\n        type: text\r\n        renamed_from: a\r\n# end\r\n");
}

void tst_SchemaRenameHint::edit()
{
    QFETCH(QByteArray, before);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QString, from);
    QFETCH(QByteArray, after);

    const Result<QByteArray> edited = SchemaRenameHint::addColumnHint(before, table, column, from, QStringLiteral("config/schema.yaml"));
    SD_VERIFY_RESULT(edited);
    QCOMPARE(*edited, after);

    // The reader reads the hint, and nothing else changed.
    Schema expected = read(before);
    expected.table(table)->column(column)->renamedFrom = from;
    QCOMPARE(read(*edited), expected);
    QCOMPARE(read(*edited).table(table)->column(column)->renamedFrom, from);
}

void tst_SchemaRenameHint::editErrors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("expected");

    const QByteArray yaml = "tables:\n"
                            "  - name: users\n"
                            "    columns:\n"
                            "      - {name: email, type: text, renamed_from: login}\n";
    QTest::newRow("unknown table") << yaml << "orders" << "email"
                                   << "config/schema.yaml:2:3: no table orders in the schema configuration";
    QTest::newRow("unknown column") << yaml << "users" << "mail"
                                    << "config/schema.yaml:2:5: table users has no column mail";
    QTest::newRow("other hint already") << yaml << "users" << "email"
                                        << "config/schema.yaml:4:49: column users.email already has renamed_from: login";
    QTest::newRow("not a schema") << QByteArray("tables:\n  - name: users\n    columns:\n      - {name: a, type: bigitn}\n")
                                  << "users" << "a" << "config/schema.yaml:4:";
}

void tst_SchemaRenameHint::editErrors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QString, expected);

    const Result<QByteArray> edited = SchemaRenameHint::addColumnHint(yaml, table, column, QStringLiteral("old_name"),
                                                                      QStringLiteral("config/schema.yaml"));
    QVERIFY(!edited);
    QVERIFY2(edited.error().toString().startsWith(expected), qPrintable(edited.error().toString()));
}

void tst_SchemaRenameHint::alreadyHinted()
{
    const QByteArray yaml = "tables:\n  - name: users\n    columns:\n      - {name: email, type: text, renamed_from: mail}\n";
    const Result<QByteArray> edited = SchemaRenameHint::addColumnHint(yaml, QStringLiteral("users"), QStringLiteral("email"),
                                                                      QStringLiteral("mail"), QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(edited);
    QCOMPARE(*edited, yaml);
}

void tst_SchemaRenameHint::file()
{
    // The demo's schema, a copy with users.email's former name in the
    // database: the diff shows a drop and an add, the hint turns it into a
    // rename, and every other byte of the file stays.
    const QString demo = QDir(QString::fromLocal8Bit(qgetenv("SCHEMADESK_SOURCE_DIR"))).filePath(QStringLiteral("examples/demo/config/schema.yaml"));
    QFile source(demo);
    QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(demo));
    const QByteArray original = source.readAll();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("schema.yaml"));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(original);
    }
    const MultiResult<Schema> configured = SchemaReader::readFile(path);
    SD_VERIFY_RESULT(configured);
    Schema live = *configured;
    live.table(QStringLiteral("users"))->column(QStringLiteral("email"))->name = QStringLiteral("mail");
    live.table(QStringLiteral("users"))->indexes[0].columns = {QStringLiteral("mail")};
    live.table(QStringLiteral("users"))->checks[0].expression = QStringLiteral("mail LIKE '%@%'");
    const Dialect &dialect = Dialect::get(DialectKind::PostgreSQL);

    const QList<RenameCandidate> candidates = SchemaRenameHint::candidates(SchemaDiff::compare(*configured, live, dialect), dialect);
    QCOMPARE(candidates.size(), 1);
    QCOMPARE(candidates.first().from, QStringLiteral("mail"));
    QCOMPARE(candidates.first().to, QStringLiteral("email"));

    SD_VERIFY_RESULT(SchemaRenameHint::addColumnHintToFile(path, QStringLiteral("users"), QStringLiteral("email"),
                                                           QStringLiteral("mail"), QStringLiteral("config/schema.yaml")));
    QFile edited(path);
    QVERIFY(edited.open(QIODevice::ReadOnly));
    const QByteArray text = edited.readAll();
    const QByteArray line = "      - {name: email, type: varchar(255), nullable: false}\n";
    QVERIFY(original.contains(line));
    // users.email, not customers.email further down: only the first such line changes.
    QByteArray expected = original;
    expected.replace(original.indexOf(line), line.size(),
                     "      - {name: email, type: varchar(255), nullable: false, renamed_from: mail}\n");
    QVERIFY(expected.contains(line));
    QCOMPARE(text, expected);

    const MultiResult<Schema> reread = SchemaReader::readFile(path);
    SD_VERIFY_RESULT(reread);
    QCOMPARE(reread->table(QStringLiteral("users"))->column(QStringLiteral("email"))->renamedFrom, QStringLiteral("mail"));
    const Differences after = SchemaDiff::compare(*reread, live, dialect);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().kind, Difference::Kind::ColumnRenamed);
    QCOMPARE(after.first().oldName, QStringLiteral("mail"));
}

QTEST_GUILESS_MAIN(tst_SchemaRenameHint)
#include "tst_schemarenamehint.moc"
