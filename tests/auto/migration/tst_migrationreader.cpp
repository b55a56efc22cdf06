// Reading migration files: DESIGN.md section 4's example, every operation's
// form, and every error a person can make, each with file:line:column.

#include "TestResult.h"
#include "migration/Checksum.h"
#include "migration/MigrationReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;

namespace {

const char kDesignExample[] = R"(revision: 4c1f0e9a2b7d                   # 12 hex digits, unique
down_revision: 9a8b7c6d5e4f              # null for the first; a list for a merge
message: add user preferences table
created: 2026-11-24T10:15:00Z
upgrade:
  - create_table:
      name: user_preferences
      columns:
        - {name: user_id, type: bigint, primary_key: true}
        - {name: theme, type: varchar(32), nullable: false, default: light}
      foreign_keys:
        - {columns: [user_id], references: {table: users, columns: [id]}, on_delete: cascade}
  - add_column: {table: users, column: {name: locale, type: varchar(16)}}
  - create_index: {table: users, name: ix_users_locale, columns: [locale]}
  - sql: "UPDATE users SET locale = 'en' WHERE locale IS NULL"
downgrade:
  - drop_index: {table: users, name: ix_users_locale}
  - drop_column: {table: users, column: locale}
  - drop_table: {name: user_preferences}
)";

// A valid file header followed by `upgrade` items.
QByteArray withUpgrade(const QByteArray &items)
{
    return "revision: 4c1f0e9a2b7d\ndown_revision: null\nupgrade:\n" + items;
}

Migration readOk(const QByteArray &yaml)
{
    MultiResult<Migration> m = MigrationReader::read(yaml, QStringLiteral("m.yaml"));
    if (!m) {
        qWarning("%s", qPrintable(joinErrors(m.error())));
        return {};
    }
    return *m;
}

} // namespace

class tst_MigrationReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void designExample();
    void downRevisionForms_data();
    void downRevisionForms();
    void created_data();
    void created();
    void sqlForms();
    void alterColumnDefaults();
    void dropDefinitions();
    void enumReferences_data();
    void enumReferences();
    void errors_data();
    void errors();
    void everyErrorReported();
    void readFile();
    void declaredRevision();
};

void tst_MigrationReader::designExample()
{
    MultiResult<Migration> result = MigrationReader::read(kDesignExample, QStringLiteral("migrations/x.yaml"));
    SD_VERIFY_RESULT(result);
    const Migration &m = *result;
    QCOMPARE(m.revision, QStringLiteral("4c1f0e9a2b7d"));
    QCOMPARE(m.downRevisions, QStringList{QStringLiteral("9a8b7c6d5e4f")});
    QCOMPARE(m.message, QStringLiteral("add user preferences table"));
    QCOMPARE(m.created, QDateTime(QDate(2026, 11, 24), QTime(10, 15), Qt::UTC));
    QCOMPARE(m.checksum, Checksum::of(kDesignExample));
    QVERIFY(m.filePath.isEmpty());

    QCOMPARE(m.upgrade.size(), 4);
    QStringList keys;
    for (const Operation &op : m.upgrade)
        keys << op.key();
    QCOMPARE(keys, (QStringList{"create_table", "add_column", "create_index", "sql"}));

    const CreateTableOp *create = m.upgrade.at(0).as<CreateTableOp>();
    QVERIFY(create);
    QCOMPARE(create->table.name, QStringLiteral("user_preferences"));
    QCOMPARE(create->table.columns.size(), 2);
    QCOMPARE(create->table.primaryKey.columns, QStringList{"user_id"});
    QCOMPARE(create->table.columns.at(1).defaultValue, DefaultValue::string("light"));
    QCOMPARE(create->table.columns.at(1).nullable, false);
    QCOMPARE(create->table.foreignKeys.size(), 1);
    QCOMPARE(create->table.foreignKeys.at(0).referencedTable, QStringLiteral("users"));
    QCOMPARE(create->table.foreignKeys.at(0).onDelete, ReferentialAction::Cascade);
    QCOMPARE(m.upgrade.at(0).line, 6);
    QCOMPARE(m.upgrade.at(0).column, 5);

    const AddColumnOp *add = m.upgrade.at(1).as<AddColumnOp>();
    QVERIFY(add);
    QCOMPARE(add->table, QStringLiteral("users"));
    QCOMPARE(add->column.name, QStringLiteral("locale"));
    QCOMPARE(add->column.type, ColumnType::of(ColumnType::Kind::Varchar, 16));
    QCOMPARE(m.upgrade.at(1).line, 13);

    const CreateIndexOp *index = m.upgrade.at(2).as<CreateIndexOp>();
    QVERIFY(index);
    QCOMPARE(index->index.name, QStringLiteral("ix_users_locale"));
    QCOMPARE(index->index.columns, QStringList{"locale"});
    QCOMPARE(index->concurrently, false);

    const SqlOp *sql = m.upgrade.at(3).as<SqlOp>();
    QVERIFY(sql);
    QCOMPARE(sql->sql, QStringLiteral("UPDATE users SET locale = 'en' WHERE locale IS NULL"));
    QVERIFY(sql->transactional);

    QCOMPARE(m.downgrade.size(), 3);
    QCOMPARE(m.downgrade.at(0).as<DropIndexOp>()->name, QStringLiteral("ix_users_locale"));
    QCOMPARE(m.downgrade.at(1).as<DropColumnOp>()->column, QStringLiteral("locale"));
    QVERIFY(!m.downgrade.at(1).as<DropColumnOp>()->definition.has_value());
    QCOMPARE(m.downgrade.at(2).as<DropTableOp>()->name, QStringLiteral("user_preferences"));
    QCOMPARE(m.downgrade.at(2).line, 19);
}

void tst_MigrationReader::downRevisionForms_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("null: a first revision") << QByteArray("null") << QStringList();
    QTest::newRow("tilde null") << QByteArray("~") << QStringList();
    QTest::newRow("one id") << QByteArray("9a8b7c6d5e4f") << QStringList{"9a8b7c6d5e4f"};
    QTest::newRow("all digits stay text") << QByteArray("123456789012") << QStringList{"123456789012"};
    QTest::newRow("a merge") << QByteArray("[9a8b7c6d5e4f, 111111111111]") << QStringList{"9a8b7c6d5e4f", "111111111111"};
    QTest::newRow("a block list") << QByteArray("\n  - 9a8b7c6d5e4f\n  - 111111111111") << QStringList{"9a8b7c6d5e4f", "111111111111"};
}

void tst_MigrationReader::downRevisionForms()
{
    QFETCH(QByteArray, value);
    QFETCH(QStringList, expected);
    const Migration m = readOk("revision: 4c1f0e9a2b7d\ndown_revision: " + value + "\nupgrade: []\n");
    QCOMPARE(m.revision, QStringLiteral("4c1f0e9a2b7d"));
    QCOMPARE(m.downRevisions, expected);
    QCOMPARE(m.isMerge(), expected.size() > 1);
}

void tst_MigrationReader::created_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t(QDate(2026, 11, 24), QTime(10, 15), Qt::UTC);
    QTest::newRow("Z") << QByteArray("2026-11-24T10:15:00Z") << t;
    QTest::newRow("offset converted to UTC") << QByteArray("2026-11-24T12:15:00+02:00") << t;
    QTest::newRow("milliseconds") << QByteArray("2026-11-24T10:15:00.250Z") << t.addMSecs(250);
}

void tst_MigrationReader::created()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const Migration m = readOk("revision: 4c1f0e9a2b7d\ndown_revision: null\ncreated: " + text + "\nupgrade: []\n");
    QCOMPARE(m.created, expected);
    QCOMPARE(m.created.timeSpec(), Qt::UTC);
}

void tst_MigrationReader::sqlForms()
{
    const Migration m = readOk(withUpgrade(
        "  - sql: \"CREATE INDEX CONCURRENTLY ix_a ON t (a)\"\n"
        "    transactional: false\n"
        "  - sql: {postgresql: \"SELECT 1\", sqlite: \"SELECT 2\"}\n"
        "  - sql: |\n"
        "      UPDATE t\n"
        "      SET a = 1\n"));
    QCOMPARE(m.upgrade.size(), 3);
    const SqlOp *concurrently = m.upgrade.at(0).as<SqlOp>();
    QCOMPARE(concurrently->sql, QStringLiteral("CREATE INDEX CONCURRENTLY ix_a ON t (a)"));
    QCOMPARE(concurrently->transactional, false);
    QVERIFY(concurrently->perDialect.isEmpty());
    const SqlOp *perDialect = m.upgrade.at(1).as<SqlOp>();
    QCOMPARE(perDialect->perDialect, (QMap<QString, QString>{{"postgresql", "SELECT 1"}, {"sqlite", "SELECT 2"}}));
    QVERIFY(perDialect->sql.isEmpty());
    QCOMPARE(perDialect->transactional, true);
    QCOMPARE(m.upgrade.at(2).as<SqlOp>()->sql, QStringLiteral("UPDATE t\nSET a = 1\n"));
}

void tst_MigrationReader::alterColumnDefaults()
{
    const Migration m = readOk(withUpgrade(
        "  - alter_column: {table: t, column: a, default: null, existing_default: 5}\n"
        "  - alter_column: {table: t, column: a, default: {sql: \"NULL\"}}\n"
        "  - alter_column: {table: t, column: a, default: {sql: now()}, comment: null, existing_comment: old}\n"
        "  - alter_column: {table: t, column: a, type: integer, using: \"a::integer\", existing_type: text,"
        " nullable: false, existing_nullable: true, new_name: b}\n"));
    QCOMPARE(m.upgrade.size(), 4);
    const AlterColumnOp *drop = m.upgrade.at(0).as<AlterColumnOp>();
    QCOMPARE(drop->defaultValue, std::optional<DefaultValue>(DefaultValue()));
    QCOMPARE(drop->existingDefault, std::optional<DefaultValue>(DefaultValue::number("5")));
    QVERIFY(!drop->type && !drop->nullable && !drop->comment);
    QCOMPARE(m.upgrade.at(1).as<AlterColumnOp>()->defaultValue, std::optional<DefaultValue>(DefaultValue::null()));
    const AlterColumnOp *expression = m.upgrade.at(2).as<AlterColumnOp>();
    QCOMPARE(expression->defaultValue, std::optional<DefaultValue>(DefaultValue::expression("now()")));
    QCOMPARE(expression->comment, std::optional<QString>(QString()));
    QCOMPARE(expression->existingComment, std::optional<QString>(QStringLiteral("old")));
    const AlterColumnOp *retype = m.upgrade.at(3).as<AlterColumnOp>();
    QCOMPARE(retype->type, std::optional<ColumnType>(ColumnType::of(ColumnType::Kind::Integer)));
    QCOMPARE(retype->existingType, std::optional<ColumnType>(ColumnType::of(ColumnType::Kind::Text)));
    QCOMPARE(retype->usingExpression, QStringLiteral("a::integer"));
    QCOMPARE(retype->nullable, std::optional<bool>(false));
    QCOMPARE(retype->existingNullable, std::optional<bool>(true));
    QCOMPARE(retype->newName, QStringLiteral("b"));
}

void tst_MigrationReader::dropDefinitions()
{
    const Migration m = readOk(withUpgrade(
        "  - drop_column: {table: users, column: locale, definition: {name: locale, type: varchar(16), nullable: false}}\n"
        "  - drop_index: {table: users, name: ix_a, concurrently: true, definition: {name: ix_a, columns: [a], unique: true}}\n"
        "  - drop_foreign_key: {table: users, name: fk_a, definition: {name: fk_a, columns: [a], references: {table: t, columns: [id]}}}\n"
        "  - drop_enum: {name: mood, definition: {name: mood, values: [sad, ok]}}\n"
        "  - drop_table:\n"
        "      name: t\n"
        "      definition:\n"
        "        name: t\n"
        "        columns:\n"
        "          - {name: id, type: bigint, primary_key: true}\n"));
    QCOMPARE(m.upgrade.size(), 5);
    const DropColumnOp *column = m.upgrade.at(0).as<DropColumnOp>();
    QVERIFY(column->definition);
    QCOMPARE(column->definition->type, ColumnType::of(ColumnType::Kind::Varchar, 16));
    QCOMPARE(column->definition->nullable, false);
    const DropIndexOp *index = m.upgrade.at(1).as<DropIndexOp>();
    QVERIFY(index->concurrently);
    QCOMPARE(index->definition, std::optional<Index>(Index{"ix_a", {"a"}, {}, true, {}, {}}));
    QCOMPARE(m.upgrade.at(2).as<DropForeignKeyOp>()->definition->referencedTable, QStringLiteral("t"));
    QCOMPARE(m.upgrade.at(3).as<DropEnumOp>()->definition, std::optional<EnumType>(EnumType{"mood", {"sad", "ok"}}));
    const DropTableOp *table = m.upgrade.at(4).as<DropTableOp>();
    QVERIFY(table->definition);
    QCOMPARE(table->definition->primaryKey.columns, QStringList{"id"});
}

void tst_MigrationReader::enumReferences_data()
{
    QTest::addColumn<QByteArray>("items");
    QTest::addColumn<QString>("enumName");
    QTest::newRow("enum of an earlier migration")
        << QByteArray("  - add_column: {table: t, column: {name: m, type: mood}}\n") << QStringLiteral("mood");
    QTest::newRow("near-miss name created in this file")
        << QByteArray("  - create_enum: {name: data, values: [a]}\n"
                      "  - add_column: {table: t, column: {name: m, type: data}}\n")
        << QStringLiteral("data");
    QTest::newRow("enum dropped in this file, used before")
        << QByteArray("  - alter_column: {table: t, column: m, type: text, existing_type: dat}\n"
                      "  - drop_enum: {name: dat}\n")
        << QStringLiteral("dat");
}

void tst_MigrationReader::enumReferences()
{
    QFETCH(QByteArray, items);
    QFETCH(QString, enumName);
    const Migration m = readOk(withUpgrade(items));
    QVERIFY(!m.upgrade.isEmpty());
    ColumnType type;
    if (const AddColumnOp *add = m.upgrade.constLast().as<AddColumnOp>())
        type = add->column.type;
    else if (const AlterColumnOp *alter = m.upgrade.constFirst().as<AlterColumnOp>())
        type = alter->existingType.value_or(ColumnType());
    QCOMPARE(type, ColumnType::enumeration(enumName));
}

void tst_MigrationReader::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected"); // the first error, as shown

    const auto row = [](const char *name, const QByteArray &yaml, const char *expected) {
        QTest::newRow(name) << yaml << QString::fromUtf8(expected);
    };
    row("unknown operation with a suggestion", withUpgrade("  - create_tabel: {name: t}\n"),
        "m.yaml:4:5: unknown operation 'create_tabel' (did you mean 'create_table'? operations: create_table, ");
    row("unknown operation without one", withUpgrade("  - frobnicate: {name: t}\n"),
        "m.yaml:4:5: unknown operation 'frobnicate' (operations: ");
    row("two operations in one item", withUpgrade("  - drop_table: {name: a}\n    drop_index: {table: a, name: b}\n"),
        "m.yaml:5:5: one operation per list item: 'drop_index' follows 'drop_table'");
    row("misspelt required key: reported missing first", withUpgrade("  - add_column: {table: t, colum: {name: a, type: text}}\n"),
        "m.yaml:4:17: missing required key 'column' in add_column");
    row("unknown key in an operation", withUpgrade("  - add_column: {table: t, column: {name: a, type: text}, nullable: true}\n"),
        "m.yaml:4:59: unknown key 'nullable' in add_column (allowed keys: table, column)");
    row("misspelt key reported at the key", withUpgrade("  - rename_table: {from: a, to: b, too: c}\n"),
        "m.yaml:4:36: unknown key 'too' in rename_table (did you mean 'to'?");
    row("missing required key", withUpgrade("  - drop_column: {table: users}\n"),
        "m.yaml:4:18: missing required key 'column' in drop_column");
    row("wrong kind", withUpgrade("  - create_index: {table: t, name: ix, columns: a}\n"),
        "m.yaml:4:49: expected a list of column names, found 'a'");
    row("item not a mapping", withUpgrade("  - create_table\n"),
        "m.yaml:4:5: expected an operation such as '- add_column: {table: ..., column: {...}}', found 'create_table'");
    row("bad revision id", "revision: 4C1F0E9A2B7D\ndown_revision: null\nupgrade: []\n",
        "m.yaml:1:11: bad revision id '4C1F0E9A2B7D' in 'revision': expected 12 lowercase hex digits");
    row("short revision id", "revision: 4c1f\ndown_revision: null\nupgrade: []\n",
        "m.yaml:1:11: bad revision id '4c1f'");
    row("bad down_revision id in a list", "revision: 4c1f0e9a2b7d\ndown_revision: [9a8b7c6d5e4f, xyz]\nupgrade: []\n",
        "m.yaml:2:31: bad revision id 'xyz' in 'down_revision'");
    row("down_revision missing", "revision: 4c1f0e9a2b7d\nupgrade: []\n",
        "m.yaml:1:1: missing required key 'down_revision' in migration");
    row("down_revision a mapping", "revision: 4c1f0e9a2b7d\ndown_revision: {a: b}\nupgrade: []\n",
        "m.yaml:2:16: expected null, a revision id or a list of revision ids for 'down_revision', found a mapping");
    row("down_revision names itself", "revision: 4c1f0e9a2b7d\ndown_revision: 4c1f0e9a2b7d\nupgrade: []\n",
        "m.yaml:2:16: revision '4c1f0e9a2b7d' names itself as its down_revision");
    row("down_revision listed twice", "revision: 4c1f0e9a2b7d\ndown_revision: [111111111111, 111111111111]\nupgrade: []\n",
        "m.yaml:2:31: revision '111111111111' is listed twice in 'down_revision'");
    row("created without a zone", "revision: 4c1f0e9a2b7d\ndown_revision: null\ncreated: 2026-11-24T10:15:00\nupgrade: []\n",
        "m.yaml:3:10: expected an ISO-8601 time with a time zone for 'created', e.g. 2026-11-24T10:15:00Z, found '2026-11-24T10:15:00'");
    row("created not a time", "revision: 4c1f0e9a2b7d\ndown_revision: null\ncreated: yesterday\nupgrade: []\n",
        "m.yaml:3:10: expected an ISO-8601 time with a time zone for 'created'");
    row("unknown top-level key", "revision: 4c1f0e9a2b7d\ndown_revision: null\nupgarde: []\n",
        "m.yaml:3:1: unknown key 'upgarde' in migration (did you mean 'upgrade'?");
    row("upgrade not a list", "revision: 4c1f0e9a2b7d\ndown_revision: null\nupgrade: {a: b}\n",
        "m.yaml:3:10: expected a list of operations, found a mapping");
    row("unknown type with a suggestion", withUpgrade("  - add_column: {table: t, column: {name: a, type: bigitn}}\n"),
        "m.yaml:4:52: unknown type 'bigitn' (did you mean 'bigint'?");
    row("builtin type needs the per-dialect form", withUpgrade("  - add_column: {table: t, column: {name: a, type: tsvector}}\n"),
        "m.yaml:4:52: unknown type 'tsvector' (known types: ");
    row("near-miss enum name not created here", withUpgrade("  - add_column: {table: t, column: {name: a, type: data}}\n"),
        "m.yaml:4:52: unknown type 'data' (did you mean 'date'?");
    row("transactional on another operation", withUpgrade("  - drop_table: {name: a}\n    transactional: false\n"),
        "m.yaml:5:5: 'transactional' belongs to a sql operation only");
    row("transactional inside the dialect map", withUpgrade("  - sql: {postgresql: \"SELECT 1\", transactional: false}\n"),
        "m.yaml:4:35: write 'transactional: false' next to 'sql:' in the same list item");
    row("transactional not a boolean", withUpgrade("  - sql: \"SELECT 1\"\n    transactional: maybe\n"),
        "m.yaml:5:20: expected true or false for 'transactional', found 'maybe'");
    row("empty sql", withUpgrade("  - sql: \"\"\n"), "m.yaml:4:10: 'sql' must not be empty");
    row("sql for an unknown dialect", withUpgrade("  - sql: {postgres: \"SELECT 1\", sqlite: \"SELECT 1\"}\n"),
        "m.yaml:4:11: unknown key 'postgres' in sql per dialect (did you mean 'postgresql'?");
    row("sql per dialect without any", withUpgrade("  - sql: {postgres: \"SELECT 1\"}\n"),
        "m.yaml:4:10: give the SQL for postgresql, sqlite or both");
    row("alter_column changes nothing", withUpgrade("  - alter_column: {table: t, column: a, existing_type: text}\n"),
        "m.yaml:4:19: alter_column of t.a changes nothing");
    row("using without type", withUpgrade("  - alter_column: {table: t, column: a, using: \"a::int\", nullable: true}\n"),
        "m.yaml:4:41: 'using' converts the values for a type change: give 'type' too");
    row("definition of another column", withUpgrade("  - drop_column: {table: t, column: a, definition: {name: b, type: text}}\n"),
        "m.yaml:4:59: the definition is of column 'b', but the operation drops 'a'");
    row("drop_column with a mapping", withUpgrade("  - drop_column: {table: t, column: {name: a, type: text}}\n"),
        "m.yaml:4:37: drop_column takes the column's name");
    row("definition of another index", withUpgrade("  - drop_index: {table: t, name: a, definition: {name: b, columns: [x]}}\n"),
        "m.yaml:4:56: the definition is of index 'b', but the operation drops 'a'");
    row("add_column of a primary key", withUpgrade("  - add_column: {table: t, column: {name: id, type: bigint, primary_key: true}}\n"),
        "m.yaml:4:36: add_column cannot add a primary key column");
    row("add_foreign_key without a name",
        withUpgrade("  - add_foreign_key: {table: t, columns: [a], references: {table: u, columns: [id]}}\n"),
        "m.yaml:4:22: missing required key 'name' in add_foreign_key");
    row("before and after", withUpgrade("  - add_enum_value: {enum: mood, value: meh, before: ok, after: sad}\n"),
        "m.yaml:4:58: give 'before' or 'after', not both");
    row("unquoted comma in a type", withUpgrade("  - add_column: {table: t, column: {name: p, type: numeric(10,2)}}\n"),
        "m.yaml:4:52: type 'numeric(10,2)' holds a comma: quote it, type: \"numeric(10,2)\"");
    row("invalid YAML", "revision: [\n", "m.yaml:2:1: invalid YAML: ");
    row("empty file", "", "m.yaml: empty file: a migration needs revision, down_revision and upgrade");
    row("a list, not a mapping", "- a\n- b\n", "m.yaml:1:1: expected a mapping for the migration, found a list");
}

void tst_MigrationReader::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const MultiResult<Migration> result = MigrationReader::read(yaml, QStringLiteral("m.yaml"));
    QVERIFY2(!result, "the file was accepted");
    const QString first = result.error().constFirst().toString();
    QVERIFY2(first.startsWith(expected), qPrintable(QStringLiteral("got: %1").arg(joinErrors(result.error()))));
    QCOMPARE(result.error().constFirst().code, Error::Code::InvalidInput);
}

void tst_MigrationReader::everyErrorReported()
{
    const QByteArray yaml = "revision: XYZ\n"
                            "down_revision: null\n"
                            "upgrade:\n"
                            "  - create_tabel: {name: t}\n"
                            "  - add_column: {table: t, column: {name: a, type: bigitn}}\n"
                            "downgrade:\n"
                            "  - drop_column: {table: t}\n";
    const MultiResult<Migration> result = MigrationReader::read(yaml, QStringLiteral("m.yaml"));
    QVERIFY(!result);
    QStringList where;
    for (const Error &e : result.error())
        where << QStringLiteral("%1:%2").arg(e.line).arg(e.column);
    QCOMPARE(where, (QStringList{"1:11", "4:5", "5:52", "7:18"}));
}

void tst_MigrationReader::readFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("4c1f0e9a2b7d_add.yaml"));
    QByteArray crlf = QByteArray(kDesignExample).replace("\n", "\r\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(crlf);
    }
    const MultiResult<Migration> m = MigrationReader::readFile(path, QStringLiteral("migrations/4c1f0e9a2b7d_add.yaml"));
    SD_VERIFY_RESULT(m);
    QCOMPARE(m->filePath, path);
    QCOMPARE(m->checksum, Checksum::of(kDesignExample)); // CRLF is not a change
    QCOMPARE(m->upgrade.size(), 4);

    const MultiResult<Migration> missing = MigrationReader::readFile(dir.filePath(QStringLiteral("nope.yaml")),
                                                                     QStringLiteral("migrations/nope.yaml"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().constFirst().code, Error::Code::Io);
    QCOMPARE(missing.error().constFirst().file, QStringLiteral("migrations/nope.yaml"));
}

void tst_MigrationReader::declaredRevision()
{
    QCOMPARE(MigrationReader::declaredRevision("revision: abc\nupgrade: 5\n"), std::optional<QString>(QStringLiteral("abc")));
    QCOMPARE(MigrationReader::declaredRevision("tables: []\n"), std::optional<QString>());
    QCOMPARE(MigrationReader::declaredRevision("- a\n"), std::optional<QString>());
    QCOMPARE(MigrationReader::declaredRevision("revision: [\n"), std::optional<QString>());
    QVERIFY(MigrationReader::isRevisionId(QStringLiteral("4c1f0e9a2b7d")));
    QVERIFY(!MigrationReader::isRevisionId(QStringLiteral("4c1f0e9a2b7")));
    QVERIFY(!MigrationReader::isRevisionId(QStringLiteral("4c1f0e9a2b7g")));
}

QTEST_GUILESS_MAIN(tst_MigrationReader)
#include "tst_migrationreader.moc"
