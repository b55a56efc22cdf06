// Writing migration files: the documented style, notes as comments, and
// read(write(m)) == m for every operation kind; file names and revision ids.

#include "ModelBuilders.h"
#include "TestResult.h"
#include "migration/MigrationReader.h"
#include "migration/MigrationWriter.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using sd::testing::column;
using Kind = ColumnType::Kind;

namespace {

Operation op(OperationData data, const QString &note = {})
{
    Operation o;
    o.data = std::move(data);
    o.note = note;
    return o;
}

Table preferencesTable()
{
    Table t;
    t.name = "user_preferences";
    t.comment = "per user";
    t.columns << column("user_id", ColumnType::of(Kind::BigInt), false)
              << column("theme", ColumnType::of(Kind::Varchar, 32), false, DefaultValue::string("light"))
              << column("mood", ColumnType::enumeration("mood"))
              << column("price", ColumnType::numeric(10, 2), true, DefaultValue::number("1.50"))
              << column("doc", ColumnType::native(QMap<QString, QString>{{"postgresql", "tsvector"}, {"sqlite", "text"}}));
    t.primaryKey.columns = {"user_id"};
    t.indexes << Index{"ix_prefs_theme", {"theme"}, {}, false, "theme <> 'dark'", {}};
    t.uniqueConstraints << UniqueConstraint{"uq_prefs_theme_mood", {"theme", "mood"}, false, false};
    ForeignKey fk;
    fk.name = "fk_prefs_user";
    fk.columns = {"user_id"};
    fk.referencedTable = "users";
    fk.referencedColumns = {"id"};
    fk.onDelete = ReferentialAction::Cascade;
    t.foreignKeys << fk;
    t.checks << Check{"ck_prefs_theme", "theme IN ('light', 'dark')", false};
    return t;
}

Migration base()
{
    Migration m;
    m.revision = "4c1f0e9a2b7d";
    m.downRevisions = {"9a8b7c6d5e4f"};
    m.message = "add user preferences table";
    m.created = QDateTime(QDate(2026, 11, 24), QTime(10, 15), Qt::UTC);
    return m;
}

ForeignKey orgKey()
{
    ForeignKey fk;
    fk.name = "fk_users_org";
    fk.columns = {"org_id"};
    fk.referencedTable = "orgs";
    fk.referencedColumns = {"id"};
    fk.onUpdate = ReferentialAction::SetNull;
    fk.deferrable = true;
    fk.initiallyDeferred = true;
    return fk;
}

} // namespace

class tst_MigrationWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void documentedStyle();
    void notesAsComments();
    void emptyAndMergeRevisions();
    void slug_data();
    void slug();
    void fileName();
    void newRevisionId();
    void writeFile();
};

void tst_MigrationWriter::roundTrip_data()
{
    QTest::addColumn<Operation>("operation");
    Column locale = column("locale", ColumnType::of(Kind::Varchar, 16), false, DefaultValue::string("en"));
    locale.comment = "ISO code, e.g. 'en'";
    Column serial = column("n", ColumnType::of(Kind::Integer), false);
    serial.autoincrement = Autoincrement::Always;
    Column generated = column("total", ColumnType::numeric(12, 2));
    generated.generated = "price * quantity";
    generated.generatedStored = false;

    QTest::newRow("create_table") << op(CreateTableOp{preferencesTable()});
    QTest::newRow("drop_table") << op(DropTableOp{"user_preferences", std::nullopt});
    QTest::newRow("drop_table with definition") << op(DropTableOp{"user_preferences", preferencesTable()});
    QTest::newRow("rename_table") << op(RenameTableOp{"users", "accounts"});
    QTest::newRow("add_column") << op(AddColumnOp{"users", locale});
    QTest::newRow("add_column identity") << op(AddColumnOp{"users", serial});
    QTest::newRow("add_column generated") << op(AddColumnOp{"orders", generated});
    QTest::newRow("add_column enum") << op(AddColumnOp{"users", column("mood", ColumnType::enumeration("mood"))});
    QTest::newRow("add_column default null") << op(AddColumnOp{"users", column("x", ColumnType::of(Kind::Text), true, DefaultValue::null())});
    QTest::newRow("drop_column") << op(DropColumnOp{"users", "locale", std::nullopt});
    QTest::newRow("drop_column with definition") << op(DropColumnOp{"users", "locale", locale});

    AlterColumnOp full;
    full.table = "users";
    full.column = "age";
    full.type = ColumnType::of(Kind::Integer);
    full.usingExpression = "age::integer";
    full.nullable = false;
    full.defaultValue = DefaultValue::number("0");
    full.comment = "years";
    full.newName = "age_years";
    full.existingType = ColumnType::of(Kind::Text);
    full.existingNullable = true;
    full.existingDefault = DefaultValue();
    full.existingComment = QString();
    QTest::newRow("alter_column everything") << op(full);
    AlterColumnOp dropDefault;
    dropDefault.table = "users";
    dropDefault.column = "active";
    dropDefault.defaultValue = DefaultValue();
    dropDefault.existingDefault = DefaultValue::boolean(true);
    QTest::newRow("alter_column drop default") << op(dropDefault);
    AlterColumnOp nullDefault;
    nullDefault.table = "users";
    nullDefault.column = "active";
    nullDefault.defaultValue = DefaultValue::null();
    nullDefault.existingDefault = DefaultValue::expression("CURRENT_TIMESTAMP");
    QTest::newRow("alter_column default NULL") << op(nullDefault);
    AlterColumnOp nativeType;
    nativeType.table = "docs";
    nativeType.column = "body";
    nativeType.type = ColumnType::native(DialectKind::PostgreSQL, "tsvector");
    nativeType.existingType = ColumnType::numeric(10, 2);
    nativeType.comment = "a: b, c";
    QTest::newRow("alter_column native type") << op(nativeType);

    QTest::newRow("create_index") << op(CreateIndexOp{"users", Index{"ix_users_locale", {"locale"}, {}, false, {}, {}}, false});
    QTest::newRow("create_index expression concurrently")
        << op(CreateIndexOp{"users", Index{"ix_users_lower", {}, "lower(email)", true, "deleted_at IS NULL", "gin"}, true});
    QTest::newRow("drop_index") << op(DropIndexOp{"users", "ix_users_locale", std::nullopt, false});
    QTest::newRow("drop_index with definition concurrently")
        << op(DropIndexOp{"users", "ix_users_locale", Index{"ix_users_locale", {"locale", "email"}, {}, true, {}, {}}, true});
    QTest::newRow("add_foreign_key") << op(AddForeignKeyOp{"users", orgKey()});
    QTest::newRow("drop_foreign_key") << op(DropForeignKeyOp{"users", "fk_users_org", std::nullopt});
    QTest::newRow("drop_foreign_key with definition") << op(DropForeignKeyOp{"users", "fk_users_org", orgKey()});
    QTest::newRow("add_unique") << op(AddUniqueOp{"users", UniqueConstraint{"uq_users_email", {"email"}, true, false}});
    QTest::newRow("drop_unique") << op(DropUniqueOp{"users", "uq_users_email", std::nullopt});
    QTest::newRow("drop_unique with definition")
        << op(DropUniqueOp{"users", "uq_users_email", UniqueConstraint{"uq_users_email", {"email", "org_id"}, false, false}});
    QTest::newRow("add_check") << op(AddCheckOp{"users", Check{"ck_users_email", "email <> ''", true}});
    QTest::newRow("drop_check") << op(DropCheckOp{"users", "ck_users_email", std::nullopt});
    QTest::newRow("drop_check with definition") << op(DropCheckOp{"users", "ck_users_email", Check{"ck_users_email", "email LIKE '%@%'", false}});
    QTest::newRow("create_enum") << op(CreateEnumOp{EnumType{"rating", {"G", "PG", "PG-13", "R", "NC-17"}}});
    QTest::newRow("drop_enum") << op(DropEnumOp{"rating", std::nullopt});
    QTest::newRow("drop_enum with definition") << op(DropEnumOp{"rating", EnumType{"rating", {"yes", "no", "null"}}});
    QTest::newRow("add_enum_value") << op(AddEnumValueOp{"rating", "NR", {}, {}});
    QTest::newRow("add_enum_value before") << op(AddEnumValueOp{"rating", "PG-15", "R", {}});
    QTest::newRow("add_enum_value after") << op(AddEnumValueOp{"rating", "X", {}, "NC-17"});
    QTest::newRow("sql") << op(SqlOp{"UPDATE users SET locale = 'en' WHERE locale IS NULL", {}, true});
    QTest::newRow("sql not transactional") << op(SqlOp{"CREATE INDEX CONCURRENTLY ix ON t (a)", {}, false});
    QTest::newRow("sql multi-line") << op(SqlOp{"UPDATE users\n  SET a = 1\n\nWHERE b: \"c\"", {}, true});
    QTest::newRow("sql with trailing newline and tab") << op(SqlOp{"SELECT\t1;\n", {}, true});
    QTest::newRow("sql per dialect")
        << op(SqlOp{{}, QMap<QString, QString>{{"postgresql", "SELECT now()"}, {"sqlite", "SELECT datetime('now')"}}, true});
    QTest::newRow("sql per dialect multi-line, not transactional")
        << op(SqlOp{{}, QMap<QString, QString>{{"postgresql", "CREATE INDEX CONCURRENTLY a\nON t (a)"}}, false});
}

void tst_MigrationWriter::roundTrip()
{
    QFETCH(Operation, operation);
    Migration m = base();
    m.upgrade << operation;
    m.downgrade << op(SqlOp{"SELECT 1", {}, true}) << operation;
    const QByteArray yaml = MigrationWriter::toYaml(m);
    MultiResult<Migration> read = MigrationReader::read(yaml, QStringLiteral("m.yaml"));
    if (!read)
        QFAIL(qPrintable(joinErrors(read.error()) + QStringLiteral("\n") + QString::fromUtf8(yaml)));
    read->checksum.clear();
    QVERIFY2(*read == m, yaml.constData());
    // Positions are filled by the reader.
    QVERIFY(read->upgrade.constFirst().line >= 6);
    QCOMPARE(read->upgrade.constFirst().column, 5);
}

void tst_MigrationWriter::documentedStyle()
{
    Migration m = base();
    Table prefs;
    prefs.name = "user_preferences";
    prefs.columns << column("user_id", ColumnType::of(Kind::BigInt), false)
                  << column("theme", ColumnType::of(Kind::Varchar, 32), false, DefaultValue::string("light"));
    prefs.primaryKey.columns = {"user_id"};
    ForeignKey fk;
    fk.columns = {"user_id"};
    fk.referencedTable = "users";
    fk.referencedColumns = {"id"};
    fk.onDelete = ReferentialAction::Cascade;
    prefs.foreignKeys << fk;
    m.upgrade << op(CreateTableOp{prefs})
              << op(AddColumnOp{"users", column("locale", ColumnType::of(Kind::Varchar, 16))})
              << op(CreateIndexOp{"users", Index{"ix_users_locale", {"locale"}, {}, false, {}, {}}, false})
              << op(SqlOp{"UPDATE users SET locale = 'en' WHERE locale IS NULL", {}, true});
    m.downgrade << op(DropIndexOp{"users", "ix_users_locale", std::nullopt, false})
                << op(DropColumnOp{"users", "locale", std::nullopt})
                << op(DropTableOp{"user_preferences", std::nullopt});

    const QByteArray expected = R"(revision: 4c1f0e9a2b7d
down_revision: 9a8b7c6d5e4f
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
    QCOMPARE(QString::fromUtf8(MigrationWriter::toYaml(m)), QString::fromUtf8(expected));
}

void tst_MigrationWriter::notesAsComments()
{
    Migration m = base();
    m.upgrade << op(DropColumnOp{"users", "legacy_flag", column("legacy_flag", ColumnType::of(Kind::Boolean))},
                    QStringLiteral("destroys data: drops column users.legacy_flag"))
              << op(DropTableOp{"old", std::nullopt}, QStringLiteral("destroys data: drops table old\nno definition: cannot be reversed"));
    const QByteArray yaml = MigrationWriter::toYaml(m);
    QVERIFY2(yaml.contains("upgrade:\n"
                           "  # destroys data: drops column users.legacy_flag\n"
                           "  - drop_column: {table: users, column: legacy_flag, definition: {name: legacy_flag, type: boolean}}\n"
                           "  # destroys data: drops table old\n"
                           "  # no definition: cannot be reversed\n"
                           "  - drop_table: {name: old}\n"),
             yaml.constData());
    // Notes are comments: the file reads back to the same operations.
    MultiResult<Migration> read = MigrationReader::read(yaml, QStringLiteral("m.yaml"));
    SD_VERIFY_RESULT(read);
    QCOMPARE(read->upgrade, m.upgrade);
    QVERIFY(read->upgrade.constFirst().note.isEmpty());
    QCOMPARE(read->upgrade.at(1).line, 10);
}

void tst_MigrationWriter::emptyAndMergeRevisions()
{
    Migration first;
    first.revision = "000000000001";
    QCOMPARE(QString::fromUtf8(MigrationWriter::toYaml(first)),
             QStringLiteral("revision: \"000000000001\"\ndown_revision: null\nupgrade: []\ndowngrade: []\n"));

    Migration merge = base();
    merge.downRevisions = {"111111111111", "2222222222aa"};
    merge.upgrade.clear();
    const QByteArray yaml = MigrationWriter::toYaml(merge);
    QVERIFY2(yaml.contains("down_revision: [\"111111111111\", 2222222222aa]\n"), yaml.constData());
    MultiResult<Migration> read = MigrationReader::read(yaml, QStringLiteral("m.yaml"));
    SD_VERIFY_RESULT(read);
    QCOMPARE(read->downRevisions, merge.downRevisions);
    MultiResult<Migration> readFirst = MigrationReader::read(MigrationWriter::toYaml(first), QStringLiteral("m.yaml"));
    SD_VERIFY_RESULT(readFirst);
    QCOMPARE(readFirst->revision, first.revision);
    QVERIFY(readFirst->downRevisions.isEmpty());
}

void tst_MigrationWriter::slug_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "add user preferences table" << "add_user_preferences_table";
    QTest::newRow("case and punctuation") << "Add users.locale (ISO-639)!" << "add_users_locale_iso_639";
    QTest::newRow("runs collapsed, ends trimmed") << "  --drop   old__stuff--  " << "drop_old_stuff";
    QTest::newRow("accents dropped") << "Ajouter la table café" << "ajouter_la_table_cafe";
    QTest::newRow("non-latin only") << "добавить" << "";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("cut at 40, no trailing underscore")
        << "add a very long message that goes on and on forever" << "add_a_very_long_message_that_goes_on_and";
    QTest::newRow("cut lands on a separator") << QString(39, QLatin1Char('a')) + " bcd" << QString(39, QLatin1Char('a'));
}

void tst_MigrationWriter::slug()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QCOMPARE(MigrationWriter::slug(message), expected);
    QVERIFY(MigrationWriter::slug(message).size() <= 40);
}

void tst_MigrationWriter::fileName()
{
    QCOMPARE(MigrationWriter::fileName("4c1f0e9a2b7d", "add user preferences table"),
             QStringLiteral("4c1f0e9a2b7d_add_user_preferences_table.yaml"));
    QCOMPARE(MigrationWriter::fileName("4c1f0e9a2b7d", "!!!"), QStringLiteral("4c1f0e9a2b7d.yaml"));
}

void tst_MigrationWriter::newRevisionId()
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString id = MigrationWriter::newRevisionId();
        QVERIFY2(MigrationReader::isRevisionId(id), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 200);
}

void tst_MigrationWriter::writeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Migration m = base();
    m.upgrade << op(RenameTableOp{"a", "b"});
    m.downgrade << op(RenameTableOp{"b", "a"});
    const QString path = dir.filePath(MigrationWriter::fileName(m.revision, m.message));
    SD_VERIFY_RESULT(MigrationWriter::writeFile(m, path));
    MultiResult<Migration> read = MigrationReader::readFile(path);
    SD_VERIFY_RESULT(read);
    QCOMPARE(read->filePath, path);
    QCOMPARE(read->upgrade, m.upgrade);
    QCOMPARE(read->downgrade, m.downgrade);

    const Result<void> failed = MigrationWriter::writeFile(m, dir.filePath(QStringLiteral("missing/dir/x.yaml")));
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, Error::Code::Io);
}

QTEST_GUILESS_MAIN(tst_MigrationWriter)
#include "tst_migrationwriter.moc"
