// Reading schema.yaml: the model each documented construct gives, and the
// exact error (file:line:column and message) for each kind of mistake.

#include "SchemaCompare.h"
#include "TestResult.h"
#include "config/SchemaReader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sd;

Q_DECLARE_METATYPE(sd::DefaultValue)
Q_DECLARE_METATYPE(sd::ColumnType)
Q_DECLARE_METATYPE(sd::ReferentialAction)

namespace {

const QString knownTypes = QStringLiteral(
    "smallint, integer, bigint, boolean, real, double, numeric(p,s), varchar(n), char(n), text, "
    "date, time, timestamp, timestamptz, blob, json, uuid");
const QString columnKeys = QStringLiteral(
    "name, type, primary_key, autoincrement, nullable, default, generated, collation, renamed_from, comment");

Schema read(const QByteArray &yaml)
{
    const MultiResult<Schema> result = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    if (!result) {
        qWarning().noquote() << joinErrors(result.error());
        return {};
    }
    return *result;
}

// A one-table schema whose only column is `columnYaml`.
QByteArray oneColumn(const QByteArray &columnYaml)
{
    return "tables:\n  - name: t\n    columns:\n      - " + columnYaml + "\n";
}

} // namespace

class tst_SchemaReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedExample();
    void emptySchemas_data();
    void emptySchemas();
    void defaults_data();
    void defaults();
    void types_data();
    void types();
    void primaryKeys_data();
    void primaryKeys();
    void foreignKeyActions_data();
    void foreignKeyActions();
    void generatedColumns();
    void serialTypes_data();
    void serialTypes();
    void foreignKeyToLaterTable();
    void blockStyleColumns();
    void storageParameters();
    void readFileShowsDisplayPath();
    void missingFile();
    void errors_data();
    void errors();
};

void tst_SchemaReader::documentedExample()
{
    const QByteArray yaml = R"yaml(enums:
  - {name: mpaa_rating, values: [G, PG, PG-13, R, NC-17]}
tables:
  - name: orgs
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: always}
  - name: users
    comment: Registered accounts
    renamed_from: accounts
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: email, type: varchar(255), nullable: false}
      - {name: price, type: "numeric(10,2)", default: 0}
      - {name: doc, type: {postgresql: tsvector, sqlite: text}}
      - {name: rating, type: mpaa_rating}
      - {name: created_at, type: timestamp, nullable: false, default: {sql: CURRENT_TIMESTAMP}}
      - {name: display_name, type: text, renamed_from: name, comment: "shown to others"}
      - {name: org_id, type: bigint}
      - {name: deleted_at, type: timestamp}
    indexes:
      - {name: ix_users_email, columns: [email], unique: true, where: "deleted_at IS NULL"}
      - {name: ix_users_lower, expression: "lower(email)", method: gin}
    unique_constraints:
      - {name: uq_users_display_name, columns: [display_name], deferrable: true, initially_deferred: true}
    foreign_keys:
      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}, on_delete: cascade, on_update: "set null", deferrable: false, not_valid: true}
    checks:
      - {name: ck_users_email, expression: "email <> ''", not_valid: false}
    partition_by: "RANGE (created_at)"
)yaml";
    const MultiResult<Schema> result = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(result);
    const Schema &schema = *result;

    QCOMPARE(schema.enums.size(), 1);
    QCOMPARE(schema.enums[0].name, QStringLiteral("mpaa_rating"));
    QCOMPARE(schema.enums[0].values, (QStringList{"G", "PG", "PG-13", "R", "NC-17"}));
    QCOMPARE(schema.tables.size(), 2);
    QCOMPARE(schema.tables[0].columns[0].autoincrement, Autoincrement::Always);

    const Table &users = schema.tables[1];
    QCOMPARE(users.name, QStringLiteral("users"));
    QCOMPARE(users.comment, QStringLiteral("Registered accounts"));
    QCOMPARE(users.renamedFrom, QStringLiteral("accounts"));
    QCOMPARE(users.partitionBy, QStringLiteral("RANGE (created_at)"));
    QCOMPARE(users.primaryKey.columns, QStringList{"id"});
    QVERIFY(users.primaryKey.name.isEmpty());

    const Column *id = users.column("id");
    QVERIFY(id);
    QCOMPARE(id->type, ColumnType::of(ColumnType::Kind::BigInt));
    QCOMPARE(id->autoincrement, Autoincrement::Yes);
    QVERIFY(!id->nullable);
    QCOMPARE(users.column("email")->type, ColumnType::of(ColumnType::Kind::Varchar, 255));
    QVERIFY(!users.column("email")->nullable);
    QCOMPARE(users.column("price")->type, ColumnType::numeric(10, 2));
    QCOMPARE(users.column("price")->defaultValue, DefaultValue::number("0"));
    QVERIFY(users.column("price")->nullable);
    QCOMPARE(users.column("doc")->type,
             ColumnType::native(QMap<QString, QString>{{"postgresql", "tsvector"}, {"sqlite", "text"}}));
    QCOMPARE(users.column("rating")->type, ColumnType::enumeration("mpaa_rating"));
    QCOMPARE(users.column("created_at")->defaultValue, DefaultValue::expression("CURRENT_TIMESTAMP"));
    QCOMPARE(users.column("display_name")->renamedFrom, QStringLiteral("name"));
    QCOMPARE(users.column("display_name")->comment, QStringLiteral("shown to others"));

    QCOMPARE(users.indexes.size(), 2);
    QCOMPARE(users.indexes[0], (Index{"ix_users_email", {"email"}, {}, true, "deleted_at IS NULL", {}}));
    QCOMPARE(users.indexes[1], (Index{"ix_users_lower", {}, "lower(email)", false, {}, "gin"}));
    QCOMPARE(users.uniqueConstraints, (QList<UniqueConstraint>{{"uq_users_display_name", {"display_name"}, true, true}}));

    QCOMPARE(users.foreignKeys.size(), 1);
    const ForeignKey &fk = users.foreignKeys[0];
    QCOMPARE(fk.name, QStringLiteral("fk_users_org"));
    QCOMPARE(fk.columns, QStringList{"org_id"});
    QCOMPARE(fk.referencedTable, QStringLiteral("orgs"));
    QCOMPARE(fk.referencedColumns, QStringList{"id"});
    QCOMPARE(fk.onDelete, ReferentialAction::Cascade);
    QCOMPARE(fk.onUpdate, ReferentialAction::SetNull);
    QVERIFY(!fk.deferrable);
    QVERIFY(fk.notValid);
    QCOMPARE(users.checks, (QList<Check>{{"ck_users_email", "email <> ''", false}}));
}

void tst_SchemaReader::emptySchemas_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("only a comment") << QByteArray("# nothing yet\n");
    QTest::newRow("empty table list") << QByteArray("tables: []\n");
    QTest::newRow("tables without a value") << QByteArray("tables:\n");
    QTest::newRow("empty enums and tables") << QByteArray("enums: []\ntables: []\n");
}

void tst_SchemaReader::emptySchemas()
{
    QFETCH(QByteArray, yaml);
    const MultiResult<Schema> result = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(result);
    SD_COMPARE_SCHEMA(*result, Schema());
}

void tst_SchemaReader::defaults_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<DefaultValue>("expected");
    QTest::newRow("integer") << QByteArray("42") << DefaultValue::number("42");
    QTest::newRow("decimal keeps its text") << QByteArray("1.50") << DefaultValue::number("1.50");
    QTest::newRow("negative number") << QByteArray("-7") << DefaultValue::number("-7");
    QTest::newRow("exponent") << QByteArray("2e10") << DefaultValue::number("2e10");
    QTest::newRow("double-quoted number is a string") << QByteArray("\"42\"") << DefaultValue::string("42");
    QTest::newRow("single-quoted number is a string") << QByteArray("'42'") << DefaultValue::string("42");
    QTest::newRow("true") << QByteArray("true") << DefaultValue::boolean(true);
    QTest::newRow("False") << QByteArray("False") << DefaultValue::boolean(false);
    QTest::newRow("quoted true is a string") << QByteArray("\"true\"") << DefaultValue::string("true");
    QTest::newRow("null") << QByteArray("null") << DefaultValue::null();
    QTest::newRow("tilde") << QByteArray("~") << DefaultValue::null();
    QTest::newRow("quoted null is a string") << QByteArray("\"null\"") << DefaultValue::string("null");
    QTest::newRow("plain word") << QByteArray("pending") << DefaultValue::string("pending");
    QTest::newRow("yes is a word") << QByteArray("yes") << DefaultValue::string("yes");
    QTest::newRow("hex is a word") << QByteArray("0x1f") << DefaultValue::string("0x1f");
    QTest::newRow("empty string") << QByteArray("\"\"") << DefaultValue::string("");
    QTest::newRow("sql expression") << QByteArray("{sql: CURRENT_TIMESTAMP}") << DefaultValue::expression("CURRENT_TIMESTAMP");
    QTest::newRow("sql with a comma") << QByteArray("{sql: \"coalesce(a, b)\"}") << DefaultValue::expression("coalesce(a, b)");
}

void tst_SchemaReader::defaults()
{
    QFETCH(QByteArray, value);
    QFETCH(DefaultValue, expected);
    const MultiResult<Schema> result = SchemaReader::readString(oneColumn("{name: c, type: text, default: " + value + "}"),
                                                                QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(result);
    const DefaultValue actual = result->tables[0].columns[0].defaultValue;
    QCOMPARE(int(actual.kind), int(expected.kind));
    QCOMPARE(actual.text, expected.text);
}

void tst_SchemaReader::types_data()
{
    using Kind = ColumnType::Kind;
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<ColumnType>("expected");
    QTest::newRow("bigint") << QByteArray("bigint") << ColumnType::of(Kind::BigInt);
    QTest::newRow("synonym int8") << QByteArray("int8") << ColumnType::of(Kind::BigInt);
    QTest::newRow("double precision") << QByteArray("double precision") << ColumnType::of(Kind::Double);
    QTest::newRow("varchar(255)") << QByteArray("varchar(255)") << ColumnType::of(Kind::Varchar, 255);
    QTest::newRow("character varying(20)") << QByteArray("character varying(20)") << ColumnType::of(Kind::Varchar, 20);
    QTest::newRow("quoted numeric(10,2)") << QByteArray("\"numeric(10,2)\"") << ColumnType::numeric(10, 2);
    QTest::newRow("timestamptz") << QByteArray("timestamptz") << ColumnType::of(Kind::TimestampTz);
    QTest::newRow("enum by name") << QByteArray("mood") << ColumnType::enumeration("mood");
    QTest::newRow("native for both dialects") << QByteArray("{postgresql: tsvector, sqlite: text}")
                                              << ColumnType::native(QMap<QString, QString>{{"postgresql", "tsvector"}, {"sqlite", "text"}});
    QTest::newRow("native for postgresql only") << QByteArray("{postgresql: \"numeric(5,1)[]\"}")
                                                << ColumnType::native(DialectKind::PostgreSQL, "numeric(5,1)[]");
    // A SQLite column declared without a type, as `inspect` writes it.
    QTest::newRow("sqlite column without a declared type") << QByteArray("{sqlite: \"\"}")
                                                           << ColumnType::native(DialectKind::Sqlite, QString());
}

void tst_SchemaReader::types()
{
    QFETCH(QByteArray, type);
    QFETCH(ColumnType, expected);
    const QByteArray yaml = "enums:\n  - {name: mood, values: [sad, ok]}\n" + oneColumn("{name: c, type: " + type + "}");
    const MultiResult<Schema> result = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(result);
    QCOMPARE(result->tables[0].columns[0].type.spelling(), expected.spelling());
    QVERIFY(result->tables[0].columns[0].type == expected);
}

void tst_SchemaReader::primaryKeys_data()
{
    QTest::addColumn<QByteArray>("table");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("columns");
    QTest::newRow("on one column") << QByteArray("columns:\n      - {name: a, type: bigint, primary_key: true}\n"
                                                 "      - {name: b, type: text}\n")
                                   << QString() << QStringList{"a"};
    QTest::newRow("on two columns, in column order")
        << QByteArray("columns:\n      - {name: a, type: bigint}\n      - {name: b, type: text, primary_key: true}\n"
                      "      - {name: c, type: bigint, primary_key: true}\n")
        << QString() << QStringList{"b", "c"};
    QTest::newRow("table-level list keeps its order")
        << QByteArray("columns:\n      - {name: a, type: bigint}\n      - {name: b, type: bigint}\n"
                      "    primary_key: [b, a]\n")
        << QString() << QStringList{"b", "a"};
    QTest::newRow("table-level map with a name")
        << QByteArray("columns:\n      - {name: a, type: bigint}\n      - {name: b, type: bigint, nullable: false}\n"
                      "    primary_key: {name: pk_t, columns: [a, b]}\n")
        << QStringLiteral("pk_t") << QStringList{"a", "b"};
}

void tst_SchemaReader::primaryKeys()
{
    QFETCH(QByteArray, table);
    QFETCH(QString, name);
    QFETCH(QStringList, columns);
    const MultiResult<Schema> result = SchemaReader::readString("tables:\n  - name: t\n    " + table, QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(result);
    const Table &t = result->tables[0];
    QCOMPARE(t.primaryKey.name, name);
    QCOMPARE(t.primaryKey.columns, columns);
    for (const Column &c : t.columns)
        QCOMPARE(c.nullable, !columns.contains(c.name)); // key columns are not null, the others nullable
}

void tst_SchemaReader::foreignKeyActions_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<ReferentialAction>("expected");
    QTest::newRow("cascade") << QByteArray("cascade") << ReferentialAction::Cascade;
    QTest::newRow("restrict") << QByteArray("restrict") << ReferentialAction::Restrict;
    QTest::newRow("set null") << QByteArray("set null") << ReferentialAction::SetNull;
    QTest::newRow("quoted set null") << QByteArray("\"set null\"") << ReferentialAction::SetNull;
    QTest::newRow("set_null") << QByteArray("set_null") << ReferentialAction::SetNull;
    QTest::newRow("set default") << QByteArray("set default") << ReferentialAction::SetDefault;
    QTest::newRow("no action") << QByteArray("no action") << ReferentialAction::NoAction;
    QTest::newRow("upper case") << QByteArray("CASCADE") << ReferentialAction::Cascade;
}

void tst_SchemaReader::foreignKeyActions()
{
    QFETCH(QByteArray, action);
    QFETCH(ReferentialAction, expected);
    const QByteArray yaml = "tables:\n  - name: t\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n"
                            "      - {name: parent, type: bigint}\n    foreign_keys:\n"
                            "      - {columns: [parent], references: {table: t, columns: [id]}, on_delete: "
                            + action + ", on_update: " + action + "}\n";
    const MultiResult<Schema> result = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(result);
    const ForeignKey &fk = result->tables[0].foreignKeys[0];
    QCOMPARE(fk.onDelete, expected);
    QCOMPARE(fk.onUpdate, expected);
    QVERIFY(fk.name.isEmpty());
}

void tst_SchemaReader::generatedColumns()
{
    const Schema schema = read(R"yaml(tables:
  - name: people
    columns:
      - {name: first, type: text}
      - {name: last, type: text}
      - {name: full_name, type: text, generated: {sql: "first || ' ' || last", stored: true}}
      - {name: initials, type: text, generated: {sql: "substr(first, 1, 1)"}}
      - {name: shout, type: text, generated: {sql: upper(first), stored: false}}
)yaml");
    QCOMPARE(schema.tables.size(), 1);
    const Table &t = schema.tables[0];
    QCOMPARE(t.column("full_name")->generated, QStringLiteral("first || ' ' || last"));
    QVERIFY(t.column("full_name")->generatedStored);
    QCOMPARE(t.column("initials")->generated, QStringLiteral("substr(first, 1, 1)"));
    QVERIFY(t.column("initials")->generatedStored);
    QCOMPARE(t.column("shout")->generated, QStringLiteral("upper(first)"));
    QVERIFY(!t.column("shout")->generatedStored);
    QVERIFY(t.column("first")->generated.isEmpty());
}

void tst_SchemaReader::foreignKeyToLaterTable()
{
    const Schema schema = read(R"yaml(tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: org_id, type: bigint}
    foreign_keys:
      - {columns: [org_id], references: {table: orgs, columns: [id]}}
  - name: orgs
    columns:
      - {name: id, type: bigint, primary_key: true}
)yaml");
    QCOMPARE(schema.tables.size(), 2);
    QCOMPARE(schema.tables[0].foreignKeys[0].referencedTable, QStringLiteral("orgs"));
}

void tst_SchemaReader::blockStyleColumns()
{
    // In block style a comma needs no quotes: `type: numeric(10,2)` is one scalar.
    const Schema schema = read(R"yaml(tables:
  - name: users
    columns:
      - name: id
        type: bigint
        primary_key: true
      - name: price
        type: numeric(10,2)
        default: 1.50
      - name: display_name
        type: text
        renamed_from: name             # rename hint
        comment: Shown to others, in lists
)yaml");
    QCOMPARE(schema.tables.size(), 1);
    const Table &t = schema.tables[0];
    QCOMPARE(t.primaryKey.columns, QStringList{"id"});
    QCOMPARE(t.column("price")->type, ColumnType::numeric(10, 2));
    QCOMPARE(t.column("price")->defaultValue, DefaultValue::number("1.50"));
    QCOMPARE(t.column("display_name")->renamedFrom, QStringLiteral("name"));
    QCOMPARE(t.column("display_name")->comment, QStringLiteral("Shown to others, in lists"));
}

// PostgreSQL's WITH (...) of an index: names in lower case, as the server
// keeps them; a method of an extension takes any name (the server checks).
void tst_SchemaReader::storageParameters()
{
    const QByteArray yaml("tables:\n  - name: t\n    columns: [{name: a, type: text}, {name: v, type: {postgresql: vector(3)}}]\n"
                          "    indexes:\n"
                          "      - {name: ix_t_a, columns: [a], with: {FillFactor: 70, deduplicate_items: off}}\n"
                          "      - {name: ix_t_v, expression: v vector_l2_ops, method: hnsw, with: {m: 16, ef_construction: 64}}\n");
    const MultiResult<Schema> result = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(result);
    const Table &t = result->tables.at(0);
    QCOMPARE(t.indexes.at(0).storageParameters, (QStringList{"fillfactor=70", "deduplicate_items=off"}));
    QCOMPARE(t.indexes.at(1).storageParameters, (QStringList{"m=16", "ef_construction=64"}));
}

void tst_SchemaReader::readFileShowsDisplayPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("schema.yaml");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("tables:\n  - name: t\n    columns:\n      - {name: id, type: bigitn}\n");
    file.close();

    const MultiResult<Schema> shown = SchemaReader::readFile(path, QStringLiteral("config/schema.yaml"));
    QVERIFY(!shown);
    QCOMPARE(shown.error().size(), 1);
    QCOMPARE(shown.error()[0].toString(),
             QStringLiteral("config/schema.yaml:4:26: unknown type 'bigitn' (did you mean 'bigint'? known types: %1)").arg(knownTypes));

    const MultiResult<Schema> plain = SchemaReader::readFile(path);
    QVERIFY(!plain);
    QCOMPARE(plain.error()[0].file, path);
}

void tst_SchemaReader::missingFile()
{
    const MultiResult<Schema> result = SchemaReader::readFile(QStringLiteral("/nonexistent/schema.yaml"), QStringLiteral("config/schema.yaml"));
    QVERIFY(!result);
    QCOMPARE(result.error().size(), 1);
    QCOMPARE(result.error()[0].code, Error::Code::Io);
    QCOMPARE(result.error()[0].file, QStringLiteral("config/schema.yaml"));
}

void tst_SchemaReader::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("malformed yaml")
        << QByteArray("tables:\n  - {name: users, columns: [\n")
        << QStringList{"schema.yaml:3:1: invalid YAML: end of sequence flow not found"};
    QTest::newRow("tables is not a list")
        << QByteArray("tables: {name: users}\n")
        << QStringList{"schema.yaml:1:9: expected a list of tables, found a mapping"};
    QTest::newRow("table is not a mapping")
        << QByteArray("tables:\n  - users\n")
        << QStringList{"schema.yaml:2:5: expected a mapping for the table, found 'users'"};
    QTest::newRow("document is a list")
        << QByteArray("- users\n")
        << QStringList{"schema.yaml:1:1: expected a mapping for the schema configuration, found a list"};
    QTest::newRow("columns is not a list")
        << QByteArray("tables:\n  - name: t\n    columns: id\n")
        << QStringList{"schema.yaml:3:14: expected a list of columns, found 'id'"};
    QTest::newRow("columns written as names")
        << QByteArray("tables:\n  - name: t\n    columns: [id, email]\n")
        << QStringList{"schema.yaml:3:15: expected a mapping for the column, found 'id'",
                       "schema.yaml:3:19: expected a mapping for the column, found 'email'"};
    QTest::newRow("unknown top-level key")
        << QByteArray("table:\n  - {name: t}\n")
        << QStringList{"schema.yaml:1:1: unknown key 'table' in schema configuration (did you mean 'tables'? allowed keys: enums, tables)"};
    QTest::newRow("unknown column key with a suggestion")
        << oneColumn("{name: id, type: bigint, nulable: false}")
        << QStringList{QStringLiteral("schema.yaml:4:34: unknown key 'nulable' in column (did you mean 'nullable'? allowed keys: %1)").arg(columnKeys)};
    QTest::newRow("unknown column key without a suggestion")
        << oneColumn("{name: id, type: bigint, colour: red}")
        << QStringList{QStringLiteral("schema.yaml:4:34: unknown key 'colour' in column (allowed keys: %1)").arg(columnKeys)};
    QTest::newRow("unknown table key")
        << QByteArray("tables:\n  - name: t\n    colums:\n      - {name: id, type: bigint}\n")
        << QStringList{"schema.yaml:2:5: missing required key 'columns' in table",
                       "schema.yaml:3:5: unknown key 'colums' in table (did you mean 'columns'? allowed keys: name, renamed_from, "
                       "comment, partition_by, without_rowid, strict, columns, primary_key, indexes, unique_constraints, foreign_keys, checks)"};
    QTest::newRow("repeated key")
        << oneColumn("{name: id, type: bigint, type: text}")
        << QStringList{"schema.yaml:4:34: duplicate key 'type' in column (first given at line 4)"};
    QTest::newRow("unknown type with a suggestion")
        << oneColumn("{name: id, type: bigitn}")
        << QStringList{QStringLiteral("schema.yaml:4:26: unknown type 'bigitn' (did you mean 'bigint'? known types: %1)").arg(knownTypes)};
    QTest::newRow("unknown type with arguments")
        << oneColumn("{name: id, type: varchr(20)}")
        << QStringList{QStringLiteral("schema.yaml:4:26: unknown type 'varchr(20)' (did you mean 'varchar(20)'? known types: %1)").arg(knownTypes)};
    QTest::newRow("unknown type without a suggestion")
        << oneColumn("{name: doc, type: tsvector}")
        << QStringList{QStringLiteral("schema.yaml:4:27: unknown type 'tsvector' (known types: %1; write another type per dialect, "
                                      "e.g. {postgresql: tsvector})").arg(knownTypes)};
    QTest::newRow("unquoted comma in a type")
        << oneColumn("{name: price, type: numeric(10,2), default: 0}")
        << QStringList{"schema.yaml:4:29: type 'numeric(10,2)' holds a comma: quote it, type: \"numeric(10,2)\""};
    QTest::newRow("unquoted comma and space in a type")
        << oneColumn("{name: price, type: numeric(10, 2)}")
        << QStringList{"schema.yaml:4:29: type 'numeric(10,2)' holds a comma: quote it, type: \"numeric(10,2)\""};
    QTest::newRow("unquoted comma in a comment")
        << oneColumn("{name: notes, type: text, comment: Internal notes, never shown}")
        << QStringList{"schema.yaml:4:44: comment 'Internal notes, never shown' holds a comma: quote it, "
                       "comment: \"Internal notes, never shown\""};
    QTest::newRow("key without a value is not taken for text")
        << oneColumn("{name: id, type: bigint, nulable}")
        << QStringList{QStringLiteral("schema.yaml:4:34: unknown key 'nulable' in column (did you mean 'nullable'? allowed keys: %1)").arg(columnKeys)};
    QTest::newRow("varchar without length")
        << oneColumn("{name: email, type: varchar}")
        << QStringList{"schema.yaml:4:29: varchar needs a length, e.g. varchar(255)"};
    QTest::newRow("char without length")
        << oneColumn("{name: code, type: char}")
        << QStringList{"schema.yaml:4:28: char needs a length, e.g. char(1)"};
    QTest::newRow("missing table name")
        << QByteArray("tables:\n  - columns:\n      - {name: id, type: bigint}\n")
        << QStringList{"schema.yaml:2:5: missing required key 'name' in table"};
    QTest::newRow("missing column name")
        << oneColumn("{type: bigint}")
        << QStringList{"schema.yaml:4:9: missing required key 'name' in column"};
    QTest::newRow("missing column type")
        << oneColumn("{name: id}")
        << QStringList{"schema.yaml:4:9: missing required key 'type' in column"};
    QTest::newRow("empty column name")
        << oneColumn("{name: \"\", type: text}")
        << QStringList{"schema.yaml:4:16: 'name' must not be empty"};
    QTest::newRow("missing index name")
        << QByteArray("tables:\n  - name: t\n    columns:\n      - {name: a, type: text}\n    indexes:\n      - {columns: [a]}\n")
        << QStringList{"schema.yaml:6:9: missing required key 'name' in index"};
    QTest::newRow("index without columns or expression")
        << QByteArray("tables:\n  - name: t\n    columns:\n      - {name: a, type: text}\n    indexes:\n      - {name: ix_t}\n")
        << QStringList{"schema.yaml:6:9: index 'ix_t' needs 'columns' or 'expression'"};
    QTest::newRow("index with columns and expression")
        << QByteArray("tables:\n  - name: t\n    columns:\n      - {name: a, type: text}\n    indexes:\n"
                      "      - {name: ix_t, columns: [a], expression: lower(a)}\n")
        << QStringList{"schema.yaml:6:36: index 'ix_t' has both 'columns' and 'expression': give one"};
    QTest::newRow("foreign key without references")
        << QByteArray("tables:\n  - name: t\n    columns:\n      - {name: a, type: bigint}\n    foreign_keys:\n"
                      "      - {name: fk_t, columns: [a]}\n")
        << QStringList{"schema.yaml:6:9: missing required key 'references' in foreign key"};
    QTest::newRow("duplicate table")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n  - name: t\n    columns: [{name: a, type: text}]\n")
        << QStringList{"schema.yaml:4:11: duplicate table 't' (first defined at line 2)"};
    QTest::newRow("duplicate column")
        << QByteArray("tables:\n  - name: t\n    columns:\n      - {name: a, type: text}\n      - {name: a, type: bigint}\n")
        << QStringList{"schema.yaml:5:16: duplicate column 'a' in table 't' (first defined at line 4)"};
    QTest::newRow("duplicate index name across tables")
        << QByteArray("tables:\n"
                      "  - name: t\n    columns: [{name: a, type: text}]\n    indexes: [{name: ix_a, columns: [a]}]\n"
                      "  - name: u\n    columns: [{name: a, type: text}]\n    indexes: [{name: ix_a, columns: [a]}]\n")
        << QStringList{"schema.yaml:7:22: duplicate index name 'ix_a' (first used at line 4; indexes, unique constraints "
                       "and primary keys share one namespace)"};
    QTest::newRow("duplicate enum")
        << QByteArray("enums:\n  - {name: mood, values: [a]}\n  - {name: mood, values: [b]}\n")
        << QStringList{"schema.yaml:3:12: duplicate enum 'mood' (first defined at line 2)"};
    QTest::newRow("foreign key to an unknown table")
        << QByteArray("tables:\n  - name: orgs\n    columns: [{name: id, type: bigint, primary_key: true}]\n"
                      "  - name: users\n    columns: [{name: org_id, type: bigint}]\n"
                      "    foreign_keys:\n      - {columns: [org_id], references: {table: org, columns: [id]}}\n")
        << QStringList{"schema.yaml:7:49: foreign key references unknown table 'org' (did you mean 'orgs'?)"};
    QTest::newRow("foreign key to an unknown column")
        << QByteArray("tables:\n  - name: orgs\n    columns: [{name: id, type: bigint, primary_key: true}]\n"
                      "  - name: users\n    columns: [{name: org_id, type: bigint}]\n"
                      "    foreign_keys:\n      - {columns: [org_id], references: {table: orgs, columns: [idd]}}\n")
        << QStringList{"schema.yaml:7:65: foreign key references unknown column 'idd' of table 'orgs' (did you mean 'id'?)"};
    QTest::newRow("foreign key column count differs")
        << QByteArray("tables:\n  - name: orgs\n    columns: [{name: id, type: bigint, primary_key: true}]\n"
                      "  - name: users\n    columns: [{name: org_id, type: bigint}, {name: x, type: bigint}]\n"
                      "    foreign_keys:\n      - {columns: [org_id, x], references: {table: orgs, columns: [id]}}\n")
        << QStringList{"schema.yaml:7:67: foreign key has 2 columns but references 1"};
    QTest::newRow("foreign key from an unknown column")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: id, type: bigint, primary_key: true}, {name: parent_id, type: bigint}]\n"
                      "    foreign_keys:\n      - {columns: [owner], references: {table: t, columns: [id]}}\n")
        << QStringList{"schema.yaml:5:20: unknown column 'owner' in table 't' (its columns: id, parent_id)"};
    QTest::newRow("index on an unknown column")
        << QByteArray("tables:\n  - name: users\n    columns: [{name: email, type: text}]\n"
                      "    indexes: [{name: ix_email, columns: [emial]}]\n")
        << QStringList{"schema.yaml:4:42: unknown column 'emial' in table 'users' (did you mean 'email'?)"};
    QTest::newRow("unique constraint on an unknown column")
        << QByteArray("tables:\n  - name: users\n    columns: [{name: email, type: text}]\n"
                      "    unique_constraints: [{columns: [mail]}]\n")
        << QStringList{"schema.yaml:4:37: unknown column 'mail' in table 'users' (did you mean 'email'?)"};
    QTest::newRow("primary key on an unknown column")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: bigint}, {name: b, type: bigint}]\n"
                      "    primary_key: [a, c]\n")
        << QStringList{"schema.yaml:4:22: unknown column 'c' in table 't' (did you mean 'a'?)"};
    QTest::newRow("nullable primary key column")
        << oneColumn("{name: id, type: bigint, primary_key: true, nullable: true}")
        << QStringList{"schema.yaml:4:63: primary key column 'id' cannot be nullable: remove 'nullable: true'"};
    QTest::newRow("nullable column of a composite key")
        << QByteArray("tables:\n  - name: t\n    columns:\n      - {name: a, type: bigint, nullable: true}\n"
                      "      - {name: b, type: bigint}\n    primary_key: [a, b]\n")
        << QStringList{"schema.yaml:4:43: primary key column 'a' cannot be nullable: remove 'nullable: true'"};
    QTest::newRow("enum type not in enums")
        << QByteArray("enums:\n  - {name: mpaa_rating, values: [G, PG]}\n") + oneColumn("{name: r, type: mpaa_ratng}")
        << QStringList{QStringLiteral("schema.yaml:6:25: unknown type 'mpaa_ratng' (did you mean 'mpaa_rating'? known types: %1; "
                                      "enums: mpaa_rating)").arg(knownTypes)};
    QTest::newRow("enum without values")
        << QByteArray("enums:\n  - {name: mood, values: []}\n")
        << QStringList{"schema.yaml:2:26: enum 'mood' has no values"};
    QTest::newRow("enum with a repeated value")
        << QByteArray("enums:\n  - {name: mood, values: [sad, ok, sad]}\n")
        << QStringList{"schema.yaml:2:36: enum 'mood' lists 'sad' twice"};
    QTest::newRow("native type with an unknown dialect")
        << oneColumn("{name: doc, type: {postgres: tsvector}}")
        << QStringList{"schema.yaml:4:27: a native type needs a spelling for postgresql or sqlite, e.g. {postgresql: tsvector, sqlite: text}",
                       "schema.yaml:4:28: unknown key 'postgres' in native type (did you mean 'postgresql'? allowed keys: postgresql, sqlite)"};
    QTest::newRow("native type with a null spelling")
        << oneColumn("{name: doc, type: {sqlite: }}")
        << QStringList{"schema.yaml:4:27: a native type needs a spelling for postgresql or sqlite, e.g. {postgresql: tsvector, sqlite: text}"};
    QTest::newRow("native type with an empty postgresql spelling")
        << oneColumn("{name: doc, type: {postgresql: \"\"}}")
        << QStringList{"schema.yaml:4:27: a native type needs a spelling for postgresql or sqlite, e.g. {postgresql: tsvector, sqlite: text}"};
    QTest::newRow("WITHOUT ROWID without a primary key")
        << QByteArray("tables:\n  - name: t\n    without_rowid: true\n    columns:\n      - {name: a, type: text}\n")
        << QStringList{"schema.yaml:3:5: table 't' is WITHOUT ROWID but has no primary key; SQLite needs one"};
    QTest::newRow("STRICT with a type SQLite refuses there")
        << QByteArray("tables:\n  - name: t\n    strict: true\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
                      "      - {name: a, type: varchar(20)}\n      - {name: b, type: {sqlite: any}}\n"
                      "      - {name: c, type: {sqlite: DATETIME}}\n")
        << QStringList{"schema.yaml:6:25: column 'a' of STRICT table 't' has type 'varchar(20)'; a STRICT table takes "
                       "integer, real, text, blob or {sqlite: any}",
                       "schema.yaml:8:25: column 'c' of STRICT table 't' has type 'DATETIME'; a STRICT table takes "
                       "integer, real, text, blob or {sqlite: any}"};
    QTest::newRow("WITHOUT ROWID with an autoincrement key")
        << QByteArray("tables:\n  - name: t\n    without_rowid: true\n    columns:\n"
                      "      - {name: id, type: bigint, primary_key: true, autoincrement: true}\n")
        << QStringList{"schema.yaml:3:5: table 't' is WITHOUT ROWID, and SQLite allows no autoincrement (column 'id') there"};
    QTest::newRow("STRICT with an autoincrement column outside the key")
        << QByteArray("tables:\n  - name: t\n    strict: true\n    columns:\n"
                      "      - {name: id, type: bigint, primary_key: true, autoincrement: true}\n"
                      "      - {name: n, type: bigserial}\n")
        << QStringList{"schema.yaml:6:25: column 'n' of STRICT table 't' has type 'bigint'; a STRICT table takes "
                       "integer, real, text, blob or {sqlite: any}"};
    QTest::newRow("strict that is not a boolean")
        << QByteArray("tables:\n  - name: t\n    strict: yes please\n    columns:\n      - {name: a, type: text}\n")
        << QStringList{"schema.yaml:3:13: expected true or false for 'strict', found 'yes please'"};
    QTest::newRow("unknown on_delete action")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: id, type: bigint, primary_key: true}, {name: p, type: bigint}]\n"
                      "    foreign_keys:\n      - {columns: [p], references: {table: t, columns: [id]}, on_delete: cascde}\n")
        << QStringList{"schema.yaml:5:74: unknown action 'cascde' for 'on_delete' (did you mean 'cascade'? allowed: cascade, "
                       "restrict, set null, set default, no action)"};
    QTest::newRow("boolean that is not one")
        << oneColumn("{name: id, type: bigint, nullable: maybe}")
        << QStringList{"schema.yaml:4:44: expected true or false for 'nullable', found 'maybe'"};
    QTest::newRow("primary key on a column and at table level")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: bigint, primary_key: true}, {name: b, type: bigint}]\n"
                      "    primary_key: [a, b]\n")
        << QStringList{"schema.yaml:4:5: primary key given twice: on column 'a' and at table level; keep one"};
    QTest::newRow("primary key that is neither list nor mapping")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: bigint}]\n    primary_key: a\n")
        << QStringList{"schema.yaml:4:18: expected a list of column names or {name: ..., columns: [...]} for 'primary_key', found 'a'"};
    QTest::newRow("index columns not a list")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n    indexes: [{name: ix_a, columns: a}]\n")
        << QStringList{"schema.yaml:4:37: expected a list of column names, found 'a'"};
    QTest::newRow("index with an empty column list")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n    indexes: [{name: ix_a, columns: []}]\n")
        << QStringList{"schema.yaml:4:37: 'columns' must name at least one column"};
    QTest::newRow("column listed twice in an index")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n    indexes: [{name: ix_a, columns: [a, a]}]\n")
        << QStringList{"schema.yaml:4:41: column 'a' is listed twice"};
    QTest::newRow("unique constraint named like an index")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n    indexes: [{name: ix_a, columns: [a]}]\n"
                      "    unique_constraints: [{name: ix_a, columns: [a]}]\n")
        << QStringList{"schema.yaml:5:33: duplicate index name 'ix_a' (first used at line 4; indexes, unique constraints "
                       "and primary keys share one namespace)"};
    QTest::newRow("two constraints with one name")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: id, type: bigint, primary_key: true}, {name: p, type: bigint}]\n"
                      "    foreign_keys: [{name: c_t, columns: [p], references: {table: t, columns: [id]}}]\n"
                      "    checks: [{name: c_t, expression: p > 0}]\n")
        << QStringList{"schema.yaml:5:21: duplicate constraint name 'c_t' in this table (first used at line 4)"};
    QTest::newRow("nulls_not_distinct on an index that is not unique")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n"
                      "    indexes: [{name: ix_t_a, columns: [a], nulls_not_distinct: true}]\n")
        << QStringList{"schema.yaml:4:64: nulls_not_distinct needs unique: true"};
    QTest::newRow("storage parameter the index's method does not know")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n"
                      "    indexes: [{name: ix_t_a, columns: [a], with: {filfactor: 70}}]\n")
        << QStringList{"schema.yaml:4:51: unknown storage parameter 'filfactor' for a btree index (did you mean 'fillfactor'? known: fillfactor, deduplicate_items)"};
    QTest::newRow("storage parameters of a gin index")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n"
                      "    indexes: [{name: ix_t_a, expression: \"to_tsvector('english', a)\", method: gin, with: {fillfactor: 70, fastupdate: off}}]\n")
        << QStringList{"schema.yaml:4:91: unknown storage parameter 'fillfactor' for a gin index (known: fastupdate, gin_pending_list_limit)"};
    QTest::newRow("storage parameters not a mapping")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n"
                      "    indexes: [{name: ix_t_a, columns: [a], with: fillfactor=70}]\n")
        << QStringList{"schema.yaml:4:50: expected storage parameters as a mapping, with: {fillfactor: 70}, found 'fillfactor=70'"};
    QTest::newRow("storage parameter given twice")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n"
                      "    indexes: [{name: ix_t_a, columns: [a], with: {fillfactor: 70, FILLFACTOR: 80}}]\n")
        << QStringList{"schema.yaml:4:67: storage parameter 'fillfactor' given twice"};
    QTest::newRow("storage parameter without a value")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n"
                      "    indexes: [{name: ix_t_a, columns: [a], with: {fillfactor: }}]\n")
        << QStringList{"schema.yaml:4:63: expected a value for storage parameter 'fillfactor', found nothing"};
    QTest::newRow("initially deferred without deferrable")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: a, type: text}]\n"
                      "    unique_constraints: [{columns: [a], initially_deferred: true}]\n")
        << QStringList{"schema.yaml:4:61: initially_deferred needs deferrable: true"};
    QTest::newRow("references not a mapping")
        << QByteArray("tables:\n  - name: t\n    columns: [{name: id, type: bigint, primary_key: true}, {name: p, type: bigint}]\n"
                      "    foreign_keys: [{columns: [p], references: t(id)}]\n")
        << QStringList{"schema.yaml:4:47: expected {table: TABLE, columns: [...]} for 'references', found 't(id)'"};
    QTest::newRow("enum named like a built-in type")
        << QByteArray("enums:\n  - {name: text, values: [a]}\n")
        << QStringList{"schema.yaml:2:12: enum name 'text' is the name of a built-in type: choose another"};
    QTest::newRow("autoincrement neither boolean nor always")
        << oneColumn("{name: id, type: bigint, autoincrement: sometimes}")
        << QStringList{"schema.yaml:4:49: expected true, false or always for 'autoincrement', found 'sometimes'"};
    QTest::newRow("default that is a list")
        << oneColumn("{name: c, type: text, default: [a]}")
        << QStringList{"schema.yaml:4:40: expected a value or {sql: EXPRESSION} for 'default', found a list"};
    QTest::newRow("three errors in one file")
        << QByteArray("tables:\n"
                      "  - name: users\n"
                      "    columns:\n"
                      "      - {name: id, type: bigitn, primary_key: true}\n"
                      "      - {name: email, type: text, nulable: false}\n"
                      "      - {name: org_id, type: bigint}\n"
                      "    foreign_keys:\n"
                      "      - {columns: [org_id], references: {table: orgs, columns: [id]}}\n")
        << QStringList{QStringLiteral("schema.yaml:4:26: unknown type 'bigitn' (did you mean 'bigint'? known types: %1)").arg(knownTypes),
                       QStringLiteral("schema.yaml:5:35: unknown key 'nulable' in column (did you mean 'nullable'? allowed keys: %1)").arg(columnKeys),
                       "schema.yaml:8:49: foreign key references unknown table 'orgs'"};
}

void tst_SchemaReader::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    const MultiResult<Schema> result = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    QVERIFY2(!result, "the document was accepted");
    QStringList actual;
    for (const Error &e : result.error()) {
        QCOMPARE(e.code, Error::Code::InvalidInput);
        actual << e.toString();
    }
    QCOMPARE(actual.join(QLatin1Char('\n')), expected.join(QLatin1Char('\n')));
}

void tst_SchemaReader::serialTypes_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<QString>("type");
    QTest::newRow("serial") << "serial" << "integer";
    QTest::newRow("bigserial") << "bigserial" << "bigint";
    QTest::newRow("smallserial") << "smallserial" << "smallint";
    QTest::newRow("SERIAL8") << "SERIAL8" << "bigint";
}

void tst_SchemaReader::serialTypes()
{
    // serial = integer + autoincrement, as PostgreSQL defines it
    QFETCH(QString, spelling);
    QFETCH(QString, type);
    const auto schema = SchemaReader::readString(
        QStringLiteral("tables:\n  - name: t\n    columns:\n      - {name: id, type: %1, primary_key: true}\n").arg(spelling).toUtf8(),
        QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(schema);
    const Column &id = schema->tables.at(0).columns.at(0);
    QCOMPARE(id.type.spelling(), type);
    QCOMPARE(int(id.autoincrement), int(Autoincrement::Yes));
}

QTEST_GUILESS_MAIN(tst_SchemaReader)
#include "tst_schemareader.moc"
