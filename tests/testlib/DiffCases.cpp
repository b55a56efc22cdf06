#include "DiffCases.h"

#include "diff/Difference.h"

#include <QTest>

namespace sd::testing {

namespace {

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
    unique_constraints:
      - {name: uq_users_name, columns: [name]}
    foreign_keys:
      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}
    checks:
      - {name: ck_users_age, expression: "age >= 0"}
)");

QString with(const char *from, const char *to)
{
    QString s = base;
    Q_ASSERT(s.contains(QLatin1String(from)));
    return s.replace(QLatin1String(from), QLatin1String(to));
}

const char *usersColumns = "      - {name: org_id, type: bigint}\n";

// The base with a table that SQLite may hold as WITHOUT ROWID and STRICT
// (PostgreSQL has no such options: no difference there).
QString settingsTable(bool options)
{
    return base + QStringLiteral("  - name: settings\n") + (options ? QStringLiteral("    without_rowid: true\n    strict: true\n") : QString())
           + QStringLiteral("    columns:\n      - {name: key, type: text, primary_key: true}\n      - {name: value, type: integer}\n");
}

} // namespace

bool isNotGeneratedKind(Difference::Kind kind)
{
    using K = Difference::Kind;
    return kind == K::PrimaryKeyChanged || kind == K::ColumnAutoincrementChanged || kind == K::ColumnGeneratedChanged
           || kind == K::ColumnCollationChanged
           || kind == K::PartitioningChanged || kind == K::TableOptionsChanged || kind == K::TableCommentChanged || kind == K::EnumChanged;
}

QString describeDifference(const Difference &d)
{
    return Difference::kindKey(d.kind) + QLatin1Char(' ') + (d.table.isEmpty() ? QString() : d.table + QLatin1Char('.')) + d.name
           + (d.destructive ? QStringLiteral(" !") : QString());
}

QStringList describeDifferences(const Differences &differences)
{
    QStringList out;
    out.reserve(differences.size());
    for (const Difference &d : differences)
        out << describeDifference(d);
    return out;
}

void addDiffCaseRows(DialectKind dialect)
{
    QTest::addColumn<QString>("live");
    QTest::addColumn<QString>("configured");
    QTest::addColumn<QStringList>("expected");
    for (const DiffCase &c : diffCases()) {
        if (c.holdsOn(dialect))
            QTest::newRow(c.name) << c.liveYaml << c.configuredYaml << c.expectedOn(dialect);
    }
}

QList<DiffCase> diffCases()
{
    const QString extraTable = base + QStringLiteral("  - name: legacy\n    columns:\n      - {name: id, type: integer, primary_key: true}\n");
    return {
        {"no change", base, base, {}},
        {"table added", base, extraTable, {QStringLiteral("table_added legacy.legacy")}},
        {"table removed", extraTable, base, {QStringLiteral("table_removed legacy.legacy !")}},
        {"table renamed", extraTable,
         base + QStringLiteral("  - name: archive\n    renamed_from: legacy\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"),
         {QStringLiteral("table_renamed archive.archive")}},
        {"column added", base, with(usersColumns, "      - {name: org_id, type: bigint}\n      - {name: locale, type: varchar(16)}\n"),
         {QStringLiteral("column_added users.locale")}},
        {"column removed", with(usersColumns, "      - {name: org_id, type: bigint}\n      - {name: legacy_flag, type: boolean}\n"), base,
         {QStringLiteral("column_removed users.legacy_flag !")}},
        {"column renamed", base, with("{name: name, type: text}", "{name: display_name, type: text, renamed_from: name}")
             .replace(QStringLiteral("columns: [name]"), QStringLiteral("columns: [display_name]")),
         {QStringLiteral("column_renamed users.display_name")}},
        {"column type widened", base, with("{name: email, type: varchar(100)", "{name: email, type: varchar(200)"),
         {QStringLiteral("column_type_changed users.email")}},
        {"column type narrowed", base, with("{name: email, type: varchar(100)", "{name: email, type: varchar(50)"),
         {QStringLiteral("column_type_changed users.email !")}, false, QStringList{QStringLiteral("column_type_changed users.email")}},
        {"column type timestamp to timestamptz", with("{name: name, type: text}", "{name: name, type: timestamp}"),
         with("{name: name, type: text}", "{name: name, type: timestamptz}"), {QStringLiteral("column_type_changed users.name")}},
        {"column made nullable", base, with("{name: email, type: varchar(100), nullable: false}", "{name: email, type: varchar(100)}"),
         {QStringLiteral("column_nullability_changed users.email")}},
        {"column made not null", base, with("{name: name, type: text}", "{name: name, type: text, nullable: false}"),
         {QStringLiteral("column_nullability_changed users.name !")}},
        {"default changed", base, with("default: 0", "default: 18"), {QStringLiteral("column_default_changed users.age")}},
        {"default removed", base, with("{name: age, type: integer, default: 0}", "{name: age, type: integer}"),
         {QStringLiteral("column_default_changed users.age")}},
        {"default expression unchanged", with("{name: name, type: text}", "{name: name, type: timestamp, default: {sql: CURRENT_TIMESTAMP}}"),
         with("{name: name, type: text}", "{name: name, type: timestamp, default: {sql: now()}}"), {}},
        {"primary key changed", base,
         with("      - {name: id, type: bigint, primary_key: true}\n      - {name: name, type: varchar(100), nullable: false}\n",
              "      - {name: id, type: bigint, nullable: false}\n      - {name: name, type: varchar(100), nullable: false}\n    primary_key: [id, name]\n"),
         {QStringLiteral("primary_key_changed orgs.")}},
        {"index added", base, with("      - {name: ix_users_email, columns: [email]}\n",
                                   "      - {name: ix_users_email, columns: [email]}\n      - {name: ix_users_age, columns: [age, name]}\n"),
         {QStringLiteral("index_added users.ix_users_age")}},
        {"index removed", base, with("    indexes:\n      - {name: ix_users_email, columns: [email]}\n", ""),
         {QStringLiteral("index_removed users.ix_users_email")}},
        {"index made unique", base, with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], unique: true}"),
         {QStringLiteral("index_changed users.ix_users_email")}},
        {"partial index predicate changed", with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], where: \"age > 0\"}"),
         with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], where: \"age > 1\"}"),
         {QStringLiteral("index_changed users.ix_users_email")}},
        {"unique added", base, with("      - {name: uq_users_name, columns: [name]}\n",
                                    "      - {name: uq_users_name, columns: [name]}\n      - {name: uq_users_email, columns: [email]}\n"),
         {QStringLiteral("unique_added users.uq_users_email")}},
        {"unique removed", base, with("    unique_constraints:\n      - {name: uq_users_name, columns: [name]}\n", ""),
         {QStringLiteral("unique_removed users.uq_users_name")}},
        {"unique changed", base, with("{name: uq_users_name, columns: [name]}", "{name: uq_users_name, columns: [name, email]}"),
         {QStringLiteral("unique_changed users.uq_users_name")}},
        // PostgreSQL 15's NULLS NOT DISTINCT; SQLite always takes NULLs as distinct.
        {"unique made nulls not distinct", base,
         with("{name: uq_users_name, columns: [name]}", "{name: uq_users_name, columns: [name], nulls_not_distinct: true}"),
         {QStringLiteral("unique_changed users.uq_users_name")}, false, QStringList()},
        {"unique index made nulls not distinct",
         with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], unique: true}"),
         with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], unique: true, nulls_not_distinct: true}"),
         {QStringLiteral("index_changed users.ix_users_email")}, false, QStringList()},
        // PostgreSQL's storage parameters; SQLite has none. A boolean written
        // either way (off, false) is one value.
        {"index storage parameters changed",
         with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], with: {fillfactor: 70, deduplicate_items: off}}"),
         with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], with: {deduplicate_items: false, fillfactor: 80}}"),
         {QStringLiteral("index_changed users.ix_users_email")}, false, QStringList()},
        {"index storage parameters added",
         base,
         with("{name: ix_users_email, columns: [email]}", "{name: ix_users_email, columns: [email], with: {fillfactor: 70}}"),
         {QStringLiteral("index_changed users.ix_users_email")}, false, QStringList()},
        {"foreign key added", with("    foreign_keys:\n      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}\n", ""),
         base, {QStringLiteral("foreign_key_added users.fk_users_org")}},
        {"foreign key removed", base,
         with("    foreign_keys:\n      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}\n", ""),
         {QStringLiteral("foreign_key_removed users.fk_users_org")}},
        {"foreign key on delete changed", base,
         with("references: {table: orgs, columns: [id]}}", "references: {table: orgs, columns: [id]}, on_delete: cascade}"),
         {QStringLiteral("foreign_key_changed users.fk_users_org")}},
        {"check added", base, with("      - {name: ck_users_age, expression: \"age >= 0\"}\n",
                                   "      - {name: ck_users_age, expression: \"age >= 0\"}\n      - {name: ck_users_email, expression: \"email <> ''\"}\n"),
         {QStringLiteral("check_added users.ck_users_email")}},
        {"check removed", base, with("    checks:\n      - {name: ck_users_age, expression: \"age >= 0\"}\n", ""),
         {QStringLiteral("check_removed users.ck_users_age")}},
        {"check changed", base, with("expression: \"age >= 0\"", "expression: \"age >= 18\""),
         {QStringLiteral("check_changed users.ck_users_age")}},
        {"table comment changed", base, with("  - name: orgs\n", "  - name: orgs\n    comment: Customers\n"),
         {QStringLiteral("table_comment_changed orgs.orgs")}, true},
        {"column comment changed", base, with("{name: name, type: text}", "{name: name, type: text, comment: Shown to others}"),
         {QStringLiteral("column_comment_changed users.name")}, true},
        {"enum added", base, QStringLiteral("enums:\n  - {name: mood, values: [ok, sad]}\n") + base, {QStringLiteral("enum_added mood")}, true},
        {"enum value added", QStringLiteral("enums:\n  - {name: mood, values: [ok, sad]}\n") + base,
         QStringLiteral("enums:\n  - {name: mood, values: [ok, sad, happy]}\n") + base, {QStringLiteral("enum_changed mood")}, true},
        {"enum value removed", QStringLiteral("enums:\n  - {name: mood, values: [ok, sad]}\n") + base,
         QStringLiteral("enums:\n  - {name: mood, values: [ok]}\n") + base, {QStringLiteral("enum_changed mood !")}, true},
        {"enum column unchanged", QStringLiteral("enums:\n  - {name: mood, values: [ok, sad]}\n") + with("{name: name, type: text}", "{name: name, type: mood}"),
         QStringLiteral("enums:\n  - {name: mood, values: [ok, sad]}\n") + with("{name: name, type: text}", "{name: name, type: mood}"), {}},
        {"foreign key on update changed", base,
         with("references: {table: orgs, columns: [id]}}", "references: {table: orgs, columns: [id]}, on_update: set null}"),
         {QStringLiteral("foreign_key_changed users.fk_users_org")}},
        {"sqlite table options changed", settingsTable(false), settingsTable(true), {}, false,
         QStringList{QStringLiteral("table_options_changed settings.settings")}},
        {"column collation changed", base, with("{name: name, type: text}", "{name: name, type: text, collation: C}"),
         {QStringLiteral("column_collation_changed users.name")}, true},
        {"column type bigint to integer", base, with("{name: org_id, type: bigint}", "{name: org_id, type: integer}"),
         {QStringLiteral("column_type_changed users.org_id !")}, false, QStringList{QStringLiteral("column_type_changed users.org_id")}},
    };
}

} // namespace sd::testing
