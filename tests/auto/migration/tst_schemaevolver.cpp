// SchemaEvolver: each operation changes the schema model as the database
// changes, with its side effects (a dropped column's indexes and
// constraints, a renamed table's foreign keys); an operation naming what
// does not exist is an error naming it, and leaves the schema untouched.

#include "OperationYaml.h"
#include "SchemaCompare.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "migration/SchemaEvolver.h"

#include "OperationFixtures.h"

#include <QTest>

using namespace sd;
using namespace sd::testing;

namespace {

const QString base = operationBaseSchemaYaml();

// `base` with each `from` replaced by its `to` (each must occur).
QString edited(std::initializer_list<std::pair<const char *, const char *>> edits)
{
    QString s = base;
    for (const auto &[from, to] : edits) {
        if (!s.contains(QLatin1String(from)))
            qFatal("edited(): '%s' is not in the base schema", from);
        s.replace(QLatin1String(from), QLatin1String(to));
    }
    return s;
}

Schema schema(const QString &yaml)
{
    auto s = schemaFromYaml(yaml);
    if (!s)
        qFatal("schema: %s", qPrintable(joinErrors(s.error())));
    return *s;
}

Operation operation(const QString &yaml)
{
    auto ops = operationsFromYaml(yaml);
    if (!ops || ops->size() != 1)
        qFatal("operation: %s", ops ? "not one operation" : qPrintable(joinErrors(ops.error())));
    return ops->constFirst();
}

} // namespace

class tst_SchemaEvolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apply_data();
    void apply();
    void errors_data();
    void errors();
    void withDefinitions();
    void mentions();
};

void tst_SchemaEvolver::apply_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("expected");

    QTest::newRow("create_table") << "- create_table:\n    name: tags\n    columns:\n      - {name: id, type: integer, primary_key: true}"
                                  << base + QStringLiteral("  - name: tags\n    columns:\n      - {name: id, type: integer, primary_key: true}\n");
    QTest::newRow("drop_table") << "- drop_table: {name: users}" << base.left(base.indexOf(QLatin1String("  - name: users")));
    QTest::newRow("rename_table") << "- rename_table: {from: users, to: members}" << edited({{"name: users", "name: members"}});
    QTest::newRow("rename referenced table") << "- rename_table: {from: orgs, to: companies}"
                                             << edited({{"name: orgs", "name: companies"}, {"table: orgs", "table: companies"}});
    QTest::newRow("add_column") << "- add_column: {table: users, column: {name: locale, type: varchar(16), default: en}}"
                                << edited({{"      - {name: mood, type: mood}\n",
                                            "      - {name: mood, type: mood}\n      - {name: locale, type: varchar(16), default: en}\n"}});
    QTest::newRow("drop_column plain") << "- drop_column: {table: users, column: mood}"
                                       << edited({{"      - {name: mood, type: mood}\n", ""}});
    QTest::newRow("drop_column drops its indexes and unique") << "- drop_column: {table: users, column: email}"
        << edited({{"      - {name: email, type: varchar(100), nullable: false}\n", ""},
                   {"    indexes:\n      - {name: ix_users_email, columns: [email]}\n      - {name: ix_users_lower_email, expression: lower(email)}\n", ""},
                   {"    unique_constraints:\n      - {name: uq_users_email_org, columns: [email, org_id]}\n", ""}});
    QTest::newRow("drop_column drops its foreign key") << "- drop_column: {table: users, column: org_id}"
        << edited({{"      - {name: org_id, type: bigint}\n", ""},
                   {"    unique_constraints:\n      - {name: uq_users_email_org, columns: [email, org_id]}\n", ""},
                   {"    foreign_keys:\n      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}\n", ""}});
    QTest::newRow("drop_column drops its check") << "- drop_column: {table: users, column: age}"
        << edited({{"      - {name: age, type: integer, default: 0}\n", ""},
                   {"    checks:\n      - {name: ck_users_age, expression: \"age >= 0\"}\n", ""}});
    QTest::newRow("drop_column of the key") << "- drop_column: {table: users, column: id}"
        << edited({{"      - {name: id, type: bigint, primary_key: true}\n      - {name: email,", "      - {name: email,"}});
    QTest::newRow("alter_column type") << "- alter_column: {table: users, column: age, type: bigint}"
                                       << edited({{"{name: age, type: integer", "{name: age, type: bigint"}});
    QTest::newRow("alter_column nullable") << "- alter_column: {table: users, column: email, nullable: true}"
                                           << edited({{"{name: email, type: varchar(100), nullable: false}", "{name: email, type: varchar(100)}"}});
    QTest::newRow("alter_column default") << "- alter_column: {table: users, column: age, default: 18}"
                                          << edited({{"default: 0}", "default: 18}"}});
    QTest::newRow("alter_column drop default") << "- alter_column: {table: users, column: age, default: null}"
                                               << edited({{"{name: age, type: integer, default: 0}", "{name: age, type: integer}"}});
    QTest::newRow("alter_column comment") << "- alter_column: {table: users, column: org_id, comment: the org}"
                                          << edited({{"{name: org_id, type: bigint}", "{name: org_id, type: bigint, comment: the org}"}});
    QTest::newRow("alter_column rename renames in index, unique, check")
        << "- alter_column: {table: users, column: email, new_name: mail}"
        << edited({{"{name: email,", "{name: mail,"},
                   {"columns: [email]}", "columns: [mail]}"},
                   {"lower(email)", "lower(mail)"},
                   {"columns: [email, org_id]", "columns: [mail, org_id]"}});
    QTest::newRow("alter_column rename a referenced column") << "- alter_column: {table: orgs, column: id, new_name: org_key}"
        << edited({{"      - {name: id, type: bigint, primary_key: true}\n      - {name: name,",
                    "      - {name: org_key, type: bigint, primary_key: true}\n      - {name: name,"},
                   {"columns: [id]}}", "columns: [org_key]}}"}});
    QTest::newRow("create_index") << "- create_index: {table: orgs, name: ix_orgs_name, columns: [name], unique: true}"
        << edited({{"      - {name: name, type: varchar(100), nullable: false}\n",
                    "      - {name: name, type: varchar(100), nullable: false}\n    indexes:\n      - {name: ix_orgs_name, columns: [name], unique: true}\n"}});
    QTest::newRow("drop_index") << "- drop_index: {table: users, name: ix_users_email}"
                                << edited({{"      - {name: ix_users_email, columns: [email]}\n", ""}});
    QTest::newRow("add_foreign_key") << "- add_foreign_key: {table: users, name: fk_self, columns: [age], references: {table: users, columns: [id]}}"
        << edited({{"columns: [id]}}\n", "columns: [id]}}\n      - {name: fk_self, columns: [age], references: {table: users, columns: [id]}}\n"}});
    QTest::newRow("drop_foreign_key") << "- drop_foreign_key: {table: users, name: fk_users_org}"
        << edited({{"    foreign_keys:\n      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}\n", ""}});
    QTest::newRow("add_unique") << "- add_unique: {table: orgs, name: uq_orgs_name, columns: [name]}"
        << edited({{"      - {name: name, type: varchar(100), nullable: false}\n",
                    "      - {name: name, type: varchar(100), nullable: false}\n    unique_constraints:\n      - {name: uq_orgs_name, columns: [name]}\n"}});
    QTest::newRow("drop_unique") << "- drop_unique: {table: users, name: uq_users_email_org}"
        << edited({{"    unique_constraints:\n      - {name: uq_users_email_org, columns: [email, org_id]}\n", ""}});
    QTest::newRow("add_check") << "- add_check: {table: users, name: ck_users_email, expression: \"email <> ''\"}"
        << edited({{"\"age >= 0\"}\n", "\"age >= 0\"}\n      - {name: ck_users_email, expression: \"email <> ''\"}\n"}});
    QTest::newRow("drop_check") << "- drop_check: {table: users, name: ck_users_age}"
        << edited({{"    checks:\n      - {name: ck_users_age, expression: \"age >= 0\"}\n", ""}});
    QTest::newRow("create_enum") << "- create_enum: {name: color, values: [red, blue]}"
        << edited({{"  - {name: spare, values: [a, b]}\n", "  - {name: spare, values: [a, b]}\n  - {name: color, values: [red, blue]}\n"}});
    QTest::newRow("drop_enum") << "- drop_enum: {name: spare}" << edited({{"  - {name: spare, values: [a, b]}\n", ""}});
    QTest::newRow("add_enum_value at the end") << "- add_enum_value: {enum: mood, value: ecstatic}"
                                               << edited({{"[sad, ok, happy]", "[sad, ok, happy, ecstatic]"}});
    QTest::newRow("add_enum_value before") << "- add_enum_value: {enum: mood, value: meh, before: ok}"
                                           << edited({{"[sad, ok, happy]", "[sad, meh, ok, happy]"}});
    QTest::newRow("add_enum_value after") << "- add_enum_value: {enum: mood, value: meh, after: ok}"
                                          << edited({{"[sad, ok, happy]", "[sad, ok, meh, happy]"}});
    QTest::newRow("sql changes nothing") << "- sql: \"DROP TABLE users\"" << base;
}

void tst_SchemaEvolver::apply()
{
    QFETCH(QString, op);
    QFETCH(QString, expected);
    Schema state = schema(base);
    SD_VERIFY_RESULT(SchemaEvolver::apply(state, operation(op)));
    SD_COMPARE_SCHEMA(state, schema(expected));
}

void tst_SchemaEvolver::errors_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("message");

    QTest::newRow("create_table existing") << "- create_table:\n    name: users\n    columns:\n      - {name: id, type: integer}"
                                           << "create_table: table users already exists";
    QTest::newRow("create_table with a taken index name")
        << "- create_table:\n    name: t\n    columns:\n      - {name: email, type: text}\n    indexes:\n      - {name: ix_users_email, columns: [email]}"
        << "create_table: an index named ix_users_email already exists on table users";
    QTest::newRow("drop_table missing") << "- drop_table: {name: nobody}" << "drop_table: table nobody does not exist";
    QTest::newRow("drop_table still referenced") << "- drop_table: {name: orgs}"
                                                 << "drop_table: table orgs is still referenced by foreign key fk_users_org of table users";
    QTest::newRow("rename_table onto existing") << "- rename_table: {from: users, to: orgs}" << "rename_table: table orgs already exists";
    QTest::newRow("rename_table missing") << "- rename_table: {from: nobody, to: x}" << "rename_table: table nobody does not exist";
    QTest::newRow("add_column existing") << "- add_column: {table: users, column: {name: email, type: text}}"
                                         << "add_column: table users already has a column email";
    QTest::newRow("add_column missing table") << "- add_column: {table: nobody, column: {name: x, type: text}}"
                                              << "add_column: table nobody does not exist";
    QTest::newRow("drop_column missing") << "- drop_column: {table: users, column: x}" << "drop_column: table users has no column x";
    QTest::newRow("drop_column referenced by a foreign key") << "- drop_column: {table: orgs, column: id}"
                                                             << "drop_column: column orgs.id is referenced by foreign key fk_users_org of table users";
    QTest::newRow("alter_column missing column") << "- alter_column: {table: users, column: x, nullable: true}"
                                                 << "alter_column: table users has no column x";
    QTest::newRow("alter_column rename onto existing") << "- alter_column: {table: users, column: age, new_name: email}"
                                                       << "alter_column: table users already has a column email";
    QTest::newRow("create_index taken name") << "- create_index: {table: orgs, name: ix_users_email, columns: [name]}"
                                             << "create_index: an index named ix_users_email already exists on table users";
    QTest::newRow("create_index missing column") << "- create_index: {table: orgs, name: ix_x, columns: [x]}"
                                                 << "create_index: table orgs has no column x";
    QTest::newRow("drop_index missing") << "- drop_index: {table: orgs, name: ix_users_email}" << "drop_index: table orgs has no index ix_users_email";
    QTest::newRow("add_foreign_key to missing table")
        << "- add_foreign_key: {table: users, name: fk_x, columns: [age], references: {table: nobody, columns: [id]}}"
        << "add_foreign_key: table nobody referenced by users does not exist";
    QTest::newRow("drop_foreign_key missing") << "- drop_foreign_key: {table: users, name: fk_x}" << "drop_foreign_key: table users has no foreign key fk_x";
    QTest::newRow("add_unique taken name") << "- add_unique: {table: users, name: ck_users_age, columns: [age]}"
                                           << "add_unique: table users already has a constraint named ck_users_age";
    QTest::newRow("drop_unique missing") << "- drop_unique: {table: users, name: uq_x}" << "drop_unique: table users has no unique constraint uq_x";
    QTest::newRow("add_check taken name") << "- add_check: {table: users, name: fk_users_org, expression: \"age < 200\"}"
                                          << "add_check: table users already has a constraint named fk_users_org";
    QTest::newRow("drop_check missing") << "- drop_check: {table: users, name: ck_x}" << "drop_check: table users has no check ck_x";
    QTest::newRow("create_enum existing") << "- create_enum: {name: mood, values: [a]}" << "create_enum: enum mood already exists";
    QTest::newRow("drop_enum still used") << "- drop_enum: {name: mood}" << "drop_enum: enum mood is still used by column users.mood";
    QTest::newRow("drop_enum missing") << "- drop_enum: {name: nothing}" << "drop_enum: enum nothing does not exist";
    QTest::newRow("add_enum_value existing") << "- add_enum_value: {enum: mood, value: ok}" << "add_enum_value: enum mood already has the value ok";
    QTest::newRow("add_enum_value before missing") << "- add_enum_value: {enum: mood, value: x, before: nope}"
                                                   << "add_enum_value: enum mood has no value nope";
}

void tst_SchemaEvolver::errors()
{
    QFETCH(QString, op);
    QFETCH(QString, message);
    const Schema before = schema(base);
    Schema state = before;
    auto applied = SchemaEvolver::apply(state, operation(op));
    QVERIFY(!applied);
    QCOMPARE(applied.error().message, message);
    SD_COMPARE_SCHEMA(state, before); // untouched
}

void tst_SchemaEvolver::withDefinitions()
{
    const Schema state = schema(base);

    auto dropColumn = SchemaEvolver::withDefinitions(operation(QStringLiteral("- drop_column: {table: users, column: age}")), state);
    SD_VERIFY_RESULT(dropColumn);
    QVERIFY(dropColumn->as<DropColumnOp>()->definition.has_value());
    QCOMPARE(*dropColumn->as<DropColumnOp>()->definition, *state.table(QStringLiteral("users"))->column(QStringLiteral("age")));

    auto dropTable = SchemaEvolver::withDefinitions(operation(QStringLiteral("- drop_table: {name: orgs}")), state);
    SD_VERIFY_RESULT(dropTable);
    QCOMPARE(*dropTable->as<DropTableOp>()->definition, *state.table(QStringLiteral("orgs")));

    auto dropFk = SchemaEvolver::withDefinitions(operation(QStringLiteral("- drop_foreign_key: {table: users, name: fk_users_org}")), state);
    SD_VERIFY_RESULT(dropFk);
    QCOMPARE(*dropFk->as<DropForeignKeyOp>()->definition, state.table(QStringLiteral("users"))->foreignKeys.constFirst());

    auto dropEnum = SchemaEvolver::withDefinitions(operation(QStringLiteral("- drop_enum: {name: spare}")), state);
    SD_VERIFY_RESULT(dropEnum);
    QCOMPARE(dropEnum->as<DropEnumOp>()->definition->values, QStringList({QStringLiteral("a"), QStringLiteral("b")}));

    auto alter = SchemaEvolver::withDefinitions(
        operation(QStringLiteral("- alter_column: {table: users, column: age, type: bigint, default: 1}")), state);
    SD_VERIFY_RESULT(alter);
    const AlterColumnOp *a = alter->as<AlterColumnOp>();
    QCOMPARE(a->existingType, std::optional(ColumnType::of(ColumnType::Kind::Integer)));
    QCOMPARE(a->existingDefault, std::optional(DefaultValue::number(QStringLiteral("0"))));
    QVERIFY(!a->existingNullable); // not changed: not filled
    QVERIFY(!a->existingComment);

    // A definition already there is kept; a missing object is an error.
    Operation given = operation(QStringLiteral("- drop_check: {table: users, name: ck_users_age, definition: {name: ck_users_age, expression: \"age > 1\"}}"));
    auto kept = SchemaEvolver::withDefinitions(given, state);
    SD_VERIFY_RESULT(kept);
    QCOMPARE(kept->as<DropCheckOp>()->definition->expression, QStringLiteral("age > 1"));
    auto missing = SchemaEvolver::withDefinitions(operation(QStringLiteral("- drop_index: {table: users, name: ix_nope}")), state);
    QVERIFY(!missing);
    QCOMPARE(missing.error().message, QStringLiteral("drop_index: table users has no index ix_nope"));
}

void tst_SchemaEvolver::mentions()
{
    QVERIFY(SchemaEvolver::mentions(QStringLiteral("age >= 0"), QStringLiteral("age")));
    QVERIFY(SchemaEvolver::mentions(QStringLiteral("\"Age\" >= 0"), QStringLiteral("age")));
    QVERIFY(!SchemaEvolver::mentions(QStringLiteral("page >= 0"), QStringLiteral("age")));
    QVERIFY(!SchemaEvolver::mentions(QStringLiteral("name = 'age'"), QStringLiteral("age")));
    QVERIFY(SchemaEvolver::mentions(QStringLiteral("CREATE VIEW v AS SELECT * FROM users"), QStringLiteral("users")));
}

QTEST_GUILESS_MAIN(tst_SchemaEvolver)
#include "tst_schemaevolver.moc"
