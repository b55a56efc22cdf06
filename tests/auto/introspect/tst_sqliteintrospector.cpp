// SqliteIntrospector on real SQLite files: the model it reads for each kind
// of DDL, the objects it leaves unmanaged, and a query count that does not
// grow with the number of tables.

#include "ModelBuilders.h"
#include "introspect/SqliteIntrospector.h"

#include "TestResult.h"
#include "db/Connection.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sd;

namespace {

using Kind = ColumnType::Kind;

QString describe(const ColumnType &type)
{
    if (type.kind == Kind::Native)
        return QStringLiteral("native{%1}").arg(type.nativeSpellings.value(QStringLiteral("sqlite")));
    return type.spelling();
}

QString describe(const Table &t)
{
    QStringList lines;
    lines << QStringLiteral("table %1 %2").arg(t.name, t.sqliteOptions().join(QStringLiteral(", ")));
    for (const Column &c : t.columns) {
        lines << QStringLiteral("  column %1 %2%3%4%5%6")
                     .arg(c.name, describe(c.type), c.nullable ? QString() : QStringLiteral(" not null"),
                          c.defaultValue.isSet() ? QStringLiteral(" default(kind %1){%2}")
                                                       .arg(int(c.defaultValue.kind))
                                                       .arg(c.defaultValue.text)
                                                 : QString(),
                          c.autoincrement == Autoincrement::No ? QString() : QStringLiteral(" autoincrement"),
                          c.generated.isEmpty()
                              ? QString()
                              : QStringLiteral(" generated{%1}%2")
                                    .arg(c.generated,
                                         c.generatedStored ? QStringLiteral(" stored") : QStringLiteral(" virtual")))
                 + (c.collation.isEmpty() ? QString() : QStringLiteral(" collate %1").arg(c.collation));
    }
    if (!t.primaryKey.isEmpty())
        lines << QStringLiteral("  primary key [%1] (%2)")
                     .arg(t.primaryKey.name, t.primaryKey.columns.join(QLatin1Char(',')));
    for (const Index &i : t.indexes) {
        lines << QStringLiteral("  index %1%2 (%3) expression{%4} where{%5}")
                     .arg(i.name, i.unique ? QStringLiteral(" unique") : QString(), i.columns.join(QLatin1Char(',')),
                          i.expression, i.where);
    }
    for (const UniqueConstraint &u : t.uniqueConstraints)
        lines << QStringLiteral("  unique [%1] (%2)").arg(u.name, u.columns.join(QLatin1Char(',')));
    for (const ForeignKey &fk : t.foreignKeys) {
        lines << QStringLiteral("  foreign key [%1] (%2) -> %3(%4) delete %5 update %6%7%8")
                     .arg(fk.name, fk.columns.join(QLatin1Char(',')), fk.referencedTable,
                          fk.referencedColumns.join(QLatin1Char(',')), referentialActionKey(fk.onDelete),
                          referentialActionKey(fk.onUpdate), fk.deferrable ? QStringLiteral(" deferrable") : QString(),
                          fk.initiallyDeferred ? QStringLiteral(" initially deferred") : QString());
    }
    for (const Check &c : t.checks)
        lines << QStringLiteral("  check [%1] {%2}").arg(c.name, c.expression);
    return lines.join(QLatin1Char('\n'));
}

using sd::testing::column;

ColumnType of(Kind kind, int length = -1)
{
    return ColumnType::of(kind, length);
}

ColumnType native(const QString &spelling)
{
    return ColumnType::native(DialectKind::Sqlite, spelling);
}

Index index(const QString &name, const QStringList &columns, const QString &expression = {}, bool unique = false,
            const QString &where = {})
{
    Index i;
    i.name = name;
    i.columns = columns;
    i.expression = expression;
    i.unique = unique;
    i.where = where;
    return i;
}

ForeignKey foreignKey(const QString &name, const QStringList &columns, const QString &table,
                      const QStringList &referenced, ReferentialAction onDelete = ReferentialAction::NoAction,
                      ReferentialAction onUpdate = ReferentialAction::NoAction)
{
    ForeignKey k;
    k.name = name;
    k.columns = columns;
    k.referencedTable = table;
    k.referencedColumns = referenced;
    k.onDelete = onDelete;
    k.onUpdate = onUpdate;
    return k;
}

// `id INTEGER PRIMARY KEY`, as most rows start.
Column idColumn()
{
    return column(QStringLiteral("id"), of(Kind::Integer), false);
}

const QString parentDdl = QStringLiteral(
    "CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT UNIQUE, a INT, b INT, CONSTRAINT uq_ab UNIQUE (a, b))");

} // namespace

class TestSqliteIntrospector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readTable_data();
    void readTable();
    void tablesAndUnmanagedObjects();
    void virtualTablesAreUnmanaged();
    void constantQueryCount();
    void missingFileReadsEmpty();
    void failingQueryIsAnError();
    void unreadableStatementIsAnError();

private:
    std::unique_ptr<Connection> open(const QString &fileName, bool create = true);
    void run(Connection &connection, const QStringList &ddl);

    QTemporaryDir m_dir;
};

std::unique_ptr<Connection> TestSqliteIntrospector::open(const QString &fileName, bool create)
{
    DatabaseUrl url;
    url.dialect = DialectKind::Sqlite;
    url.path = m_dir.filePath(fileName);
    ConnectOptions options;
    options.createSqliteFile = create;
    auto connection = Connection::open(url, options);
    if (!connection) {
        qCritical("%s", qPrintable(connection.error().toString()));
        return nullptr;
    }
    return std::move(*connection);
}

void TestSqliteIntrospector::run(Connection &connection, const QStringList &ddl)
{
    for (const QString &statement : ddl)
        SD_VERIFY_RESULT(connection.exec(statement));
}

void TestSqliteIntrospector::readTable_data()
{
    QTest::addColumn<QStringList>("ddl");
    QTest::addColumn<Table>("expected"); // the table of that name in the result

    {
        Table t;
        t.name = QStringLiteral("types");
        t.columns = {column(QStringLiteral("a"), of(Kind::Integer)),
                     column(QStringLiteral("b"), of(Kind::Integer)),
                     column(QStringLiteral("c"), of(Kind::BigInt)),
                     column(QStringLiteral("d"), of(Kind::BigInt)),
                     column(QStringLiteral("e"), of(Kind::SmallInt)),
                     column(QStringLiteral("f"), of(Kind::Boolean)),
                     column(QStringLiteral("g"), of(Kind::Real)),
                     column(QStringLiteral("h"), of(Kind::Double)),
                     column(QStringLiteral("i"), of(Kind::Double)),
                     column(QStringLiteral("j"), ColumnType::numeric(10, 2)),
                     column(QStringLiteral("k"), ColumnType::numeric()),
                     column(QStringLiteral("l"), of(Kind::Varchar, 255)),
                     column(QStringLiteral("m"), of(Kind::Varchar, 20)),
                     column(QStringLiteral("n"), of(Kind::Char, 3)),
                     column(QStringLiteral("o"), of(Kind::Text)),
                     column(QStringLiteral("p"), of(Kind::Date)),
                     column(QStringLiteral("q"), of(Kind::Time)),
                     column(QStringLiteral("r"), of(Kind::Timestamp)),
                     column(QStringLiteral("s"), of(Kind::TimestampTz)),
                     column(QStringLiteral("t"), of(Kind::Blob)),
                     column(QStringLiteral("u"), of(Kind::Json)),
                     column(QStringLiteral("v"), of(Kind::Uuid)),
                     column(QStringLiteral("w"), native(QStringLiteral("DATETIME"))),
                     column(QStringLiteral("x"), native(QString())),
                     column(QStringLiteral("y"), native(QStringLiteral("VARCHAR"))),
                     column(QStringLiteral("z"), native(QStringLiteral("UNSIGNED BIG INT")))};
        QTest::newRow("type synonyms") << QStringList{QStringLiteral(
            "CREATE TABLE types (a INT, b INTEGER, c BIGINT, d INT8, e SMALLINT, f BOOLEAN, g REAL, "
            "h DOUBLE PRECISION, i DOUBLE, j NUMERIC(10, 2), k DECIMAL, l VARCHAR(255), m CHARACTER VARYING(20), "
            "n CHAR(3), o TEXT, p DATE, q TIME, r TIMESTAMP, s TIMESTAMPTZ, t BLOB, u JSON, v UUID, "
            "w DATETIME, x, y VARCHAR, z UNSIGNED BIG INT)")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("defaults");
        t.columns
            = {column(QStringLiteral("a"), of(Kind::Text), true, DefaultValue::string(QStringLiteral("it's"))),
               column(QStringLiteral("b"), of(Kind::Integer), false, DefaultValue::number(QStringLiteral("42"))),
               column(QStringLiteral("c"), of(Kind::Real), true, DefaultValue::number(QStringLiteral("-1.5"))),
               column(QStringLiteral("d"), of(Kind::Boolean), true, DefaultValue::boolean(true)),
               column(QStringLiteral("e"), of(Kind::Text), true, DefaultValue::null()),
               column(QStringLiteral("f"), of(Kind::Timestamp), true,
                      DefaultValue::expression(QStringLiteral("CURRENT_TIMESTAMP"))),
               column(QStringLiteral("g"), of(Kind::Text), true,
                      DefaultValue::expression(QStringLiteral("datetime('now')"))),
               column(QStringLiteral("h"), of(Kind::Integer), true, DefaultValue::expression(QStringLiteral("1 + 2"))),
               column(QStringLiteral("i"), of(Kind::Blob), true, DefaultValue::expression(QStringLiteral("x'00'"))),
               column(QStringLiteral("j"), of(Kind::Text))};
        QTest::newRow("each default kind") << QStringList{QStringLiteral(
            "CREATE TABLE defaults (a TEXT DEFAULT 'it''s', b INT NOT NULL DEFAULT 42, c REAL DEFAULT -1.5, "
            "d BOOLEAN DEFAULT TRUE, e TEXT DEFAULT NULL, f TIMESTAMP DEFAULT CURRENT_TIMESTAMP, "
            "g TEXT DEFAULT (datetime('now')), h INT DEFAULT (1 + 2), i BLOB DEFAULT x'00', j TEXT)")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("counters");
        Column id = idColumn();
        id.autoincrement = Autoincrement::Yes;
        t.columns = {id, column(QStringLiteral("n"), of(Kind::Integer))};
        t.primaryKey.columns = {QStringLiteral("id")};
        QTest::newRow("AUTOINCREMENT")
            << QStringList{QStringLiteral("CREATE TABLE counters (id INTEGER PRIMARY KEY AUTOINCREMENT, n INT)"),
                           QStringLiteral("INSERT INTO counters (n) VALUES (1)")}
            << t;
        t.name = QStringLiteral("plain");
        t.columns[0].autoincrement = Autoincrement::No;
        QTest::newRow("plain INTEGER PRIMARY KEY")
            << QStringList{QStringLiteral("CREATE TABLE plain (id INTEGER PRIMARY KEY, n INT)")} << t;
    }
    {
        Table t;
        t.name = QStringLiteral("pairs");
        t.columns
            = {column(QStringLiteral("a"), of(Kind::Integer), false),
               column(QStringLiteral("b"), of(Kind::Text), false), column(QStringLiteral("c"), of(Kind::Integer))};
        t.primaryKey = {QStringLiteral("pk_pairs"), {QStringLiteral("b"), QStringLiteral("a")}};
        QTest::newRow("composite named primary key") << QStringList{QStringLiteral(
            "CREATE TABLE pairs (a INT, b TEXT, c INT, CONSTRAINT pk_pairs PRIMARY KEY (b, a))")}
            << t;
        t.name = QStringLiteral("kv");
        t.columns
            = {column(QStringLiteral("k"), of(Kind::Text), false), column(QStringLiteral("v"), native(QString()))};
        t.primaryKey = {QString(), {QStringLiteral("k")}};
        t.withoutRowid = true;
        QTest::newRow("WITHOUT ROWID") << QStringList{QStringLiteral(
            "CREATE TABLE kv (k TEXT PRIMARY KEY, v) WITHOUT ROWID")}
            << t;
        t.columns[1].type = native(QStringLiteral("ANY"));
        t.strict = true;
        QTest::newRow("WITHOUT ROWID, STRICT") << QStringList{QStringLiteral(
            "CREATE TABLE kv (k TEXT PRIMARY KEY, v ANY) without rowid , Strict")}
            << t;
        t.withoutRowid = false;
        QTest::newRow("STRICT") << QStringList{QStringLiteral("CREATE TABLE kv (k TEXT PRIMARY KEY, v ANY) STRICT")} << t;
    }
    {
        Table t;
        t.name = QStringLiteral("u");
        t.columns = {column(QStringLiteral("a"), of(Kind::Integer)), column(QStringLiteral("b"), of(Kind::Integer)),
                     column(QStringLiteral("c"), of(Kind::Integer))};
        t.uniqueConstraints = {{QStringLiteral("uq_bc"), {QStringLiteral("b"), QStringLiteral("c")}},
                               {QStringLiteral("uq_z"), {QStringLiteral("c")}},
                               {QString(), {QStringLiteral("a")}},
                               {QString(), {QStringLiteral("a"), QStringLiteral("b")}}};
        QTest::newRow("named and unnamed unique constraints")
            << QStringList{QStringLiteral("CREATE TABLE u (a INT UNIQUE, b INT, c INT, CONSTRAINT uq_z UNIQUE (c), "
                                          "CONSTRAINT uq_bc UNIQUE (b, c), UNIQUE (a, b))")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("c");
        t.columns
            = {idColumn(), column(QStringLiteral("p_id"), of(Kind::Integer)),
               column(QStringLiteral("code"), of(Kind::Text)), column(QStringLiteral("other"), of(Kind::Integer))};
        t.primaryKey.columns = {QStringLiteral("id")};
        t.foreignKeys = {foreignKey(QStringLiteral("fk_c_p"), {QStringLiteral("p_id")}, QStringLiteral("p"),
                                    {QStringLiteral("id")}, ReferentialAction::Cascade),
                         foreignKey(QString(), {QStringLiteral("code")}, QStringLiteral("p"), {QStringLiteral("code")},
                                    ReferentialAction::Restrict, ReferentialAction::SetNull),
                         foreignKey(QStringLiteral("fk_other"), {QStringLiteral("other")}, QStringLiteral("p"),
                                    {QStringLiteral("id")}, ReferentialAction::SetDefault)};
        QTest::newRow("foreign keys with actions and names, in declaration order") << QStringList{
            parentDdl,
            QStringLiteral("CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INT CONSTRAINT fk_c_p REFERENCES "
                           "p(id) ON DELETE CASCADE, code TEXT, other INT, FOREIGN KEY (code) REFERENCES "
                           "p (code) ON UPDATE SET NULL ON DELETE RESTRICT, CONSTRAINT fk_other FOREIGN "
                           "KEY (other) REFERENCES P(id) ON DELETE SET DEFAULT)")} << t;
    }
    {
        Table t;
        t.name = QStringLiteral("c2");
        t.columns = {column(QStringLiteral("x"), of(Kind::Integer)), column(QStringLiteral("y"), of(Kind::Integer)),
                     column(QStringLiteral("z"), of(Kind::Integer))};
        t.foreignKeys = {foreignKey(QString(), {QStringLiteral("z")}, QStringLiteral("p"), {QStringLiteral("id")}),
                         foreignKey(QStringLiteral("fk_xy"), {QStringLiteral("x"), QStringLiteral("y")},
                                    QStringLiteral("p2"), {QStringLiteral("b"), QStringLiteral("a")})};
        QTest::newRow("foreign keys to the parent's implicit primary key")
            << QStringList{parentDdl, QStringLiteral("CREATE TABLE p2 (a INT, b INT, PRIMARY KEY (b, a))"),
                           QStringLiteral("CREATE TABLE c2 (x INT, y INT, z INT REFERENCES p, "
                                          "CONSTRAINT fk_xy FOREIGN KEY (x, y) REFERENCES p2)")}
            << t;
    }
    // The reader builds each table as it reads it, in the order of
    // sqlite_master: a key to a primary key it has not read yet, or never
    // reads, still gets that key's columns.
    {
        Table t;
        t.name = QStringLiteral("early");
        t.columns = {idColumn(), column(QStringLiteral("later_id"), of(Kind::Text))};
        t.primaryKey.columns = {QStringLiteral("id")};
        t.foreignKeys = {foreignKey(QString(), {QStringLiteral("later_id")}, QStringLiteral("later"), {QStringLiteral("b")})};
        QTest::newRow("foreign key to the implicit primary key of a table created later")
            << QStringList{QStringLiteral("CREATE TABLE early (id INTEGER PRIMARY KEY, later_id TEXT REFERENCES LATER)"),
                           QStringLiteral("CREATE TABLE later (a INT, b TEXT NOT NULL, PRIMARY KEY (b))")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("tree");
        t.columns = {idColumn(), column(QStringLiteral("parent"), of(Kind::Integer))};
        t.primaryKey.columns = {QStringLiteral("id")};
        t.foreignKeys = {foreignKey(QString(), {QStringLiteral("parent")}, QStringLiteral("tree"), {QStringLiteral("id")})};
        QTest::newRow("foreign key to the implicit primary key of its own table")
            << QStringList{QStringLiteral("CREATE TABLE tree (id INTEGER PRIMARY KEY, parent INT REFERENCES tree)")} << t;
    }
    {
        Table t;
        t.name = QStringLiteral("audit");
        t.columns = {column(QStringLiteral("version"), of(Kind::Varchar, 32))};
        t.foreignKeys = {foreignKey(QString(), {QStringLiteral("version")}, QStringLiteral("schemadesk_version"),
                                    {QStringLiteral("version_num")})};
        QTest::newRow("foreign key to the implicit primary key of a table not read")
            << QStringList{QStringLiteral("CREATE TABLE schemadesk_version (version_num VARCHAR(32) PRIMARY KEY)"),
                           QStringLiteral("CREATE TABLE audit (version VARCHAR(32) REFERENCES schemadesk_version)")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("c3");
        t.columns
            = {column(QStringLiteral("p_id"), of(Kind::Integer)), column(QStringLiteral("q_id"), of(Kind::Integer))};
        ForeignKey deferred = foreignKey(QStringLiteral("fk_deferred"), {QStringLiteral("p_id")}, QStringLiteral("p"),
                                         {QStringLiteral("id")});
        deferred.deferrable = true;
        deferred.initiallyDeferred = true;
        ForeignKey deferrable
            = foreignKey(QString(), {QStringLiteral("q_id")}, QStringLiteral("p"), {QStringLiteral("id")});
        deferrable.deferrable = true;
        t.foreignKeys = {deferred, deferrable};
        QTest::newRow("deferrable foreign keys")
            << QStringList{parentDdl,
                           QStringLiteral(
                               "CREATE TABLE c3 (p_id INT CONSTRAINT fk_deferred REFERENCES p (id) DEFERRABLE "
                               "INITIALLY DEFERRED, q_id INT, FOREIGN KEY (q_id) REFERENCES p(id) DEFERRABLE)")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("checked");
        t.columns = {column(QStringLiteral("a"), of(Kind::Integer)), column(QStringLiteral("b"), of(Kind::Text))};
        t.checks = {{QString(), QStringLiteral("a > 0")},
                    {QStringLiteral("ck_b"), QStringLiteral("length(b) < 10")},
                    {QString(), QStringLiteral("a < (100)")},
                    {QStringLiteral("ck_ab"), QStringLiteral("a <> b OR b IN ('x', 'y)')")}};
        QTest::newRow("checks named, unnamed and column-level, in SQL order")
            << QStringList{QStringLiteral("CREATE TABLE checked (a INT CHECK (a > 0), b TEXT CONSTRAINT ck_b CHECK "
                                          "(length(b) < 10), CHECK ( a < (100) ), CONSTRAINT ck_ab CHECK (a <> b OR b "
                                          "IN ('x', 'y)')))")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("ix");
        t.columns = {column(QStringLiteral("a"), of(Kind::Integer)), column(QStringLiteral("b"), of(Kind::Text))};
        t.indexes = {index(QStringLiteral("ix_asc"), {QStringLiteral("a"), QStringLiteral("b")}),
                     index(QStringLiteral("ix_collate"), {}, QStringLiteral("b COLLATE NOCASE")),
                     index(QStringLiteral("ix_desc"), {}, QStringLiteral("a DESC, b")),
                     index(QStringLiteral("ix_lower"), {}, QStringLiteral("lower(b)"), true),
                     index(QStringLiteral("ix_partial"), {QStringLiteral("a")}, {}, false,
                           QStringLiteral("a IS NOT NULL AND b <> ''")),
                     index(QStringLiteral("ix_unique"), {QStringLiteral("b")}, {}, true)};
        QTest::newRow("indexes: plain, partial, expression, DESC, COLLATE, by name")
            << QStringList{QStringLiteral("CREATE TABLE ix (a INT, b TEXT)"),
                           QStringLiteral("CREATE INDEX ix_partial ON ix (a) WHERE a IS NOT NULL AND b <> ''"),
                           QStringLiteral("CREATE UNIQUE INDEX ix_unique ON ix (B)"),
                           QStringLiteral("CREATE INDEX ix_desc ON ix (a DESC, b)"),
                           QStringLiteral("CREATE UNIQUE INDEX ix_lower ON ix (lower(b))"),
                           QStringLiteral("CREATE INDEX ix_asc ON ix (a ASC, \"b\")"),
                           QStringLiteral("CREATE INDEX ix_collate ON ix (b COLLATE NOCASE)")}
            << t;
    }
    {
        // What an index reads as depends on the table too: a column declared
        // with its own collation indexes with that collation, so the index is
        // not a plain column list. Names are the table's, in its case.
        Table t;
        t.name = QStringLiteral("people");
        t.columns = {column(QStringLiteral("Email"), of(Kind::Text)), column(QStringLiteral("nick"), of(Kind::Text)),
                     column(QStringLiteral("age"), of(Kind::Integer))};
        t.columns[1].collation = QStringLiteral("NOCASE"); // BINARY, the default, is no collation of its own
        t.indexes = {index(QStringLiteral("ix_email"), {QStringLiteral("Email")}),
                     index(QStringLiteral("ix_email_upper"), {QStringLiteral("Email"), QStringLiteral("age")}),
                     index(QStringLiteral("ix_nick"), {}, QStringLiteral("nick")),
                     index(QStringLiteral("ix_nick_binary"), {}, QStringLiteral("nick COLLATE BINARY"))};
        QTest::newRow("indexes on columns with their own collation, names in another case")
            << QStringList{QStringLiteral("CREATE TABLE people (Email TEXT COLLATE BINARY, nick TEXT COLLATE NOCASE, "
                                          "age INTEGER)"),
                           QStringLiteral("CREATE INDEX ix_email ON people (email)"),
                           QStringLiteral("CREATE INDEX ix_email_upper ON people (\"EMAIL\", [Age] ASC)"),
                           QStringLiteral("CREATE INDEX ix_nick ON people (nick)"),
                           QStringLiteral("CREATE INDEX ix_nick_binary ON people (nick COLLATE BINARY)")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("gen");
        Column b = column(QStringLiteral("b"), of(Kind::Integer));
        b.generated = QStringLiteral("a * 2");
        b.generatedStored = true;
        Column c = column(QStringLiteral("c"), of(Kind::Text));
        c.generated = QStringLiteral("a || 'x'");
        c.generatedStored = false;
        t.columns = {column(QStringLiteral("a"), of(Kind::Integer)), b, c};
        QTest::newRow("generated columns")
            << QStringList{QStringLiteral("CREATE TABLE gen (a INT, b INTEGER GENERATED ALWAYS AS (a * 2) STORED, "
                                          "c TEXT AS (a || 'x'))")}
            << t;
    }
    {
        Table t;
        t.name = QStringLiteral("my \"odd\" table");
        t.columns = {column(QStringLiteral("first name"), of(Kind::Text), false),
                     column(QStringLiteral("last name"), of(Kind::Text))};
        t.primaryKey = {QStringLiteral("pk odd"), {QStringLiteral("first name")}};
        t.checks = {{QStringLiteral("ck odd"), QStringLiteral("[last name] <> 'x'")}};
        QTest::newRow("quoted names") << QStringList{QStringLiteral(
            "CREATE TABLE \"my \"\"odd\"\" table\" (\"first name\" TEXT CONSTRAINT [pk odd] "
            "PRIMARY KEY, `last name` TEXT CONSTRAINT \"ck odd\" CHECK ([last name] <> 'x'))")}
            << t;
    }
}

void TestSqliteIntrospector::readTable()
{
    QFETCH(QStringList, ddl);
    QFETCH(Table, expected);
    QString fileName = QString::fromLatin1(QTest::currentDataTag());
    for (QChar &c : fileName) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char('_');
    }
    auto connection = open(fileName + QStringLiteral(".db"));
    QVERIFY(connection);
    run(*connection, ddl);
    if (QTest::currentTestFailed())
        return;

    const auto schema = SqliteIntrospector::read(*connection);
    SD_VERIFY_RESULT(schema);
    const Table *table = schema->table(expected.name);
    QVERIFY2(table, qPrintable(expected.name));
    QCOMPARE(describe(*table), describe(expected));
    QVERIFY(*table == expected);
}

void TestSqliteIntrospector::tablesAndUnmanagedObjects()
{
    auto connection = open(QStringLiteral("objects.db"));
    QVERIFY(connection);
    run(*connection, {QStringLiteral("CREATE TABLE zeta (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)"),
                      QStringLiteral("CREATE TABLE alpha (id INTEGER PRIMARY KEY)"),
                      QStringLiteral("CREATE TABLE Mid (id INTEGER PRIMARY KEY)"),
                      QStringLiteral("CREATE TABLE schemadesk_version (revision VARCHAR(32) PRIMARY KEY)"),
                      QStringLiteral("CREATE TABLE schemadesk_history (id INTEGER PRIMARY KEY, revision TEXT)"),
                      QStringLiteral("INSERT INTO zeta (name) VALUES ('x')"), // creates sqlite_sequence
                      QStringLiteral("ANALYZE"),                              // creates sqlite_stat1
                      QStringLiteral("CREATE VIEW v_names AS SELECT name FROM zeta"),
                      QStringLiteral("CREATE TRIGGER trg_zeta AFTER INSERT ON zeta BEGIN SELECT 1; END")});
    if (QTest::currentTestFailed())
        return;

    const auto schema = SqliteIntrospector::read(*connection);
    SD_VERIFY_RESULT(schema);
    QStringList names;
    for (const Table &t : schema->tables)
        names << t.name;
    QCOMPARE(names, (QStringList{QStringLiteral("Mid"), QStringLiteral("alpha"), QStringLiteral("zeta")}));
    QVERIFY(schema->enums.isEmpty());

    const QList<UnmanagedObject> expected{
        {QStringLiteral("trigger"), QStringLiteral("trg_zeta"), QStringLiteral("zeta"),
         QStringLiteral("CREATE TRIGGER trg_zeta AFTER INSERT ON zeta BEGIN SELECT 1; END")},
        {QStringLiteral("view"), QStringLiteral("v_names"), QString(),
         QStringLiteral("CREATE VIEW v_names AS SELECT name FROM zeta")}};
    QCOMPARE(schema->unmanaged.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(schema->unmanaged[i].kind, expected[i].kind);
        QCOMPARE(schema->unmanaged[i].name, expected[i].name);
        QCOMPARE(schema->unmanaged[i].table, expected[i].table);
        QCOMPARE(schema->unmanaged[i].definition, expected[i].definition);
    }
}

void TestSqliteIntrospector::virtualTablesAreUnmanaged()
{
    auto connection = open(QStringLiteral("virtual.db"));
    QVERIFY(connection);
    if (!connection->exec(QStringLiteral("CREATE VIRTUAL TABLE docs USING fts5(title, body)")))
        QSKIP("this SQLite has no FTS5");
    // Keys to the implicit primary key of a virtual table (none it can
    // tell) and of one of its shadow tables (never read as a table).
    // The shadow table's key is asked for once, for both keys to it.
    run(*connection, {QStringLiteral("CREATE TABLE docs_meta (id INTEGER PRIMARY KEY, doc INT REFERENCES docs, "
                                     "block INT REFERENCES docs_data, first_block INT REFERENCES docs_data)")});

    const int before = connection->statementCount();
    const auto schema = SqliteIntrospector::read(*connection);
    SD_VERIFY_RESULT(schema);
    const int statements = connection->statementCount() - before;
    QCOMPARE(schema->tables.size(), 1);
    const Table &meta = schema->tables.constFirst();
    QCOMPARE(meta.name, QStringLiteral("docs_meta"));
    QCOMPARE(meta.foreignKeys.size(), 3);
    QCOMPARE(meta.foreignKeys[0].referencedTable, QStringLiteral("docs"));
    QCOMPARE(meta.foreignKeys[0].referencedColumns, QStringList());
    for (int k : {1, 2}) {
        QCOMPARE(meta.foreignKeys[k].referencedTable, QStringLiteral("docs_data"));
        QCOMPARE(meta.foreignKeys[k].referencedColumns, QStringList{QStringLiteral("id")});
    }
    auto plain = open(QStringLiteral("virtual_plain.db"));
    QVERIFY(plain);
    run(*plain, {QStringLiteral("CREATE VIRTUAL TABLE docs USING fts5(title, body)"),
                 QStringLiteral("CREATE TABLE docs_meta (id INTEGER PRIMARY KEY)")});
    const int plainBefore = plain->statementCount();
    SD_VERIFY_RESULT(SqliteIntrospector::read(*plain));
    QCOMPARE(statements, plain->statementCount() - plainBefore + 1);

    QStringList kinds;
    for (const UnmanagedObject &object : schema->unmanaged)
        kinds << object.kind + QLatin1Char(':') + object.name + QLatin1Char(':') + object.table;
    QCOMPARE(kinds, (QStringList{QStringLiteral("virtual table:docs:"),
                                 QStringLiteral("virtual table shadow:docs_config:docs"),
                                 QStringLiteral("virtual table shadow:docs_content:docs"),
                                 QStringLiteral("virtual table shadow:docs_data:docs"),
                                 QStringLiteral("virtual table shadow:docs_docsize:docs"),
                                 QStringLiteral("virtual table shadow:docs_idx:docs")}));
    QVERIFY(schema->unmanaged.constFirst().definition.startsWith(QLatin1String("CREATE VIRTUAL TABLE docs")));
}

void TestSqliteIntrospector::constantQueryCount()
{
    auto queriesFor = [this](int tables) -> int {
        auto connection = open(QStringLiteral("count_%1.db").arg(tables));
        if (!connection)
            return -1;
        QStringList ddl{QStringLiteral("BEGIN")};
        for (int i = 0; i < tables; ++i) {
            ddl << QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY AUTOINCREMENT, parent INT REFERENCES t%2, "
                                  "code TEXT CONSTRAINT uq_t%1 UNIQUE, n INT CHECK (n > 0), g INT AS (n * 2))")
                       .arg(i)
                       .arg(i == 0 ? 0 : i - 1)
                << QStringLiteral("CREATE INDEX ix_t%1 ON t%1 (lower(code)) WHERE n > 0").arg(i);
        }
        ddl << QStringLiteral("COMMIT");
        run(*connection, ddl);
        const int before = connection->statementCount();
        const auto schema = SqliteIntrospector::read(*connection);
        if (!schema || schema->tables.size() != tables)
            return -1;
        return connection->statementCount() - before;
    };
    const int few = queriesFor(5);
    const int many = queriesFor(300);
    QVERIFY(few > 0);
    QCOMPARE(many, few);
    QVERIFY2(few <= 6, qPrintable(QString::number(few)));
    qInfo("introspection ran %d queries for 5 and for 300 tables", few);
}

void TestSqliteIntrospector::missingFileReadsEmpty()
{
    const QString fileName = QStringLiteral("missing.db");
    auto connection = open(fileName, false);
    QVERIFY(connection);
    QVERIFY(connection->fileMissing());
    const auto schema = SqliteIntrospector::read(*connection);
    SD_VERIFY_RESULT(schema);
    QVERIFY(schema->tables.isEmpty());
    QVERIFY(schema->unmanaged.isEmpty());
    connection.reset();
    QVERIFY(!QFileInfo::exists(m_dir.filePath(fileName)));
}

void TestSqliteIntrospector::failingQueryIsAnError()
{
    const QString fileName = QStringLiteral("not_a_database.db");
    {
        QFile file(m_dir.filePath(fileName));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    auto connection = open(fileName, false);
    if (!connection)
        QSKIP("the driver refuses the file at open already");
    const auto schema = SqliteIntrospector::read(*connection);
    QVERIFY(!schema);
    QCOMPARE(schema.error().code, Error::Code::Database);
    QVERIFY2(schema.error().statement.contains(QLatin1String("sqlite_master")), qPrintable(schema.error().toString()));
    QVERIFY2(schema.error().message.contains(QLatin1String("not a database")), qPrintable(schema.error().toString()));
}

// A CREATE TABLE the parser cannot read (planted through writable_schema,
// which SQLite itself only reparses on the next open) fails the read with
// an error naming the table and the statement.
void TestSqliteIntrospector::unreadableStatementIsAnError()
{
    auto connection = open(QStringLiteral("unreadable.db"));
    QVERIFY(connection);
    const QString planted = QStringLiteral("CREATE TABLE odd(a INT CHECK a > 0)");
    run(*connection, {QStringLiteral("CREATE TABLE odd (a INT)"), QStringLiteral("PRAGMA writable_schema = ON")});
    if (!connection->exec(QStringLiteral("UPDATE sqlite_master SET sql = ? WHERE name = 'odd'"), {planted}))
        QSKIP("this SQLite refuses writes to sqlite_master");
    run(*connection, {QStringLiteral("PRAGMA writable_schema = OFF")});

    const auto schema = SqliteIntrospector::read(*connection);
    QVERIFY(!schema);
    QCOMPARE(schema.error().code, Error::Code::Database);
    QCOMPARE(schema.error().statement, planted);
    QVERIFY2(schema.error().message.contains(QLatin1String("table \"odd\"")), qPrintable(schema.error().toString()));
}

QTEST_GUILESS_MAIN(TestSqliteIntrospector)
#include "tst_sqliteintrospector.moc"
