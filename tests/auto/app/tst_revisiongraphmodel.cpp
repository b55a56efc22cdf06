// The migrations view's revision graph and details, on a graph with a
// branch and a merge:
//
//        A -- B -- C ------- M
//              \            /
//               D -- E ----
//
// Rows newest first with HistoryLayout's lanes, the state column (applied,
// pending, current, head) for several version tables, the warning on an
// applied revision whose file changed (ChecksumAudit), the nodes the
// delegate paints, and the selected revision's operations and SQL on
// SQLite and PostgreSQL, upgrade and downgrade. The model runs under
// QAbstractItemModelTester. With SCHEMADESK_SCREENSHOT_DIR set, screenshots
// at 1280x800 in a light and a dark palette go there.

#include "MigrationBuilders.h"
#include "OperationYaml.h"
#include "ShellTestSupport.h"
#include "TestResult.h"
#include "migrations/MigrationsView.h"
#include "migrations/RevisionGraphDelegate.h"
#include "migrations/RevisionGraphModel.h"
#include "revision/RevisionGraph.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFrame>
#include <QLabel>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTest>
#include <QTreeView>

using namespace sd;
using namespace sd::app;
using namespace sd::testing;
using sd::testing::migration;

Q_DECLARE_METATYPE(sd::app::RevisionGraphModel::States)

namespace {

const QString A = QStringLiteral("0a0000000001");
const QString B = QStringLiteral("0b0000000002");
const QString C = QStringLiteral("0c0000000003");
const QString D = QStringLiteral("0d0000000004");
const QString E = QStringLiteral("0e0000000005");
const QString M = QStringLiteral("0f0000000006");

Operations ops(const QString &yaml)
{
    const MultiResult<Operations> operations = testing::operationsFromYaml(yaml);
    if (!operations)
        qWarning("%s", qPrintable(joinErrors(operations.error())));
    return operations.value_or(Operations());
}

Migration withDowngrade(Migration m, const QString &downgrade)
{
    m.downgrade = ops(downgrade);
    m.filePath = QStringLiteral("/project/migrations/%1.yaml").arg(m.revision);
    m.checksum = QStringLiteral("c0ffee") + m.revision;
    return m;
}

RevisionGraph mergedGraph()
{
    const Migrations migrations{
        withDowngrade(migration(A, {}, 0, QStringLiteral("create users"),
                                ops("- create_table:\n    name: users\n    columns:\n"
                                    "      - {name: id, type: bigint, primary_key: true}\n"
                                    "      - {name: name, type: text}")),
                      "- drop_table: {name: users}"),
        withDowngrade(migration(B, {A}, 1, QStringLiteral("add users.email"),
                                ops("- add_column: {table: users, column: {name: email, type: varchar(255)}}")),
                      "- drop_column: {table: users, column: email}"),
        withDowngrade(migration(C, {B}, 2, QStringLiteral("index users.email"),
                                ops("- create_index: {table: users, name: ix_users_email, columns: [email], unique: true}")),
                      "- drop_index: {table: users, name: ix_users_email}"),
        withDowngrade(migration(D, {B}, 3, QStringLiteral("create orders"),
                                ops("- create_table:\n    name: orders\n    columns:\n"
                                    "      - {name: id, type: bigint, primary_key: true}\n"
                                    "      - {name: user_id, type: bigint, nullable: false}\n"
                                    "      - {name: total, type: \"numeric(10,2)\", nullable: false, default: 0}\n"
                                    "    foreign_keys:\n"
                                    "      - {name: fk_orders_user, columns: [user_id], references: {table: users, columns: [id]}}")),
                      "- drop_table: {name: orders}"),
        withDowngrade(migration(E, {D}, 4, QStringLiteral("shorten users.name"),
                                ops("- alter_column: {table: users, column: name, type: varchar(100), existing_type: text}")),
                      "- alter_column: {table: users, column: name, type: text, existing_type: varchar(100)}"),
        withDowngrade(migration(M, {C, E}, 5, QStringLiteral("merge heads")), "[]"),
    };
    std::expected<RevisionGraph, RevisionGraphErrors> graph = RevisionGraph::build(migrations);
    if (!graph)
        qWarning("%s", qPrintable(joinErrors(toErrors(graph.error()))));
    return graph.value_or(RevisionGraph());
}


bool near(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) < 40 && qAbs(a.green() - b.green()) < 40 && qAbs(a.blue() - b.blue()) < 40;
}

} // namespace

class tst_RevisionGraphModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tester();
    void rows();
    void lanes_data();
    void lanes();
    void states_data();
    void states();
    void changedFile();
    void paintsNodes();
    void details();
    void sqlPerDialect();
    void downgrade();
    void mergeAndOpen();
    void screenshots();

private:
    RevisionGraph m_graph;
};

void tst_RevisionGraphModel::initTestCase()
{
    m_graph = mergedGraph();
    QCOMPARE(m_graph.size(), 6);
}

void tst_RevisionGraphModel::tester()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGraph(m_graph);
    model.setCurrent({C});
    model.setChangedMigrations({ChangedMigration{B, QStringLiteral("migrations/b.yaml"), QStringLiteral("aa"),
                                                 QStringLiteral("bb"), HistoryEntry{}}});
    model.setGraph(RevisionGraph());
    QCOMPARE(model.rowCount(), 0);
    model.setGraph(m_graph);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), 5);
}

void tst_RevisionGraphModel::rows()
{
    RevisionGraphModel model;
    model.setGraph(m_graph);
    QStringList order;
    for (int row = 0; row < model.rowCount(); ++row)
        order << model.index(row, RevisionGraphModel::RevisionColumn).data().toString();
    QCOMPARE(order, (QStringList{M, E, D, C, B, A})); // newest first
    QCOMPARE(model.index(0, RevisionGraphModel::MessageColumn).data().toString(), QStringLiteral("merge heads"));
    QCOMPARE(model.index(5, RevisionGraphModel::DateColumn).data().toString(), QStringLiteral("2026-01-01 00:00"));
    QCOMPARE(model.index(0, RevisionGraphModel::DateColumn).data().toString(), QStringLiteral("2026-01-01 00:05"));
    QCOMPARE(model.headerData(RevisionGraphModel::StateColumn, Qt::Horizontal).toString(), QStringLiteral("State"));
    QCOMPARE(model.maxLanes(), 2);
    QCOMPARE(model.indexOf(D).row(), 2);
}

void tst_RevisionGraphModel::lanes_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<int>("lane");
    QTest::addColumn<QList<int>>("joining");
    QTest::addColumn<QList<int>>("parents");
    QTest::addColumn<QList<int>>("passing");
    QTest::addColumn<bool>("head");
    QTest::addColumn<bool>("merge");

    QTest::newRow("merge forks into two lanes") << M << 0 << QList<int>{} << QList<int>{0, 1} << QList<int>{} << true << true;
    QTest::newRow("branch in lane 1") << E << 1 << QList<int>{} << QList<int>{1} << QList<int>{0} << false << false;
    QTest::newRow("branch start") << D << 1 << QList<int>{} << QList<int>{1} << QList<int>{0} << false << false;
    QTest::newRow("main line beside the branch") << C << 0 << QList<int>{} << QList<int>{0} << QList<int>{1} << false << false;
    QTest::newRow("branch point joins lane 1") << B << 0 << QList<int>{1} << QList<int>{0} << QList<int>{} << false << false;
    QTest::newRow("base") << A << 0 << QList<int>{} << QList<int>{} << QList<int>{} << false << false;
}

void tst_RevisionGraphModel::lanes()
{
    QFETCH(QString, revision);
    QFETCH(int, lane);
    QFETCH(QList<int>, joining);
    QFETCH(QList<int>, parents);
    QFETCH(QList<int>, passing);
    QFETCH(bool, head);
    QFETCH(bool, merge);

    RevisionGraphModel model;
    model.setGraph(m_graph);
    const QModelIndex graph = model.indexOf(revision, RevisionGraphModel::GraphColumn);
    QVERIFY(graph.isValid());
    const HistoryRow row = graph.data(RevisionGraphModel::HistoryRowRole).value<HistoryRow>();
    QCOMPARE(row.revision, revision);
    QCOMPARE(row.lane, lane);
    QCOMPARE(row.joiningLanes, joining);
    QCOMPARE(row.parentLanes, parents);
    QCOMPARE(row.passingLanes, passing);
    QCOMPARE(row.isHead, head);
    QCOMPARE(row.isMerge, merge);
    QCOMPARE(graph.data(RevisionGraphModel::MaxLanesRole).toInt(), 2);
}

void tst_RevisionGraphModel::states_data()
{
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("expected"); // state column of M, E, D, C, B, A

    QTest::newRow("nothing applied") << QStringList{}
                                     << QStringList{"pending, head", "pending", "pending", "pending", "pending", "pending"};
    QTest::newRow("main line applied") << QStringList{C}
                                       << QStringList{"pending, head", "pending", "pending", "current", "applied", "applied"};
    QTest::newRow("both branches applied") << QStringList{C, E}
                                           << QStringList{"pending, head", "current", "applied", "current", "applied", "applied"};
    QTest::newRow("at head") << QStringList{M}
                             << QStringList{"current, head", "applied", "applied", "applied", "applied", "applied"};
    QTest::newRow("at base") << QStringList{A}
                             << QStringList{"pending, head", "pending", "pending", "pending", "pending", "current"};
}

void tst_RevisionGraphModel::states()
{
    QFETCH(QStringList, current);
    QFETCH(QStringList, expected);

    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGraph(m_graph);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCurrent(current);
    QCOMPARE(changed.size(), 1);
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, RevisionGraphModel::StateColumn).data().toString();
    QCOMPARE(shown, expected);

    // The flags agree with the words; the current revisions are bold.
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, RevisionGraphModel::RevisionColumn);
        const auto s = RevisionGraphModel::States(index.data(RevisionGraphModel::StatesRole).toInt());
        QCOMPARE(RevisionGraphModel::stateText(s), expected.at(row));
        QCOMPARE(bool(s & RevisionGraphModel::Current), current.contains(index.data().toString()));
        QCOMPARE(index.data(Qt::FontRole).value<QFont>().bold(), bool(s & RevisionGraphModel::Current));
        QVERIFY(bool(s & RevisionGraphModel::Applied) != bool(s & RevisionGraphModel::Pending));
    }
}

void tst_RevisionGraphModel::changedFile()
{
    // The history recorded other checksums for B (applied) and D (not
    // applied at C): only B is flagged, through ChecksumAudit.
    MigrationsView view;
    view.setGraph(m_graph);
    view.setCurrent({C});
    HistoryEntry b;
    b.revision = B;
    b.direction = QStringLiteral("upgrade");
    b.checksum = QStringLiteral("0123456789abcdef");
    b.appliedAt = QDateTime(QDate(2026, 11, 24), QTime(10, 15), Qt::UTC);
    b.appliedBy = QStringLiteral("dba@host");
    HistoryEntry d = b;
    d.revision = D;
    HistoryEntry a = b;
    a.revision = A;
    a.checksum = QStringLiteral("c0ffee") + A; // unchanged
    view.setHistory({a, b, d});

    const RevisionGraphModel &model = *view.model();
    for (const QString &revision : {A, B, C, D, E, M}) {
        const QModelIndex state = model.indexOf(revision, RevisionGraphModel::StateColumn);
        QCOMPARE(state.data(RevisionGraphModel::ChangedRole).toBool(), revision == B);
        QCOMPARE(state.data(Qt::DecorationRole).value<QIcon>().isNull(), revision != B);
    }
    const QString tip = model.indexOf(B, RevisionGraphModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("changed since it was applied on 2026-11-24 10:15 UTC by dba@host")), qPrintable(tip));

    view.selectRevision(B);
    QVERIFY(view.findChild<QFrame *>(QStringLiteral("revisionChanged"))->isVisibleTo(&view));
    view.selectRevision(C);
    QVERIFY(!view.findChild<QFrame *>(QStringLiteral("revisionChanged"))->isVisibleTo(&view));

    // Moving the version table re-audits: at A, B is no longer applied.
    view.setCurrent({A});
    QVERIFY(!model.indexOf(B).data(RevisionGraphModel::ChangedRole).toBool());
}

void tst_RevisionGraphModel::paintsNodes()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    MigrationsView view;
    view.resize(900, 600);
    view.setGraph(m_graph);
    view.setCurrent({C});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTreeView *tree = view.graphView();
    QVERIFY(tree->columnWidth(RevisionGraphModel::GraphColumn) >= 2 * RevisionGraphDelegate::laneWidth);

    const QImage image = tree->viewport()->grab().toImage();
    const QPalette pal = tree->palette();
    const auto nodeCentre = [&](const QString &revision, int lane) {
        const QRect rect = tree->visualRect(view.model()->indexOf(revision, RevisionGraphModel::GraphColumn));
        return QPoint(rect.left() + 4 + lane * RevisionGraphDelegate::laneWidth + RevisionGraphDelegate::laneWidth / 2,
                      rect.center().y());
    };
    // C, the current revision in lane 0: filled with lane 0's colour.
    QVERIFY(near(image.pixelColor(nodeCentre(C, 0)), RevisionGraphDelegate::laneColour(0, pal)));
    // D, pending in lane 1: hollow, its centre the base colour, its rim lane 1's colour.
    const QPoint d = nodeCentre(D, 1);
    QVERIFY(!near(image.pixelColor(d), RevisionGraphDelegate::laneColour(1, pal)));
    QVERIFY(near(image.pixelColor(d + QPoint(5, 0)), RevisionGraphDelegate::laneColour(1, pal))
            || near(image.pixelColor(d + QPoint(4, 0)), RevisionGraphDelegate::laneColour(1, pal)));
    // Lane 0's line passes E's row (a branch beside it).
    const QRect eRow = tree->visualRect(view.model()->indexOf(E, RevisionGraphModel::GraphColumn));
    QVERIFY(near(image.pixelColor(QPoint(eRow.left() + 4 + RevisionGraphDelegate::laneWidth / 2, eRow.top() + 2)),
                 RevisionGraphDelegate::laneColour(0, pal)));
    // The two lanes have their own colours.
    QVERIFY(RevisionGraphDelegate::laneColour(0, pal) != RevisionGraphDelegate::laneColour(1, pal));
}

void tst_RevisionGraphModel::details()
{
    MigrationsView view;
    view.setGraph(m_graph);
    view.setCurrent({B});
    view.setDialect(DialectKind::Sqlite);
    QSignalSpy selected(&view, &MigrationsView::revisionSelected);
    view.selectRevision(D);
    QCOMPARE(view.currentRevision(), D);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().toString(), D);
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("revisionTitle"))->text(), D + QStringLiteral(" — create orders"));
    const QString info = view.findChild<QLabel *>(QStringLiteral("revisionInfo"))->text();
    QVERIFY2(info.startsWith(QStringLiteral("pending · created 2026-01-01 00:03 UTC · after ") + B), qPrintable(info));
    QCOMPARE(view.operationsText(), QStringLiteral("1. create table orders"));
    const QString sql = view.sqlText();
    QVERIFY2(sql.startsWith(QStringLiteral("CREATE TABLE \"orders\" (")), qPrintable(sql));
    QVERIFY2(sql.contains(QStringLiteral("REFERENCES \"users\" (\"id\")")), qPrintable(sql));
    QVERIFY(sql.trimmed().endsWith(QLatin1Char(';')));
}

void tst_RevisionGraphModel::sqlPerDialect()
{
    // E narrows users.name from text to varchar(100): SQLite rebuilds the
    // table from the state the revision's ancestors (A, B, D) built, keeping
    // the column B added, and loses nothing (it does not enforce a length);
    // PostgreSQL alters the column, and refuses or loses what does not fit.
    MigrationsView view;
    view.setGraph(m_graph);
    view.setDialect(DialectKind::Sqlite);
    view.selectRevision(E);
    QVERIFY2(view.operationsText().startsWith(QStringLiteral("1. alter column users.name")), qPrintable(view.operationsText()));
    const QString sqlite = view.sqlText();
    QVERIFY2(!sqlite.contains(QStringLiteral("destroys data")), qPrintable(sqlite));
    QVERIFY2(sqlite.contains(QStringLiteral("rewrites table")), qPrintable(sqlite));
    QVERIFY2(sqlite.contains(QStringLiteral("\"email\"")), qPrintable(sqlite)); // the column B added is kept
    QVERIFY2(sqlite.contains(QStringLiteral("INSERT INTO")), qPrintable(sqlite)); // the rows are copied

    view.setDialect(DialectKind::PostgreSQL);
    QCOMPARE(view.currentRevision(), E);
    const QString pg = view.sqlText();
    QVERIFY2(pg.contains(QStringLiteral("ALTER TABLE \"users\" ALTER COLUMN \"name\" TYPE")), qPrintable(pg));
    QVERIFY2(!pg.contains(QStringLiteral("INSERT INTO")), qPrintable(pg));
    QVERIFY2(pg.contains(QStringLiteral("-- destroys data")), qPrintable(pg));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("revisionSqlTitle"))->text().contains(QStringLiteral("PostgreSQL")));
}

void tst_RevisionGraphModel::downgrade()
{
    MigrationsView view;
    view.setGraph(m_graph);
    view.setDialect(DialectKind::PostgreSQL);
    view.selectRevision(C);
    QVERIFY(view.sqlText().contains(QStringLiteral("CREATE UNIQUE INDEX \"ix_users_email\"")));
    view.setDirection(Direction::Downgrade);
    QCOMPARE(view.operationsText(), QStringLiteral("1. drop index ix_users_email on users"));
    QVERIFY2(view.sqlText().contains(QStringLiteral("DROP INDEX \"ix_users_email\"")), qPrintable(view.sqlText()));
}

void tst_RevisionGraphModel::mergeAndOpen()
{
    MigrationsView view;
    view.setGraph(m_graph);
    view.selectRevision(M);
    QCOMPARE(view.operationsText(), QStringLiteral("(no operations)"));
    QCOMPARE(view.sqlText(), QStringLiteral("-- no statements"));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("revisionInfo"))->text().contains(QStringLiteral("merges ") + C + QStringLiteral(", ") + E));

    QSignalSpy open(&view, &MigrationsView::openRevisionRequested);
    Q_EMIT view.graphView()->doubleClicked(view.model()->indexOf(D, RevisionGraphModel::MessageColumn));
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toString(), QStringLiteral("/project/migrations/%1.yaml").arg(D));

    // A new graph keeps the selection where the revision is still there.
    view.setGraph(m_graph);
    QCOMPARE(view.currentRevision(), M);
    view.setGraph(RevisionGraph());
    QCOMPARE(view.currentRevision(), QString());
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("revisionTitle"))->text(), QStringLiteral("No migrations yet"));
}

void tst_RevisionGraphModel::screenshots()
{
    const QString directory = QString::fromLocal8Bit(qgetenv("SCHEMADESK_SCREENSHOT_DIR"));
    if (directory.isEmpty())
        QSKIP("set SCHEMADESK_SCREENSHOT_DIR to write screenshots");
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette light = QApplication::style()->standardPalette();
    for (const auto &[name, palette] : {std::pair{QStringLiteral("light"), light}, std::pair{QStringLiteral("dark"), darkPalette()}}) {
        QApplication::setPalette(palette);
        MigrationsView view;
        view.resize(1280, 800);
        view.setGraph(m_graph);
        view.setCurrent({C});
        HistoryEntry b;
        b.revision = B;
        b.direction = QStringLiteral("upgrade");
        b.checksum = QStringLiteral("0123456789abcdef");
        b.appliedAt = QDateTime(QDate(2026, 11, 24), QTime(10, 15), Qt::UTC);
        b.appliedBy = QStringLiteral("dba@host");
        view.setHistory({b});
        view.setDialect(DialectKind::PostgreSQL);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectRevision(E);
        QCoreApplication::processEvents();
        QVERIFY(view.grab().save(QDir(directory).filePath(QStringLiteral("migrations-%1.png").arg(name))));
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(tst_RevisionGraphModel)
#include "tst_revisiongraphmodel.moc"
