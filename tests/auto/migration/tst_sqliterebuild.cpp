// SQLite's table rebuild on a real file, where other tools lose data: a
// 100,000-row table rebuilt keeps every row, its foreign keys out and in,
// its indexes, the trigger on it and the view over it; a rebuild that fails
// (NOT NULL on a column holding NULLs, a foreign key check that finds
// orphans) leaves the table exactly as it was. Statements run as the
// migrator runs them (StatementRunner).

#include "OperationReplay.h"
#include "OperationYaml.h"
#include "SchemaCompare.h"
#include "StatementRunner.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "introspect/Introspector.h"
#include "migration/OperationRenderer.h"
#include "migration/SchemaEvolver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sd;
using namespace sd::testing;

namespace {

constexpr int userCount = 100000;

const QStringList setup{
    QStringLiteral("CREATE TABLE orgs (id integer PRIMARY KEY, name text NOT NULL)"),
    QStringLiteral("CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL, age integer, nickname text, "
                   "org_id integer, CONSTRAINT fk_users_org FOREIGN KEY (org_id) REFERENCES orgs (id))"),
    QStringLiteral("CREATE INDEX ix_users_email ON users (email)"),
    QStringLiteral("CREATE UNIQUE INDEX ix_users_org_email ON users (org_id, email)"),
    QStringLiteral("CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL, "
                   "CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)"),
    QStringLiteral("CREATE TABLE comments (id integer PRIMARY KEY, user_ref integer)"),
    QStringLiteral("CREATE TABLE audit (user_id integer, old_age integer, new_age integer)"),
    QStringLiteral("CREATE TRIGGER tr_users_age AFTER UPDATE OF age ON users BEGIN "
                   "INSERT INTO audit VALUES (new.id, old.age, new.age); END"),
    QStringLiteral("CREATE VIEW v_adults AS SELECT id, email FROM users WHERE age >= 18"),
    QStringLiteral("INSERT INTO orgs (id, name) SELECT value, 'org ' || value FROM "
                   "(WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 10) SELECT value FROM n)"),
    QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                   "INSERT INTO users (id, email, age, nickname, org_id) "
                   "SELECT i, 'user' || i || '@example.com', i % 90, CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' || i END, 1 + i % 10 FROM n")
        .arg(userCount),
    QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                   "INSERT INTO posts (id, user_id) SELECT i, i * 7 FROM n"),
    QStringLiteral("INSERT INTO comments (id, user_ref) VALUES (1, 5), (2, 999999)"),
};

// One row of facts about the data that a lossless rebuild keeps.
QString fingerprint(const Connection &c, const QString &sql)
{
    auto q = c.exec(sql);
    if (!q || !q->next())
        return QStringLiteral("<query failed: %1>").arg(q ? QStringLiteral("no row") : q.error().toString());
    QStringList values;
    for (int i = 0; i < 6 && q->value(i).isValid(); ++i)
        values << q->value(i).toString();
    return values.join(QLatin1Char('|'));
}

const QString usersFingerprint = QStringLiteral(
    "SELECT count(*), sum(id), sum(age), sum(length(email)), count(nickname), sum(org_id) FROM users");

QVariant scalar(const Connection &c, const QString &sql)
{
    auto q = c.exec(sql);
    return q && q->next() ? q->value(0) : QVariant();
}

} // namespace

class tst_SqliteRebuild : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rebuildKeepsRowsKeysIndexesTriggerAndView();
    void rebuildKeepsTableOptionsAndCollations();
    void failingRebuildLeavesTableUntouched_data();
    void failingRebuildLeavesTableUntouched();

private:
    Schema live() const
    {
        auto schema = Introspector::read(*m_connection);
        if (!schema)
            qFatal("introspect: %s", qPrintable(schema.error().toString()));
        return *schema;
    }
    Result<void> apply(const QString &yaml, Schema *state = nullptr) const
    {
        auto operations = operationsFromYaml(yaml);
        if (!operations)
            return std::unexpected(operations.error().constFirst());
        Schema before = live();
        auto statements = OperationRenderer::get(DialectKind::Sqlite).render(operations->constFirst(), before);
        if (!statements)
            return std::unexpected(statements.error());
        if (state) {
            *state = before;
            if (auto ok = SchemaEvolver::apply(*state, operations->constFirst()); !ok)
                return ok;
        }
        return StatementRunner::run(*m_connection, *statements);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Connection> m_connection;
};

void tst_SqliteRebuild::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto connection = openSqliteFile(m_dir->filePath(QStringLiteral("rebuild.db")));
    SD_VERIFY_RESULT(connection);
    m_connection = std::move(*connection);
    SD_VERIFY_RESULT(execAll(*m_connection, {QStringLiteral("BEGIN")}));
    SD_VERIFY_RESULT(execAll(*m_connection, setup));
    SD_VERIFY_RESULT(execAll(*m_connection, {QStringLiteral("COMMIT")}));
    QCOMPARE(scalar(*m_connection, QStringLiteral("SELECT count(*) FROM users")).toInt(), userCount);
}

void tst_SqliteRebuild::cleanup()
{
    m_connection.reset();
    m_dir.reset();
}

void tst_SqliteRebuild::rebuildKeepsRowsKeysIndexesTriggerAndView()
{
    const Connection &c = *m_connection;
    const QString rowsBefore = fingerprint(c, usersFingerprint);
    const QString postsBefore = fingerprint(c, QStringLiteral("SELECT count(*), sum(user_id) FROM posts"));
    const QString viewBefore = fingerprint(c, QStringLiteral("SELECT count(*), sum(id) FROM v_adults"));

    // A type change: ALTER TABLE cannot do it, so the table is rebuilt.
    Schema expected;
    SD_VERIFY_RESULT(apply(QStringLiteral("- alter_column: {table: users, column: age, type: bigint, default: 0}"), &expected));

    QCOMPARE(fingerprint(c, usersFingerprint), rowsBefore);
    QCOMPARE(fingerprint(c, QStringLiteral("SELECT count(*), sum(user_id) FROM posts")), postsBefore); // no cascade ran
    QCOMPARE(fingerprint(c, QStringLiteral("SELECT count(*), sum(id) FROM v_adults")), viewBefore);

    // The schema is what SchemaEvolver says: the type changed, the foreign
    // key out and the indexes are back.
    const Schema after = live();
    SD_COMPARE_SCHEMA(comparable(after), comparable(expected));
    QCOMPARE(after.table(QStringLiteral("users"))->column(QStringLiteral("age"))->type, ColumnType::of(ColumnType::Kind::BigInt));
    QCOMPARE(after.table(QStringLiteral("users"))->foreignKeys.size(), 1);
    QCOMPARE(after.table(QStringLiteral("users"))->indexes.size(), 2);

    // The incoming foreign key holds: it still refers to users and is enforced.
    QCOMPARE(after.table(QStringLiteral("posts"))->foreignKeys.constFirst().referencedTable, QStringLiteral("users"));
    QCOMPARE(scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QVERIFY(!c.exec(QStringLiteral("INSERT INTO posts (id, user_id) VALUES (5000, 424242)")));
    SD_VERIFY_RESULT(c.exec(QStringLiteral("DELETE FROM users WHERE id = 7")));
    QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM posts WHERE user_id = 7")).toInt(), 0); // cascaded
    QVERIFY(!c.exec(QStringLiteral("UPDATE users SET org_id = 77 WHERE id = 8")));                  // outgoing enforced

    // The trigger and the view are there and work.
    QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('tr_users_age', 'v_adults')")).toInt(), 2);
    SD_VERIFY_RESULT(c.exec(QStringLiteral("UPDATE users SET age = 99 WHERE id = 10")));
    QCOMPARE(fingerprint(c, QStringLiteral("SELECT user_id, old_age, new_age FROM audit")), QStringLiteral("10|10|99"));
    QCOMPARE(scalar(c, QStringLiteral("SELECT email FROM v_adults WHERE id = 10")).toString(), QStringLiteral("user10@example.com"));
    QVERIFY(!scalar(c, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'new_users'")).toBool());
}

void tst_SqliteRebuild::rebuildKeepsTableOptionsAndCollations()
{
    // A rebuilt table keeps SQLite's table options: a STRICT table that came
    // back without them would take any value in any column from then on.
    const Connection &c = *m_connection;
    // Nor does it lose a column's collation: NOCASE compares 'A' and 'a' equal.
    SD_VERIFY_RESULT(execAll(c, {QStringLiteral("CREATE TABLE settings (key text COLLATE NOCASE PRIMARY KEY, value integer, "
                                                "note any) WITHOUT ROWID, STRICT"),
                                 QStringLiteral("INSERT INTO settings VALUES ('a', 1, x'00'), ('b', 2, 2.5)")}));
    SD_VERIFY_RESULT(apply(QStringLiteral("- alter_column: {table: settings, column: value, nullable: false, default: 0}")));
    const Schema after = live(); // the table lives as long as its schema
    const Table *settings = after.table(QStringLiteral("settings"));
    QVERIFY(settings);
    QVERIFY(settings->withoutRowid);
    QVERIFY(settings->strict);
    QCOMPARE(fingerprint(c, QStringLiteral("SELECT count(*), group_concat(key || '=' || coalesce(value, 'null') || '/' || typeof(note)) "
                                           "FROM settings")),
             QStringLiteral("2|a=1/blob,b=2/real"));
    QVERIFY(!c.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('c', 'not a number')"))); // still STRICT
    QCOMPARE(settings->column(QStringLiteral("key"))->collation, QStringLiteral("NOCASE"));
    QCOMPARE(scalar(c, QStringLiteral("SELECT value FROM settings WHERE key = 'A'")).toInt(), 1);
    QVERIFY(!c.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('B', 3)"))); // 'B' is 'b' under NOCASE
}

void tst_SqliteRebuild::failingRebuildLeavesTableUntouched_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("failure");
    QTest::newRow("NOT NULL on a column holding NULLs") << "- alter_column: {table: users, column: nickname, nullable: false}"
                                                       << "NOT NULL constraint failed";
    QTest::newRow("foreign key to missing rows")
        << "- add_foreign_key: {table: comments, name: fk_comments_user, columns: [user_ref], references: {table: users, columns: [id]}}"
        << "check returned a row";
}

void tst_SqliteRebuild::failingRebuildLeavesTableUntouched()
{
    QFETCH(QString, op);
    QFETCH(QString, failure);
    const Connection &c = *m_connection;
    const Schema schemaBefore = live();
    const QString rowsBefore = fingerprint(c, usersFingerprint);
    const QString commentsBefore = fingerprint(c, QStringLiteral("SELECT count(*), sum(user_ref) FROM comments"));

    auto done = apply(op);
    QVERIFY(!done);
    QVERIFY2(done.error().message.contains(failure), qPrintable(done.error().toString()));

    SD_COMPARE_SCHEMA(live(), schemaBefore); // tables, triggers and views as they were
    QCOMPARE(fingerprint(c, usersFingerprint), rowsBefore);
    QCOMPARE(fingerprint(c, QStringLiteral("SELECT count(*), sum(user_ref) FROM comments")), commentsBefore);
    QCOMPARE(scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1); // back on after the failure
    QVERIFY(!c.exec(QStringLiteral("INSERT INTO posts (id, user_id) VALUES (5000, 424242)")));
}

QTEST_GUILESS_MAIN(tst_SqliteRebuild)
#include "tst_sqliterebuild.moc"
