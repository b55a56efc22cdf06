// Autogenerator: the exact operations and their order for each kind of
// difference, foreign-key ordering of new and dropped tables (cycles
// included), renames, notes on destructive operations, warnings for what
// no operation expresses, and the round trip through SchemaEvolver: the
// upgrade takes the live schema to the configuration, the downgrade takes
// it back, on every shared diff case and on both dialects.

#include "DiffCases.h"
#include "TestDatabase.h"
#include "autogen/Autogenerator.h"
#include "autogen/TableOrder.h"
#include "dialect/Dialect.h"
#include "diff/SchemaDiff.h"
#include "migration/SchemaEvolver.h"

#include "Overloaded.h"

#include <QTest>

using namespace sd;
using namespace sd::testing;

namespace {

Schema parse(const QString &yaml)
{
    auto s = schemaFromYaml(yaml);
    if (!s)
        qFatal("%s", qPrintable(joinErrors(s.error())));
    return *s;
}


// "alter_column users.email type=varchar(50) nullable=false !": the key,
// what it works on, what it sets, and " !" when it carries a note.
QString describe(const Operation &op)
{
    const auto at = [](const QString &table, const QString &name) -> QString { return table + QLatin1Char('.') + name; };
    QString text = op.key() + QLatin1Char(' ')
                   + std::visit(Overloaded{
                                    [](const CreateTableOp &o) -> QString { return o.table.name; },
                                    [](const DropTableOp &o) -> QString { return o.name; },
                                    [](const RenameTableOp &o) -> QString { return o.from + QLatin1Char('>') + o.to; },
                                    [&](const AddColumnOp &o) -> QString { return at(o.table, o.column.name); },
                                    [&](const DropColumnOp &o) -> QString { return at(o.table, o.column); },
                                    [&](const AlterColumnOp &o) -> QString {
                                        QString s = at(o.table, o.column);
                                        if (!o.newName.isEmpty())
                                            s += QLatin1Char('>') + o.newName;
                                        if (o.type)
                                            s += QStringLiteral(" type=") + o.type->spelling();
                                        if (o.nullable)
                                            s += QStringLiteral(" nullable=") + (*o.nullable ? QStringLiteral("true") : QStringLiteral("false"));
                                        if (o.defaultValue)
                                            s += QStringLiteral(" default=") + (o.defaultValue->isSet() ? o.defaultValue->display() : QStringLiteral("none"));
                                        if (o.comment)
                                            s += QStringLiteral(" comment=") + *o.comment;
                                        return s;
                                    },
                                    [&](const CreateIndexOp &o) -> QString { return at(o.table, o.index.name); },
                                    [&](const DropIndexOp &o) -> QString { return at(o.table, o.name); },
                                    [&](const AddForeignKeyOp &o) -> QString { return at(o.table, o.foreignKey.name); },
                                    [&](const DropForeignKeyOp &o) -> QString { return at(o.table, o.name); },
                                    [&](const AddUniqueOp &o) -> QString { return at(o.table, o.unique.name); },
                                    [&](const DropUniqueOp &o) -> QString { return at(o.table, o.name); },
                                    [&](const AddCheckOp &o) -> QString { return at(o.table, o.check.name); },
                                    [&](const DropCheckOp &o) -> QString { return at(o.table, o.name); },
                                    [](const CreateEnumOp &o) -> QString { return o.type.name; },
                                    [](const DropEnumOp &o) -> QString { return o.name; },
                                    [](const AddEnumValueOp &o) -> QString {
                                        return o.enumName + QLatin1Char(' ') + o.value
                                               + (o.before.isEmpty() ? QString() : QStringLiteral(" before ") + o.before);
                                    },
                                    [](const SqlOp &o) -> QString { return o.sql; },
                                },
                                op.data);
    if (!op.note.isEmpty())
        text += QStringLiteral(" !");
    return text;
}

QStringList describe(const Operations &ops)
{
    QStringList out;
    for (const Operation &op : ops)
        out << describe(op);
    return out;
}

// Applies `ops` to `schema` in turn; the first failure fails the test.
bool evolve(Schema &schema, const Operations &ops, QString *error)
{
    for (const Operation &op : ops) {
        if (auto done = SchemaEvolver::apply(schema, op); !done) {
            *error = describe(op) + QStringLiteral(": ") + done.error().toString();
            return false;
        }
    }
    return true;
}

AutogenerateResult autogenerate(const Schema &configured, const Schema &live, DialectKind dialect)
{
    return Autogenerator::generate(SchemaDiff::compare(configured, live, Dialect::get(dialect)), configured, live, dialect);
}

const QString base = QStringLiteral(R"(tables:
  - name: orgs
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: name, type: varchar(100), nullable: false}
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: varchar(100), nullable: false}
      - {name: name, type: text}
      - {name: age, type: integer, default: 0}
      - {name: org_id, type: bigint}
    indexes:
      - {name: ix_users_email, columns: [email]}
    foreign_keys:
      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}
    checks:
      - {name: ck_users_age, expression: "age >= 0"}
)");

QString with(const char *from, const char *to)
{
    QString s = base;
    if (!s.contains(QLatin1String(from)))
        qFatal("base has no '%s'", from);
    return s.replace(QLatin1String(from), QLatin1String(to));
}

QString plus(const char *tables)
{
    return base + QLatin1String(tables);
}

} // namespace

class tst_Autogenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // One row per difference kind: the exact upgrade and downgrade.
    void operations_data()
    {
        QTest::addColumn<QString>("live");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QStringList>("upgrade");
        QTest::addColumn<QStringList>("downgrade");
        const int pg = int(DialectKind::PostgreSQL);
        const int sqlite = int(DialectKind::Sqlite);

        QTest::newRow("no change") << base << base << pg << QStringList() << QStringList();
        QTest::newRow("table added")
            << base << plus("  - name: tags\n    columns:\n      - {name: id, type: integer, primary_key: true}\n") << pg
            << QStringList{"create_table tags"} << QStringList{"drop_table tags !"};
        QTest::newRow("table removed")
            << plus("  - name: tags\n    columns:\n      - {name: id, type: integer, primary_key: true}\n") << base << pg
            << QStringList{"drop_table tags !"} << QStringList{"create_table tags"};
        QTest::newRow("table renamed")
            << plus("  - name: legacy\n    columns:\n      - {name: id, type: integer, primary_key: true}\n")
            << plus("  - name: archive\n    renamed_from: legacy\n    columns:\n      - {name: id, type: integer, primary_key: true}\n")
            << pg << QStringList{"rename_table legacy>archive"} << QStringList{"rename_table archive>legacy"};
        QTest::newRow("column added")
            << base << with("      - {name: org_id, type: bigint}\n", "      - {name: org_id, type: bigint}\n      - {name: locale, type: varchar(16)}\n")
            << pg << QStringList{"add_column users.locale"} << QStringList{"drop_column users.locale !"};
        QTest::newRow("column removed")
            << base << with("      - {name: name, type: text}\n", "") << pg << QStringList{"drop_column users.name !"}
            << QStringList{"add_column users.name"};
        QTest::newRow("column renamed")
            << base << with("{name: name, type: text}", "{name: display_name, type: text, renamed_from: name}") << pg
            << QStringList{"alter_column users.name>display_name"} << QStringList{"alter_column users.display_name>name"};
        QTest::newRow("column type narrowed")
            << base << with("{name: email, type: varchar(100)", "{name: email, type: varchar(50)") << pg
            << QStringList{"alter_column users.email type=varchar(50) !"} << QStringList{"alter_column users.email type=varchar(100)"};
        QTest::newRow("column type widened")
            << base << with("{name: email, type: varchar(100)", "{name: email, type: varchar(200)") << pg
            << QStringList{"alter_column users.email type=varchar(200)"} << QStringList{"alter_column users.email type=varchar(100) !"};
        QTest::newRow("column made not null")
            << base << with("{name: name, type: text}", "{name: name, type: text, nullable: false}") << pg
            << QStringList{"alter_column users.name nullable=false !"} << QStringList{"alter_column users.name nullable=true"};
        QTest::newRow("type, null and default of one column in one alter")
            << base << with("{name: age, type: integer, default: 0}", "{name: age, type: bigint, nullable: false, default: 1}") << pg
            << QStringList{"alter_column users.age type=bigint nullable=false default=1 !"}
            << QStringList{"alter_column users.age type=integer nullable=true default=0 !"}; // bigint back to integer narrows
        QTest::newRow("default removed")
            << base << with("{name: age, type: integer, default: 0}", "{name: age, type: integer}") << pg
            << QStringList{"alter_column users.age default=none"} << QStringList{"alter_column users.age default=0"};
        QTest::newRow("column comment changed")
            << base << with("{name: name, type: text}", "{name: name, type: text, comment: Shown to others}") << pg
            << QStringList{"alter_column users.name comment=Shown to others"} << QStringList{"alter_column users.name comment="};
        QTest::newRow("index added")
            << base << with("      - {name: ix_users_email, columns: [email]}\n", "      - {name: ix_users_email, columns: [email]}\n      - {name: ix_users_name, columns: [name]}\n")
            << pg << QStringList{"create_index users.ix_users_name"} << QStringList{"drop_index users.ix_users_name"};
        QTest::newRow("index removed")
            << base << with("    indexes:\n      - {name: ix_users_email, columns: [email]}\n", "") << pg
            << QStringList{"drop_index users.ix_users_email"} << QStringList{"create_index users.ix_users_email"};
        QTest::newRow("index changed: drop then add")
            << base << with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], unique: true}") << pg
            << QStringList{"drop_index users.ix_users_email", "create_index users.ix_users_email"}
            << QStringList{"drop_index users.ix_users_email", "create_index users.ix_users_email"};
        QTest::newRow("unique added, unnamed: named for the downgrade")
            << base << with("    foreign_keys:\n", "    unique_constraints:\n      - {columns: [name]}\n    foreign_keys:\n") << pg
            << QStringList{"add_unique users.uq_users_name"} << QStringList{"drop_unique users.uq_users_name"};
        QTest::newRow("unique removed")
            << with("    foreign_keys:\n", "    unique_constraints:\n      - {name: uq_users_name, columns: [name]}\n    foreign_keys:\n") << base << pg
            << QStringList{"drop_unique users.uq_users_name"} << QStringList{"add_unique users.uq_users_name"};
        QTest::newRow("foreign key removed")
            << base << with("    foreign_keys:\n      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}\n", "") << pg
            << QStringList{"drop_foreign_key users.fk_users_org"} << QStringList{"add_foreign_key users.fk_users_org"};
        QTest::newRow("foreign key changed: drop first, add last")
            << base << with("references: {table: orgs, columns: [id]}}", "references: {table: orgs, columns: [id]}, on_delete: cascade}") << pg
            << QStringList{"drop_foreign_key users.fk_users_org", "add_foreign_key users.fk_users_org"}
            << QStringList{"drop_foreign_key users.fk_users_org", "add_foreign_key users.fk_users_org"};
        QTest::newRow("check changed")
            << base << with("expression: \"age >= 0\"", "expression: \"age >= 18\"") << pg
            << QStringList{"drop_check users.ck_users_age", "add_check users.ck_users_age"}
            << QStringList{"drop_check users.ck_users_age", "add_check users.ck_users_age"};
        QTest::newRow("check added, unnamed: numbered")
            << base << with("      - {name: ck_users_age, expression: \"age >= 0\"}\n", "      - {name: ck_users_age, expression: \"age >= 0\"}\n      - {expression: \"email <> ''\"}\n")
            << pg << QStringList{"add_check users.ck_users_1"} << QStringList{"drop_check users.ck_users_1"};
        QTest::newRow("enum added with its column: enum first")
            << base << with("tables:\n", "enums:\n  - {name: mood, values: [happy, sad]}\ntables:\n").replace(
                   QLatin1String("      - {name: org_id, type: bigint}\n"), QLatin1String("      - {name: org_id, type: bigint}\n      - {name: mood, type: mood}\n"))
            << pg << QStringList{"create_enum mood", "add_column users.mood"}
            << QStringList{"drop_column users.mood !", "drop_enum mood"};
        QTest::newRow("enum removed with its column: enum last")
            << with("tables:\n", "enums:\n  - {name: mood, values: [happy, sad]}\ntables:\n").replace(
                   QLatin1String("      - {name: org_id, type: bigint}\n"), QLatin1String("      - {name: org_id, type: bigint}\n      - {name: mood, type: mood}\n"))
            << base << pg << QStringList{"drop_column users.mood !", "drop_enum mood"}
            << QStringList{"create_enum mood", "add_column users.mood"};
        QTest::newRow("enum values added in place")
            << with("tables:\n", "enums:\n  - {name: mood, values: [happy, sad]}\ntables:\n")
            << with("tables:\n", "enums:\n  - {name: mood, values: [calm, happy, sad, angry]}\ntables:\n") << pg
            << QStringList{"add_enum_value mood calm before happy", "add_enum_value mood angry"} << QStringList();
        QTest::newRow("sqlite: enum column is text with a named check")
            << base << with("tables:\n", "enums:\n  - {name: mood, values: [happy, sad]}\ntables:\n").replace(
                   QLatin1String("      - {name: org_id, type: bigint}\n"), QLatin1String("      - {name: org_id, type: bigint}\n      - {name: mood, type: mood}\n"))
            << sqlite << QStringList{"add_column users.mood", "add_check users.ck_users_1"}
            << QStringList{"drop_check users.ck_users_1", "drop_column users.mood !"};
        QTest::newRow("column dropped after its index and check")
            << base << with("      - {name: age, type: integer, default: 0}\n", "").replace(QLatin1String("      - {name: ck_users_age, expression: \"age >= 0\"}\n"), QLatin1String("")).replace(QLatin1String("    checks:\n"), QLatin1String(""))
            << pg << QStringList{"drop_check users.ck_users_age", "drop_column users.age !"}
            << QStringList{"add_column users.age", "add_check users.ck_users_age"};
    }

    void operations()
    {
        QFETCH(QString, live);
        QFETCH(QString, configured);
        QFETCH(int, dialect);
        QFETCH(QStringList, upgrade);
        QFETCH(QStringList, downgrade);
        const AutogenerateResult result = autogenerate(parse(configured), parse(live), DialectKind(dialect));
        QCOMPARE(describe(result.upgrade), upgrade);
        QCOMPARE(describe(result.downgrade), downgrade);
    }

    // What no operation expresses is a warning naming it, never dropped in silence.
    void warnings_data()
    {
        QTest::addColumn<QString>("live");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QStringList>("warnings");
        QTest::newRow("primary key changed")
            << with("{name: id, type: bigint, primary_key: true}\n      - {name: email", "{name: id, type: bigint}\n      - {name: email")
            << base << QStringList{"not generated: users: change primary key from () to (id) (no operation changes a primary key; write it as sql)"};
        QTest::newRow("table comment changed")
            << base << with("  - name: users\n", "  - name: users\n    comment: People\n")
            << QStringList{"not generated: change comment of table users to 'People' (no operation changes a table's comment; write it as sql)"};
        QTest::newRow("enum value removed")
            << with("tables:\n", "enums:\n  - {name: mood, values: [happy, sad]}\ntables:\n")
            << with("tables:\n", "enums:\n  - {name: mood, values: [happy]}\ntables:\n")
            << QStringList{"not generated: change enum mood values from (happy, sad) to (happy) "
                           "(removing or reordering enum values needs the type recreated; write it as sql)"};
        QTest::newRow("enum value added: no downgrade")
            << with("tables:\n", "enums:\n  - {name: mood, values: [happy]}\ntables:\n")
            << with("tables:\n", "enums:\n  - {name: mood, values: [happy, sad]}\ntables:\n")
            << QStringList{"no downgrade for: add value 'sad' to enum mood (PostgreSQL cannot remove value 'sad' from enum mood "
                           "again: write the downgrade by hand (recreate the type))"};
    }

    void warnings()
    {
        QFETCH(QString, live);
        QFETCH(QString, configured);
        QFETCH(QStringList, warnings);
        QCOMPARE(autogenerate(parse(configured), parse(live), DialectKind::PostgreSQL).warnings, warnings);
    }

    void notesOnDestructiveOperations()
    {
        const Schema live = parse(with("{name: name, type: text}", "{name: legacy_flag, type: boolean}"));
        const Schema configured = parse(with("      - {name: name, type: text}\n", "")
                                            .replace(QLatin1String("{name: email, type: varchar(100)"), QLatin1String("{name: email, type: varchar(50)")));
        const AutogenerateResult result = autogenerate(configured, live, DialectKind::PostgreSQL);
        QCOMPARE(describe(result.upgrade), (QStringList{"alter_column users.email type=varchar(50) !", "drop_column users.legacy_flag !"}));
        QCOMPARE(result.upgrade[0].note,
                 QStringLiteral("destroys data: narrows users.email from varchar(100) to varchar(50): values that do not fit are lost or refused"));
        QCOMPARE(result.upgrade[1].note, QStringLiteral("destroys data: drops column users.legacy_flag and the values it holds"));
        // The downgrade drops nothing and widens: no note.
        QCOMPARE(result.downgrade[0].note, QString());
        QCOMPARE(result.downgrade[1].note, QString());
        // The drop carries what it drops, from the live side.
        QCOMPARE(result.upgrade[1].as<DropColumnOp>()->definition->type, ColumnType::of(ColumnType::Kind::Boolean));
        const auto *alter = result.upgrade[0].as<AlterColumnOp>();
        QCOMPARE(alter->existingType, std::optional(ColumnType::of(ColumnType::Kind::Varchar, 100)));
        QCOMPARE(alter->existingNullable, std::optional(false));
    }

    void newTablesReferencedFirst()
    {
        // Listed so that each references one listed after it.
        const Schema configured = parse(plus(R"(  - name: c
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: b_id, type: integer}
    foreign_keys:
      - {name: fk_c_b, columns: [b_id], references: {table: b, columns: [id]}}
  - name: b
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: a_id, type: integer}
      - {name: user_id, type: bigint}
    foreign_keys:
      - {name: fk_b_a, columns: [a_id], references: {table: a, columns: [id]}}
      - {name: fk_b_user, columns: [user_id], references: {table: users, columns: [id]}}
  - name: a
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: parent_id, type: integer}
    foreign_keys:
      - {name: fk_a_parent, columns: [parent_id], references: {table: a, columns: [id]}}
)"));
        const AutogenerateResult result = autogenerate(configured, parse(base), DialectKind::PostgreSQL);
        QCOMPARE(describe(result.upgrade), (QStringList{"create_table a", "create_table b", "create_table c"}));
        // Nothing deferred: every key is inline, the self-reference included.
        QCOMPARE(result.upgrade[0].as<CreateTableOp>()->table.foreignKeys.size(), 1);
        QCOMPARE(result.upgrade[1].as<CreateTableOp>()->table.foreignKeys.size(), 2);
        QCOMPARE(describe(result.downgrade), (QStringList{"drop_table c !", "drop_table b !", "drop_table a !"}));
    }

    void foreignKeyCycleBetweenNewTables()
    {
        const Schema configured = parse(plus(R"(  - name: teams
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: captain_id, type: integer}
    foreign_keys:
      - {name: fk_teams_captain, columns: [captain_id], references: {table: players, columns: [id]}}
  - name: players
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: team_id, type: integer}
    foreign_keys:
      - {columns: [team_id], references: {table: teams, columns: [id]}}
)"));
        const AutogenerateResult result = autogenerate(configured, parse(base), DialectKind::PostgreSQL);
        QCOMPARE(describe(result.upgrade),
                 (QStringList{"create_table teams", "create_table players", "add_foreign_key teams.fk_teams_captain"}));
        QVERIFY(result.upgrade[0].as<CreateTableOp>()->table.foreignKeys.isEmpty());
        QCOMPARE(result.upgrade[1].as<CreateTableOp>()->table.foreignKeys.size(), 1);
        QCOMPARE(describe(result.downgrade),
                 (QStringList{"drop_foreign_key teams.fk_teams_captain", "drop_table players !", "drop_table teams !"}));
    }

    void foreignKeyCycleBetweenDroppedTables()
    {
        const Schema live = parse(plus(R"(  - name: teams
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: captain_id, type: integer}
    foreign_keys:
      - {name: fk_teams_captain, columns: [captain_id], references: {table: players, columns: [id]}}
  - name: players
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: team_id, type: integer}
    foreign_keys:
      - {name: fk_players_team, columns: [team_id], references: {table: teams, columns: [id]}}
)"));
        const AutogenerateResult result = autogenerate(parse(base), live, DialectKind::PostgreSQL);
        QCOMPARE(describe(result.upgrade),
                 (QStringList{"drop_foreign_key teams.fk_teams_captain", "drop_table players !", "drop_table teams !"}));
        // The dropped table's definition lacks the key dropped before it.
        QVERIFY(result.upgrade[2].as<DropTableOp>()->definition->foreignKeys.isEmpty());
        QCOMPARE(result.upgrade[1].as<DropTableOp>()->definition->foreignKeys.size(), 1);
        QCOMPARE(describe(result.downgrade),
                 (QStringList{"create_table teams", "create_table players", "add_foreign_key teams.fk_teams_captain"}));
    }

    void foreignKeyToDroppedTableDroppedFirst()
    {
        // users keeps its table but loses its key to orgs, which goes.
        const Schema configured = parse(with("    foreign_keys:\n      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}\n", "")
                                            .replace(QLatin1String("  - name: orgs\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n      - {name: name, type: varchar(100), nullable: false}\n"),
                                                     QLatin1String("")));
        const AutogenerateResult result = autogenerate(configured, parse(base), DialectKind::PostgreSQL);
        QCOMPARE(describe(result.upgrade), (QStringList{"drop_foreign_key users.fk_users_org", "drop_table orgs !"}));
        QCOMPARE(describe(result.downgrade), (QStringList{"create_table orgs", "add_foreign_key users.fk_users_org"}));
    }

    void renamedTableCarriesReferencesToIt()
    {
        // orgs becomes companies: the server rewrites fk_users_org with it,
        // so the key is neither dropped nor added.
        const Schema configured = parse(with("  - name: orgs\n", "  - name: companies\n    renamed_from: orgs\n")
                                            .replace(QLatin1String("references: {table: orgs"), QLatin1String("references: {table: companies")));
        const AutogenerateResult result = autogenerate(configured, parse(base), DialectKind::PostgreSQL);
        QCOMPARE(describe(result.upgrade), (QStringList{"rename_table orgs>companies"}));
        QCOMPARE(describe(result.downgrade), (QStringList{"rename_table companies>orgs"}));
    }

    void newTableReferencingNewUniqueWaitsForIt()
    {
        // The key of the new table needs the unique constraint added to orgs
        // in the same migration: it is added after it.
        const Schema configured = parse(with("      - {name: name, type: varchar(100), nullable: false}\n",
                                             "      - {name: name, type: varchar(100), nullable: false}\n    unique_constraints:\n      - {name: uq_orgs_name, columns: [name]}\n")
                                        + QStringLiteral(R"(  - name: aliases
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: org_name, type: varchar(100)}
    foreign_keys:
      - {name: fk_aliases_org, columns: [org_name], references: {table: orgs, columns: [name]}}
)"));
        const AutogenerateResult result = autogenerate(configured, parse(base), DialectKind::PostgreSQL);
        QCOMPARE(describe(result.upgrade),
                 (QStringList{"create_table aliases", "add_unique orgs.uq_orgs_name", "add_foreign_key aliases.fk_aliases_org"}));
    }

    void createTableUsesTheConfiguration()
    {
        // Not lowered: SQLite gets bigint with autoincrement as written (its
        // renderer lowers it); the enum column is text with its CHECK.
        const Schema configured = parse(QStringLiteral(R"(enums:
  - {name: mood, values: [happy, sad]}
tables:
  - name: notes
    comment: Notes
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: mood, type: mood}
)"));
        const AutogenerateResult result = autogenerate(configured, Schema(), DialectKind::Sqlite);
        QCOMPARE(describe(result.upgrade), QStringList{"create_table notes"});
        const Table &t = result.upgrade[0].as<CreateTableOp>()->table;
        QCOMPARE(t.columns[0].type, ColumnType::of(ColumnType::Kind::BigInt));
        QCOMPARE(t.columns[0].autoincrement, Autoincrement::Yes);
        QCOMPARE(t.columns[1].type, ColumnType::of(ColumnType::Kind::Text));
        QCOMPARE(t.checks.size(), 1);
        QCOMPARE(t.checks[0].expression, QStringLiteral("\"mood\" IN ('happy', 'sad')"));
        // On PostgreSQL the enum is created first and the column keeps its type.
        const AutogenerateResult pg = autogenerate(configured, Schema(), DialectKind::PostgreSQL);
        QCOMPARE(describe(pg.upgrade), (QStringList{"create_enum mood", "create_table notes"}));
        QCOMPARE(pg.upgrade[1].as<CreateTableOp>()->table.columns[1].type, ColumnType::enumeration(QStringLiteral("mood")));
    }

    void tableOrderIsStable()
    {
        QList<Table> tables(4);
        for (int i = 0; i < 4; ++i)
            tables[i].name = QStringLiteral("t%1").arg(i);
        const auto reference = [](Table &from, const QString &to) {
            from.foreignKeys << ForeignKey{QStringLiteral("fk_") + from.name + QLatin1Char('_') + to, {QStringLiteral("x")}, to, {QStringLiteral("id")}};
        };
        reference(tables[0], QStringLiteral("t3"));
        reference(tables[3], QStringLiteral("t1"));
        reference(tables[1], QStringLiteral("t0")); // t0 -> t3 -> t1 -> t0: a cycle
        reference(tables[2], QStringLiteral("elsewhere"));
        const TableCreationOrder order = TableOrder::creationOrder(tables);
        // t2 waits for nothing; the cycle breaks at t0, the earliest listed of it.
        QCOMPARE(order.tables, (QStringList{"t2", "t0", "t1", "t3"}));
        QCOMPARE(order.deferred.size(), 1);
        QCOMPARE(order.deferred[0].table, QStringLiteral("t0"));
        QCOMPARE(order.deferred[0].foreignKey.referencedTable, QStringLiteral("t3"));
    }

    // Every shared diff case on both dialects: the upgrade evolves the live
    // schema into the configuration (what is left are the warned kinds), and
    // the downgrade evolves it back to the live schema.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("live");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<int>("dialect");
        for (const DiffCase &c : diffCases()) {
            QTest::addRow("postgresql: %s", c.name) << c.liveYaml << c.configuredYaml << int(DialectKind::PostgreSQL);
            if (c.holdsOn(DialectKind::Sqlite))
                QTest::addRow("sqlite: %s", c.name) << c.liveYaml << c.configuredYaml << int(DialectKind::Sqlite);
        }
    }

    void roundTrip()
    {
        QFETCH(QString, live);
        QFETCH(QString, configured);
        QFETCH(int, dialect);
        const Dialect &d = Dialect::get(DialectKind(dialect));
        // The database holds what the dialect can hold.
        const Schema liveSchema = d.lowered(parse(live));
        const Schema configuredSchema = parse(configured);
        const Differences before = SchemaDiff::compare(configuredSchema, liveSchema, d);
        const AutogenerateResult result = Autogenerator::generate(before, configuredSchema, liveSchema, d.kind());
        QCOMPARE(result.upgrade.isEmpty() && result.warnings.isEmpty(), before.isEmpty());

        Schema state = liveSchema;
        QString error;
        QVERIFY2(evolve(state, result.upgrade, &error), qPrintable(error));
        QStringList left;
        for (const Difference &diff : SchemaDiff::compare(configuredSchema, d.lowered(state), d)) {
            QVERIFY2(isNotGeneratedKind(diff.kind), qPrintable(describeDifference(diff)));
            left << describeDifference(diff);
        }
        // Each difference left is one the result warns about.
        const auto notGenerated = std::count_if(result.warnings.cbegin(), result.warnings.cend(), [](const QString &w) {
            return w.startsWith(QLatin1String("not generated: "));
        });
        QCOMPARE(notGenerated, qsizetype(left.size()));

        QVERIFY2(evolve(state, result.downgrade, &error), qPrintable(error));
        QStringList back = describeDifferences(SchemaDiff::compare(liveSchema, d.lowered(state), d));
        // add_enum_value has no inverse: the value stays, and a warning says so.
        if (std::any_of(result.warnings.cbegin(), result.warnings.cend(),
                        [](const QString &w) { return w.startsWith(QLatin1String("no downgrade for")); }))
            QCOMPARE(back, QStringList{"enum_changed mood !"});
        else
            QCOMPARE(back, QStringList());
    }
};

QTEST_GUILESS_MAIN(tst_Autogenerator)
#include "tst_autogenerator.moc"
