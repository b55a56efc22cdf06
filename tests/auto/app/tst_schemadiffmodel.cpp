// The schema diff tree and its filter: statuses of tables (unchanged, added,
// removed, changed, renamed) from a real SchemaDiff of two schemas, the
// differences under a changed table, warnings with row counts, "differences
// only" and search, all under QAbstractItemModelTester. The English
// translation is installed, so plurals read as users see them ("1 row").

#include "TestResult.h"
#include "config/SchemaReader.h"
#include "diff/DiffFilterProxyModel.h"
#include "diff/SchemaDiffModel.h"
#include "diff/SchemaDiff.h"
#include "dialect/Dialect.h"
#include "i18n/Translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTest>

using namespace sd;
using namespace sd::app;

Q_DECLARE_METATYPE(sd::app::DiffStatus)

namespace {

const QByteArray liveYaml = R"yaml(tables:
  - name: accounts
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: login, type: varchar(64)}
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: varchar(255), nullable: false}
      - {name: name, type: text}
    indexes:
      - {name: ix_users_email, columns: [email], unique: true}
  - name: orders
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: total, type: "numeric(10,2)"}
  - name: tags
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: label, type: text}
  - name: legacy
    columns:
      - {name: id, type: bigint, primary_key: true}
)yaml";

const QByteArray configuredYaml = R"yaml(tables:
  - name: clients
    renamed_from: accounts
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: login, type: varchar(64)}
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: varchar(100), nullable: false}
      - {name: display_name, type: text}
    indexes:
      - {name: ix_users_email, columns: [email], unique: true}
    checks:
      - {name: ck_users_email, expression: "email <> ''"}
  - name: orders
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: total, type: "numeric(10,2)"}
  - name: tags
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: label, type: text}
  - name: invoices
    columns:
      - {name: id, type: bigint, primary_key: true}
)yaml";

Schema read(const QByteArray &yaml)
{
    const MultiResult<Schema> schema = SchemaReader::readString(yaml, QStringLiteral("schema.yaml"));
    if (!schema)
        qWarning("%s", qPrintable(joinErrors(schema.error())));
    return schema.value_or(Schema());
}

struct Comparison
{
    Schema configured = read(configuredYaml);
    Schema live = read(liveYaml);
    Differences differences = SchemaDiff::compare(configured, live, Dialect::get(DialectKind::PostgreSQL));
};

QStringList topLevelNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, SchemaDiffModel::NameColumn).data().toString();
    return names;
}

QStringList childLabels(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList labels;
    if (!parent.isValid())
        return labels;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        labels << model.index(row, SchemaDiffModel::NameColumn, parent).data().toString() + QLatin1Char(' ')
                      + model.index(row, SchemaDiffModel::StatusColumn, parent).data().toString();
    }
    return labels;
}

QModelIndex topLevel(const QAbstractItemModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

} // namespace

class tst_SchemaDiffModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tester();
    void tableStatus_data();
    void tableStatus();
    void differencesOfChangedTable();
    void renamedTable();
    void warnings();
    void enums();
    void ignoredTables();
    void filter_data();
    void filter();
    void paletteColours();
};

void tst_SchemaDiffModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(sd::Translations::install(*QCoreApplication::instance()));
}

void tst_SchemaDiffModel::tester()
{
    SchemaDiffModel model;
    DiffFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const Comparison c;
    model.setComparison(c.configured, c.live, c.differences);
    proxy.setDifferencesOnly(true);
    proxy.setSearchText(QStringLiteral("mail"));
    model.setRowCounts({{QStringLiteral("users"), 10}});
    model.setPalette(QPalette(Qt::black));
    proxy.setSearchText({});
    proxy.setDifferencesOnly(false);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setComparison(c.configured, c.live, c.differences);
    QCOMPARE(model.rowCount(), 6);
    // Children hang off a table's first column only.
    QModelIndex table;
    for (int row = 0; row < model.rowCount() && !table.isValid(); ++row)
        if (model.rowCount(model.index(row, 0)) > 0)
            table = model.index(row, 0);
    QVERIFY(table.isValid());
    QVERIFY(model.index(0, 0, table).isValid());
    QVERIFY(!model.index(0, 0, table.siblingAtColumn(1)).isValid());
}

void tst_SchemaDiffModel::tableStatus_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<DiffStatus>("status");
    QTest::addColumn<QString>("statusText");
    QTest::addColumn<int>("children");

    QTest::newRow("unchanged") << "orders" << DiffStatus::Unchanged << "unchanged" << 0;
    QTest::newRow("added") << "invoices" << DiffStatus::Added << "added" << 0;
    QTest::newRow("removed") << "legacy" << DiffStatus::Removed << "removed" << 0;
    QTest::newRow("changed") << "users" << DiffStatus::Changed << "changed" << 4;
    QTest::newRow("renamed") << "clients" << DiffStatus::Changed << "changed" << 0;
}

void tst_SchemaDiffModel::tableStatus()
{
    QFETCH(QString, table);
    QFETCH(DiffStatus, status);
    QFETCH(QString, statusText);
    QFETCH(int, children);

    SchemaDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Comparison c;
    model.setComparison(c.configured, c.live, c.differences);

    // Every table of both sides once, by name; a renamed table under its new name.
    QCOMPARE(topLevelNames(model), (QStringList{"clients", "invoices", "legacy", "orders", "tags", "users"}));
    QCOMPARE(model.tableCount(), 6);

    const QModelIndex index = model.tableIndex(table);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), table);
    QCOMPARE(DiffStatus(index.data(SchemaDiffModel::StatusRole).toInt()), status);
    QCOMPARE(model.tableStatus(table), status);
    QCOMPARE(index.siblingAtColumn(SchemaDiffModel::StatusColumn).data().toString(), statusText);
    QCOMPARE(model.rowCount(index), children);
    // An icon for every status, as well as the word.
    QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(index.data(SchemaDiffModel::TableRole).toString(), table);
}

void tst_SchemaDiffModel::differencesOfChangedTable()
{
    SchemaDiffModel model;
    const Comparison c;
    model.setComparison(c.configured, c.live, c.differences);
    const QModelIndex users = model.tableIndex(QStringLiteral("users"));

    QCOMPARE(childLabels(model, users), (QStringList{"column email changed", "column display_name added",
                                                     "column name removed", "check ck_users_email added"}));
    QCOMPARE(users.siblingAtColumn(SchemaDiffModel::DetailsColumn).data().toString(), QStringLiteral("4 differences"));
    QVERIFY(users.data(SchemaDiffModel::DestructiveRole).toBool());

    const QModelIndex email = model.index(0, SchemaDiffModel::DetailsColumn, users);
    QCOMPARE(email.data().toString(), QStringLiteral("change type of column email from varchar(255) to varchar(100)"));
    QVERIFY(email.data(SchemaDiffModel::DestructiveRole).toBool());
    QVERIFY(!email.data(Qt::DecorationRole).value<QIcon>().isNull()); // the warning icon
    const QModelIndex displayName = model.index(1, SchemaDiffModel::DetailsColumn, users);
    QVERIFY(!displayName.data(SchemaDiffModel::DestructiveRole).toBool());
    QVERIFY(displayName.data(Qt::DecorationRole).isNull());
    QCOMPARE(model.difference(displayName)->kind, Difference::Kind::ColumnAdded);
    QCOMPARE(model.difference(users), nullptr);
    QCOMPARE(model.tableDifferences(QStringLiteral("users")).size(), 4);
    QCOMPARE(model.count(DiffStatus::Changed), 2);
    QCOMPARE(model.count(DiffStatus::Unchanged), 2);
}

void tst_SchemaDiffModel::renamedTable()
{
    SchemaDiffModel model;
    const Comparison c;
    model.setComparison(c.configured, c.live, c.differences);
    const QModelIndex clients = model.tableIndex(QStringLiteral("clients"));
    QCOMPARE(model.liveTableName(QStringLiteral("clients")), QStringLiteral("accounts"));
    QVERIFY(!model.tableIndex(QStringLiteral("accounts")).isValid());
    QCOMPARE(clients.siblingAtColumn(SchemaDiffModel::DetailsColumn).data().toString(),
             QStringLiteral("renamed from accounts; 0 differences"));
    QCOMPARE(model.tableDifferences(QStringLiteral("clients")).constFirst().kind, Difference::Kind::TableRenamed);
}

void tst_SchemaDiffModel::warnings()
{
    SchemaDiffModel model;
    const Comparison c;
    model.setComparison(c.configured, c.live, c.differences);
    const Differences users = model.tableDifferences(QStringLiteral("users"));
    const Difference &narrowed = users.at(0);
    const Difference &dropped = users.at(2);
    QCOMPARE(dropped.kind, Difference::Kind::ColumnRemoved);

    // Without row counts: the core's reason.
    QCOMPARE(model.warningText(dropped), dropped.reason);
    QVERIFY(model.warningText(narrowed).contains(QStringLiteral("narrows users.email")));
    QCOMPARE(model.warningText(users.at(1)), QString()); // an added column loses nothing

    model.setRowCounts({{QStringLiteral("users"), 1234}, {QStringLiteral("legacy"), 1}});
    QCOMPARE(model.warningText(dropped), QStringLiteral("drops column users.name and the values it holds: 1,234 rows"));
    const Difference legacy = model.tableDifferences(QStringLiteral("legacy")).constFirst();
    QCOMPARE(model.warningText(legacy), QStringLiteral("drops table legacy and every row in it: 1 row"));
    QVERIFY(model.tableIndex(QStringLiteral("legacy")).data(Qt::ToolTipRole).toString().contains(QStringLiteral(": 1 row")));
}

void tst_SchemaDiffModel::enums()
{
    Schema configured = read(configuredYaml);
    Schema live = read(liveYaml);
    configured.enums << EnumType{QStringLiteral("mood"), {QStringLiteral("sad"), QStringLiteral("ok")}};
    live.enums << EnumType{QStringLiteral("mood"), {QStringLiteral("sad"), QStringLiteral("ok"), QStringLiteral("meh")}};
    const Differences differences = SchemaDiff::compare(configured, live, Dialect::get(DialectKind::PostgreSQL));

    SchemaDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(configured, live, differences);
    QCOMPARE(model.rowCount(), 7);
    const QModelIndex mood = model.index(6, 0); // enums after the tables
    QCOMPARE(mood.data().toString(), QStringLiteral("enum mood"));
    QCOMPARE(DiffStatus(mood.data(SchemaDiffModel::StatusRole).toInt()), DiffStatus::Changed);
    QCOMPARE(SchemaDiffModel::NodeKind(mood.data(SchemaDiffModel::NodeKindRole).toInt()), SchemaDiffModel::NodeKind::Enum);
    QVERIFY(mood.data(SchemaDiffModel::DestructiveRole).toBool());
    QCOMPARE(model.tableCount(), 6);
}

void tst_SchemaDiffModel::ignoredTables()
{
    SchemaDiffModel model;
    const Comparison c;
    model.setComparison(c.configured, c.live, c.differences,
                        [](const QString &table) { return table.startsWith(QLatin1String("ta")); });
    QCOMPARE(topLevelNames(model), (QStringList{"clients", "invoices", "legacy", "orders", "users"}));
}

void tst_SchemaDiffModel::filter_data()
{
    QTest::addColumn<bool>("differencesOnly");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<QStringList>("usersChildren");

    const QStringList allUsers{"column email changed", "column display_name added", "column name removed",
                               "check ck_users_email added"};
    QTest::newRow("everything") << false << "" << QStringList{"clients", "invoices", "legacy", "orders", "tags", "users"}
                                << allUsers;
    QTest::newRow("differences only") << true << "" << QStringList{"clients", "invoices", "legacy", "users"} << allUsers;
    QTest::newRow("search a table, any case") << false << "ORD" << QStringList{"orders"} << QStringList{};
    QTest::newRow("search a column keeps its table") << false << "display"
                                                     << QStringList{"users"} << QStringList{"column display_name added"};
    QTest::newRow("search matching a table keeps its rows") << false << "user" << QStringList{"users"} << allUsers;
    QTest::newRow("search an old name") << false << "accounts" << QStringList{"clients"} << QStringList{};
    QTest::newRow("search two columns") << true << "name" << QStringList{"users"}
                                        << QStringList{"column display_name added", "column name removed"};
    QTest::newRow("search keeps an unchanged table") << false << "t" << QStringList{"clients", "tags"} << QStringList{};
    QTest::newRow("differences only hides it") << true << "t" << QStringList{"clients"} << QStringList{};
    QTest::newRow("search with no match") << false << "nothing" << QStringList{} << QStringList{};
}

void tst_SchemaDiffModel::filter()
{
    QFETCH(bool, differencesOnly);
    QFETCH(QString, search);
    QFETCH(QStringList, tables);
    QFETCH(QStringList, usersChildren);

    SchemaDiffModel model;
    DiffFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Comparison c;
    model.setComparison(c.configured, c.live, c.differences);
    proxy.setDifferencesOnly(differencesOnly);
    proxy.setSearchText(search);

    QCOMPARE(topLevelNames(proxy), tables);
    QCOMPARE(childLabels(proxy, topLevel(proxy, QStringLiteral("users"))), usersChildren);
}

void tst_SchemaDiffModel::paletteColours()
{
    // Light and dark palettes give each status its own colour, readable on
    // the base: dark text colours on light, light ones on dark.
    QPalette light(QColor(0x20, 0x20, 0x20), QColor(0xf0, 0xf0, 0xf0), QColor(Qt::white), QColor(Qt::gray),
                   QColor(Qt::gray), QColor(0x20, 0x20, 0x20), QColor(Qt::white));
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    for (DiffStatus s : {DiffStatus::Added, DiffStatus::Removed, DiffStatus::Changed}) {
        QVERIFY(DiffStatusStyle::colour(s, light).lightness() < 110);
        QVERIFY(DiffStatusStyle::colour(s, dark).lightness() > 140);
    }
    QVERIFY(DiffStatusStyle::colour(DiffStatus::Added, light) != DiffStatusStyle::colour(DiffStatus::Removed, light));
    QVERIFY(DiffStatusStyle::colour(DiffStatus::Changed, dark) != DiffStatusStyle::colour(DiffStatus::Removed, dark));
    QCOMPARE(DiffStatusStyle::symbol(DiffStatus::Added), QStringLiteral("+"));

    SchemaDiffModel model;
    const Comparison c;
    model.setComparison(c.configured, c.live, c.differences);
    model.setPalette(light);
    const QModelIndex status = model.tableIndex(QStringLiteral("users")).siblingAtColumn(SchemaDiffModel::StatusColumn);
    QCOMPARE(status.data(Qt::ForegroundRole).value<QColor>(), DiffStatusStyle::colour(DiffStatus::Changed, light));
    model.setPalette(dark);
    QCOMPARE(status.data(Qt::ForegroundRole).value<QColor>(), DiffStatusStyle::colour(DiffStatus::Changed, dark));
}

QTEST_MAIN(tst_SchemaDiffModel)
#include "tst_schemadiffmodel.moc"
