// Inverses of operations: each reversible kind maps to its exact inverse and
// back; the irreversible ones give a reason; lists invert in reverse order.

#include "ModelBuilders.h"
#include "migration/OperationInverse.h"

#include <QTest>

using namespace sd;
using sd::testing::column;
using Kind = ColumnType::Kind;

namespace {

Operation op(OperationData data)
{
    Operation o;
    o.data = std::move(data);
    return o;
}

Table usersTable()
{
    Table t;
    t.name = "users";
    t.columns << column("id", ColumnType::of(Kind::BigInt), false) << column("email", ColumnType::of(Kind::Text));
    t.primaryKey.columns = {"id"};
    return t;
}

ForeignKey orgKey()
{
    ForeignKey fk;
    fk.name = "fk_users_org";
    fk.columns = {"org_id"};
    fk.referencedTable = "orgs";
    fk.referencedColumns = {"id"};
    return fk;
}

AlterColumnOp retype()
{
    AlterColumnOp a;
    a.table = "users";
    a.column = "age";
    a.type = ColumnType::of(Kind::Integer);
    a.usingExpression = "age::integer";
    a.existingType = ColumnType::of(Kind::Text);
    a.nullable = false;
    a.existingNullable = true;
    a.defaultValue = DefaultValue::number("0");
    a.existingDefault = DefaultValue();
    a.comment = "years";
    a.existingComment = QString();
    a.newName = "age_years";
    return a;
}

} // namespace

class tst_OperationInverse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inverse_data();
    void inverse();
    void noInverse_data();
    void noInverse();
    void alterKeepsContext();
    void list();
    void listReasons();
};

void tst_OperationInverse::inverse_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<Operation>("expected");
    QTest::addColumn<bool>("involution"); // inverting twice gives the operation back

    const Column locale = column("locale", ColumnType::of(Kind::Varchar, 16));
    const Index index{"ix_users_email", {"email"}, {}, true, {}, {}};
    const UniqueConstraint unique{"uq_users_email", {"email"}, false, false};
    const Check check{"ck_users_email", "email <> ''", false};
    const EnumType mood{"mood", {"sad", "ok"}};

    QTest::newRow("create_table") << op(CreateTableOp{usersTable()}) << op(DropTableOp{"users", usersTable()}) << true;
    QTest::newRow("drop_table") << op(DropTableOp{"users", usersTable()}) << op(CreateTableOp{usersTable()}) << true;
    QTest::newRow("rename_table") << op(RenameTableOp{"users", "accounts"}) << op(RenameTableOp{"accounts", "users"}) << true;
    QTest::newRow("add_column") << op(AddColumnOp{"users", locale}) << op(DropColumnOp{"users", "locale", locale}) << true;
    QTest::newRow("drop_column") << op(DropColumnOp{"users", "locale", locale}) << op(AddColumnOp{"users", locale}) << true;

    AlterColumnOp back;
    back.table = "users";
    back.column = "age_years";
    back.newName = "age";
    back.type = ColumnType::of(Kind::Text);
    back.existingType = ColumnType::of(Kind::Integer);
    back.nullable = true;
    back.existingNullable = false;
    back.defaultValue = DefaultValue();
    back.existingDefault = DefaultValue::number("0");
    back.comment = QString();
    back.existingComment = QStringLiteral("years");
    // The inverse has no USING, so inverting twice loses it.
    QTest::newRow("alter_column every attribute and a rename") << op(retype()) << op(back) << false;
    AlterColumnOp onlyNull;
    onlyNull.table = "t";
    onlyNull.column = "c";
    onlyNull.nullable = false;
    onlyNull.existingNullable = true;
    AlterColumnOp onlyNullBack = onlyNull;
    onlyNullBack.nullable = true;
    onlyNullBack.existingNullable = false;
    QTest::newRow("alter_column nullability") << op(onlyNull) << op(onlyNullBack) << true;

    QTest::newRow("create_index") << op(CreateIndexOp{"users", index, true}) << op(DropIndexOp{"users", index.name, index, true}) << true;
    QTest::newRow("drop_index") << op(DropIndexOp{"users", index.name, index, false}) << op(CreateIndexOp{"users", index, false}) << true;
    QTest::newRow("add_foreign_key") << op(AddForeignKeyOp{"users", orgKey()}) << op(DropForeignKeyOp{"users", "fk_users_org", orgKey()}) << true;
    QTest::newRow("drop_foreign_key") << op(DropForeignKeyOp{"users", "fk_users_org", orgKey()}) << op(AddForeignKeyOp{"users", orgKey()}) << true;
    QTest::newRow("add_unique") << op(AddUniqueOp{"users", unique}) << op(DropUniqueOp{"users", unique.name, unique}) << true;
    QTest::newRow("drop_unique") << op(DropUniqueOp{"users", unique.name, unique}) << op(AddUniqueOp{"users", unique}) << true;
    QTest::newRow("add_check") << op(AddCheckOp{"users", check}) << op(DropCheckOp{"users", check.name, check}) << true;
    QTest::newRow("drop_check") << op(DropCheckOp{"users", check.name, check}) << op(AddCheckOp{"users", check}) << true;
    QTest::newRow("create_enum") << op(CreateEnumOp{mood}) << op(DropEnumOp{"mood", mood}) << true;
    QTest::newRow("drop_enum") << op(DropEnumOp{"mood", mood}) << op(CreateEnumOp{mood}) << true;
}

void tst_OperationInverse::inverse()
{
    QFETCH(Operation, operation);
    QFETCH(Operation, expected);
    QFETCH(bool, involution);
    const std::expected<Operation, QString> inverse = OperationInverse::of(operation);
    QVERIFY2(inverse.has_value(), inverse ? "" : qPrintable(inverse.error()));
    QCOMPARE(inverse->key(), expected.key());
    QVERIFY(*inverse == expected);
    const std::expected<Operation, QString> twice = OperationInverse::of(*inverse);
    QVERIFY(twice.has_value());
    QCOMPARE(*twice == operation, involution);
}

void tst_OperationInverse::noInverse_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("reason");
    QTest::newRow("drop_table without definition") << op(DropTableOp{"users", std::nullopt})
        << "the drop of table 'users' has no definition of what it drops: add 'definition' to make it reversible";
    QTest::newRow("drop_column without definition") << op(DropColumnOp{"users", "locale", std::nullopt})
        << "the drop of column 'users.locale' has no definition";
    QTest::newRow("drop_index without definition") << op(DropIndexOp{"users", "ix", std::nullopt, false})
        << "the drop of index 'ix' has no definition";
    QTest::newRow("drop_foreign_key without definition") << op(DropForeignKeyOp{"users", "fk", std::nullopt})
        << "the drop of foreign key 'fk' has no definition";
    QTest::newRow("drop_unique without definition") << op(DropUniqueOp{"users", "uq", std::nullopt})
        << "the drop of unique constraint 'uq' has no definition";
    QTest::newRow("drop_check without definition") << op(DropCheckOp{"users", "ck", std::nullopt})
        << "the drop of check 'ck' has no definition";
    QTest::newRow("drop_enum without definition") << op(DropEnumOp{"mood", std::nullopt})
        << "the drop of enum 'mood' has no definition";
    QTest::newRow("add_enum_value") << op(AddEnumValueOp{"mood", "meh", {}, {}})
        << "PostgreSQL cannot remove value 'meh' from enum mood again";
    QTest::newRow("sql") << op(SqlOp{"UPDATE t SET a = 1", {}, true}) << "raw SQL has no derivable inverse";
    ForeignKey unnamed = orgKey();
    unnamed.name.clear();
    QTest::newRow("unnamed foreign key") << op(AddForeignKeyOp{"users", unnamed})
        << "the foreign key added to users has no name";
    AlterColumnOp noExisting;
    noExisting.table = "users";
    noExisting.column = "age";
    noExisting.type = ColumnType::of(Kind::BigInt);
    QTest::newRow("alter_column type without existing_type") << op(noExisting)
        << "alter_column of users.age changes its type without 'existing_type'";
    AlterColumnOp noExistingDefault;
    noExistingDefault.table = "users";
    noExistingDefault.column = "age";
    noExistingDefault.defaultValue = DefaultValue();
    QTest::newRow("alter_column default without existing_default") << op(noExistingDefault)
        << "alter_column of users.age changes its default without 'existing_default'";
}

void tst_OperationInverse::noInverse()
{
    QFETCH(Operation, operation);
    QFETCH(QString, reason);
    const std::expected<Operation, QString> inverse = OperationInverse::of(operation);
    QVERIFY(!inverse.has_value());
    QVERIFY2(inverse.error().startsWith(reason), qPrintable(inverse.error()));
}

void tst_OperationInverse::alterKeepsContext()
{
    // existing_* of attributes the operation does not change stay as context.
    AlterColumnOp a;
    a.table = "users";
    a.column = "email";
    a.nullable = false;
    a.existingNullable = true;
    a.existingType = ColumnType::of(Kind::Varchar, 255);
    a.existingDefault = DefaultValue::string("x");
    const std::expected<Operation, QString> inverse = OperationInverse::of(op(a));
    QVERIFY(inverse.has_value());
    const AlterColumnOp *b = inverse->as<AlterColumnOp>();
    QVERIFY(b);
    QCOMPARE(b->nullable, std::optional<bool>(true));
    QCOMPARE(b->existingNullable, std::optional<bool>(false));
    QVERIFY(!b->type.has_value());
    QCOMPARE(b->existingType, std::optional<ColumnType>(ColumnType::of(Kind::Varchar, 255)));
    QVERIFY(!b->defaultValue.has_value());
    QCOMPARE(b->existingDefault, std::optional<DefaultValue>(DefaultValue::string("x")));
    QVERIFY(b->newName.isEmpty());
    QCOMPARE(b->column, QStringLiteral("email"));
}

void tst_OperationInverse::list()
{
    const Column locale = column("locale", ColumnType::of(Kind::Text));
    Operation create = op(CreateTableOp{usersTable()});
    create.note = QStringLiteral("a note");
    create.line = 7;
    const Operations upgrade{create, op(AddColumnOp{"users", locale}), op(RenameTableOp{"users", "accounts"})};
    const std::expected<Operations, QStringList> downgrade = OperationInverse::ofAll(upgrade);
    QVERIFY(downgrade.has_value());
    const Operations expected{op(RenameTableOp{"accounts", "users"}), op(DropColumnOp{"users", "locale", locale}),
                              op(DropTableOp{"users", usersTable()})};
    QCOMPARE(*downgrade, expected);
    QVERIFY(downgrade->constLast().note.isEmpty());
    QCOMPARE(downgrade->constLast().line, 0);
    QCOMPARE(OperationInverse::ofAll({})->size(), 0);
}

void tst_OperationInverse::listReasons()
{
    const Operations upgrade{op(SqlOp{"SELECT 1", {}, true}), op(RenameTableOp{"a", "b"}),
                             op(DropColumnOp{"users", "locale", std::nullopt})};
    const std::expected<Operations, QStringList> downgrade = OperationInverse::ofAll(upgrade);
    QVERIFY(!downgrade.has_value());
    QCOMPARE(downgrade.error().size(), 2);
    QVERIFY2(downgrade.error().at(0).startsWith(QStringLiteral("sql: SELECT 1: raw SQL")), qPrintable(downgrade.error().at(0)));
    QVERIFY2(downgrade.error().at(1).startsWith(QStringLiteral("drop column users.locale: the drop of column")),
             qPrintable(downgrade.error().at(1)));
}

QTEST_GUILESS_MAIN(tst_OperationInverse)
#include "tst_operationinverse.moc"
