// The schema browser: the demo schema as a tree of tables, group nodes and
// columns (with types), indexes, foreign keys and checks, under
// QAbstractItemModelTester; the filter box; the selection signals.

#include "TestResult.h"
#include "browser/SchemaBrowser.h"
#include "browser/SchemaTreeModel.h"
#include "config/SchemaReader.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace sd;
using namespace sd::app;

namespace {

Schema demoSchema()
{
    const QString path = QDir(QString::fromLocal8Bit(qgetenv("SCHEMADESK_SOURCE_DIR")))
                             .filePath(QStringLiteral("examples/demo/config/schema.yaml"));
    const MultiResult<Schema> schema = SchemaReader::readFile(path);
    if (!schema)
        qWarning("%s", qPrintable(joinErrors(schema.error())));
    return schema.value_or(Schema());
}

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, SchemaTreeModel::NameColumn, parent).data().toString();
    return out;
}

QModelIndex child(const QAbstractItemModel &model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

} // namespace

class tst_SchemaTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tester();
    void tables();
    void groups_data();
    void groups();
    void items_data();
    void items();
    void constraintOptionsShown();
    void filter_data();
    void filter();
    void selection();

private:
    Schema m_schema;
};

void tst_SchemaTreeModel::initTestCase()
{
    m_schema = demoSchema();
    QCOMPARE(m_schema.tables.size(), 12);
}

void tst_SchemaTreeModel::tester()
{
    SchemaTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSchema(m_schema);
    model.setSchema(Schema());
    QCOMPARE(model.rowCount(), 0);
    model.setSchema(m_schema);

    SchemaBrowser browser;
    QAbstractItemModelTester proxyTester(browser.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.setSchema(m_schema);
    browser.setFilterText(QStringLiteral("id"));
    browser.setFilterText(QStringLiteral("zzz"));
    browser.setFilterText({});
}

void tst_SchemaTreeModel::tables()
{
    SchemaTreeModel model;
    model.setSchema(m_schema);
    QStringList expected;
    for (const Table &t : std::as_const(m_schema.tables))
        expected << t.name;
    QCOMPARE(names(model), expected);
    const QModelIndex users = model.tableIndex(QStringLiteral("users"));
    QCOMPARE(users.data().toString(), QStringLiteral("users"));
    QCOMPARE(users.siblingAtColumn(SchemaTreeModel::DetailsColumn).data().toString(), QStringLiteral("Staff accounts"));
    QCOMPARE(SchemaTreeModel::NodeKind(users.data(SchemaTreeModel::NodeKindRole).toInt()), SchemaTreeModel::NodeKind::Table);
    QVERIFY(users.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.tableIndex(QStringLiteral("nothing")).isValid());
}

void tst_SchemaTreeModel::groups_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("counts");

    QTest::newRow("users") << "users" << QStringList{"Columns", "Indexes", "Foreign keys", "Checks"}
                           << QStringList{"7", "1", "1", "1"};
    QTest::newRow("with unique constraints") << "order_items"
                                             << QStringList{"Columns", "Unique constraints", "Foreign keys", "Checks"}
                                             << QStringList{"5", "1", "2", "1"};
    QTest::newRow("columns and a composite key only") << "book_tags" << QStringList{"Columns", "Foreign keys"}
                                                      << QStringList{"2", "2"};
}

void tst_SchemaTreeModel::groups()
{
    QFETCH(QString, table);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, counts);

    SchemaTreeModel model;
    model.setSchema(m_schema);
    const QModelIndex t = model.tableIndex(table);
    QCOMPARE(names(model, t), groups);
    QStringList shownCounts;
    for (int row = 0; row < model.rowCount(t); ++row) {
        const QModelIndex group = model.index(row, SchemaTreeModel::DetailsColumn, t);
        shownCounts << group.data().toString();
        QCOMPARE(model.rowCount(group.siblingAtColumn(0)), group.data().toInt());
        QCOMPARE(group.data(SchemaTreeModel::TableRole).toString(), table);
    }
    QCOMPARE(shownCounts, counts);
}

void tst_SchemaTreeModel::items_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("details");

    QTest::newRow("key column") << "users" << "Columns" << "id" << "bigint, primary key, autoincrement";
    QTest::newRow("not null column") << "users" << "Columns" << "email" << "varchar(255), not null";
    QTest::newRow("default") << "users" << "Columns" << "is_admin" << "boolean, not null, default false";
    QTest::newRow("expression default") << "users" << "Columns" << "created_at"
                                        << "timestamp, not null, default CURRENT_TIMESTAMP";
    QTest::newRow("numeric") << "books" << "Columns" << "price" << "numeric(10,2), not null, default 0";
    QTest::newRow("enum type") << "orders" << "Columns" << "status" << "order_status, not null, default 'pending'";
    QTest::newRow("unique index") << "users" << "Indexes" << "ix_users_email" << "(email) unique";
    QTest::newRow("expression index") << "authors" << "Indexes" << "ix_authors_lower_name" << "(lower(name))";
    QTest::newRow("partial index") << "customers" << "Indexes" << "ix_customers_email" << "(email) unique where deleted_at IS NULL";
    QTest::newRow("foreign key") << "users" << "Foreign keys" << "fk_users_organisation"
                                 << "(organisation_id) → organisations (id), on delete cascade";
    QTest::newRow("foreign key with on update") << "orders" << "Foreign keys" << "fk_orders_customer"
                                                << "(customer_id) → customers (id), on delete restrict, on update cascade";
    QTest::newRow("check") << "books" << "Checks" << "ck_books_price" << "price >= 0";
    QTest::newRow("unique constraint") << "payments" << "Unique constraints" << "uq_payments_reference" << "(reference)";
}

void tst_SchemaTreeModel::items()
{
    QFETCH(QString, table);
    QFETCH(QString, group);
    QFETCH(QString, name);
    QFETCH(QString, details);

    SchemaTreeModel model;
    model.setSchema(m_schema);
    const QModelIndex g = child(model, model.tableIndex(table), group);
    QVERIFY(g.isValid());
    const QModelIndex item = child(model, g, name);
    QVERIFY(item.isValid());
    QCOMPARE(item.siblingAtColumn(SchemaTreeModel::DetailsColumn).data().toString(), details);
    QCOMPARE(item.data(SchemaTreeModel::ObjectNameRole).toString(), name);
    QCOMPARE(item.data(SchemaTreeModel::TableRole).toString(), table);
    QCOMPARE(model.parent(item), g);
    QCOMPARE(model.parent(g), model.tableIndex(table));
}

// PostgreSQL's options of unique indexes and constraints, which the demo
// (on SQLite) has none of.
void tst_SchemaTreeModel::constraintOptionsShown()
{
    const MultiResult<Schema> schema = SchemaReader::readString(QByteArray(R"(tables:
  - name: t
    columns: [{name: a, type: text}, {name: b, type: text}]
    indexes:
      - {name: ix_t_a, columns: [a], unique: true, nulls_not_distinct: true, where: a <> ''}
      - {name: ix_t_b, columns: [b], with: {fillfactor: 70}}
    unique_constraints:
      - {name: uq_t_b, columns: [b], nulls_not_distinct: true}
      - {name: uq_t_a_b, columns: [a, b], deferrable: true, initially_deferred: true}
)"), QStringLiteral("schema.yaml"));
    SD_VERIFY_RESULT(schema);
    SchemaTreeModel model;
    model.setSchema(*schema);
    const QModelIndex table = model.tableIndex(QStringLiteral("t"));
    const auto details = [&](const QString &group, const QString &name) {
        return child(model, child(model, table, group), name).siblingAtColumn(SchemaTreeModel::DetailsColumn).data().toString();
    };
    QCOMPARE(details(QStringLiteral("Indexes"), QStringLiteral("ix_t_a")), QStringLiteral("(a) unique nulls not distinct where a <> ''"));
    QCOMPARE(details(QStringLiteral("Indexes"), QStringLiteral("ix_t_b")), QStringLiteral("(b) with fillfactor=70"));
    QCOMPARE(details(QStringLiteral("Unique constraints"), QStringLiteral("uq_t_b")), QStringLiteral("(b) nulls not distinct"));
    QCOMPARE(details(QStringLiteral("Unique constraints"), QStringLiteral("uq_t_a_b")),
             QStringLiteral("(a, b) deferrable, initially deferred"));
}

void tst_SchemaTreeModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<QString>("table");           // one table to look into
    QTest::addColumn<QStringList>("groups");      // its groups
    QTest::addColumn<QStringList>("firstGroup");  // the items of its first group

    QTest::newRow("no filter") << "" << QStringList{"organisations", "users", "authors", "books", "book_authors", "customers",
                                                    "orders", "order_items", "payments", "reviews", "tags", "book_tags"}
                               << "tags" << QStringList{"Columns", "Indexes"} << QStringList{"id", "name", "colour"};
    QTest::newRow("a column keeps its table, not its siblings")
        << "email" << QStringList{"users", "customers"} << "users" << QStringList{"Columns", "Indexes", "Checks"}
        << QStringList{"email"};
    QTest::newRow("a table keeps all its rows, any case")
        << "PAYMENTS" << QStringList{"payments"} << "payments"
        << QStringList{"Columns", "Unique constraints", "Foreign keys", "Checks"}
        << QStringList{"id", "order_id", "amount", "method", "reference", "paid_at", "refunded"};
    QTest::newRow("a foreign key name") << "fk_reviews" << QStringList{"reviews"} << "reviews" << QStringList{"Foreign keys"}
                                        << QStringList{"fk_reviews_book", "fk_reviews_customer"};
    QTest::newRow("nothing") << "no such thing" << QStringList{} << "" << QStringList{} << QStringList{};
}

void tst_SchemaTreeModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tables);
    QFETCH(QString, table);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, firstGroup);

    SchemaBrowser browser;
    browser.setSchema(m_schema);
    auto *box = browser.findChild<QLineEdit *>(QStringLiteral("schemaFilter"));
    QVERIFY(box);
    QTest::keyClicks(box, text);
    const QAbstractItemModel &proxy = *browser.treeView()->model();
    QCOMPARE(names(proxy), tables);
    if (table.isEmpty())
        return;
    const QModelIndex t = child(proxy, {}, table);
    QCOMPARE(names(proxy, t), groups);
    QCOMPARE(names(proxy, proxy.index(0, 0, t)), firstGroup);
    if (!text.isEmpty())
        QVERIFY(browser.treeView()->isExpanded(t));
}

void tst_SchemaTreeModel::selection()
{
    SchemaBrowser browser;
    browser.setSchema(m_schema);
    QSignalSpy changed(&browser, &SchemaBrowser::currentTableChanged);
    QSignalSpy activated(&browser, &SchemaBrowser::tableActivated);

    browser.selectTable(QStringLiteral("books"));
    QCOMPARE(browser.currentTable(), QStringLiteral("books"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().first().toString(), QStringLiteral("books"));

    // A column of the same table: no change; of another table: a change.
    QTreeView *tree = browser.treeView();
    const QModelIndex books = tree->currentIndex();
    tree->setCurrentIndex(tree->model()->index(0, 0, tree->model()->index(0, 0, books)));
    QCOMPARE(changed.size(), 1);
    browser.selectTable(QStringLiteral("tags"));
    QCOMPARE(changed.size(), 2);

    Q_EMIT tree->activated(tree->currentIndex());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("tags"));

    // A new schema keeps the selected table where it still exists.
    browser.setSchema(m_schema);
    QCOMPARE(browser.currentTable(), QStringLiteral("tags"));
    Schema without = m_schema;
    without.tables.removeIf([](const Table &t) { return t.name == QLatin1String("tags"); });
    browser.setSchema(without);
    QCOMPARE(browser.currentTable(), QString());
    QCOMPARE(changed.last().first().toString(), QString());
}

QTEST_MAIN(tst_SchemaTreeModel)
#include "tst_schematreemodel.moc"
