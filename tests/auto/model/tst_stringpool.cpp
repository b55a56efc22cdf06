// StringPool: equal strings come back sharing one buffer, every name of a
// table is pooled and equal lists of names share one array, as do equal
// lists of indexes, unique constraints, foreign keys and checks, comments stay
// where they are, values never change, empty lists are not given buffers,
// unused strings and lists leave the pool, and two threads pooling at once
// agree. Then the readers: a schema read from YAML and the same schema read
// back from a real SQLite file share their names' characters, which is what
// makes the diff compare pointers instead of text.

#include "ModelBuilders.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "config/SchemaReader.h"
#include "introspect/Introspector.h"
#include "model/StringPool.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <vector>

using namespace sd;

namespace {

// A string with a heap buffer of its own, as a reader makes one.
QString fresh(const char *text)
{
    QString s = QString::fromLatin1(text);
    s.detach();
    return s;
}

bool shares(const QString &a, const QString &b)
{
    return a.constData() == b.constData();
}

Table sampleTable()
{
    Table t;
    t.name = fresh("orders");
    t.comment = fresh("Customer orders");
    t.columns = {testing::column(fresh("id"), ColumnType::of(ColumnType::Kind::BigInt), false),
                 testing::column(fresh("status"), ColumnType::enumeration(fresh("order_status")), true,
                        DefaultValue::string(fresh("new"))),
                 testing::column(fresh("customer_id"), ColumnType::of(ColumnType::Kind::BigInt))};
    t.primaryKey.columns = {fresh("id")};
    t.indexes = {Index{fresh("ix_orders_status"), {fresh("status")}, {}, false, {}, fresh("btree")}};
    ForeignKey fk;
    fk.name = fresh("fk_orders_customer");
    fk.columns = {fresh("customer_id")};
    fk.referencedTable = fresh("customers");
    fk.referencedColumns = {fresh("id")};
    t.foreignKeys = {fk};
    return t;
}

} // namespace

class TestStringPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalStringsShareOneBuffer()
    {
        const QString a = fresh("created_at");
        const QString b = fresh("created_at");
        QVERIFY(!shares(a, b));
        const QString pooledA = StringPool::intern(a);
        const QString pooledB = StringPool::intern(b);
        QCOMPARE(pooledB, QStringLiteral("created_at"));
        QVERIFY(shares(pooledA, pooledB));
        QVERIFY(!shares(StringPool::intern(fresh("updated_at")), pooledA));
        QVERIFY(StringPool::intern(QString()).isNull());
    }

    void poolsEveryName()
    {
        Table first = sampleTable();
        Table second = sampleTable();
        const Table before = first;
        StringPool::intern(first);
        StringPool::intern(second);
        QCOMPARE(first, before); // values unchanged
        QCOMPARE(second, before);
        // Read through const references: a non-const operator[] would detach.
        const Table &a = first;
        const Table &b = second;

        // Names, type and default texts, the columns of keys, indexes and
        // foreign keys, referenced names.
        QVERIFY(shares(a.columns[0].name, b.columns[0].name));
        QVERIFY(shares(a.columns[1].type.enumName, b.columns[1].type.enumName));
        QVERIFY(shares(a.columns[1].defaultValue.text, b.columns[1].defaultValue.text));
        QVERIFY(shares(a.primaryKey.columns[0], b.primaryKey.columns[0]));
        QVERIFY(shares(a.primaryKey.columns[0], a.columns[0].name)); // "id" kept once
        QVERIFY(shares(a.indexes[0].columns[0], b.columns[1].name));
        QVERIFY(shares(a.indexes[0].method, b.indexes[0].method));
        QVERIFY(shares(a.foreignKeys[0].columns[0], b.columns[2].name));
        QVERIFY(shares(a.foreignKeys[0].referencedTable, b.foreignKeys[0].referencedTable));
        QVERIFY(shares(a.foreignKeys[0].referencedColumns[0], b.columns[0].name));

        QVERIFY(shares(a.name, b.name));
        QVERIFY(shares(a.indexes[0].name, b.indexes[0].name));
        QVERIFY(shares(a.foreignKeys[0].name, b.foreignKeys[0].name));
        // Equal lists of names share one array: ["id"] as a key and as a
        // foreign key's referenced columns, in both tables.
        QCOMPARE(a.primaryKey.columns.constData(), b.primaryKey.columns.constData());
        QCOMPARE(a.primaryKey.columns.constData(), b.foreignKeys[0].referencedColumns.constData());
        QCOMPARE(a.indexes[0].columns.constData(), b.indexes[0].columns.constData());
        // Comments stay where they are.
        QVERIFY(!shares(a.comment, b.comment));
    }

    void equalConstraintListsShareOneArray()
    {
        const auto withConstraints = [](const char *check) {
            Table t = sampleTable();
            t.uniqueConstraints = {UniqueConstraint{fresh("uq_orders_customer"), {fresh("customer_id")}}};
            t.checks = {Check{fresh("ck_orders_status"), fresh(check)}};
            return t;
        };
        Table first = withConstraints("status <> ''");
        Table second = withConstraints("status <> ''");
        Table other = withConstraints("length(status) > 0");
        other.indexes[0].unique = true;
        const Table before = first;
        StringPool::intern(first);
        StringPool::intern(second);
        StringPool::intern(other);
        QCOMPARE(first, before);
        QCOMPARE(second, before);

        QCOMPARE(first.indexes.constData(), second.indexes.constData());
        QCOMPARE(first.uniqueConstraints.constData(), second.uniqueConstraints.constData());
        QCOMPARE(first.foreignKeys.constData(), second.foreignKeys.constData());
        QCOMPARE(first.checks.constData(), second.checks.constData());
        // Lists that differ in one field keep their own arrays; those equal
        // to the first table's share its.
        QVERIFY(other.indexes.constData() != first.indexes.constData());
        QVERIFY(other.checks.constData() != first.checks.constData());
        QCOMPARE(other.foreignKeys.constData(), first.foreignKeys.constData());

        // Still values: changing one table's list leaves the other's alone.
        second.indexes[0].name = QStringLiteral("ix_renamed");
        QCOMPARE(first.indexes.constFirst().name, QStringLiteral("ix_orders_status"));
        QVERIFY(first.indexes.constData() != second.indexes.constData());
    }

    void leavesEmptyListsWithoutBuffers()
    {
        Table t = sampleTable();
        QVERIFY(!t.checks.isDetached()); // no buffer: shared with every empty list
        QVERIFY(!t.uniqueConstraints.isDetached());
        StringPool::intern(t);
        QVERIFY(!t.checks.isDetached());
        QVERIFY(!t.uniqueConstraints.isDetached());
        QVERIFY(!t.columns[0].type.nativeSpellings.isDetached());
    }

    void poolsEnums()
    {
        EnumType a{fresh("order_status"), {fresh("new"), fresh("paid")}};
        EnumType b{fresh("order_status"), {fresh("new"), fresh("paid")}};
        StringPool::intern(a);
        StringPool::intern(b);
        QCOMPARE(a, b);
        QVERIFY(shares(a.name, b.name));
        QVERIFY(shares(a.values[1], b.values[1]));
    }

    void dropsStringsNothingUses()
    {
        StringPool::purge();
        const qsizetype before = StringPool::size();
        QString kept = StringPool::intern(fresh("kept_column_name"));
        StringPool::intern(fresh("dropped_column_name"));
        QCOMPARE(StringPool::size(), before + 2);
        QCOMPARE(StringPool::purge(), before + 1);
        // The one still in use is still the pooled one.
        QVERIFY(shares(StringPool::intern(fresh("kept_column_name")), kept));
        kept.clear();
        QCOMPARE(StringPool::purge(), before);

        // A table's names, and the lists holding them, leave once the
        // table is gone.
        {
            Table t = sampleTable();
            t.name = fresh("a_table_nobody_else_has");
            t.primaryKey.columns = {fresh("a_key_nobody_else_has")};
            StringPool::intern(t);
            QVERIFY(StringPool::size() > before);
        }
        QCOMPARE(StringPool::purge(), before);
    }

    void staysBoundedAsSchemasComeAndGo()
    {
        // Ten rounds of 5,000 distinct names, each round dropped before the
        // next: the pool purges as it grows and never holds every round.
        const qsizetype before = StringPool::purge();
        for (int round = 0; round < 10; ++round) {
            QStringList names;
            for (int i = 0; i < 5000; ++i)
                names << StringPool::intern(QStringLiteral("round%1_column%2").arg(round).arg(i));
        }
        QVERIFY2(StringPool::size() <= before + 2 * 5000 + 4096, qPrintable(QString::number(StringPool::size())));
        QCOMPARE(StringPool::purge(), before);
    }

    void threadsAgree()
    {
        // Two threads pool the same names at once; every copy ends up
        // sharing the first thread's or the second's, never both.
        constexpr int count = 20000;
        std::vector<QStringList> results(2);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back(QThread::create([&results, t] {
                for (int i = 0; i < count; ++i)
                    results[size_t(t)] << StringPool::intern(QStringLiteral("threaded_%1").arg(i));
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        for (int i = 0; i < count; ++i) {
            QCOMPARE(results[0][i], QStringLiteral("threaded_%1").arg(i));
            QVERIFY(shares(results[0][i], results[1][i]));
        }
    }

    void configurationAndDatabaseShareTheirStrings()
    {
        // schema.yaml read from YAML and the same schema read back from a
        // real SQLite file: the diff's two sides point at the same
        // characters for every column name, key column and default.
        const auto configured = testing::schemaFromYaml(QStringLiteral(R"(
tables:
  - name: customers
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: display_name, type: varchar(100), nullable: false}
  - name: orders
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: customer_id, type: bigint, nullable: false}
      - {name: state, type: varchar(16), nullable: false, default: placed}
    indexes:
      - {name: ix_orders_state, columns: [state]}
    foreign_keys:
      - {columns: [customer_id], references: {table: customers, columns: [id]}}
)"));
        SD_VERIFY_RESULT(configured);
        QTemporaryDir dir;
        auto db = testing::openSqliteFile(dir.filePath(QStringLiteral("pool.db")));
        SD_VERIFY_RESULT(db);
        SD_VERIFY_RESULT(testing::createSchema(**db, *configured));
        const auto live = Introspector::read(**db);
        SD_VERIFY_RESULT(live);

        const Table &cfgOrders = *configured->table(QStringLiteral("orders"));
        const Table &liveOrders = *live->table(QStringLiteral("orders"));
        for (const Column &c : cfgOrders.columns)
            QVERIFY2(shares(c.name, liveOrders.column(c.name)->name), qPrintable(c.name));
        QVERIFY(shares(cfgOrders.column(QStringLiteral("state"))->defaultValue.text,
                       liveOrders.column(QStringLiteral("state"))->defaultValue.text));
        QVERIFY(shares(cfgOrders.indexes[0].columns[0], liveOrders.indexes[0].columns[0]));
        QVERIFY(shares(cfgOrders.foreignKeys[0].referencedTable, liveOrders.foreignKeys[0].referencedTable));
        QVERIFY(shares(cfgOrders.foreignKeys[0].referencedColumns[0], liveOrders.foreignKeys[0].referencedColumns[0]));
        // Equal lists of names are one array on both sides.
        QCOMPARE(cfgOrders.foreignKeys[0].referencedColumns.constData(),
                 liveOrders.foreignKeys[0].referencedColumns.constData());
        QCOMPARE(cfgOrders.primaryKey.columns.constData(), liveOrders.primaryKey.columns.constData());
        // So are equal lists of indexes.
        QCOMPARE(cfgOrders.indexes.constData(), liveOrders.indexes.constData());
        QVERIFY(shares(cfgOrders.name, liveOrders.name));
        // "id" is one buffer for both tables on both sides.
        QVERIFY(shares(cfgOrders.columns[0].name, live->table(QStringLiteral("customers"))->columns[0].name));
    }
};

QTEST_GUILESS_MAIN(TestStringPool)
#include "tst_stringpool.moc"
