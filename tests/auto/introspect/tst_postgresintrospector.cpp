// PostgresIntrospector on a live PostgreSQL 15: what each kind of DDL reads
// back as, every exotic object accounted for, a query count that does not
// grow with the schema, SchemaDesk's own tables left out, clear errors.

#include "ModelBuilders.h"
#include "PostgresTestServer.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "db/Connection.h"
#include "introspect/PostgresIntrospector.h"
#include "model/StringPool.h"

#include <QTest>

using namespace sd;
using sd::testing::PostgresTestServer;

Q_DECLARE_METATYPE(sd::Table)
Q_DECLARE_METATYPE(sd::PostgresIntrospector::Mode)

namespace {

QString describe(const ColumnType &type)
{
    if (type.kind == ColumnType::Kind::Native)
        return QStringLiteral("native(%1)").arg(type.spelling(DialectKind::PostgreSQL));
    if (type.kind == ColumnType::Kind::Enum)
        return QStringLiteral("enum(%1)").arg(type.enumName);
    return type.spelling();
}

QString describe(const Table &t)
{
    QStringList lines{QStringLiteral("table %1 comment=[%2] partition_by=[%3]").arg(t.name, t.comment, t.partitionBy)};
    for (const Column &c : t.columns) {
        lines << QStringLiteral("  column %1 %2%3 default=%4:[%5] autoincrement=%6 generated=[%7]%8 comment=[%9]")
                     .arg(c.name, describe(c.type), c.nullable ? QString() : QStringLiteral(" NOT NULL"))
                     .arg(int(c.defaultValue.kind))
                     .arg(c.defaultValue.text)
                     .arg(int(c.autoincrement))
                     .arg(c.generated, c.generatedStored ? QStringLiteral(" stored") : QString(), c.comment)
                 + (c.collation.isEmpty() ? QString() : QStringLiteral(" collation=[%1]").arg(c.collation));
    }
    if (!t.primaryKey.isEmpty() || !t.primaryKey.name.isEmpty())
        lines << QStringLiteral("  primary key %1 (%2)").arg(t.primaryKey.name, t.primaryKey.columns.join(u','));
    for (const Index &i : t.indexes) {
        lines << QStringLiteral("  index %1 columns=(%2) expression=[%3] unique=%4 where=[%5] method=[%6]")
                     .arg(i.name, i.columns.join(u','), i.expression)
                     .arg(i.unique)
                     .arg(i.where, i.method);
    }
    for (const UniqueConstraint &u : t.uniqueConstraints) {
        lines << QStringLiteral("  unique %1 (%2) deferrable=%3 deferred=%4")
                     .arg(u.name, u.columns.join(u','))
                     .arg(u.deferrable)
                     .arg(u.initiallyDeferred);
    }
    for (const ForeignKey &f : t.foreignKeys) {
        lines << QStringLiteral("  foreign key %1 (%2) -> %3 (%4) delete=%5 update=%6 deferrable=%7 deferred=%8 not_valid=%9")
                     .arg(f.name, f.columns.join(u','), f.referencedTable, f.referencedColumns.join(u','),
                          referentialActionKey(f.onDelete), referentialActionKey(f.onUpdate))
                     .arg(f.deferrable)
                     .arg(f.initiallyDeferred)
                     .arg(f.notValid);
    }
    for (const Check &c : t.checks)
        lines << QStringLiteral("  check %1 [%2] not_valid=%3").arg(c.name, c.expression).arg(c.notValid);
    return lines.join(u'\n');
}

using sd::testing::column;

Table table(const QList<Column> &columns)
{
    Table t;
    t.name = QStringLiteral("t");
    t.columns = columns;
    return t;
}

ColumnType type(ColumnType::Kind kind, int length = -1)
{
    return ColumnType::of(kind, length);
}

ColumnType native(const QString &spelling)
{
    return ColumnType::native(DialectKind::PostgreSQL, spelling);
}

Index index(const QString &name, const QStringList &columns, const QString &expression = {})
{
    Index i;
    i.name = name;
    i.columns = columns;
    i.expression = expression;
    return i;
}

// "sequence:invoice_numbers" or "trigger:trg_people_touch@people"
QString key(const UnmanagedObject &o)
{
    return o.kind + u':' + o.name + (o.table.isEmpty() ? QString() : u'@' + o.table);
}

QStringList keys(const QList<UnmanagedObject> &objects)
{
    QStringList result;
    for (const UnmanagedObject &o : objects)
        result << key(o);
    return result;
}

const UnmanagedObject *findUnmanaged(const Schema &schema, const QString &kind, const QString &name)
{
    for (const UnmanagedObject &o : schema.unmanaged) {
        if (o.kind == kind && o.name == name)
            return &o;
    }
    return nullptr;
}

// N tables, each with a primary key, a foreign key to the one before, a
// unique constraint, a check and an index.
QString tablesDdl(int count)
{
    QStringList ddl;
    for (int i = 1; i <= count; ++i) {
        const QString t = QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0'));
        const QString previous = QStringLiteral("t%1").arg(i - 1, 3, 10, QLatin1Char('0'));
        ddl << QStringLiteral("CREATE TABLE %1 (id bigint PRIMARY KEY, parent_id bigint%2, "
                              "name varchar(50) NOT NULL DEFAULT '', kind integer DEFAULT -1, "
                              "CONSTRAINT uq_%1_name UNIQUE (name), CONSTRAINT ck_%1_kind CHECK (kind <> 0))")
                   .arg(t, i > 1 ? QStringLiteral(" REFERENCES %1 (id) ON DELETE CASCADE").arg(previous) : QString());
        ddl << QStringLiteral("CREATE INDEX ix_%1_parent ON %1 (parent_id)").arg(t);
        ddl << QStringLiteral("COMMENT ON TABLE %1 IS 'table %1'").arg(t);
    }
    return ddl.join(QStringLiteral(";\n"));
}

} // namespace

class tst_PostgresIntrospector : public QObject
{
    Q_OBJECT

    // A connection to a new database of the test server.
    Result<std::unique_ptr<Connection>> freshDatabase(const QString &prefix)
    {
        auto url = m_server.createDatabase(prefix);
        if (!url)
            return std::unexpected(url.error());
        return Connection::open(*url);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SD_REQUIRE_POSTGRES(m_server);
        auto connection = freshDatabase(QStringLiteral("introspect"));
        SD_VERIFY_RESULT(connection);
        m_db = std::move(*connection);
        // No "drop cascades to ..." notices on stderr.
        SD_VERIFY_RESULT(m_db->exec(QStringLiteral("SET client_min_messages = warning")));
    }

    void cleanupTestCase() { m_db.reset(); }

    void readsTable_data()
    {
        QTest::addColumn<QString>("ddl");
        QTest::addColumn<Table>("expected");

        using K = ColumnType::Kind;
        Column c;
        Table t;

        QTest::newRow("int8 column") << "CREATE TABLE t (a int8)" << table({column("a", type(K::BigInt))});
        QTest::newRow("character varying(20)") << "CREATE TABLE t (a character varying(20) NOT NULL)"
                                               << table({column("a", type(K::Varchar, 20), false)});
        QTest::newRow("json and jsonb") << "CREATE TABLE t (a json, b jsonb)"
                                        << table({column("a", native("json")), column("b", type(K::Json))});
        QTest::newRow("array column") << "CREATE TABLE t (a integer[])" << table({column("a", native("integer[]"))});

        c = column("id", type(K::Integer), false);
        c.autoincrement = Autoincrement::Yes;
        QTest::newRow("serial") << "CREATE TABLE t (id serial)" << table({c});
        c.type = type(K::BigInt);
        t = table({c});
        t.primaryKey = PrimaryKey{"t_pkey", {"id"}};
        QTest::newRow("bigserial") << "CREATE TABLE t (id bigserial PRIMARY KEY)" << t;
        QTest::newRow("identity by default") << "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY)"
                                             << table({c});
        c.type = type(K::Integer);
        c.autoincrement = Autoincrement::Always;
        QTest::newRow("identity always") << "CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY)" << table({c});

        c = column("a", type(K::Varchar, 10));
        c.defaultValue = DefaultValue::string("it's");
        QTest::newRow("default string with cast") << "CREATE TABLE t (a varchar(10) DEFAULT 'it''s')" << table({c});
        c = column("a", type(K::TimestampTz));
        c.defaultValue = DefaultValue::expression("now()");
        QTest::newRow("default now()") << "CREATE TABLE t (a timestamptz DEFAULT now())" << table({c});
        c = column("a", ColumnType::numeric(10, 2));
        c.defaultValue = DefaultValue::number("1.50");
        QTest::newRow("numeric default") << "CREATE TABLE t (a numeric(10,2) DEFAULT 1.50)" << table({c});
        c = column("a", type(K::Integer));
        c.defaultValue = DefaultValue::number("-1");
        QTest::newRow("negative default") << "CREATE TABLE t (a integer DEFAULT -1)" << table({c});
        c = column("a", type(K::Boolean), false);
        c.defaultValue = DefaultValue::boolean(true);
        QTest::newRow("boolean default") << "CREATE TABLE t (a boolean NOT NULL DEFAULT true)" << table({c});

        c = column("b", type(K::Integer));
        c.generated = "a * 2";
        t = table({column("a", type(K::Integer)), c});
        QTest::newRow("generated column") << "CREATE TABLE t (a integer, b integer GENERATED ALWAYS AS (a * 2) STORED)" << t;

        t = table({column("a", type(K::Integer), false), column("b", type(K::Text), false)});
        t.primaryKey = PrimaryKey{"pk_t", {"b", "a"}};
        QTest::newRow("composite primary key") << "CREATE TABLE t (a integer, b text, CONSTRAINT pk_t PRIMARY KEY (b, a))" << t;

        t = table({column("p_id", type(K::Integer))});
        t.foreignKeys = {ForeignKey{"fk_t_p", {"p_id"}, "p", {"id"}, ReferentialAction::Cascade, ReferentialAction::SetNull}};
        QTest::newRow("fk with actions")
            << "CREATE TABLE p (id integer PRIMARY KEY); "
               "CREATE TABLE t (p_id integer CONSTRAINT fk_t_p REFERENCES p (id) ON DELETE CASCADE ON UPDATE SET NULL)"
            << t;
        t.foreignKeys = {ForeignKey{"fk_t_p", {"p_id"}, "p", {"id"}, ReferentialAction::Restrict,
                                    ReferentialAction::SetDefault, true, false}};
        QTest::newRow("fk restrict, set default, deferrable")
            << "CREATE TABLE p (id integer PRIMARY KEY); CREATE TABLE t (p_id integer CONSTRAINT fk_t_p "
               "REFERENCES p (id) ON DELETE RESTRICT ON UPDATE SET DEFAULT DEFERRABLE)"
            << t;
        t.foreignKeys = {ForeignKey{"fk_t_p", {"p_id"}, "p", {"id"}, ReferentialAction::NoAction,
                                    ReferentialAction::NoAction, false, false, true}};
        QTest::newRow("not valid fk")
            << "CREATE TABLE p (id integer PRIMARY KEY); CREATE TABLE t (p_id integer); "
               "ALTER TABLE t ADD CONSTRAINT fk_t_p FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID"
            << t;

        t = table({column("a", type(K::Integer))});
        t.uniqueConstraints = {UniqueConstraint{"uq_t_a", {"a"}, true, true}};
        QTest::newRow("deferrable unique")
            << "CREATE TABLE t (a integer, CONSTRAINT uq_t_a UNIQUE (a) DEFERRABLE INITIALLY DEFERRED)" << t;
        t = table({column("a", type(K::Integer))});
        t.uniqueConstraints = {UniqueConstraint{"uq_t_a", {"a"}, false, false, true}};
        QTest::newRow("unique nulls not distinct")
            << "CREATE TABLE t (a integer, CONSTRAINT uq_t_a UNIQUE NULLS NOT DISTINCT (a))" << t;
        t = table({column("a", type(K::Integer))});
        t.checks = {Check{"ck_t_a", "a > 0", true}};
        QTest::newRow("not valid check")
            << "CREATE TABLE t (a integer); ALTER TABLE t ADD CONSTRAINT ck_t_a CHECK (a > 0) NOT VALID" << t;
        t = table({column("email", type(K::Text))});
        t.checks = {Check{"ck_t_email", "email <> ''::text", false}};
        QTest::newRow("check") << "CREATE TABLE t (email text, CONSTRAINT ck_t_email CHECK (email <> ''))" << t;

        t = table({column("a", type(K::Integer))});
        t.indexes = {index("ix_t_a", {"a"})};
        t.indexes[0].where = "a > 0";
        QTest::newRow("partial index") << "CREATE TABLE t (a integer); CREATE INDEX ix_t_a ON t (a) WHERE a > 0" << t;
        t = table({column("a", type(K::Integer)), column("b", type(K::Text))});
        t.indexes = {index("ix_t_a_b", {"a", "b"})};
        t.indexes[0].unique = true;
        QTest::newRow("unique two-column index")
            << "CREATE TABLE t (a integer, b text); CREATE UNIQUE INDEX ix_t_a_b ON t (a, b)" << t;
        t.indexes[0].nullsNotDistinct = true;
        t.indexes[0].where = "a > 0";
        QTest::newRow("unique index nulls not distinct")
            << "CREATE TABLE t (a integer, b text); CREATE UNIQUE INDEX ix_t_a_b ON t (a, b) NULLS NOT DISTINCT WHERE a > 0" << t;
        t.indexes[0].expression = "a, lower(b)";
        t.indexes[0].columns.clear();
        QTest::newRow("unique expression index nulls not distinct")
            << "CREATE TABLE t (a integer, b text); CREATE UNIQUE INDEX ix_t_a_b ON t (a, lower(b)) NULLS NOT DISTINCT WHERE a > 0" << t;
        t.indexes[0].nullsNotDistinct = false;
        t.indexes[0].unique = false;
        t.indexes[0].where.clear();
        t.indexes[0].expression.clear();
        t.indexes[0].columns = {"a", "b"};
        t.indexes[0].storageParameters = {"fillfactor=70", "deduplicate_items=off"};
        QTest::newRow("index with storage parameters")
            << "CREATE TABLE t (a integer, b text); CREATE INDEX ix_t_a_b ON t (a, b) WITH (fillfactor = 70, deduplicate_items = OFF)" << t;
        t.indexes[0].columns.clear();
        t.indexes[0].expression = "a, lower(b)";
        t.indexes[0].storageParameters = {"fillfactor=60"};
        QTest::newRow("expression index with storage parameters")
            << "CREATE TABLE t (a integer, b text); CREATE INDEX ix_t_a_b ON t (a, lower(b)) WITH (fillfactor='60')" << t;
        t = table({column("email", type(K::Text))});
        t.indexes = {index("ix_t_email", {}, "lower(email)")};
        QTest::newRow("expression index lower(email)")
            << "CREATE TABLE t (email text); CREATE INDEX ix_t_email ON t (lower(email))" << t;
        t = table({column("a", type(K::Integer)), column("b", type(K::Integer))});
        t.indexes = {index("ix_t_a_b", {}, "a DESC, b")};
        QTest::newRow("desc index")
            << "CREATE TABLE t (a integer, b integer); CREATE INDEX ix_t_a_b ON t (a DESC, b)" << t;
        t = table({column("a", type(K::Varchar, 20))});
        t.indexes = {index("ix_t_a", {}, "a varchar_pattern_ops")};
        QTest::newRow("index with opclass")
            << "CREATE TABLE t (a varchar(20)); CREATE INDEX ix_t_a ON t (a varchar_pattern_ops)" << t;
        // The server writes an index's definition only where it may say more
        // than its key columns (pgcatalog::indexesQuery()): each of these
        // must read as the definition says.
        t = table({column("a", type(K::Varchar, 20))});
        t.indexes = {index("ix_t_a", {"a"})};
        QTest::newRow("index on varchar: text_ops is its default")
            << "CREATE TABLE t (a varchar(20)); CREATE INDEX ix_t_a ON t (a text_ops)" << t;
        t.indexes = {index("ix_t_a", {}, "a bpchar_ops")};
        QTest::newRow("index on varchar with bpchar_ops, binary-coercible but not its default")
            << "CREATE TABLE t (a varchar(20)); CREATE INDEX ix_t_a ON t (a bpchar_ops)" << t;
        t = table({column("a", type(K::Text))});
        t.indexes = {index("ix_t_a", {}, "a COLLATE \"C\"")};
        QTest::newRow("index with a collation of its own")
            << "CREATE TABLE t (a text); CREATE INDEX ix_t_a ON t (a COLLATE \"C\")" << t;
        t = table({column("a", type(K::Text))});
        t.columns[0].collation = "C";
        t.indexes = {index("ix_t_a", {"a"})};
        QTest::newRow("index on a column of another collation")
            << "CREATE TABLE t (a text COLLATE \"C\"); CREATE INDEX ix_t_a ON t (a)" << t;
        t.columns[0].type = native("code");
        t.columns[0].collation.clear();
        QTest::newRow("index on a domain column")
            << "CREATE DOMAIN code AS text; CREATE TABLE t (a code); CREATE INDEX ix_t_a ON t (a)" << t;
        t = table({column("a", native("integer[]"))});
        t.indexes = {index("ix_t_a", {"a"})};
        t.indexes[0].method = "gin";
        QTest::newRow("gin index on an array")
            << "CREATE TABLE t (a integer[]); CREATE INDEX ix_t_a ON t USING gin (a)" << t;
        t = table({column("m", ColumnType::enumeration("mood"))});
        t.indexes = {index("ix_t_m", {"m"})};
        QTest::newRow("index on an enum column (enum_ops, a pseudo-type's default)")
            << "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (m mood); CREATE INDEX ix_t_m ON t (m)" << t;
        t = table({column("a", type(K::Integer)), column("b", type(K::Integer))});
        t.indexes = {index("ix_t_a_b", {}, "a, b NULLS FIRST")};
        QTest::newRow("index with NULLS FIRST")
            << "CREATE TABLE t (a integer, b integer); CREATE INDEX ix_t_a_b ON t (a, b NULLS FIRST)" << t;
        t = table({column("a", type(K::Text)), column("b", type(K::Varchar, 10)), column("c", type(K::Text))});
        t.columns[0].collation = "C";
        t.columns[1].collation = "POSIX";
        QTest::newRow("column collations")
            << "CREATE TABLE t (a text COLLATE \"C\", b varchar(10) COLLATE \"POSIX\", c text COLLATE \"default\")" << t;
        t = table({column("doc", native("tsvector"))});
        t.indexes = {index("ix_t_doc", {"doc"})};
        t.indexes[0].method = "gin";
        QTest::newRow("gin index on tsvector")
            << "CREATE TABLE t (doc tsvector); CREATE INDEX ix_t_doc ON t USING gin (doc)" << t;
        t = table({column("Mixed Case", type(K::Integer))});
        t.indexes = {index("ix_t_mixed", {"Mixed Case"})};
        QTest::newRow("index on a quoted column")
            << "CREATE TABLE t (\"Mixed Case\" integer); CREATE INDEX ix_t_mixed ON t (\"Mixed Case\")" << t;

        c = column("a", type(K::Integer));
        c.comment = "the answer";
        t = table({c});
        t.comment = "Registered accounts";
        QTest::newRow("comments") << "CREATE TABLE t (a integer); COMMENT ON TABLE t IS 'Registered accounts'; "
                                     "COMMENT ON COLUMN t.a IS 'the answer'"
                                  << t;
        t = table({column("a", type(K::Integer)), column("created", type(K::Date))});
        t.partitionBy = "RANGE (created)";
        QTest::newRow("partitioned table") << "CREATE TABLE t (a integer, created date) PARTITION BY RANGE (created)" << t;
    }

    void readsTable()
    {
        QFETCH(QString, ddl);
        QFETCH(Table, expected);

        SD_VERIFY_RESULT(m_db->exec(QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")));
        SD_VERIFY_RESULT(m_db->exec(ddl));
        const auto schema = PostgresIntrospector::read(*m_db);
        SD_VERIFY_RESULT(schema);
        const Table *actual = schema->table(QStringLiteral("t"));
        QVERIFY(actual);
        QCOMPARE(describe(*actual), describe(expected));
        QVERIFY(*actual == expected);
    }

    void readsExoticSchema()
    {
        auto db = freshDatabase(QStringLiteral("exotic"));
        SD_VERIFY_RESULT(db);
        Connection &connection = **db;
        SD_VERIFY_RESULT(connection.exec(QStringLiteral("CREATE EXTENSION citext")));
        SD_VERIFY_RESULT(connection.exec(QStringLiteral(R"(
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
            CREATE TYPE pair AS (x integer, y integer);
            CREATE SEQUENCE invoice_numbers START 1000;
            CREATE TABLE people (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                legacy_id serial,
                email citext NOT NULL,
                current_mood mood DEFAULT 'ok',
                age positive_int,
                scores integer[],
                tags text[] DEFAULT '{}',
                search tsvector,
                price numeric(10,2),
                quantity integer,
                total numeric GENERATED ALWAYS AS (price * quantity) STORED,
                updated_at timestamptz,
                CONSTRAINT uq_people_email UNIQUE (email) DEFERRABLE);
            CREATE INDEX ix_people_search ON people USING gin (search);
            CREATE INDEX ix_people_lower_email ON people (lower(email::text));
            CREATE INDEX ix_people_covering ON people (quantity) INCLUDE (price);
            ALTER TABLE people ADD CONSTRAINT ck_people_quantity CHECK (quantity >= 0) NOT VALID;
            CREATE TABLE measurements (id bigint, taken date NOT NULL, value double precision)
                PARTITION BY RANGE (taken);
            CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE INDEX ix_measurements_taken ON measurements (taken);
            CREATE TABLE rooms (id integer PRIMARY KEY, during tstzrange,
                                CONSTRAINT ex_rooms_during EXCLUDE USING gist (during WITH &&));
            CREATE VIEW happy_people AS SELECT id, email FROM people WHERE current_mood = 'happy';
            CREATE MATERIALIZED VIEW mood_counts AS SELECT current_mood, count(*) AS n FROM people GROUP BY current_mood;
            CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
            CREATE TRIGGER trg_people_touch BEFORE UPDATE ON people
                FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
            CREATE PROCEDURE noop(integer) LANGUAGE sql AS $$ SELECT 1 $$;
            CREATE AGGREGATE my_sum(integer) (SFUNC = int4pl, STYPE = integer);
            CREATE TYPE float_range AS RANGE (subtype = float8);
            CREATE SEQUENCE owned_unused OWNED BY people.quantity;
            CREATE TABLE extension_owned (a integer);
            ALTER EXTENSION citext ADD TABLE extension_owned;
            CREATE FOREIGN DATA WRAPPER dummy_fdw;
            CREATE SERVER dummy_server FOREIGN DATA WRAPPER dummy_fdw;
            CREATE FOREIGN TABLE remote_things (a integer) SERVER dummy_server;
        )")));

        const auto schema = PostgresIntrospector::read(connection);
        SD_VERIFY_RESULT(schema);
        {
            // Read over two connections at once, in one snapshot (which
            // takes a hundred tables more): the same schema.
            SD_VERIFY_RESULT(connection.exec(tablesDdl(100)));
            const auto one = PostgresIntrospector::read(connection);
            SD_VERIFY_RESULT(one);
            QCOMPARE(one->tables.size(), schema->tables.size() + 100);
            const auto concurrent = PostgresIntrospector::read(connection, QStringLiteral("public"), PostgresIntrospector::Concurrent);
            SD_VERIFY_RESULT(concurrent);
            QVERIFY(*concurrent == *one);
            SD_VERIFY_RESULT(connection.exec(QStringLiteral(
                "DO $$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename ~ '^t[0-9]{3}$' LOOP EXECUTE format('DROP TABLE public.%I CASCADE', r.tablename); END LOOP; END $$")));
        }

        QStringList tableNames;
        for (const Table &t : schema->tables)
            tableNames << t.name;
        QCOMPARE(tableNames, (QStringList{"measurements", "people", "rooms"}));
        QCOMPARE(schema->enums, (QList<EnumType>{EnumType{"mood", {"sad", "ok", "happy"}}}));

        const Table &people = *schema->table("people");
        auto columnType = [&](const char *name) { return people.column(QString::fromLatin1(name))->type; };
        QCOMPARE(columnType("current_mood"), ColumnType::enumeration("mood"));
        QCOMPARE(people.column("current_mood")->defaultValue, DefaultValue::string("ok"));
        QCOMPARE(columnType("age"), native("positive_int"));
        QCOMPARE(columnType("scores"), native("integer[]"));
        QCOMPARE(columnType("tags"), native("text[]"));
        QCOMPARE(columnType("search"), native("tsvector"));
        QCOMPARE(columnType("email"), native("citext"));
        QCOMPARE(people.column("id")->autoincrement, Autoincrement::Always);
        QCOMPARE(people.column("legacy_id")->autoincrement, Autoincrement::Yes);
        QVERIFY(!people.column("legacy_id")->defaultValue.isSet());
        QVERIFY2(people.column("total")->generated.contains("price"), qPrintable(people.column("total")->generated));
        QVERIFY(!people.column("total")->defaultValue.isSet());
        QCOMPARE(people.primaryKey, (PrimaryKey{"people_pkey", {"id"}}));
        QCOMPARE(people.uniqueConstraints, (QList<UniqueConstraint>{UniqueConstraint{"uq_people_email", {"email"}, true, false}}));
        QCOMPARE(people.checks, (QList<Check>{Check{"ck_people_quantity", "quantity >= 0", true}}));
        QStringList indexNames;
        for (const Index &i : people.indexes)
            indexNames << i.name;
        QCOMPARE(indexNames, (QStringList{"ix_people_lower_email", "ix_people_search"}));
        QCOMPARE(people.index("ix_people_search")->method, QStringLiteral("gin"));
        QCOMPARE(people.index("ix_people_lower_email")->expression, QStringLiteral("lower((email)::text)"));
        QCOMPARE(schema->table("measurements")->partitionBy, QStringLiteral("RANGE (taken)"));
        QCOMPARE(schema->table("measurements")->indexes.size(), 1);

        const QStringList expectedUnmanaged{
            "aggregate:my_sum(integer)",
            "domain:positive_int",
            "exclusion constraint:ex_rooms_during@rooms",
            "extension:citext",
            "extension:plpgsql",
            "extension table:extension_owned",
            "foreign table:remote_things",
            "function:touch_updated_at()",
            "index:ix_people_covering@people",
            "materialized view:mood_counts",
            "partition:measurements_2025@measurements",
            "partition:measurements_2026@measurements",
            "procedure:noop(integer)",
            "sequence:invoice_numbers",
            "sequence:owned_unused",
            "trigger:trg_people_touch@people",
            "type:float_range",
            "type:pair",
            "view:happy_people",
        };
        // Sorted by kind then name, nothing more (no serial or identity
        // sequence, no function of citext, no partition index, no multirange).
        QCOMPARE(keys(schema->unmanaged), expectedUnmanaged);
        QCOMPARE(findUnmanaged(*schema, "domain", "positive_int")->definition, QStringLiteral("integer CHECK (VALUE > 0)"));
        QCOMPARE(findUnmanaged(*schema, "partition", "measurements_2025")->definition,
                 QStringLiteral("FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"));
        QVERIFY(findUnmanaged(*schema, "trigger", "trg_people_touch")->definition.startsWith("CREATE TRIGGER trg_people_touch"));
        QVERIFY(findUnmanaged(*schema, "view", "happy_people")->definition.contains("current_mood"));
        QVERIFY(findUnmanaged(*schema, "function", "touch_updated_at()")->definition.contains("NEW.updated_at"));
        QVERIFY(findUnmanaged(*schema, "index", "ix_people_covering")->definition.contains("INCLUDE (price)"));
        QVERIFY(findUnmanaged(*schema, "exclusion constraint", "ex_rooms_during")->definition.startsWith("EXCLUDE USING gist"));
        QVERIFY(!findUnmanaged(*schema, "extension", "citext")->definition.isEmpty());
        QCOMPARE(findUnmanaged(*schema, "foreign table", "remote_things")->definition, QStringLiteral("SERVER dummy_server"));
        QCOMPARE(findUnmanaged(*schema, "type", "pair")->definition, QStringLiteral("(x integer, y integer)"));
    }

    void readsAnotherSchema()
    {
        auto db = freshDatabase(QStringLiteral("other"));
        SD_VERIFY_RESULT(db);
        SD_VERIFY_RESULT((*db)->exec(QStringLiteral(
            "CREATE TABLE users (id integer PRIMARY KEY); CREATE SCHEMA other; "
            "CREATE TYPE other.color AS ENUM ('red', 'green'); "
            "CREATE TABLE other.things (c other.color, user_id integer CONSTRAINT fk_things_user REFERENCES public.users (id))")));
        const auto schema = PostgresIntrospector::read(**db, QStringLiteral("other"));
        SD_VERIFY_RESULT(schema);
        QCOMPARE(schema->tables.size(), 1);
        const Table &things = schema->tables.first();
        QCOMPARE(things.column("c")->type, ColumnType::enumeration("color"));
        QCOMPARE(things.foreignKeys.size(), 1);
        QCOMPARE(things.foreignKeys.first().referencedTable, QStringLiteral("public.users"));
        QCOMPARE(schema->enums, (QList<EnumType>{EnumType{"color", {"red", "green"}}}));
    }

    void runsConstantNumberOfQueries()
    {
        QList<int> counts;
        for (int tableCount : {5, 60}) {
            auto db = freshDatabase(QStringLiteral("count%1").arg(tableCount));
            SD_VERIFY_RESULT(db);
            SD_VERIFY_RESULT((*db)->exec(tablesDdl(tableCount)));
            const int before = (*db)->statementCount();
            const auto schema = PostgresIntrospector::read(**db);
            SD_VERIFY_RESULT(schema);
            counts << (*db)->statementCount() - before;
            QCOMPARE(schema->tables.size(), tableCount);
            const Table &last = schema->tables.last();
            QCOMPARE(last.foreignKeys.size(), 1);
            QCOMPARE(last.indexes.size(), 1);
            QCOMPARE(last.uniqueConstraints.size(), 1);
            QCOMPARE(last.checks.size(), 1);
            QCOMPARE(last.column("kind")->defaultValue, DefaultValue::number("-1"));
        }
        QCOMPARE(counts.at(1), counts.at(0));
        QVERIFY2(counts.at(0) <= 8, qPrintable(QString::number(counts.at(0))));
    }

    void leavesOutSchemaDeskTables()
    {
        auto db = freshDatabase(QStringLiteral("own"));
        SD_VERIFY_RESULT(db);
        SD_VERIFY_RESULT((*db)->exec(QStringLiteral(
            "CREATE TABLE schemadesk_version (revision varchar(32) PRIMARY KEY); "
            "CREATE TABLE schemadesk_history (id serial PRIMARY KEY, revision varchar(32) NOT NULL); "
            "CREATE TABLE users (id integer PRIMARY KEY)")));
        const auto schema = PostgresIntrospector::read(**db);
        SD_VERIFY_RESULT(schema);
        QCOMPARE(schema->tables.size(), 1);
        QCOMPARE(schema->tables.first().name, QStringLiteral("users"));
        QCOMPARE(keys(schema->unmanaged), QStringList{"extension:plpgsql"});
    }

    void sharesStringsWithTheConfiguration()
    {
        // What the diff relies on (StringPool.h): the schema read from the
        // server points at the configuration's characters for its column
        // names, enum names, defaults and referenced names.
        const auto configured = testing::schemaFromYaml(QStringLiteral(R"(
enums:
  - {name: mood, values: [calm, busy]}
tables:
  - name: people
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: mood, type: mood, nullable: false, default: calm}
  - name: notes
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: person_id, type: bigint}
    foreign_keys:
      - {columns: [person_id], references: {table: people, columns: [id]}}
)"));
        SD_VERIFY_RESULT(configured);
        auto db = freshDatabase(QStringLiteral("pool"));
        SD_VERIFY_RESULT(db);
        SD_VERIFY_RESULT(testing::createSchema(**db, *configured));
        const auto live = PostgresIntrospector::read(**db);
        SD_VERIFY_RESULT(live);
        const auto shares = [](const QString &a, const QString &b) { return a.constData() == b.constData(); };
        const Column &cfgMood = *configured->table(QStringLiteral("people"))->column(QStringLiteral("mood"));
        const Column &liveMood = *live->table(QStringLiteral("people"))->column(QStringLiteral("mood"));
        QVERIFY(shares(cfgMood.name, liveMood.name));
        QVERIFY(shares(cfgMood.type.enumName, liveMood.type.enumName));
        QVERIFY(shares(cfgMood.defaultValue.text, liveMood.defaultValue.text));
        QVERIFY(shares(configured->enums[0].values[1], live->enums[0].values[1]));
        const ForeignKey &cfgFk = configured->table(QStringLiteral("notes"))->foreignKeys[0];
        const ForeignKey &liveFk = live->table(QStringLiteral("notes"))->foreignKeys[0];
        QVERIFY(shares(cfgFk.columns[0], liveFk.columns[0]));
        QVERIFY(shares(cfgFk.referencedTable, liveFk.referencedTable));
        QVERIFY(shares(cfgFk.referencedColumns[0], liveFk.referencedColumns[0]));
    }

    // A concurrent read opens one more session, closes it, and leaves the
    // first connection in no transaction.
    void concurrentReadCleansUp()
    {
        auto db = freshDatabase(QStringLiteral("concurrent"));
        SD_VERIFY_RESULT(db);
        Connection &connection = **db;
        SD_VERIFY_RESULT(connection.exec(tablesDdl(120)));
        const auto one = PostgresIntrospector::read(connection);
        SD_VERIFY_RESULT(one);
        // Sessions the server counted for this database; a session's count
        // reaches the statistics soon after it starts, not at once.
        const auto sessions = [&connection]() -> qlonglong {
            auto query = connection.exec(QStringLiteral("SELECT sessions FROM pg_catalog.pg_stat_database "
                                                        "WHERE datname = pg_catalog.current_database()"));
            return query && query->next() ? query->value(0).toLongLong() : -1;
        };
        const qlonglong before = sessions();
        QVERIFY(before > 0);
        const auto concurrent = PostgresIntrospector::read(connection, QStringLiteral("public"), PostgresIntrospector::Concurrent);
        SD_VERIFY_RESULT(concurrent);
        QVERIFY(*concurrent == *one);
        QCOMPARE(concurrent->tables.size(), 120);
        QTRY_COMPARE_WITH_TIMEOUT(sessions(), before + 1, 5000);
        // A small schema is read on the one connection.
        SD_VERIFY_RESULT(connection.exec(QStringLiteral("DROP SCHEMA public CASCADE; CREATE SCHEMA public")));
        SD_VERIFY_RESULT(connection.exec(tablesDdl(5)));
        const qlonglong small = sessions();
        SD_VERIFY_RESULT(PostgresIntrospector::read(connection, QStringLiteral("public"), PostgresIntrospector::Concurrent));
        QTest::qWait(300);
        QCOMPARE(sessions(), small);

        // SAVEPOINT is refused outside a transaction block.
        const auto savepoint = connection.exec(QStringLiteral("SAVEPOINT still_open"));
        QVERIFY(!savepoint);
        QVERIFY2(savepoint.error().toString().contains(QStringLiteral("transaction block")), qPrintable(savepoint.error().toString()));
        // The second connection has gone (it may take the server a moment).
        int others = -1;
        for (int attempt = 0; attempt < 50 && others != 0; ++attempt) {
            auto count = connection.exec(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_stat_activity "
                                                        "WHERE datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()"));
            SD_VERIFY_RESULT(count);
            QVERIFY(count->next());
            others = count->value(0).toInt();
            if (others != 0)
                QTest::qWait(20);
        }
        QCOMPARE(others, 0);
    }

    // Inside a caller's transaction, a concurrent read reads in it and leaves
    // it as it was: neither committed nor aborted. The table made in the
    // transaction is seen, which a second connection could not see.
    void concurrentReadInCallersTransaction_data()
    {
        QTest::addColumn<bool>("statementBefore"); // a statement ran in the transaction before the read
        QTest::newRow("right after BEGIN") << false;
        QTest::newRow("after a statement") << true;
    }

    void concurrentReadInCallersTransaction()
    {
        QFETCH(bool, statementBefore);
        auto db = freshDatabase(QStringLiteral("callertx"));
        SD_VERIFY_RESULT(db);
        Connection &connection = **db;
        SD_VERIFY_RESULT(connection.exec(QStringLiteral("CREATE TABLE kept (id integer PRIMARY KEY)")));
        SD_VERIFY_RESULT(connection.exec(QStringLiteral("BEGIN")));
        if (statementBefore)
            SD_VERIFY_RESULT(connection.exec(QStringLiteral("INSERT INTO kept VALUES (1)")));
        SD_VERIFY_RESULT(connection.exec(QStringLiteral("CREATE TABLE uncommitted (id integer)")));
        const auto schema = PostgresIntrospector::read(connection, QStringLiteral("public"), PostgresIntrospector::Concurrent);
        SD_VERIFY_RESULT(schema);
        QVERIFY(schema->table(QStringLiteral("uncommitted")));
        SD_VERIFY_RESULT(connection.exec(QStringLiteral("INSERT INTO kept VALUES (2)"))); // the transaction goes on
        SD_VERIFY_RESULT(connection.exec(QStringLiteral("ROLLBACK")));
        auto count = connection.exec(QStringLiteral("SELECT count(*) FROM kept"));
        SD_VERIFY_RESULT(count);
        QVERIFY(count->next());
        QCOMPARE(count->value(0).toInt(), 0);
        auto gone = connection.exec(QStringLiteral("SELECT pg_catalog.to_regclass('uncommitted') IS NULL"));
        SD_VERIFY_RESULT(gone);
        QVERIFY(gone->next());
        QVERIFY(gone->value(0).toBool());
    }

    // Where no second connection can be had, every query runs on the first.
    void concurrentReadWithoutSecondConnection()
    {
        auto url = m_server.createDatabase(QStringLiteral("onlyone"));
        SD_VERIFY_RESULT(url);
        const QString role = QStringLiteral("only_one_%1").arg(url->database.section(QLatin1Char('_'), -1));
        SD_VERIFY_RESULT(m_server.execAdmin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'secret' CONNECTION LIMIT 1").arg(role)));
        SD_VERIFY_RESULT(m_server.execAdmin(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(url->database, role)));
        DatabaseUrl limited = *url;
        limited.user = role;
        limited.password = QStringLiteral("secret");
        {
            auto db = Connection::open(limited);
            SD_VERIFY_RESULT(db);
            SD_VERIFY_RESULT((*db)->exec(tablesDdl(120)));
            QVERIFY(!(*db)->openAnother()); // the role's one connection is in use
            const auto one = PostgresIntrospector::read(**db);
            SD_VERIFY_RESULT(one);
            const auto concurrent = PostgresIntrospector::read(**db, QStringLiteral("public"), PostgresIntrospector::Concurrent);
            SD_VERIFY_RESULT(concurrent);
            QVERIFY(*concurrent == *one);
            QCOMPARE(concurrent->tables.size(), 120);
        }
        SD_VERIFY_RESULT(m_server.execAdmin(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(url->database)));
        SD_VERIFY_RESULT(m_server.execAdmin(QStringLiteral("DROP ROLE %1").arg(role)));
    }

    void reportsMissingSchema_data()
    {
        QTest::addColumn<QString>("schemaName");
        QTest::addColumn<PostgresIntrospector::Mode>("mode");
        QTest::newRow("missing schema") << "no_such_schema" << PostgresIntrospector::OneConnection;
        QTest::newRow("quote in the name") << "x'; DROP TABLE t; --" << PostgresIntrospector::OneConnection;
        QTest::newRow("missing schema, concurrent") << "no_such_schema" << PostgresIntrospector::Concurrent;
    }

    void reportsMissingSchema()
    {
        QFETCH(QString, schemaName);
        QFETCH(PostgresIntrospector::Mode, mode);
        const auto schema = PostgresIntrospector::read(*m_db, schemaName, mode);
        QVERIFY(!schema);
        QCOMPARE(schema.error().code, Error::Code::Database);
        const QString text = schema.error().toString();
        QVERIFY2(text.contains(QStringLiteral("schema \"%1\" does not exist").arg(schemaName)), qPrintable(text));
        QVERIFY2(text.contains(m_db->url().database) && text.contains(QString::number(m_db->url().port)), qPrintable(text));
    }

private:
    PostgresTestServer m_server;
    std::unique_ptr<Connection> m_db;
};

QTEST_GUILESS_MAIN(tst_PostgresIntrospector)
#include "tst_postgresintrospector.moc"
