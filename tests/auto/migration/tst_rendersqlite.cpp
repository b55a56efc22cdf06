// Every operation kind rendered for SQLite and run on a real SQLite file:
// after each operation the introspected schema must be the one
// SchemaEvolver predicts (lowered: enums as text with a CHECK), and the
// rows must still be there after every rebuild.

#include "OperationReplay.h"
#include "OperationYaml.h"
#include "TestDatabase.h"
#include "TestResult.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::testing;

namespace {

// Every operation kind, in an order that runs; rows are inserted early so
// that each rebuild has data to keep.
const QString sequence = QStringLiteral(R"yaml(- create_enum: {name: mood, values: [sad, ok, happy]}
- create_enum: {name: color, values: [red, blue]}
- create_table:
    name: orgs
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: name, type: varchar(100), nullable: false}
- create_table:
    name: users
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: true}
      - {name: email, type: varchar(100), nullable: false}
      - {name: age, type: integer, default: 0}
      - {name: org_id, type: bigint}
      - {name: mood, type: mood}
    indexes:
      - {name: ix_users_email, columns: [email]}
    unique_constraints:
      - {name: uq_users_email_org, columns: [email, org_id]}
    foreign_keys:
      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}, on_delete: cascade}
    checks:
      - {name: ck_users_age, expression: "age >= 0"}
- sql: "INSERT INTO orgs (id, name) VALUES (1, 'one'), (2, 'two'); INSERT INTO users (email, age, org_id, mood) VALUES ('a@x', 30, 1, 'ok'), ('b@x', 40, 2, 'sad'), ('c@x', 50, 1, NULL)"
- create_table:
    name: tags
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: label, type: varchar(40), nullable: false, default: none}
      - {name: color, type: color, default: red}
      - {name: user_id, type: integer}
    indexes:
      - {name: ix_tags_label, columns: [label], unique: true}
    foreign_keys:
      - {name: fk_tags_user, columns: [user_id], references: {table: users, columns: [id]}}
- sql: "INSERT INTO tags (id, label, user_id) VALUES (1, 'x', 1), (2, 'y', 2)"
- add_column: {table: users, column: {name: locale, type: varchar(16), nullable: false, default: en}}
- add_column: {table: users, column: {name: created_at, type: timestamp, default: {sql: CURRENT_TIMESTAMP}}}
- add_column: {table: users, column: {name: feeling, type: mood}}
- alter_column: {table: users, column: email, type: varchar(200)}
- alter_column: {table: users, column: age, nullable: false}
- alter_column: {table: users, column: age, default: 18}
- alter_column: {table: users, column: org_id, comment: the org}
- alter_column: {table: users, column: email, new_name: mail}
- alter_column: {table: users, column: age, type: bigint, new_name: years}
- create_index: {table: users, name: ix_users_years, columns: [years], where: years > 0}
- drop_index: {table: users, name: ix_users_years}
- add_foreign_key: {table: tags, name: fk_tags_user2, columns: [id], references: {table: users, columns: [id]}}
- drop_foreign_key: {table: tags, name: fk_tags_user2}
- add_unique: {table: users, name: uq_users_id_locale, columns: [id, locale]}
- drop_unique: {table: users, name: uq_users_id_locale}
- add_check: {table: users, name: ck_users_years_max, expression: "years < 200"}
- drop_check: {table: users, name: ck_users_years_max}
- add_enum_value: {enum: mood, value: meh, after: sad}
- alter_column: {table: users, column: mood, type: text}
- rename_table: {from: tags, to: labels}
- drop_column: {table: users, column: feeling}
- drop_column: {table: users, column: locale}
- drop_column: {table: users, column: org_id}
- drop_table: {name: labels}
- drop_enum: {name: color}
- sql: "UPDATE users SET years = years + 1")yaml");

} // namespace

class tst_RenderSqlite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyOperationKind();
};

void tst_RenderSqlite::everyOperationKind()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto connection = openSqliteFile(dir.filePath(QStringLiteral("render.db")));
    SD_VERIFY_RESULT(connection);
    auto operations = operationsFromYaml(sequence);
    SD_VERIFY_RESULT(operations);

    replayAndCompare(**connection, *operations);
    if (QTest::currentTestFailed())
        return;

    // Every rebuild kept the rows.
    auto rows = (*connection)->exec(QStringLiteral("SELECT count(*), sum(years), group_concat(mail) FROM users"));
    SD_VERIFY_RESULT(rows);
    QVERIFY(rows->next());
    QCOMPARE(rows->value(0).toInt(), 3);
    QCOMPARE(rows->value(1).toInt(), 30 + 40 + 50 + 3);
    QCOMPARE(rows->value(2).toString(), QStringLiteral("a@x,b@x,c@x"));
    auto fk = (*connection)->exec(QStringLiteral("PRAGMA foreign_keys"));
    SD_VERIFY_RESULT(fk);
    QVERIFY(fk->next());
    QCOMPARE(fk->value(0).toInt(), 1);
}

QTEST_GUILESS_MAIN(tst_RenderSqlite)
#include "tst_rendersqlite.moc"
