// SqliteOperationRenderer: the exact statements of every operation kind
// on SQLite: ALTER TABLE where SQLite can, the twelve-step rebuild where
// it cannot, with the views and triggers that involve the table dropped and
// created again, and hazards. No database needed (tst_sqliterebuild and
// tst_rendersqlite run the statements).

#include "OperationYaml.h"
#include "StatementText.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "migration/SqliteOperationRenderer.h"
#include "migration/SqliteTableRebuild.h"

#include "OperationFixtures.h"

#include <QTest>

using namespace sd;
using namespace sd::testing;

namespace {

const QString base = operationBaseSchemaYaml();

const QStringList usersIndexes{QStringLiteral("CREATE INDEX \"ix_users_email\" ON \"users\" (\"email\")  -- [users]"),
                               QStringLiteral("CREATE INDEX \"ix_users_lower_email\" ON \"users\" (lower(email))  -- [users]")};

QString quoted(const QStringList &columns)
{
    QStringList q;
    for (const QString &c : columns)
        q << QLatin1Char('"') + c + QLatin1Char('"');
    return q.join(QStringLiteral(", "));
}

// The twelve-step rebuild of `users` into a table whose CREATE TABLE body
// is `body`, copying `copied` (same names), with `copyNotes` the hazards of
// the copy, recreating `indexes`.
QStringList rebuildUsers(const QString &body, const QStringList &copied, const QString &copyNotes,
                         const QStringList &indexes = usersIndexes)
{
    QStringList out{QStringLiteral("PRAGMA foreign_keys=OFF  -- [users] before transaction"),
                    QStringLiteral("CREATE TABLE \"new_users\" (\n") + body + QStringLiteral("\n)  -- [users]"),
                    QStringLiteral("INSERT INTO \"new_users\" (") + quoted(copied) + QStringLiteral(") SELECT ") + quoted(copied)
                        + QStringLiteral(" FROM \"users\"  -- [users] ") + copyNotes,
                    QStringLiteral("DROP TABLE \"users\"  -- [users]"),
                    QStringLiteral("ALTER TABLE \"new_users\" RENAME TO \"users\"  -- [users]")};
    out << indexes;
    out << QStringLiteral("PRAGMA foreign_key_check  -- [users] must return no rows")
        << QStringLiteral("PRAGMA foreign_keys=ON  -- [users] after transaction");
    return out;
}

Schema baseSchema()
{
    auto state = schemaFromYaml(base);
    if (!state)
        qFatal("base: %s", qPrintable(joinErrors(state.error())));
    return *state;
}

Operation operation(const QString &yaml)
{
    auto ops = operationsFromYaml(yaml);
    if (!ops || ops->size() != 1)
        qFatal("operation: %s", ops ? "not one operation" : qPrintable(joinErrors(ops.error())));
    return ops->constFirst();
}

QStringList rendered(const Schema &state, const QString &op)
{
    auto statements = OperationRenderer::get(DialectKind::Sqlite).render(operation(op), state);
    if (!statements)
        return {QStringLiteral("error: ") + statements.error().message};
    return describeStatements(*statements);
}

} // namespace

class tst_SqliteOperationRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data();
    void render();
    void rebuildRecreatesViewsAndTriggers();
    void enumValueRebuildsEveryTableOfTheEnum();
    void rebuildKeepsAutoincrementHighWater();
    void temporaryNameAvoidsCollisions();
    void dropColumnUsedByViewRebuilds();
};

void tst_SqliteOperationRenderer::render_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("create_table")
        << QStringLiteral("- create_table:\n    name: tags\n    columns:\n      - {name: id, type: bigint, primary_key: true, autoincrement: true}\n      - {name: label, type: varchar(40), nullable: false, comment: shown}\n      - {name: mood, type: mood, default: ok}\n      - {name: user_id, type: bigint}\n    indexes:\n      - {name: ix_tags_label, columns: [label]}\n    foreign_keys:\n      - {name: fk_tags_user, columns: [user_id], references: {table: users, columns: [id]}, on_delete: cascade}")
        << QStringList{
            "CREATE TABLE \"tags\" (\n    \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n    \"label\" varchar(40) NOT NULL,\n    \"mood\" text DEFAULT 'ok',\n    \"user_id\" bigint,\n    CHECK (\"mood\" IN ('sad', 'ok', 'happy')),\n    CONSTRAINT \"fk_tags_user\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE\n)  -- [tags]",
            "CREATE INDEX \"ix_tags_label\" ON \"tags\" (\"label\")  -- [tags]"};
    QTest::newRow("drop_table without definition")
        << QStringLiteral("- drop_table: {name: users}")
        << QStringList{
            "DROP TABLE \"users\"  -- [users] destroys data, cannot be reversed"};
    QTest::newRow("rename_table")
        << QStringLiteral("- rename_table: {from: users, to: members}")
        << QStringList{
            "ALTER TABLE \"users\" RENAME TO \"members\"  -- [users]"};
    QTest::newRow("add_column not null with default")
        << QStringLiteral("- add_column: {table: users, column: {name: locale, type: varchar(16), nullable: false, default: en}}")
        << QStringList{
            "ALTER TABLE \"users\" ADD COLUMN \"locale\" varchar(16) NOT NULL DEFAULT 'en'  -- [users]"};
    QTest::newRow("add_column default CURRENT_TIMESTAMP")
        << QStringLiteral("- add_column: {table: users, column: {name: created_at, type: timestamp, default: {sql: CURRENT_TIMESTAMP}}}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    \"created_at\" timestamp DEFAULT CURRENT_TIMESTAMP," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("add_column volatile default")
        << QStringLiteral("- add_column: {table: users, column: {name: token, type: uuid, default: {sql: gen_random_uuid()}}}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    \"token\" uuid DEFAULT (gen_random_uuid())," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("add_column enum with comment")
        << QStringLiteral("- add_column: {table: users, column: {name: feeling, type: mood, comment: how they feel}}")
        << QStringList{
            "ALTER TABLE \"users\" ADD COLUMN \"feeling\" text CHECK (\"feeling\" IN ('sad', 'ok', 'happy'))  -- [users]"};
    QTest::newRow("add_column not null without default")
        << QStringLiteral("- add_column: {table: users, column: {name: score, type: integer, nullable: false}}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    \"score\" integer NOT NULL," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("drop_column enum column without definition")
        << QStringLiteral("- drop_column: {table: users, column: mood}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id"}, "destroys data, rewrites table, cannot be reversed");
    QTest::newRow("drop_column indexed with definition")
        << QStringLiteral("- drop_column: {table: users, column: email, definition: {name: email, type: varchar(100), nullable: false}}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "age", "org_id", "mood"}, "destroys data, rewrites table", {});
    QTest::newRow("alter_column varchar widened")
        << QStringLiteral("- alter_column: {table: users, column: email, type: varchar(200)}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(200) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("alter_column varchar narrowed")
        << QStringLiteral("- alter_column: {table: users, column: email, type: varchar(50)}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(50) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table"); // SQLite enforces no length: nothing lost
    QTest::newRow("alter_column varchar to text")
        << QStringLiteral("- alter_column: {table: users, column: email, type: text}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" text NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("alter_column integer to bigint")
        << QStringLiteral("- alter_column: {table: users, column: age, type: bigint}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" bigint DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("alter_column varchar to integer")
        << QStringLiteral("- alter_column: {table: users, column: email, type: integer}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" integer NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "destroys data, rewrites table");
    QTest::newRow("alter_column with using")
        << QStringLiteral("- alter_column: {table: users, column: age, type: text, using: \"age::text || ''\"}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" text DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "destroys data, rewrites table"); // an INTEGER column may hold REALs
    QTest::newRow("alter_column drop not null")
        << QStringLiteral("- alter_column: {table: users, column: email, nullable: true}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100)," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("alter_column set not null")
        << QStringLiteral("- alter_column: {table: users, column: age, nullable: false}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer NOT NULL DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("alter_column set default")
        << QStringLiteral("- alter_column: {table: users, column: age, default: 18}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 18," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("alter_column drop default")
        << QStringLiteral("- alter_column: {table: users, column: age, default: null}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("alter_column text to integer: SQLite converts '007' to 7")
        << QStringLiteral("- alter_column: {table: users, column: email, type: integer}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" integer NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "destroys data, rewrites table");
    QTest::newRow("alter_column type and default")
        << QStringLiteral("- alter_column: {table: users, column: age, type: varchar(10), default: none}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" varchar(10) DEFAULT 'none'," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "destroys data, rewrites table"); // an INTEGER column may hold REALs
    QTest::newRow("alter_column comment")
        << QStringLiteral("- alter_column: {table: users, column: org_id, comment: the org}")
        << QStringList{};
    QTest::newRow("alter_column rename indexed column")
        << QStringLiteral("- alter_column: {table: users, column: email, new_name: mail}")
        << QStringList{
            "ALTER TABLE \"users\" RENAME COLUMN \"email\" TO \"mail\"  -- [users]"};
    QTest::newRow("alter_column rename enum column")
        << QStringLiteral("- alter_column: {table: users, column: mood, new_name: feeling}")
        << QStringList{
            "ALTER TABLE \"users\" RENAME COLUMN \"mood\" TO \"feeling\"  -- [users]"};
    QTest::newRow("create_index unique partial")
        << QStringLiteral("- create_index: {table: users, name: ix_users_age, columns: [age], unique: true, where: age > 0}")
        << QStringList{
            "CREATE UNIQUE INDEX \"ix_users_age\" ON \"users\" (\"age\") WHERE age > 0  -- [users]"};
    QTest::newRow("create_index concurrently")
        << QStringLiteral("- create_index: {table: users, name: ix_users_age, columns: [age], concurrently: true}")
        << QStringList{
            "CREATE INDEX \"ix_users_age\" ON \"users\" (\"age\")  -- [users]"};
    QTest::newRow("drop_index")
        << QStringLiteral("- drop_index: {table: users, name: ix_users_email}")
        << QStringList{
            "DROP INDEX \"ix_users_email\"  -- [users] cannot be reversed"};
    QTest::newRow("drop_index concurrently")
        << QStringLiteral("- drop_index: {table: users, name: ix_users_email, concurrently: true}")
        << QStringList{
            "DROP INDEX \"ix_users_email\"  -- [users] cannot be reversed"};
    QTest::newRow("add_foreign_key")
        << QStringLiteral("- add_foreign_key: {table: users, name: fk_users_self, columns: [age], references: {table: users, columns: [id]}, on_delete: set null}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")," "\n"
                         "    CONSTRAINT \"fk_users_self\" FOREIGN KEY (\"age\") REFERENCES \"users\" (\"id\") ON DELETE SET NULL"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("drop_foreign_key")
        << QStringLiteral("- drop_foreign_key: {table: users, name: fk_users_org}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table, cannot be reversed");
    QTest::newRow("add_unique")
        << QStringLiteral("- add_unique: {table: users, name: uq_users_age, columns: [age]}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"uq_users_age\" UNIQUE (\"age\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("drop_unique")
        << QStringLiteral("- drop_unique: {table: users, name: uq_users_email_org}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table, cannot be reversed");
    QTest::newRow("add_check")
        << QStringLiteral("- add_check: {table: users, name: ck_users_email, expression: \"email <> ''\"}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CONSTRAINT \"ck_users_email\" CHECK (email <> '')," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("drop_check")
        << QStringLiteral("- drop_check: {table: users, name: ck_users_age}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table, cannot be reversed");
    QTest::newRow("create_enum")
        << QStringLiteral("- create_enum: {name: color, values: [red, \"it's\"]}")
        << QStringList{};
    QTest::newRow("drop_enum")
        << QStringLiteral("- drop_enum: {name: spare}")
        << QStringList{};
    QTest::newRow("add_enum_value")
        << QStringLiteral("- add_enum_value: {enum: mood, value: meh, after: sad}")
        << rebuildUsers(QStringLiteral("    \"id\" bigint NOT NULL," "\n"
                         "    \"email\" varchar(100) NOT NULL," "\n"
                         "    \"age\" integer DEFAULT 0," "\n"
                         "    \"org_id\" bigint," "\n"
                         "    \"mood\" text," "\n"
                         "    PRIMARY KEY (\"id\")," "\n"
                         "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\")," "\n"
                         "    CONSTRAINT \"ck_users_age\" CHECK (age >= 0)," "\n"
                         "    CHECK (\"mood\" IN ('sad', 'meh', 'ok', 'happy'))," "\n"
                         "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
                        {"id", "email", "age", "org_id", "mood"}, "rewrites table");
    QTest::newRow("sql script")
        << QStringLiteral("- sql: \"UPDATE users SET age = 1; DELETE FROM orgs\"")
        << QStringList{
            "UPDATE users SET age = 1  -- [] cannot be reversed",
            "DELETE FROM orgs  -- [] cannot be reversed"};
    QTest::newRow("sql per dialect not transactional")
        << QStringLiteral("- sql: {postgresql: \"CREATE INDEX CONCURRENTLY ix_x ON users (age)\"}\n  transactional: false")
        << QStringList{};
    QTest::newRow("drop_column directly")
        << QStringLiteral("- drop_column: {table: orgs, column: name}")
        << QStringList{"ALTER TABLE \"orgs\" DROP COLUMN \"name\"  -- [orgs] destroys data, cannot be reversed"};
    QTest::newRow("alter_column type and rename copies from the old name")
        << QStringLiteral("- alter_column: {table: users, column: age, type: bigint, new_name: years}")
        << QStringList{
            "PRAGMA foreign_keys=OFF  -- [users] before transaction",
            "CREATE TABLE \"new_users\" (\n    \"id\" bigint NOT NULL,\n    \"email\" varchar(100) NOT NULL,\n    \"years\" bigint DEFAULT 0,\n"
            "    \"org_id\" bigint,\n    \"mood\" text,\n    PRIMARY KEY (\"id\"),\n    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\"),\n"
            "    CONSTRAINT \"ck_users_age\" CHECK (years >= 0),\n    CHECK (\"mood\" IN ('sad', 'ok', 'happy')),\n"
            "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")\n)  -- [users]",
            "INSERT INTO \"new_users\" (\"id\", \"email\", \"years\", \"org_id\", \"mood\") SELECT \"id\", \"email\", \"age\", \"org_id\", \"mood\" FROM \"users\"  -- [users] rewrites table",
            "DROP TABLE \"users\"  -- [users]",
            "ALTER TABLE \"new_users\" RENAME TO \"users\"  -- [users]",
            "CREATE INDEX \"ix_users_email\" ON \"users\" (\"email\")  -- [users]",
            "CREATE INDEX \"ix_users_lower_email\" ON \"users\" (lower(email))  -- [users]",
            "PRAGMA foreign_key_check  -- [users] must return no rows",
            "PRAGMA foreign_keys=ON  -- [users] after transaction"};
}

void tst_SqliteOperationRenderer::render()
{
    QFETCH(QString, op);
    QFETCH(QStringList, expected);
    QCOMPARE(rendered(baseSchema(), op), expected);
}

void tst_SqliteOperationRenderer::rebuildRecreatesViewsAndTriggers()
{
    Schema state = baseSchema();
    const UnmanagedObject vUsers{QStringLiteral("view"), QStringLiteral("v_users"), {},
                                 QStringLiteral("CREATE VIEW v_users AS SELECT id, email FROM users")};
    const UnmanagedObject vAdults{QStringLiteral("view"), QStringLiteral("v_adults"), {},
                                  QStringLiteral("CREATE VIEW v_adults AS SELECT id FROM v_users")};
    const UnmanagedObject vOrgs{QStringLiteral("view"), QStringLiteral("v_orgs"), {}, QStringLiteral("CREATE VIEW v_orgs AS SELECT * FROM orgs")};
    const UnmanagedObject onUsers{QStringLiteral("trigger"), QStringLiteral("tr_users_insert"), QStringLiteral("users"),
                                  QStringLiteral("CREATE TRIGGER tr_users_insert BEFORE INSERT ON users BEGIN SELECT 1; END")};
    const UnmanagedObject onOrgs{QStringLiteral("trigger"), QStringLiteral("tr_orgs_delete"), QStringLiteral("orgs"),
                                 QStringLiteral("CREATE TRIGGER tr_orgs_delete AFTER DELETE ON orgs BEGIN DELETE FROM users WHERE org_id = old.id; END")};
    const UnmanagedObject unrelated{QStringLiteral("trigger"), QStringLiteral("tr_orgs_insert"), QStringLiteral("orgs"),
                                    QStringLiteral("CREATE TRIGGER tr_orgs_insert BEFORE INSERT ON orgs BEGIN SELECT 2; END")};
    // As the introspector lists them: by kind, then name.
    state.unmanaged = {onOrgs, unrelated, onUsers, vAdults, vOrgs, vUsers};

    QStringList expected = rebuildUsers(
        QStringLiteral("    \"id\" bigint NOT NULL,\n    \"email\" varchar(100) NOT NULL,\n    \"age\" integer DEFAULT 0,\n"
                       "    \"org_id\" bigint,\n    \"mood\" text,\n    PRIMARY KEY (\"id\"),\n"
                       "    CONSTRAINT \"uq_users_email_org\" UNIQUE (\"email\", \"org_id\"),\n    CONSTRAINT \"ck_users_age\" CHECK (age >= 0),\n"
                       "    CONSTRAINT \"ck_users_age_max\" CHECK (age < 200),\n    CHECK (\"mood\" IN ('sad', 'ok', 'happy')),\n"
                       "    CONSTRAINT \"fk_users_org\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" (\"id\")"),
        {QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("age"), QStringLiteral("org_id"), QStringLiteral("mood")},
        QStringLiteral("rewrites table"));
    // Dropped before the table (views that read views first), created after
    // it in an order that works; the trigger on users went with the table.
    expected.insert(1, QStringLiteral("DROP TRIGGER \"tr_orgs_delete\"  -- [orgs]"));
    expected.insert(2, QStringLiteral("DROP VIEW \"v_adults\"  -- [users]"));
    expected.insert(3, QStringLiteral("DROP VIEW \"v_users\"  -- [users]"));
    qsizetype at = expected.size() - 2; // before PRAGMA foreign_key_check
    for (const QString &line : {QStringLiteral("CREATE VIEW v_users AS SELECT id, email FROM users  -- [users]"),
                                QStringLiteral("CREATE VIEW v_adults AS SELECT id FROM v_users  -- [users]"),
                                QStringLiteral("CREATE TRIGGER tr_orgs_delete AFTER DELETE ON orgs BEGIN DELETE FROM users WHERE org_id = old.id; END  -- [orgs]"),
                                QStringLiteral("CREATE TRIGGER tr_users_insert BEFORE INSERT ON users BEGIN SELECT 1; END  -- [users]")})
        expected.insert(at++, line);

    QCOMPARE(rendered(state, QStringLiteral("- add_check: {table: users, name: ck_users_age_max, expression: \"age < 200\"}")), expected);
}

void tst_SqliteOperationRenderer::enumValueRebuildsEveryTableOfTheEnum()
{
    Schema state = baseSchema();
    Table moods;
    moods.name = QStringLiteral("moods");
    Column c;
    c.name = QStringLiteral("value");
    c.type = ColumnType::enumeration(QStringLiteral("mood"));
    moods.columns << c;
    state.tables << moods;

    QStringList skeleton;
    for (const QString &line : rendered(state, QStringLiteral("- add_enum_value: {enum: mood, value: meh}"))) {
        if (!line.startsWith(QLatin1String("CREATE")))
            skeleton << line;
        else if (line.contains(QLatin1String("CHECK (\"value\" IN")))
            skeleton << line.mid(line.indexOf(QLatin1String("CHECK (\"value\"")));
    }
    QCOMPARE(skeleton, QStringList({
        "PRAGMA foreign_keys=OFF  -- [users] before transaction",
        "INSERT INTO \"new_users\" (\"id\", \"email\", \"age\", \"org_id\", \"mood\") SELECT \"id\", \"email\", \"age\", \"org_id\", \"mood\" FROM \"users\"  -- [users] rewrites table",
        "DROP TABLE \"users\"  -- [users]",
        "ALTER TABLE \"new_users\" RENAME TO \"users\"  -- [users]",
        "CHECK (\"value\" IN ('sad', 'ok', 'happy', 'meh'))\n)  -- [moods]",
        "INSERT INTO \"new_moods\" (\"value\") SELECT \"value\" FROM \"moods\"  -- [moods] rewrites table",
        "DROP TABLE \"moods\"  -- [moods]",
        "ALTER TABLE \"new_moods\" RENAME TO \"moods\"  -- [moods]",
        "PRAGMA foreign_key_check  -- [users] must return no rows",
        "PRAGMA foreign_keys=ON  -- [users] after transaction"}));

    // An enum no column uses: nothing to do on SQLite.
    QCOMPARE(rendered(state, QStringLiteral("- add_enum_value: {enum: spare, value: c}")), QStringList());
}

void tst_SqliteOperationRenderer::rebuildKeepsAutoincrementHighWater()
{
    auto state = schemaFromYaml(QStringLiteral("tables:\n  - name: notes\n    columns:\n"
                                               "      - {name: id, type: integer, primary_key: true, autoincrement: true}\n"
                                               "      - {name: body, type: text}\n"));
    SD_VERIFY_RESULT(state);
    QCOMPARE(rendered(*state, QStringLiteral("- alter_column: {table: notes, column: body, nullable: false}")),
             QStringList({
                 "PRAGMA foreign_keys=OFF  -- [notes] before transaction",
                 "CREATE TABLE \"new_notes\" (\n    \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n    \"body\" text NOT NULL\n)  -- [notes]",
                 "INSERT INTO \"new_notes\" (\"id\", \"body\") SELECT \"id\", \"body\" FROM \"notes\"  -- [notes] rewrites table",
                 "DELETE FROM \"sqlite_sequence\" WHERE \"name\" = 'new_notes'  -- [notes]",
                 "INSERT INTO \"sqlite_sequence\" (\"name\", \"seq\") SELECT 'new_notes', \"seq\" FROM \"sqlite_sequence\" WHERE \"name\" = 'notes'  -- [notes]",
                 "DROP TABLE \"notes\"  -- [notes]",
                 "ALTER TABLE \"new_notes\" RENAME TO \"notes\"  -- [notes]",
                 "PRAGMA foreign_key_check  -- [notes] must return no rows",
                 "PRAGMA foreign_keys=ON  -- [notes] after transaction"}));
}

void tst_SqliteOperationRenderer::temporaryNameAvoidsCollisions()
{
    Schema state = baseSchema();
    QCOMPARE(SqliteTableRebuild::temporaryName(state, QStringLiteral("users")), QStringLiteral("new_users"));
    Table taken;
    taken.name = QStringLiteral("new_users");
    state.tables << taken;
    state.unmanaged << UnmanagedObject{QStringLiteral("view"), QStringLiteral("new_users_2"), {}, {}};
    QCOMPARE(SqliteTableRebuild::temporaryName(state, QStringLiteral("users")), QStringLiteral("new_users_3"));
}

void tst_SqliteOperationRenderer::dropColumnUsedByViewRebuilds()
{
    // SQLite's DROP COLUMN refuses a column a view uses: rebuild instead,
    // which drops the view and creates it again.
    Schema state = baseSchema();
    state.unmanaged << UnmanagedObject{QStringLiteral("view"), QStringLiteral("v_names"), {},
                                       QStringLiteral("CREATE VIEW v_names AS SELECT id, name FROM orgs")};
    const QStringList statements = rendered(state, QStringLiteral("- drop_column: {table: orgs, column: name}"));
    QCOMPARE(statements.value(1), QStringLiteral("DROP VIEW \"v_names\"  -- [orgs]"));
    QCOMPARE(statements.value(2), QStringLiteral("CREATE TABLE \"new_orgs\" (\n    \"id\" bigint NOT NULL,\n    PRIMARY KEY (\"id\")\n)  -- [orgs]"));
    QCOMPARE(statements.value(3), QStringLiteral("INSERT INTO \"new_orgs\" (\"id\") SELECT \"id\" FROM \"orgs\"  -- [orgs] destroys data, rewrites table, cannot be reversed"));
}

QTEST_GUILESS_MAIN(tst_SqliteOperationRenderer)
#include "tst_sqliteoperationrenderer.moc"
