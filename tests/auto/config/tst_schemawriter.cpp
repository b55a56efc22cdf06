// Writing schema.yaml: the exact documented style, scalars quoted only where
// needed, and read(write(s)) == s for the demo and a 1,000-table schema.

#include "ModelBuilders.h"
#include "SchemaCompare.h"
#include "SchemaGenerator.h"
#include "TestResult.h"
#include "config/SchemaReader.h"
#include "config/SchemaWriter.h"
#include "config/YamlScalar.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;

namespace {

using sd::testing::column;

using Kind = ColumnType::Kind;

Schema smallSchema()
{
    Schema s;
    s.enums << EnumType{"mood", {"sad", "ok", "yes"}};

    Table orgs;
    orgs.name = "orgs";
    Column orgId = column("id", ColumnType::of(Kind::BigInt), false);
    orgId.autoincrement = Autoincrement::Yes;
    Column orgName = column("name", ColumnType::of(Kind::Varchar, 100), false);
    orgName.comment = "Display name";
    orgs.columns << orgId << orgName;
    orgs.primaryKey.columns = {"id"};
    s.tables << orgs;

    Table users;
    users.name = "users";
    users.comment = "Registered accounts";
    users.renamedFrom = "accounts";
    Column id = column("id", ColumnType::of(Kind::BigInt), false);
    id.autoincrement = Autoincrement::Always;
    Column fullName = column("full_name", ColumnType::of(Kind::Text));
    fullName.generated = "first || ' ' || last";
    fullName.generatedStored = false;
    Column displayName = column("display_name", ColumnType::of(Kind::Text));
    displayName.renamedFrom = "name";
    displayName.comment = "shown to others";
    Column email = column("email", ColumnType::of(Kind::Varchar, 255), false);
    email.collation = "C";
    users.columns << id
                  << email
                  << column("price", ColumnType::numeric(10, 2), true, DefaultValue::number("0"))
                  << column("doc", ColumnType::native(QMap<QString, QString>{{"postgresql", "tsvector"}, {"sqlite", "text"}}))
                  << column("mood", ColumnType::enumeration("mood"), true, DefaultValue::string("ok"))
                  << column("code", ColumnType::of(Kind::Text), true, DefaultValue::string("42"))
                  << column("active", ColumnType::of(Kind::Boolean), false, DefaultValue::boolean(true))
                  << column("created_at", ColumnType::of(Kind::Timestamp), false, DefaultValue::expression("CURRENT_TIMESTAMP"))
                  << fullName << displayName
                  << column("org_id", ColumnType::of(Kind::BigInt))
                  << column("note", ColumnType::of(Kind::Text), true, DefaultValue::null())
                  << column("deleted_at", ColumnType::of(Kind::Timestamp));
    users.primaryKey.columns = {"id"};
    users.indexes << Index{"ix_users_email", {"email"}, {}, true, "deleted_at IS NULL", {}}
                  << Index{"ix_users_lower", {}, "lower(email)", false, {}, "gin"};
    users.indexes[0].nullsNotDistinct = true;
    users.indexes[1].storageParameters = {"fastupdate=off", "gin_pending_list_limit=128"};
    users.uniqueConstraints << UniqueConstraint{"uq_users_display_name", {"display_name"}, true, true}
                            << UniqueConstraint{"uq_users_code", {"code"}, false, false, true};
    ForeignKey fk;
    fk.name = "fk_users_org";
    fk.columns = {"org_id"};
    fk.referencedTable = "orgs";
    fk.referencedColumns = {"id"};
    fk.onDelete = ReferentialAction::Cascade;
    fk.onUpdate = ReferentialAction::SetNull;
    fk.notValid = true;
    users.foreignKeys << fk;
    users.checks << Check{"ck_users_email", "email <> ''", false};
    s.tables << users;

    Table memberships;
    memberships.name = "memberships";
    memberships.partitionBy = "HASH (user_id)";
    memberships.columns << column("user_id", ColumnType::of(Kind::BigInt), false)
                        << column("org_id", ColumnType::of(Kind::BigInt), false);
    memberships.primaryKey.columns = {"user_id", "org_id"};
    s.tables << memberships;

    Table audit;
    audit.name = "audit";
    audit.columns << column("id", ColumnType::of(Kind::BigInt), false) << column("on", ColumnType::of(Kind::Boolean));
    audit.primaryKey = PrimaryKey{"pk_audit", {"id"}};
    s.tables << audit;

    Table settings; // SQLite's table options
    settings.name = "settings";
    settings.withoutRowid = true;
    settings.strict = true;
    settings.columns << column("key", ColumnType::of(Kind::Text), false)
                     << column("value", ColumnType::native(DialectKind::Sqlite, "ANY"));
    settings.primaryKey.columns = {"key"};
    s.tables << settings;

    s.unmanaged << UnmanagedObject{"view", "active_users", {}, "SELECT 1"}
                << UnmanagedObject{"trigger", "trg_touch", "users", {}};
    return s;
}

const char smallSchemaYaml[] = R"yaml(enums:
  - {name: mood, values: [sad, ok, "yes"]}
tables:
  - name: orgs
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: name, type: varchar(100), nullable: false, comment: Display name}

  - name: users
    renamed_from: accounts
    comment: Registered accounts
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: always}
      - {name: email, type: varchar(255), nullable: false, collation: C}
      - {name: price, type: "numeric(10,2)", default: 0}
      - {name: doc, type: {postgresql: tsvector, sqlite: text}}
      - {name: mood, type: mood, default: ok}
      - {name: code, type: text, default: "42"}
      - {name: active, type: boolean, nullable: false, default: true}
      - {name: created_at, type: timestamp, nullable: false, default: {sql: CURRENT_TIMESTAMP}}
      - {name: full_name, type: text, generated: {sql: first || ' ' || last, stored: false}}
      - {name: display_name, type: text, renamed_from: name, comment: shown to others}
      - {name: org_id, type: bigint}
      - {name: note, type: text, default: null}
      - {name: deleted_at, type: timestamp}
    indexes:
      - {name: ix_users_email, columns: [email], unique: true, where: deleted_at IS NULL, nulls_not_distinct: true}
      - {name: ix_users_lower, expression: lower(email), method: gin, with: {fastupdate: "off", gin_pending_list_limit: 128}}
    unique_constraints:
      - {name: uq_users_display_name, columns: [display_name], deferrable: true, initially_deferred: true}
      - {name: uq_users_code, columns: [code], nulls_not_distinct: true}
    foreign_keys:
      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}, on_delete: cascade, on_update: set null, not_valid: true}
    checks:
      - {name: ck_users_email, expression: email <> ''}

  - name: memberships
    partition_by: HASH (user_id)
    columns:
      - {name: user_id, type: bigint}
      - {name: org_id, type: bigint}
    primary_key: [user_id, org_id]

  - name: audit
    columns:
      - {name: id, type: bigint}
      - {name: "on", type: boolean}
    primary_key: {name: pk_audit, columns: [id]}

  - name: settings
    without_rowid: true
    strict: true
    columns:
      - {name: key, type: text, primary_key: true}
      - {name: value, type: {sqlite: ANY}}

# Not managed by SchemaDesk (read, never changed):
#   view active_users
#   trigger trg_touch on users
)yaml";

Schema withoutUnmanaged(Schema s)
{
    s.unmanaged.clear();
    return s;
}

Schema readBack(const QByteArray &yaml)
{
    const MultiResult<Schema> result = SchemaReader::readString(yaml, QStringLiteral("written.yaml"));
    if (!result) {
        qWarning().noquote() << joinErrors(result.error()) << "\nin:\n" << yaml;
        return {};
    }
    return *result;
}

} // namespace

class tst_SchemaWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenText();
    void goldenTextReadsBack();
    void emptySchema();
    void defaultKeyNameIsImplied();
    void defaultKinds_data();
    void defaultKinds();
    void scalarQuoting_data();
    void scalarQuoting();
    void demoRoundTrip();
    void generatedSchemaRoundTrip();
    void generatorIsDeterministic();
    void writeFile();
    void writeFileFails();
};

void tst_SchemaWriter::goldenText()
{
    QCOMPARE(QString::fromUtf8(SchemaWriter::toYaml(smallSchema())), QString::fromUtf8(smallSchemaYaml));
}

void tst_SchemaWriter::goldenTextReadsBack()
{
    SD_COMPARE_SCHEMA(readBack(smallSchemaYaml), withoutUnmanaged(smallSchema()));
}

void tst_SchemaWriter::emptySchema()
{
    QCOMPARE(SchemaWriter::toYaml(Schema()), QByteArray("tables: []\n"));
    SD_COMPARE_SCHEMA(readBack(SchemaWriter::toYaml(Schema())), Schema());
}

void tst_SchemaWriter::defaultKeyNameIsImplied()
{
    Schema s;
    Table t;
    t.name = "t";
    t.columns << column("a", ColumnType::of(Kind::BigInt), false) << column("b", ColumnType::of(Kind::BigInt), false);
    t.primaryKey = PrimaryKey{"t_pkey", {"a"}};
    s.tables << t;
    QCOMPARE(QString::fromUtf8(SchemaWriter::toYaml(s)),
             QStringLiteral("tables:\n  - name: t\n    columns:\n"
                            "      - {name: a, type: bigint, primary_key: true}\n"
                            "      - {name: b, type: bigint, nullable: false}\n"));
    s.tables[0].primaryKey.columns = {"a", "b"};
    QCOMPARE(QString::fromUtf8(SchemaWriter::toYaml(s)),
             QStringLiteral("tables:\n  - name: t\n    columns:\n"
                            "      - {name: a, type: bigint}\n      - {name: b, type: bigint}\n"
                            "    primary_key: [a, b]\n"));
}

void tst_SchemaWriter::defaultKinds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");
    const auto row = [](const char *name, DefaultValue v, const char *written) {
        QTest::newRow(name) << int(v.kind) << v.text << QString::fromUtf8(written);
    };
    row("number", DefaultValue::number("42"), "42");
    row("decimal keeps its text", DefaultValue::number("1.50"), "1.50");
    row("negative number", DefaultValue::number("-7"), "-7");
    row("string that looks like a number", DefaultValue::string("42"), "\"42\"");
    row("string that looks like a boolean", DefaultValue::string("true"), "\"true\"");
    row("string that looks like null", DefaultValue::string("null"), "\"null\"");
    row("plain string", DefaultValue::string("pending"), "pending");
    row("empty string", DefaultValue::string(""), "\"\"");
    row("string with a quote", DefaultValue::string("it's"), "it's");
    row("boolean true", DefaultValue::boolean(true), "true");
    row("boolean false", DefaultValue::boolean(false), "false");
    row("null", DefaultValue::null(), "null");
    row("expression", DefaultValue::expression("CURRENT_TIMESTAMP"), "{sql: CURRENT_TIMESTAMP}");
    row("expression with a comma", DefaultValue::expression("coalesce(a, b)"), "{sql: \"coalesce(a, b)\"}");
    row("expression with a cast", DefaultValue::expression("'{}'::jsonb"), "{sql: \"'{}'::jsonb\"}");
}

void tst_SchemaWriter::defaultKinds()
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(QString, written);
    Schema s;
    Table t;
    t.name = "t";
    t.columns << column("c", ColumnType::of(Kind::Text), true, DefaultValue{DefaultValue::Kind(kind), text});
    s.tables << t;
    const QByteArray yaml = SchemaWriter::toYaml(s);
    QCOMPARE(QString::fromUtf8(yaml).section(QLatin1Char('\n'), 3, 3),
             QStringLiteral("      - {name: c, type: text, default: %1}").arg(written));
    SD_COMPARE_SCHEMA(readBack(yaml), s);
}

void tst_SchemaWriter::scalarQuoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");
    const auto row = [](const char *name, const QString &text, const QString &written) { QTest::newRow(name) << text << written; };
    row("plain word", "users", "users");
    row("words with spaces", "shown to others", "shown to others");
    row("integer", "42", "\"42\"");
    row("decimal", "1.5", "\"1.5\"");
    row("hexadecimal", "0x1f", "\"0x1f\"");
    row("negative", "-3", "\"-3\"");
    row("infinity", ".inf", "\".inf\"");
    row("date", "2024-01-31", "\"2024-01-31\"");
    row("time", "12:30", "\"12:30\"");
    row("true", "true", "\"true\"");
    row("False", "False", "\"False\"");
    row("yes", "yes", "\"yes\"");
    row("off", "off", "\"off\"");
    row("null", "null", "\"null\"");
    row("tilde", "~", "\"~\"");
    row("empty", "", "\"\"");
    row("colon and space", "a: b", "\"a: b\"");
    row("trailing colon", "note:", "\"note:\"");
    row("colon inside a word", "key:value", "key:value");
    row("cast", "now()::text", "now()::text");
    row("hash after a space", "a #b", "\"a #b\"");
    row("hash inside a word", "C#", "C#");
    row("leading hash", "#x", "\"#x\"");
    row("comma", "a,b", "\"a,b\"");
    row("brackets", "int[]", "\"int[]\"");
    row("braces", "{x}", "\"{x}\"");
    row("leading dash", "-x", "\"-x\"");
    row("leading question mark", "?x", "\"?x\"");
    row("question mark inside", "why?", "\"why?\"");
    row("alias", "*x", "\"*x\"");
    row("anchor", "&x", "\"&x\"");
    row("tag", "!x", "\"!x\"");
    row("literal block", "|", "\"|\"");
    row("folded block", ">x", "\">x\"");
    row("percent", "%x", "\"%x\"");
    row("at sign", "@x", "\"@x\"");
    row("backtick", "`x`", "\"`x`\"");
    row("single quote inside", "it's", "it's");
    row("leading single quote", "'x'", "\"'x'\"");
    row("double quote inside", "say \"hi\"", "say \"hi\"");
    row("leading double quote", "\"x\"", "\"\\\"x\\\"\"");
    row("backslash", "C:\\temp", "C:\\temp");
    row("leading space", " x", "\" x\"");
    row("trailing space", "x ", "\"x \"");
    row("newline", "line\nbreak", "\"line\\nbreak\"");
    row("tab", "a\tb", "\"a\\tb\"");
    row("carriage return", "a\rb", "\"a\\rb\"");
    row("control character", QStringLiteral("a") + QChar(0x01) + "b", "\"a\\x01b\"");
    row("next line", QStringLiteral("a") + QChar(0x85) + "b", "\"a\\x85b\"");
    row("line separator", QStringLiteral("a") + QChar(0x2028) + "b", "\"a\\u2028b\"");
    row("no-break space", QStringLiteral("a") + QChar(0xa0), QStringLiteral("\"a") + QChar(0xa0) + "\"");
    row("unicode", "Grüße, 世界", "\"Grüße, 世界\"");
    row("unicode word", "café", "café");
    row("emoji", QStringLiteral("ok \U0001F44D"), QStringLiteral("ok \U0001F44D"));
}

void tst_SchemaWriter::scalarQuoting()
{
    QFETCH(QString, text);
    QFETCH(QString, written);
    QCOMPARE(YamlScalar::quoted(text), written);

    // The string in every place the writer puts text reads back the same.
    Schema s;
    if (!text.isEmpty())
        s.enums << EnumType{"e", {text}};
    Table t;
    t.name = "t";
    t.comment = text;
    Column c = column("c", ColumnType::of(Kind::Text), true, DefaultValue::string(text));
    c.comment = text;
    t.columns << c;
    if (!text.isEmpty()) {
        t.indexes << Index{"ix", {}, text, false, text, {}};
        t.checks << Check{{}, text, false};
    }
    s.tables << t;
    SD_COMPARE_SCHEMA(readBack(SchemaWriter::toYaml(s)), s);
}

void tst_SchemaWriter::demoRoundTrip()
{
    const QString sourceDir = qEnvironmentVariable("SCHEMADESK_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("SCHEMADESK_SOURCE_DIR is not set");
    const QString path = QDir(sourceDir).filePath("examples/demo/config/schema.yaml");
    const MultiResult<Schema> demo = SchemaReader::readFile(path, QStringLiteral("examples/demo/config/schema.yaml"));
    SD_VERIFY_RESULT(demo);
    QCOMPARE(demo->tables.size(), 12);
    QCOMPARE(demo->enums.size(), 1);

    const QByteArray written = SchemaWriter::toYaml(*demo);
    const Schema again = readBack(written);
    SD_COMPARE_SCHEMA(again, *demo);
    QCOMPARE(SchemaWriter::toYaml(again), written);
}

void tst_SchemaWriter::generatedSchemaRoundTrip()
{
    const Schema generated = testing::generateSchema(1000);
    QCOMPARE(generated.tables.size(), 1000);
    const QByteArray yaml = SchemaWriter::toYaml(generated);
    const MultiResult<Schema> read = SchemaReader::readString(yaml, QStringLiteral("generated.yaml"));
    SD_VERIFY_RESULT(read);
    SD_COMPARE_SCHEMA(*read, generated);
}

void tst_SchemaWriter::generatorIsDeterministic()
{
    QVERIFY(testing::generateSchema(50) == testing::generateSchema(50));
    QVERIFY(!(testing::generateSchema(50, 1) == testing::generateSchema(50, 2)));

    const Schema s = testing::generateSchema(200);
    QSet<QString> names;
    QSet<ColumnType::Kind> kinds;
    for (const Table &t : s.tables) {
        QVERIFY(t.columns.size() >= 14);
        QVERIFY(t.indexes.size() >= 2);
        QVERIFY(names.contains(t.name) == false);
        for (const Column &c : t.columns)
            kinds.insert(c.type.kind);
        QStringList constraintNames;
        for (const Index &i : t.indexes)
            constraintNames << i.name;
        for (const UniqueConstraint &u : t.uniqueConstraints)
            constraintNames << u.name;
        for (const ForeignKey &f : t.foreignKeys)
            constraintNames << f.name;
        for (const Check &c : t.checks)
            constraintNames << c.name;
        for (const QString &n : constraintNames) {
            QVERIFY2(!n.isEmpty() && n.size() < 63, qPrintable(n));
            QVERIFY2(!names.contains(n), qPrintable(n));
            names.insert(n);
        }
    }
    for (auto kind : {Kind::SmallInt, Kind::Integer, Kind::BigInt, Kind::Boolean, Kind::Real, Kind::Double, Kind::Numeric,
                      Kind::Varchar, Kind::Text, Kind::Date, Kind::Timestamp, Kind::TimestampTz, Kind::Blob, Kind::Json, Kind::Uuid})
        QVERIFY2(kinds.contains(kind), qPrintable(ColumnType::of(kind, 1).spelling()));
}

void tst_SchemaWriter::writeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("schema.yaml");
    SD_VERIFY_RESULT(SchemaWriter::writeFile(smallSchema(), path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QString::fromUtf8(smallSchemaYaml));
    const MultiResult<Schema> read = SchemaReader::readFile(path);
    SD_VERIFY_RESULT(read);
    SD_COMPARE_SCHEMA(*read, withoutUnmanaged(smallSchema()));
}

void tst_SchemaWriter::writeFileFails()
{
    const Result<void> result = SchemaWriter::writeFile(smallSchema(), QStringLiteral("/nonexistent/dir/schema.yaml"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, Error::Code::Io);
    QCOMPARE(result.error().file, QStringLiteral("/nonexistent/dir/schema.yaml"));
}

QTEST_GUILESS_MAIN(tst_SchemaWriter)
#include "tst_schemawriter.moc"
