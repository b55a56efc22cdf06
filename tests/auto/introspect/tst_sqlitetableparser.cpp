// SqliteTableParser: what the pragmas do not tell, read from CREATE TABLE and
// CREATE INDEX texts as sqlite_schema stores them.

#include "introspect/SqliteTableParser.h"

#include "TestResult.h"

#include <QObject>
#include <QTest>

using namespace sd;

namespace {

QString describeChecks(const QList<Check> &checks)
{
    QStringList parts;
    for (const Check &c : checks)
        parts << QStringLiteral("[%1] %2").arg(c.name, c.expression);
    return parts.join(QStringLiteral("; "));
}

QString describe(const SqliteTableDefinition &t)
{
    QStringList lines;
    lines << QStringLiteral("table %1.%2%3%4")
                 .arg(t.schema, t.name, t.withoutRowid ? QStringLiteral(" WITHOUT ROWID") : QString(),
                      t.strict ? QStringLiteral(" STRICT") : QString());
    for (const SqliteColumnDefinition &c : t.columns) {
        lines << QStringLiteral("column %1%2%3%4 checks{%5}")
                     .arg(c.name, c.primaryKey ? QStringLiteral(" pk") : QString(),
                          c.autoincrement ? QStringLiteral(" autoincrement") : QString(),
                          c.generated.isEmpty() ? QString()
                                                : QStringLiteral(" generated{%1}%2")
                                                      .arg(c.generated, c.generatedStored ? QStringLiteral(" stored")
                                                                                          : QStringLiteral(" virtual")),
                          describeChecks(c.checks));
    }
    lines
        << QStringLiteral("primary key [%1] (%2)").arg(t.primaryKey.name, t.primaryKey.columns.join(QLatin1Char(',')));
    for (const UniqueConstraint &u : t.uniqueConstraints)
        lines << QStringLiteral("unique [%1] (%2)").arg(u.name, u.columns.join(QLatin1Char(',')));
    lines << QStringLiteral("checks {%1}").arg(describeChecks(t.checks));
    for (const ForeignKey &fk : t.foreignKeys) {
        lines << QStringLiteral("foreign key [%1] (%2) -> %3(%4) delete %5 update %6%7%8")
                     .arg(fk.name, fk.columns.join(QLatin1Char(',')), fk.referencedTable,
                          fk.referencedColumns.join(QLatin1Char(',')), referentialActionKey(fk.onDelete),
                          referentialActionKey(fk.onUpdate), fk.deferrable ? QStringLiteral(" deferrable") : QString(),
                          fk.initiallyDeferred ? QStringLiteral(" initially deferred") : QString());
    }
    return lines.join(QLatin1Char('\n'));
}

QString describe(const SqliteIndexDefinition &i)
{
    return QStringLiteral("index %1.%2 on %3%4 elements{%5} plain=%6 columns(%7) where{%8}")
        .arg(i.schema, i.name, i.table, i.unique ? QStringLiteral(" unique") : QString(), i.elements,
             i.plainColumns ? QStringLiteral("yes") : QStringLiteral("no"), i.columns.join(QLatin1Char('|')), i.where);
}

// Builders that keep the rows short.
SqliteColumnDefinition col(const QString &name)
{
    SqliteColumnDefinition c;
    c.name = name;
    return c;
}

SqliteColumnDefinition pkCol(const QString &name, bool autoincrement = false)
{
    SqliteColumnDefinition c = col(name);
    c.primaryKey = true;
    c.autoincrement = autoincrement;
    return c;
}

SqliteColumnDefinition generatedCol(const QString &name, const QString &expression, bool stored)
{
    SqliteColumnDefinition c = col(name);
    c.generated = expression;
    c.generatedStored = stored;
    return c;
}

SqliteColumnDefinition checkedCol(const QString &name, const QList<Check> &checks)
{
    SqliteColumnDefinition c = col(name);
    c.checks = checks;
    return c;
}

SqliteTableDefinition table(const QString &name, const QList<SqliteColumnDefinition> &columns,
                            const PrimaryKey &pk = {})
{
    SqliteTableDefinition t;
    t.name = name;
    t.columns = columns;
    t.primaryKey = pk;
    return t;
}

ForeignKey fk(const QString &name, const QStringList &columns, const QString &table, const QStringList &referenced,
              ReferentialAction onDelete = ReferentialAction::NoAction,
              ReferentialAction onUpdate = ReferentialAction::NoAction, bool deferrable = false,
              bool initiallyDeferred = false)
{
    ForeignKey k;
    k.name = name;
    k.columns = columns;
    k.referencedTable = table;
    k.referencedColumns = referenced;
    k.onDelete = onDelete;
    k.onUpdate = onUpdate;
    k.deferrable = deferrable;
    k.initiallyDeferred = initiallyDeferred;
    return k;
}

SqliteIndexDefinition index(const QString &name, const QString &table, const QString &elements,
                            const QStringList &plainColumns, const QString &where = {}, bool unique = false)
{
    SqliteIndexDefinition i;
    i.name = name;
    i.table = table;
    i.elements = elements;
    i.plainColumns = !plainColumns.isEmpty();
    i.columns = plainColumns;
    i.where = where;
    i.unique = unique;
    return i;
}

} // namespace

class TestSqliteTableParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseTable_data();
    void parseTable();
    void parseTableErrors_data();
    void parseTableErrors();
    void parseIndex_data();
    void parseIndex();
    void parseIndexErrors_data();
    void parseIndexErrors();
    void oddInputNeverCrashes_data();
    void oddInputNeverCrashes();
};

void TestSqliteTableParser::parseTable_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<SqliteTableDefinition>("expected");

    QTest::newRow("plain INTEGER PRIMARY KEY")
        << QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        << table(QStringLiteral("t"), {pkCol(QStringLiteral("id")), col(QStringLiteral("name"))},
                 {{}, {QStringLiteral("id")}});

    QTest::newRow("AUTOINCREMENT after a conflict clause")
        << QStringLiteral("CREATE TABLE t3(id INTEGER PRIMARY KEY ON CONFLICT REPLACE AUTOINCREMENT, x)")
        << table(QStringLiteral("t3"), {pkCol(QStringLiteral("id"), true), col(QStringLiteral("x"))},
                 {{}, {QStringLiteral("id")}});

    QTest::newRow("AUTOINCREMENT in a table PRIMARY KEY")
        << QStringLiteral("CREATE TABLE t17(id INTEGER, PRIMARY KEY (id AUTOINCREMENT))")
        << table(QStringLiteral("t17"), {pkCol(QStringLiteral("id"), true)}, {{}, {QStringLiteral("id")}});

    QTest::newRow("quoted names with spaces and escapes")
        << QStringLiteral("CREATE TABLE \"my \"\"table\"\" x\" (\"first name\" TEXT, `back``tick` INT, "
                          "[br acket] REAL, 'single' BLOB)")
        << table(QStringLiteral("my \"table\" x"), {col(QStringLiteral("first name")), col(QStringLiteral("back`tick")),
                                                    col(QStringLiteral("br acket")), col(QStringLiteral("single"))});

    {
        SqliteTableDefinition t = table(QStringLiteral("t"), {col(QStringLiteral("a"))});
        t.schema = QStringLiteral("main");
        QTest::newRow("IF NOT EXISTS and a schema") << QStringLiteral("CREATE TABLE IF NOT EXISTS main.\"t\" (a)") << t;
        QTest::newRow("TEMP table") << QStringLiteral("create temp table main.t(a);") << t;
    }

    {
        const Check check{QString(), QStringLiteral("a <> '' /* not empty */")};
        SqliteTableDefinition t
            = table(QStringLiteral("t"), {pkCol(QStringLiteral("id")), checkedCol(QStringLiteral("a"), {check})},
                    {{}, {QStringLiteral("id")}});
        t.checks = {check};
        const QString sql = QStringLiteral("CREATE TABLE t ( -- the key, (really)\n  id INTEGER /* pk, ( */ PRIMARY KEY,\n"
                                           "  a TEXT CHECK ( a <> '' /* not empty */ ) -- trailing )\n)");
        QTest::newRow("comments inside") << sql << t;
    }

    {
        const Check check{QString(), QStringLiteral("a <> ')'")};
        SqliteTableDefinition t
            = table(QStringLiteral("t"), {checkedCol(QStringLiteral("a"), {check}), col(QStringLiteral("b"))});
        t.checks = {check};
        QTest::newRow("strings holding commas and parentheses")
            << QStringLiteral("CREATE TABLE t(a TEXT DEFAULT 'x, y)' CHECK (a <> ')'), b TEXT DEFAULT ('(,'))") << t;
    }

    {
        SqliteTableDefinition t = table(QStringLiteral("t"), {col(QStringLiteral("a")), col(QStringLiteral("b"))});
        t.checks = {{QString(), QStringLiteral("(a + (b * 2)) > (0)")}};
        QTest::newRow("nested parentheses in a table CHECK")
            << QStringLiteral("CREATE TABLE t(a INT, b INT, CHECK ((a + (b * 2)) > (0)))") << t;
    }

    {
        SqliteTableDefinition t = table(QStringLiteral("t"), {pkCol(QStringLiteral("id")), col(QStringLiteral("code"))},
                                        {QStringLiteral("pk_t"), {QStringLiteral("id")}});
        t.uniqueConstraints = {{QStringLiteral("uq_code"), {QStringLiteral("code")}},
                               {QString(), {QStringLiteral("code"), QStringLiteral("id")}}};
        t.checks = {{QStringLiteral("ck_code"), QStringLiteral("length(code) > 2")}};
        QTest::newRow("named table constraints")
            << QStringLiteral("CREATE TABLE t(id INT, code TEXT, CONSTRAINT pk_t PRIMARY KEY (id), CONSTRAINT uq_code "
                              "UNIQUE (code COLLATE NOCASE) ON CONFLICT ABORT, CONSTRAINT ck_code CHECK "
                              "(length(code) > 2), UNIQUE (code, id DESC))")
            << t;
    }

    {
        const Check ck{QStringLiteral("ck"), QStringLiteral("code <> ''")};
        const Check n1{QString(), QStringLiteral("n > 0")};
        const Check n2{QStringLiteral("n_small"), QStringLiteral("n < 10")};
        SqliteTableDefinition t = table(QStringLiteral("t"),
                                        {pkCol(QStringLiteral("id")), checkedCol(QStringLiteral("code"), {ck}),
                                         checkedCol(QStringLiteral("n"), {n1, n2})},
                                        {QStringLiteral("pk"), {QStringLiteral("id")}});
        t.uniqueConstraints = {{QStringLiteral("uq"), {QStringLiteral("code")}}};
        t.checks = {ck, n1, n2};
        QTest::newRow("column-level constraint names") << QStringLiteral(
            "CREATE TABLE t(id INTEGER CONSTRAINT pk PRIMARY KEY, code TEXT CONSTRAINT uq UNIQUE "
            "CONSTRAINT ck CHECK (code <> ''), n INT CHECK (n > 0) CONSTRAINT n_small CHECK (n < 10))")
            << t;
    }

    QTest::newRow("generated columns STORED, VIRTUAL and plain AS")
        << QStringLiteral("CREATE TABLE t(a INT, b INT GENERATED ALWAYS AS (a * 2) STORED, "
                          "c TEXT AS (upper(a || 'x)')) VIRTUAL, d INT AS ( a + 1 ) NOT NULL)")
        << table(QStringLiteral("t"),
                 {col(QStringLiteral("a")), generatedCol(QStringLiteral("b"), QStringLiteral("a * 2"), true),
                  generatedCol(QStringLiteral("c"), QStringLiteral("upper(a || 'x)')"), false),
                  generatedCol(QStringLiteral("d"), QStringLiteral("a + 1"), false)});

    {
        SqliteTableDefinition t = table(QStringLiteral("t13"), {pkCol(QStringLiteral("k")), col(QStringLiteral("v"))},
                                        {{}, {QStringLiteral("k")}});
        t.withoutRowid = true;
        t.strict = true;
        QTest::newRow("WITHOUT ROWID, STRICT")
            << QStringLiteral("CREATE TABLE t13(k TEXT PRIMARY KEY, v ANY) WITHOUT ROWID, STRICT") << t;
    }

    {
        SqliteTableDefinition t = table(QStringLiteral("c"), {col(QStringLiteral("p_id")), col(QStringLiteral("q"))});
        t.foreignKeys = {fk(QStringLiteral("fk_p"), {QStringLiteral("p_id")}, QStringLiteral("p"),
                            {QStringLiteral("id")}, ReferentialAction::Cascade, ReferentialAction::SetNull, true, true),
                         fk(QString(), {QStringLiteral("q")}, QStringLiteral("q"), {})};
        QTest::newRow("column-level REFERENCES")
            << QStringLiteral("CREATE TABLE c(p_id INT CONSTRAINT fk_p REFERENCES p(id) ON DELETE CASCADE ON UPDATE "
                              "SET NULL DEFERRABLE INITIALLY DEFERRED NOT NULL, q INT REFERENCES q MATCH SIMPLE)")
            << t;
    }

    {
        SqliteTableDefinition t = table(QStringLiteral("c"), {col(QStringLiteral("a")), col(QStringLiteral("b"))});
        t.foreignKeys = {fk(QString(), {QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("p"),
                            {QStringLiteral("x"), QStringLiteral("y")}, ReferentialAction::SetDefault),
                         fk(QStringLiteral("fk2"), {QStringLiteral("b")}, QStringLiteral("other table"), {}),
                         fk(QString(), {QStringLiteral("a")}, QStringLiteral("p"), {}, ReferentialAction::NoAction,
                            ReferentialAction::Restrict, true, false)};
        QTest::newRow("table FOREIGN KEYs")
            << QStringLiteral("CREATE TABLE c(a INT, b INT, FOREIGN KEY (a, b) REFERENCES p (x, y) ON DELETE SET "
                              "DEFAULT, CONSTRAINT fk2 FOREIGN KEY (b) REFERENCES [other table] NOT DEFERRABLE, "
                              "FOREIGN KEY (a) REFERENCES p DEFERRABLE INITIALLY IMMEDIATE ON UPDATE RESTRICT)")
            << t;
    }

    {
        SqliteTableDefinition t = table(QStringLiteral("t16"), {pkCol(QStringLiteral("a")), col(QStringLiteral("b"))},
                                        {{}, {QStringLiteral("a")}});
        t.uniqueConstraints = {{QString(), {QStringLiteral("b")}}};
        t.checks = {{QString(), QStringLiteral("a > b")}};
        QTest::newRow("table constraints without commas")
            << QStringLiteral("CREATE TABLE t16(a INT, b INT, PRIMARY KEY (a) UNIQUE (b) CHECK (a > b))") << t;
    }

    {
        const Check check{QStringLiteral("ck a"), QStringLiteral("[a] > 0")};
        SqliteTableDefinition t = table(QStringLiteral("t18"), {checkedCol(QStringLiteral("a"), {check})});
        t.checks = {check};
        QTest::newRow("bracket names after keywords")
            << QStringLiteral("CREATE TABLE [t18] ([a] INT CONSTRAINT [ck a] CHECK ([a] > 0))") << t;
    }

    QTest::newRow("types of several words, sizes, signed defaults")
        << QStringLiteral(
               "CREATE TABLE t19(a DOUBLE PRECISION NOT NULL, b VARCHAR(20) COLLATE NOCASE, c NUMERIC(10, 2) "
               "DEFAULT -1.5, d UNSIGNED BIG INT DEFAULT +3, e DEFAULT CURRENT_TIMESTAMP, f NULL DEFAULT NULL)")
        << [] {
               SqliteColumnDefinition b = col(QStringLiteral("b"));
               b.collation = QStringLiteral("NOCASE");
               return table(QStringLiteral("t19"), {col(QStringLiteral("a")), b, col(QStringLiteral("c")),
                                                    col(QStringLiteral("d")), col(QStringLiteral("e")),
                                                    col(QStringLiteral("f"))});
           }();

    QTest::newRow("columns named like keywords")
        << QStringLiteral("CREATE TABLE t20(\"primary\" INT, key TEXT, \"check\" INT)")
        << table(QStringLiteral("t20"),
                 {col(QStringLiteral("primary")), col(QStringLiteral("key")), col(QStringLiteral("check"))});

    QTest::newRow("single-quoted table name (FTS shadow)")
        << QStringLiteral("CREATE TABLE 'ft_config'(k PRIMARY KEY, v) WITHOUT ROWID") << [] {
               SqliteTableDefinition t
                   = table(QStringLiteral("ft_config"), {pkCol(QStringLiteral("k")), col(QStringLiteral("v"))},
                           {{}, {QStringLiteral("k")}});
               t.withoutRowid = true;
               return t;
           }();
}

void TestSqliteTableParser::parseTable()
{
    QFETCH(QString, sql);
    QFETCH(SqliteTableDefinition, expected);
    const auto parsed = SqliteTableParser::parseTable(sql);
    SD_VERIFY_RESULT(parsed);
    QCOMPARE(describe(*parsed), describe(expected));
    QVERIFY(*parsed == expected);
}

void TestSqliteTableParser::parseTableErrors_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty text") << QString() << QStringLiteral("expected CREATE");
    QTest::newRow("a view") << QStringLiteral("CREATE VIEW v AS SELECT 1") << QStringLiteral("expected TABLE");
    QTest::newRow("no column list") << QStringLiteral("CREATE TABLE t") << QStringLiteral("table \"t\"");
    QTest::newRow("no table name") << QStringLiteral("CREATE TABLE (") << QStringLiteral("expected a table name");
    QTest::newRow("unbalanced parentheses")
        << QStringLiteral("CREATE TABLE t(a INT, CHECK (a > 0)") << QStringLiteral("unbalanced parentheses");
    QTest::newRow("unterminated string") << QStringLiteral("CREATE TABLE t(a TEXT DEFAULT 'x)")
                                         << QStringLiteral("unterminated");
    QTest::newRow("unterminated bracket name")
        << QStringLiteral("CREATE TABLE [t(a)") << QStringLiteral("unterminated");
    QTest::newRow("empty column list") << QStringLiteral("CREATE TABLE t()")
                                       << QStringLiteral("expected a column definition");
    QTest::newRow("trailing comma") << QStringLiteral("CREATE TABLE t(a,)")
                                    << QStringLiteral("expected a column definition");
    QTest::newRow("unknown table constraint")
        << QStringLiteral("CREATE TABLE odd(a INT PRIMARY KEY, CONSTRAINT c BOGUS (a))")
        << QStringLiteral("table \"odd\": expected a table constraint");
    QTest::newRow("unknown column constraint")
        << QStringLiteral("CREATE TABLE odd(a INT DEFAULT 1 BOGUS)") << QStringLiteral("expected a column constraint");
    QTest::newRow("CHECK without parentheses")
        << QStringLiteral("CREATE TABLE t(a INT CHECK a > 0)") << QStringLiteral("expected '('");
    QTest::newRow("bad referential action") << QStringLiteral("CREATE TABLE t(a INT REFERENCES p ON DELETE EXPLODE)")
                                            << QStringLiteral("expected a referential action");
    QTest::newRow("text after the options")
        << QStringLiteral("CREATE TABLE t(a) WITHOUT ROWID garbage") << QStringLiteral("expected the end");
    QTest::newRow("only parentheses") << QStringLiteral(")))(((") << QStringLiteral("expected CREATE");
    QTest::newRow("DEFAULT with nothing")
        << QStringLiteral("CREATE TABLE t(a DEFAULT)") << QStringLiteral("expected a default value");
    QTest::newRow("sign with nothing") << QStringLiteral("CREATE TABLE t(a DEFAULT -)")
                                       << QStringLiteral("expected a default value");
}

void TestSqliteTableParser::parseTableErrors()
{
    QFETCH(QString, sql);
    QFETCH(QString, messagePart);
    const auto parsed = SqliteTableParser::parseTable(sql);
    QVERIFY2(!parsed, qPrintable(parsed ? describe(*parsed) : QString()));
    QVERIFY2(parsed.error().message.contains(messagePart), qPrintable(parsed.error().message));
    QVERIFY(parsed.error().line >= 1);
}

void TestSqliteTableParser::parseIndex_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<SqliteIndexDefinition>("expected");

    QTest::newRow("plain columns") << QStringLiteral("CREATE INDEX ix ON t (a, b)")
                                   << index(QStringLiteral("ix"), QStringLiteral("t"), QStringLiteral("a, b"),
                                            {QStringLiteral("a"), QStringLiteral("b")});
    QTest::newRow("unique, IF NOT EXISTS, quoted names, ASC")
        << QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS \"ix \"\"x\"\"\" ON \"my t\" ( \"col a\" ASC, [b] )")
        << index(QStringLiteral("ix \"x\""), QStringLiteral("my t"), QStringLiteral("\"col a\" ASC, [b]"),
                 {QStringLiteral("col a"), QStringLiteral("b")}, {}, true);
    QTest::newRow("DESC element") << QStringLiteral("CREATE INDEX ix ON t(a DESC, b)")
                                  << index(QStringLiteral("ix"), QStringLiteral("t"), QStringLiteral("a DESC, b"), {});
    QTest::newRow("COLLATE element") << QStringLiteral("CREATE INDEX ix ON t(a COLLATE NOCASE)")
                                     << index(QStringLiteral("ix"), QStringLiteral("t"),
                                              QStringLiteral("a COLLATE NOCASE"), {});
    QTest::newRow("expression elements") << QStringLiteral("CREATE INDEX ix ON t(lower(email), (a + b), c)")
                                         << index(QStringLiteral("ix"), QStringLiteral("t"),
                                                  QStringLiteral("lower(email), (a + b), c"), {});
    QTest::newRow("partial index") << QStringLiteral("CREATE INDEX ix ON t(a) WHERE a IS NOT NULL AND b > ','")
                                   << index(QStringLiteral("ix"), QStringLiteral("t"), QStringLiteral("a"),
                                            {QStringLiteral("a")}, QStringLiteral("a IS NOT NULL AND b > ','"));
    QTest::newRow("partial index with comments")
        << QStringLiteral("CREATE INDEX ix ON t3(x) /* c */ WHERE (x > 0 /* in */) -- x\n")
        << index(QStringLiteral("ix"), QStringLiteral("t3"), QStringLiteral("x"), {QStringLiteral("x")},
                 QStringLiteral("(x > 0 /* in */)"));
    {
        SqliteIndexDefinition i
            = index(QStringLiteral("ix"), QStringLiteral("t"), QStringLiteral("a"), {QStringLiteral("a")});
        i.schema = QStringLiteral("main");
        QTest::newRow("schema-qualified name") << QStringLiteral("CREATE INDEX main.ix ON t(a);") << i;
    }
    QTest::newRow("bracket names after keywords")
        << QStringLiteral("CREATE INDEX [ix] ON [t]([a])")
        << index(QStringLiteral("ix"), QStringLiteral("t"), QStringLiteral("[a]"), {QStringLiteral("a")});
}

void TestSqliteTableParser::parseIndex()
{
    QFETCH(QString, sql);
    QFETCH(SqliteIndexDefinition, expected);
    const auto parsed = SqliteTableParser::parseIndex(sql);
    SD_VERIFY_RESULT(parsed);
    QCOMPARE(describe(*parsed), describe(expected));
    QVERIFY(*parsed == expected);
}

void TestSqliteTableParser::parseIndexErrors_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("a table") << QStringLiteral("CREATE TABLE t(a)") << QStringLiteral("expected INDEX");
    QTest::newRow("no element list") << QStringLiteral("CREATE INDEX ix ON t") << QStringLiteral("index \"ix\"");
    QTest::newRow("empty element") << QStringLiteral("CREATE INDEX ix ON t(a,)")
                                   << QStringLiteral("expected an indexed column");
    QTest::newRow("WHERE without expression")
        << QStringLiteral("CREATE INDEX ix ON t(a) WHERE") << QStringLiteral("expected an expression");
    QTest::newRow("unbalanced") << QStringLiteral("CREATE INDEX ix ON t((a)") << QStringLiteral("unbalanced");
    QTest::newRow("empty text") << QString() << QStringLiteral("expected CREATE");
}

void TestSqliteTableParser::parseIndexErrors()
{
    QFETCH(QString, sql);
    QFETCH(QString, messagePart);
    const auto parsed = SqliteTableParser::parseIndex(sql);
    QVERIFY2(!parsed, qPrintable(parsed ? describe(*parsed) : QString()));
    QVERIFY2(parsed.error().message.contains(messagePart), qPrintable(parsed.error().message));
}

void TestSqliteTableParser::oddInputNeverCrashes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("table with every kind of constraint") << QStringLiteral(
        "CREATE TABLE IF NOT EXISTS main.[t x] (\"id\" INTEGER CONSTRAINT [pk] PRIMARY KEY ON CONFLICT "
        "ABORT AUTOINCREMENT, `b` TEXT DEFAULT 'a, (b' COLLATE NOCASE CHECK (b <> ')') /* c, ( */, "
        "g INT GENERATED ALWAYS AS ((id + 1) * 2) STORED, r INT REFERENCES p (id) ON DELETE SET NULL "
        "DEFERRABLE INITIALLY DEFERRED, CONSTRAINT u UNIQUE (b, g), CHECK (g > -1), FOREIGN KEY (r) "
        "REFERENCES q -- x\n) WITHOUT ROWID, STRICT");
    QTest::newRow("partial expression index")
        << QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS [ix] ON \"t\" (lower(b) COLLATE NOCASE DESC, [a]) "
                          "WHERE a > ')' AND (b IS NOT NULL) -- end");
}

// Every prefix of a statement, and the statement with any one character
// removed, parses or gives an error: never a crash or an empty message.
void TestSqliteTableParser::oddInputNeverCrashes()
{
    QFETCH(QString, sql);
    QVERIFY(SqliteTableParser::parseTable(sql) || SqliteTableParser::parseIndex(sql));
    auto check = [](const QString &text) {
        const auto table = SqliteTableParser::parseTable(text);
        const auto index = SqliteTableParser::parseIndex(text);
        return (table || !table.error().message.isEmpty()) && (index || !index.error().message.isEmpty());
    };
    for (int n = 0; n <= sql.size(); ++n)
        QVERIFY2(check(sql.left(n)), qPrintable(sql.left(n)));
    for (int i = 0; i < sql.size(); ++i)
        QVERIFY2(check(QString(sql).remove(i, 1)), qPrintable(QString(sql).remove(i, 1)));
}

QTEST_GUILESS_MAIN(TestSqliteTableParser)
#include "tst_sqlitetableparser.moc"
