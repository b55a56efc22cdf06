// Dialect rules: which types are the same, which changes narrow, which
// defaults are equal, and the exact DDL each dialect writes.

#include "ModelBuilders.h"
#include "dialect/Dialect.h"
#include "dialect/PostgresDialect.h"
#include "dialect/SqliteDialect.h"

#include <QTest>

using namespace sd;

Q_DECLARE_METATYPE(sd::DialectKind)
Q_DECLARE_METATYPE(sd::DefaultValue)

namespace {

ColumnType type(const QString &spelling, DialectKind dialect)
{
    return dialect == DialectKind::PostgreSQL ? PostgresDialect::typeFromDatabase(spelling)
                                              : SqliteDialect::typeFromDeclared(spelling);
}

using sd::testing::column;

} // namespace

class tst_Dialect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameType_data()
    {
        QTest::addColumn<DialectKind>("dialect");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("live");
        QTest::addColumn<bool>("same");
        for (DialectKind d : {DialectKind::PostgreSQL, DialectKind::Sqlite}) {
            const char *p = d == DialectKind::PostgreSQL ? "postgresql: " : "sqlite: ";
            QTest::addRow("%sint8 = bigint", p) << d << "bigint" << "int8" << true;
            QTest::addRow("%scharacter varying(20) = varchar(20)", p) << d << "varchar(20)" << "character varying(20)" << true;
            QTest::addRow("%stimestamp vs timestamptz", p) << d << "timestamp" << "timestamp with time zone" << false;
            QTest::addRow("%svarchar(50) vs varchar(100)", p) << d << "varchar(50)" << "varchar(100)" << false;
            QTest::addRow("%snumeric scale differs", p) << d << "numeric(10,2)" << "numeric(10,3)" << false;
            QTest::addRow("%sdouble precision = double", p) << d << "double" << "double precision" << true;
        }
        QTest::newRow("postgresql: json is not jsonb") << DialectKind::PostgreSQL << "jsonb" << "json" << false;
        QTest::newRow("postgresql: bytea = blob") << DialectKind::PostgreSQL << "blob" << "bytea" << true;
        QTest::newRow("sqlite: DATETIME kept as declared") << DialectKind::Sqlite << "DATETIME" << "datetime" << true;
        QTest::newRow("sqlite: INT = integer") << DialectKind::Sqlite << "integer" << "INT" << true;
    }

    void sameType()
    {
        QFETCH(DialectKind, dialect);
        QFETCH(QString, configured);
        QFETCH(QString, live);
        QFETCH(bool, same);
        const Dialect &d = Dialect::get(dialect);
        QCOMPARE(d.sameType(column(QStringLiteral("c"), type(configured, dialect)), column(QStringLiteral("c"), type(live, dialect))),
                 same);
    }

    void serialIsIntegerWithAutoincrement()
    {
        // A serial column reads back as integer + autoincrement and compares
        // equal to `type: integer, autoincrement: true`.
        Column configured = column(QStringLiteral("id"), ColumnType::of(ColumnType::Kind::Integer));
        configured.autoincrement = Autoincrement::Yes;
        Column live = column(QStringLiteral("id"), PostgresDialect::typeFromDatabase(QStringLiteral("integer")));
        live.autoincrement = Autoincrement::Yes;
        QVERIFY(Dialect::get(DialectKind::PostgreSQL).sameType(configured, live));
    }

    // Whether a type change can lose data. PostgreSQL converts every value
    // to the new type and refuses or cuts what does not fit; SQLite converts
    // only where the affinity changes, and never to fit a declared length
    // (sqlite3 3.40 here: 0.1+0.2 copied from REAL, or from INTEGER, which
    // keeps a REAL that is not whole, into TEXT reads '0.3',
    // 9007199254740993 from INTEGER into REAL 9007199254740992, '007' from
    // TEXT into NUMERIC 7).
    void narrowing_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<bool>("sqlite");
        QTest::newRow("varchar shortened") << "varchar(100)" << "varchar(50)" << true << false;
        QTest::newRow("varchar widened") << "varchar(50)" << "varchar(100)" << false << false;
        QTest::newRow("text to varchar") << "text" << "varchar(10)" << true << false;
        QTest::newRow("integer to text") << "integer" << "text" << false << true;
        QTest::newRow("bigint to integer") << "bigint" << "integer" << true << false;
        QTest::newRow("integer to bigint") << "integer" << "bigint" << false << false;
        QTest::newRow("numeric fewer digits") << "numeric(12,2)" << "numeric(8,2)" << true << false;
        QTest::newRow("numeric fewer decimals") << "numeric(12,4)" << "numeric(12,2)" << true << false;
        QTest::newRow("numeric more digits") << "numeric(8,2)" << "numeric(12,2)" << false << false;
        QTest::newRow("double to real") << "double" << "real" << true << false;
        QTest::newRow("real to double") << "real" << "double" << false << false;
        QTest::newRow("text to integer") << "text" << "integer" << true << true;
        QTest::newRow("text to numeric") << "text" << "numeric(10,2)" << true << true;
        QTest::newRow("text to timestamp") << "text" << "timestamp" << true << true;
        QTest::newRow("timestamptz to timestamp") << "timestamptz" << "timestamp" << true << false;
        QTest::newRow("date to timestamp") << "date" << "timestamp" << false << false;
        QTest::newRow("integer to double") << "integer" << "double" << false << true;
        QTest::newRow("bigint to real") << "bigint" << "real" << true << true;
        QTest::newRow("double to text") << "double" << "text" << false << true;
        QTest::newRow("double to integer") << "double" << "integer" << true << false;
        QTest::newRow("boolean to integer") << "boolean" << "integer" << true << false;
        QTest::newRow("integer to numeric") << "integer" << "numeric" << false << false;
        QTest::newRow("text to blob") << "text" << "blob" << true << false;
        QTest::newRow("blob to text") << "blob" << "text" << false << true;
    }

    void narrowing()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, postgres);
        QFETCH(bool, sqlite);
        const ColumnType a = *ColumnType::parsePortable(from);
        const ColumnType b = *ColumnType::parsePortable(to);
        QCOMPARE(Dialect::get(DialectKind::PostgreSQL).isNarrowing(a, b), postgres);
        QCOMPARE(Dialect::get(DialectKind::Sqlite).isNarrowing(a, b), sqlite);
    }

    void sqliteNarrowingOfDeclaredTypes_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("narrowing");
        QTest::newRow("no type to text") << "" << "TEXT" << true;
        QTest::newRow("text to no type") << "TEXT" << "" << false;
        QTest::newRow("STRING to VARCHAR") << "STRING" << "VARCHAR" << true;
        QTest::newRow("NVARCHAR(30) to CLOB") << "NVARCHAR(30)" << "CLOB" << false;
        QTest::newRow("UNSIGNED BIG INT to MEDIUMINT") << "UNSIGNED BIG INT" << "MEDIUMINT" << false;
        QTest::newRow("DATETIME to TEXT") << "DATETIME" << "TEXT" << true;
    }

    void sqliteNarrowingOfDeclaredTypes()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, narrowing);
        QCOMPARE(Dialect::get(DialectKind::Sqlite).isNarrowing(SqliteDialect::typeFromDeclared(from),
                                                                SqliteDialect::typeFromDeclared(to)),
                 narrowing);
    }

    // The five rules of https://www.sqlite.org/datatype3.html section 3.1,
    // with the examples of its table in 3.1.1 and the surprises it names.
    void sqliteAffinity_data()
    {
        using A = SqliteDialect::Affinity;
        QTest::addColumn<QString>("declared");
        QTest::addColumn<int>("affinity");
        const std::pair<const char *, A> rows[] = {
            {"INT", A::Integer}, {"INTEGER", A::Integer}, {"TINYINT", A::Integer}, {"SMALLINT", A::Integer},
            {"MEDIUMINT", A::Integer}, {"BIGINT", A::Integer}, {"UNSIGNED BIG INT", A::Integer}, {"INT2", A::Integer},
            {"INT8", A::Integer}, {"CHARACTER(20)", A::Text}, {"VARCHAR(255)", A::Text},
            {"VARYING CHARACTER(255)", A::Text}, {"NCHAR(55)", A::Text}, {"NATIVE CHARACTER(70)", A::Text},
            {"NVARCHAR(100)", A::Text}, {"TEXT", A::Text}, {"CLOB", A::Text}, {"BLOB", A::Blob}, {"", A::Blob},
            {"REAL", A::Real}, {"DOUBLE", A::Real}, {"DOUBLE PRECISION", A::Real}, {"FLOAT", A::Real},
            {"NUMERIC", A::Numeric}, {"DECIMAL(10,5)", A::Numeric}, {"BOOLEAN", A::Numeric}, {"DATE", A::Numeric},
            {"DATETIME", A::Numeric}, {"timestamptz", A::Numeric}, {"json", A::Numeric}, {"uuid", A::Numeric},
            {"FLOATING POINT", A::Integer}, {"POINT", A::Integer}, {"STRING", A::Numeric}, {"CHARINT", A::Integer},
            {"varchar", A::Text}};
        for (const auto &[declared, affinity] : rows)
            QTest::addRow("'%s'", declared) << QString::fromLatin1(declared) << int(affinity);
    }

    void sqliteAffinity()
    {
        QFETCH(QString, declared);
        QFETCH(int, affinity);
        QCOMPARE(int(SqliteDialect::affinity(declared)), affinity);
    }

    void sameCollation_data()
    {
        QTest::addColumn<DialectKind>("dialect");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("live");
        QTest::addColumn<bool>("same");
        QTest::newRow("sqlite: names in any case") << DialectKind::Sqlite << "nocase" << "NOCASE" << true;
        QTest::newRow("sqlite: BINARY is the default") << DialectKind::Sqlite << "" << "binary" << true;
        QTest::newRow("sqlite: NOCASE is not the default") << DialectKind::Sqlite << "" << "NOCASE" << false;
        QTest::newRow("postgresql: the default") << DialectKind::PostgreSQL << "" << "" << true;
        QTest::newRow("postgresql: C is not the default") << DialectKind::PostgreSQL << "C" << "" << false;
        QTest::newRow("postgresql: names are case-sensitive") << DialectKind::PostgreSQL << "c" << "C" << false;
    }

    void sameCollation()
    {
        QFETCH(DialectKind, dialect);
        QFETCH(QString, configured);
        QFETCH(QString, live);
        QFETCH(bool, same);
        QCOMPARE(Dialect::get(dialect).sameCollation(configured, live), same);
    }

    void columnDefinition_data()
    {
        QTest::addColumn<DialectKind>("dialect");
        QTest::addColumn<QString>("collation");
        QTest::addColumn<QString>("expected");
        QTest::newRow("postgresql") << DialectKind::PostgreSQL << "C" << "\"code\" character varying(10) COLLATE \"C\" NOT NULL DEFAULT 'x'";
        QTest::newRow("sqlite") << DialectKind::Sqlite << "NOCASE" << "\"code\" varchar(10) COLLATE \"NOCASE\" NOT NULL DEFAULT 'x'";
        QTest::newRow("sqlite, no collation") << DialectKind::Sqlite << "" << "\"code\" varchar(10) NOT NULL DEFAULT 'x'";
    }

    void columnDefinition()
    {
        QFETCH(DialectKind, dialect);
        QFETCH(QString, collation);
        QFETCH(QString, expected);
        Column c = column(QStringLiteral("code"), ColumnType::of(ColumnType::Kind::Varchar, 10), false,
                          DefaultValue::string(QStringLiteral("x")));
        c.collation = collation;
        QCOMPARE(Dialect::get(dialect).columnDefinition(c), expected);
    }

    void sameDefault_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<DefaultValue>("configured");
        QTest::addColumn<DefaultValue>("live");
        QTest::addColumn<bool>("same");
        QTest::newRow("CURRENT_TIMESTAMP vs now()")
            << "timestamp" << DefaultValue::expression(QStringLiteral("CURRENT_TIMESTAMP"))
            << DefaultValue::expression(QStringLiteral("now()")) << true;
        QTest::newRow("number as string on numeric")
            << "numeric(10,2)" << DefaultValue::number(QStringLiteral("0")) << DefaultValue::string(QStringLiteral("0.00")) << true;
        QTest::newRow("1 on a boolean is true")
            << "boolean" << DefaultValue::boolean(true) << DefaultValue::number(QStringLiteral("1")) << true;
        QTest::newRow("'f' on a boolean is false")
            << "boolean" << DefaultValue::boolean(false) << DefaultValue::string(QStringLiteral("f")) << true;
        QTest::newRow("null default is no default") << "text" << DefaultValue{} << DefaultValue::null() << true;
        QTest::newRow("literal as sql") << "integer" << DefaultValue::expression(QStringLiteral("0"))
                                        << DefaultValue::number(QStringLiteral("0")) << true;
        QTest::newRow("different strings") << "text" << DefaultValue::string(QStringLiteral("a"))
                                           << DefaultValue::string(QStringLiteral("b")) << false;
        QTest::newRow("string 42 on text is not number 42")
            << "text" << DefaultValue::string(QStringLiteral("42")) << DefaultValue::number(QStringLiteral("42")) << false;
        QTest::newRow("default removed") << "integer" << DefaultValue{} << DefaultValue::number(QStringLiteral("1")) << false;
    }

    void sameDefault()
    {
        QFETCH(QString, type);
        QFETCH(DefaultValue, configured);
        QFETCH(DefaultValue, live);
        QFETCH(bool, same);
        Column a = column(QStringLiteral("c"), *ColumnType::parsePortable(type));
        Column b = a;
        a.defaultValue = configured;
        b.defaultValue = live;
        for (DialectKind d : {DialectKind::PostgreSQL, DialectKind::Sqlite})
            QCOMPARE(Dialect::get(d).sameDefault(a, b), same);
    }

    void quoting()
    {
        const Dialect &d = Dialect::get(DialectKind::PostgreSQL);
        QCOMPARE(d.quoteIdentifier(QStringLiteral("we\"ird")), QStringLiteral("\"we\"\"ird\""));
        QCOMPARE(Dialect::quoteString(QStringLiteral("it's")), QStringLiteral("'it''s'"));
    }

    void storedIdentifier_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("stored");
        const QString a63(63, QLatin1Char('a'));
        QTest::newRow("short") << QStringLiteral("users") << QStringLiteral("users");
        QTest::newRow("63 bytes kept") << a63 << a63;
        QTest::newRow("64 bytes cut to 63") << a63 + QLatin1Char('b') << a63;
        QTest::newRow("two-byte characters cut at a boundary") << QString(40, QChar(0xe9)) << QString(31, QChar(0xe9));
        QTest::newRow("three-byte characters, 21 kept") << QString(22, QChar(0x6f22)) << QString(21, QChar(0x6f22));
        const QString emoji = QString::fromUcs4(U"\U0001F600");
        QTest::newRow("a four-byte character is not split")
            << QString(61, QLatin1Char('x')) + emoji + QLatin1Char('y') << QString(61, QLatin1Char('x'));
        QTest::newRow("a four-byte character that fits")
            << QString(59, QLatin1Char('x')) + emoji + QLatin1Char('y') << QString(59, QLatin1Char('x')) + emoji;
    }

    void storedIdentifier()
    {
        QFETCH(QString, name);
        QFETCH(QString, stored);
        QCOMPARE(PostgresDialect::storedIdentifier(name), stored);
        QVERIFY(PostgresDialect::storedIdentifier(name).toUtf8().size() <= PostgresDialect::maxIdentifierBytes);
        QCOMPARE(Dialect::get(DialectKind::PostgreSQL).storedName(name), stored);
        QCOMPARE(Dialect::get(DialectKind::Sqlite).storedName(name), name); // SQLite keeps any length
    }

    void defaultPrimaryKeyName()
    {
        QCOMPARE(PostgresDialect::defaultPrimaryKeyName(QStringLiteral("users")), QStringLiteral("users_pkey"));
        const QString longTable(63, QLatin1Char('t'));
        QCOMPARE(PostgresDialect::defaultPrimaryKeyName(longTable), QString(58, QLatin1Char('t')) + QStringLiteral("_pkey"));
    }

    void lowersLongNames()
    {
        // The lowered table is what the server keeps: every name cut, and
        // the expressions naming a long column cut likewise.
        const QString longColumn = QStringLiteral("number_of_delivery_attempts_before_the_notification_was_abandoned_x");
        const QString cutColumn = longColumn.left(63);
        Table t;
        t.name = QStringLiteral("short_table");
        t.columns = {column(longColumn, ColumnType::of(ColumnType::Kind::Integer)),
                     column(QStringLiteral("twice"), ColumnType::of(ColumnType::Kind::Integer))};
        t.columns[1].generated = longColumn + QStringLiteral(" * 2");
        t.checks = {Check{QStringLiteral("ck"), longColumn + QStringLiteral(" >= 0"), false}};
        t.indexes = {Index{QStringLiteral("ix"), {longColumn}, {}, false, {}, {}}};
        Schema s;
        s.tables = {t};
        const Table lowered = Dialect::get(DialectKind::PostgreSQL).loweredTable(t, s);
        QCOMPARE(lowered.columns[0].name, cutColumn);
        QCOMPARE(lowered.columns[1].generated, cutColumn + QStringLiteral(" * 2"));
        QCOMPARE(lowered.checks[0].expression, cutColumn + QStringLiteral(" >= 0"));
        QCOMPARE(lowered.indexes[0].columns, QStringList{cutColumn});
        // Short names: nothing copied.
        Table plain = t;
        plain.columns = {column(QStringLiteral("a"), ColumnType::of(ColumnType::Kind::Integer))};
        plain.checks.clear();
        plain.indexes.clear();
        QVERIFY(!Dialect::get(DialectKind::PostgreSQL).loweredExceptColumns(plain, s));
        QVERIFY(!Dialect::get(DialectKind::PostgreSQL).loweredColumn(plain.columns[0], plain));
    }

    void createSchema_data()
    {
        QTest::addColumn<DialectKind>("dialect");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("postgresql") << DialectKind::PostgreSQL << QStringList{
            QStringLiteral("CREATE TYPE \"mood\" AS ENUM ('ok', 'sad')"),
            QStringLiteral("CREATE TABLE \"users\" (\n    \"id\" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,\n"
                           "    \"email\" character varying(255) NOT NULL DEFAULT 'x@y',\n"
                           "    \"mood\" \"mood\",\n    \"parent_id\" bigint,\n"
                           "    CONSTRAINT \"users_pkey\" PRIMARY KEY (\"id\"),\n"
                           "    CONSTRAINT \"ck_email\" CHECK (email <> '')\n)"),
            QStringLiteral("CREATE UNIQUE INDEX \"ix_users_email\" ON \"users\" (\"email\") WHERE mood IS NOT NULL"),
            QStringLiteral("COMMENT ON TABLE \"users\" IS 'People'"),
            QStringLiteral("ALTER TABLE \"users\" ADD CONSTRAINT \"fk_parent\" FOREIGN KEY (\"parent_id\") REFERENCES \"users\" (\"id\") ON DELETE SET NULL"),
        };
        QTest::newRow("sqlite") << DialectKind::Sqlite << QStringList{
            QStringLiteral("CREATE TABLE \"users\" (\n    \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                           "    \"email\" varchar(255) NOT NULL DEFAULT 'x@y',\n"
                           "    \"mood\" text,\n    \"parent_id\" bigint,\n"
                           "    CONSTRAINT \"ck_email\" CHECK (email <> ''),\n"
                           "    CHECK (\"mood\" IN ('ok', 'sad')),\n"
                           "    CONSTRAINT \"fk_parent\" FOREIGN KEY (\"parent_id\") REFERENCES \"users\" (\"id\") ON DELETE SET NULL\n)"),
            QStringLiteral("CREATE UNIQUE INDEX \"ix_users_email\" ON \"users\" (\"email\") WHERE mood IS NOT NULL"),
        };
    }

    void createSchema()
    {
        QFETCH(DialectKind, dialect);
        QFETCH(QStringList, statements);
        Schema s;
        s.enums.append(EnumType{QStringLiteral("mood"), {QStringLiteral("ok"), QStringLiteral("sad")}});
        Table t;
        t.name = QStringLiteral("users");
        t.comment = QStringLiteral("People");
        Column id = column(QStringLiteral("id"), ColumnType::of(ColumnType::Kind::BigInt));
        id.nullable = false;
        id.autoincrement = Autoincrement::Yes;
        Column email = column(QStringLiteral("email"), ColumnType::of(ColumnType::Kind::Varchar, 255));
        email.nullable = false;
        email.defaultValue = DefaultValue::string(QStringLiteral("x@y"));
        t.columns = {id, email, column(QStringLiteral("mood"), ColumnType::enumeration(QStringLiteral("mood"))),
                     column(QStringLiteral("parent_id"), ColumnType::of(ColumnType::Kind::BigInt))};
        t.primaryKey.columns = {QStringLiteral("id")};
        t.checks.append(Check{QStringLiteral("ck_email"), QStringLiteral("email <> ''"), false});
        t.indexes.append(Index{QStringLiteral("ix_users_email"), {QStringLiteral("email")}, {}, true,
                               QStringLiteral("mood IS NOT NULL"), {}});
        ForeignKey fk;
        fk.name = QStringLiteral("fk_parent");
        fk.columns = {QStringLiteral("parent_id")};
        fk.referencedTable = QStringLiteral("users");
        fk.referencedColumns = {QStringLiteral("id")};
        fk.onDelete = ReferentialAction::SetNull;
        t.foreignKeys.append(fk);
        s.tables.append(t);
        const QStringList actual = Dialect::get(dialect).createSchema(s);
        if (actual != statements)
            qInfo().noquote() << actual.join(QStringLiteral(";\n"));
        QCOMPARE(actual, statements);
    }
};

QTEST_GUILESS_MAIN(tst_Dialect)
#include "tst_dialect.moc"
