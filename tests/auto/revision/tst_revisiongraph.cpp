// The revision graph: built from migrations and from a folder, its typed
// errors, target resolution, upgrade and downgrade paths with the version
// table after each step (branches and merges), and the history lanes.
//
// The graph used throughout (M only in "merged"):
//
//        A -- B -- C ------- M
//              \            /
//               D -- E ----

#include "MigrationBuilders.h"
#include "TestResult.h"
#include "revision/HistoryLayout.h"
#include "i18n/Translations.h"
#include "revision/RevisionGraphLoader.h"
#include "revision/RevisionPlanner.h"

#include <QTest>

using namespace sd;
using sd::testing::migration;

namespace {

const QString A = QStringLiteral("0a0000000001");
const QString B = QStringLiteral("0b0000000002");
const QString C = QStringLiteral("0c0000000003");
const QString D = QStringLiteral("0d0000000004");
const QString E = QStringLiteral("0e0000000005");
const QString M = QStringLiteral("0f0000000006");

Migrations branched()
{
    // Out of order on purpose: the graph sorts.
    return {migration(E, {D}, 4), migration(A, {}, 0), migration(C, {B}, 2), migration(B, {A}, 1), migration(D, {B}, 3)};
}

Migrations merged()
{
    return branched() << migration(M, {C, E}, 5, QStringLiteral("merge heads"));
}

RevisionGraph graphOf(const Migrations &migrations)
{
    std::expected<RevisionGraph, RevisionGraphErrors> graph = RevisionGraph::build(migrations);
    if (!graph)
        qWarning("%s", qPrintable(joinErrors(toErrors(graph.error()))));
    return graph.value_or(RevisionGraph());
}

using Steps = QList<QStringList>; // per step: revision, then the rows after it

Steps stepsOf(const RevisionPath &path)
{
    Steps out;
    for (const RevisionStep &step : path.steps)
        out << (QStringList{step.revision} + step.headsAfter);
    return out;
}

} // namespace

class tst_RevisionGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sd::Translations::install(*QCoreApplication::instance())); // English plurals, as the CLI and the app print them
    }

    void structure();
    void buildErrors_data();
    void buildErrors();
    void loadFolder();
    void loadFolderErrors();
    void resolve_data();
    void resolve();
    void upgrade_data();
    void upgrade();
    void downgrade_data();
    void downgrade();
    void stepsKeepVersionTable();
    void unknownCurrent();
    void pending();
    void history();
    void historyLinear();
};

void tst_RevisionGraph::structure()
{
    const RevisionGraph graph = graphOf(merged());
    QCOMPARE(graph.size(), 6);
    QStringList order;
    for (const Migration &m : graph.revisions())
        order << m.revision;
    QCOMPARE(order, (QStringList{A, B, C, D, E, M}));
    QCOMPARE(graph.heads(), QStringList{M});
    QCOMPARE(graph.bases(), QStringList{A});
    QCOMPARE(graph.children(B), (QStringList{C, D}));
    QCOMPARE(graph.parents(M), (QStringList{C, E}));
    QCOMPARE(graph.withPrefix(QStringLiteral("0c")), QStringList{C});
    QCOMPARE(graph.revision(M)->message, QStringLiteral("merge heads"));
    QVERIFY(!graph.revision(QStringLiteral("ffffffffffff")));
    QVERIFY(graph.isAncestor(A, E));
    QVERIFY(!graph.isAncestor(C, E));
    QVERIFY(!graph.isAncestor(E, E));
    QCOMPARE(graph.closure({C}), (QSet<QString>{A, B, C}));
    QCOMPARE(graph.maximal({A, B, C, D}), (QStringList{C, D}));

    // Several heads are a state, not an error.
    const RevisionGraph twoHeads = graphOf(branched());
    QCOMPARE(twoHeads.heads(), (QStringList{C, E}));
    QVERIFY(RevisionGraph().isEmpty());
    QVERIFY(RevisionGraph().heads().isEmpty());
}

void tst_RevisionGraph::buildErrors_data()
{
    QTest::addColumn<Migrations>("migrations");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("revisions");
    QTest::addColumn<QString>("message");

    Migration dupFirst = migration(B, {A}, 1);
    dupFirst.filePath = QStringLiteral("/p/migrations/b1.yaml");
    Migration dupSecond = migration(B, {A}, 2);
    dupSecond.filePath = QStringLiteral("/p/migrations/b2.yaml");
    QTest::newRow("duplicate id") << Migrations{migration(A, {}, 0), dupFirst, dupSecond}
                                  << int(RevisionGraphError::Kind::DuplicateRevision) << QStringList{B}
                                  << "/p/migrations/b2.yaml: duplicate revision 0b0000000002: /p/migrations/b1.yaml has it too";
    QTest::newRow("missing down_revision") << Migrations{migration(A, {}, 0), migration(C, {QStringLiteral("0b0000000009")}, 1), migration(B, {A}, 2)}
                                           << int(RevisionGraphError::Kind::MissingDownRevision)
                                           << QStringList{C, QStringLiteral("0b0000000009")}
                                           << "0c0000000003: down_revision 0b0000000009 names no migration file (did you mean 0b0000000002?)";
    QTest::newRow("cycle") << Migrations{migration(A, {}, 0), migration(B, {A, D}, 1), migration(C, {B}, 2), migration(D, {C}, 3)}
                           << int(RevisionGraphError::Kind::Cycle) << QStringList{B, D, C}
                           << "0b0000000002: cycle in the revision graph: 0b0000000002 -> 0d0000000004 -> 0c0000000003 -> 0b0000000002";
    QTest::newRow("self-contained cycle without base") << Migrations{migration(A, {B}, 0), migration(B, {A}, 1)}
                                                       << int(RevisionGraphError::Kind::Cycle) << QStringList{A, B}
                                                       << "0a0000000001: cycle in the revision graph: 0a0000000001 -> 0b0000000002 -> 0a0000000001";
}

void tst_RevisionGraph::buildErrors()
{
    QFETCH(Migrations, migrations);
    QFETCH(int, kind);
    QFETCH(QStringList, revisions);
    QFETCH(QString, message);
    const std::expected<RevisionGraph, RevisionGraphErrors> graph = RevisionGraph::build(migrations);
    QVERIFY(!graph);
    QCOMPARE(graph.error().size(), 1);
    const RevisionGraphError &e = graph.error().constFirst();
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(e.revisions, revisions);
    QVERIFY2(e.error.toString().startsWith(message), qPrintable(e.error.toString()));
}

void tst_RevisionGraph::loadFolder()
{
    testing::MigrationFolder folder;
    QVERIFY(folder.isValid());
    for (const Migration &m : merged())
        folder.write(m);
    folder.writeRaw(QStringLiteral("README.md"), "not yaml at all: [");
    folder.writeRaw(QStringLiteral(".hidden.yaml"), "junk: [");

    const std::expected<RevisionGraph, RevisionGraphErrors> graph =
        RevisionGraphLoader::load(folder.path(), QStringLiteral("migrations"));
    if (!graph)
        QFAIL(qPrintable(joinErrors(toErrors(graph.error()))));
    QCOMPARE(graph->size(), 6);
    QCOMPARE(graph->heads(), QStringList{M});
    QCOMPARE(graph->displayPath(M), QStringLiteral("migrations/0f0000000006_merge_heads.yaml"));
    QVERIFY(graph->revision(M)->filePath.endsWith(QStringLiteral("/0f0000000006_merge_heads.yaml")));
    QCOMPARE(graph->revision(M)->checksum.size(), 64);

    // A folder that does not exist yet is an empty graph.
    const auto empty = RevisionGraphLoader::load(folder.path() + QStringLiteral("/nope"));
    QVERIFY(empty.has_value());
    QVERIFY(empty->isEmpty());
}

void tst_RevisionGraph::loadFolderErrors()
{
    testing::MigrationFolder folder;
    QVERIFY(folder.isValid());
    folder.write(migration(A, {}, 0), QStringLiteral("a.yaml"));
    folder.write(migration(B, {A}, 1), QStringLiteral("b.yaml"));
    folder.write(migration(B, {A}, 2), QStringLiteral("b_copy.yml"));
    folder.write(migration(C, {QStringLiteral("0b000000000f")}, 3), QStringLiteral("c.yaml"));
    // A broken migration, and one whose parent is that broken file: only the
    // broken file is reported, not the parent it fails to provide.
    folder.writeRaw(QStringLiteral("d.yaml"), "revision: 0d0000000004\ndown_revision: 0b0000000002\nupgrade:\n  - drop_tabel: {name: x}\n");
    folder.write(migration(E, {D}, 4), QStringLiteral("e.yaml"));
    folder.writeRaw(QStringLiteral("schema.yaml"), "tables: []\n");

    const std::expected<RevisionGraph, RevisionGraphErrors> graph = RevisionGraphLoader::load(folder.path(), QStringLiteral("migrations"));
    QVERIFY(!graph);
    QList<int> kinds;
    QStringList lines;
    for (const RevisionGraphError &e : graph.error()) {
        kinds << int(e.kind);
        lines << e.error.toString();
    }
    const QList<int> expectedKinds{int(RevisionGraphError::Kind::InvalidMigration), int(RevisionGraphError::Kind::NotAMigration),
                                   int(RevisionGraphError::Kind::DuplicateRevision),
                                   int(RevisionGraphError::Kind::MissingDownRevision)};
    QCOMPARE(kinds, expectedKinds);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("migrations/d.yaml:4:5: unknown operation 'drop_tabel' (did you mean 'drop_table'?")),
             qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1), QStringLiteral("migrations/schema.yaml: not a migration file (it has no 'revision' key); "
                                         "move it out of the migrations folder"));
    QCOMPARE(lines.at(2), QStringLiteral("migrations/b_copy.yml:1:11: duplicate revision 0b0000000002: migrations/b.yaml "
                                         "has it too; give one of them a new id"));
    QCOMPARE(graph.error().at(2).files, (QStringList{"migrations/b.yaml", "migrations/b_copy.yml"}));
    QCOMPARE(lines.at(3), QStringLiteral("migrations/c.yaml:2:16: down_revision 0b000000000f names no migration file "
                                         "(did you mean 0b0000000002?)"));
    QCOMPARE(graph.error().at(3).files, QStringList{"migrations/c.yaml"});
}

void tst_RevisionGraph::resolve_data()
{
    QTest::addColumn<Migrations>("migrations");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error"); // the start of the error; empty when it resolves

    QTest::newRow("head") << merged() << "head" << QStringList() << QStringList{M} << QString();
    QTest::newRow("head with two heads") << branched() << "head" << QStringList() << QStringList()
        << "the revision graph has 2 heads: 0c0000000003 (revision 0c0000000003), 0e0000000005 (revision 0e0000000005); "
           "name one of them, upgrade to 'heads' to apply every branch, or join them with 'merge'";
    QTest::newRow("heads") << branched() << "heads" << QStringList() << QStringList{C, E} << QString();
    QTest::newRow("head of an empty graph") << Migrations() << "head" << QStringList() << QStringList() << QString();
    QTest::newRow("base") << merged() << "base" << QStringList{M} << QStringList() << QString();
    QTest::newRow("full id") << merged() << D << QStringList() << QStringList{D} << QString();
    QTest::newRow("unique prefix") << merged() << "0d" << QStringList() << QStringList{D} << QString();
    QTest::newRow("ambiguous prefix") << merged() << "0" << QStringList() << QStringList()
        << "revision prefix '0' is ambiguous: it matches 0a0000000001 (revision 0a0000000001), 0b0000000002";
    QTest::newRow("unknown id with a suggestion") << merged() << "0d0000000009" << QStringList() << QStringList()
        << "unknown revision '0d0000000009' (did you mean 0d0000000004 (revision 0d0000000004)?";
    QTest::newRow("misspelt keyword") << merged() << "haed" << QStringList() << QStringList()
        << "unknown revision 'haed' (did you mean head?";
    QTest::newRow("nothing like it") << merged() << "zzzzzzzz" << QStringList() << QStringList()
        << "unknown revision 'zzzzzzzz' (targets: head, heads, base, +N, -N";
    QTest::newRow("+1 from base") << merged() << "+1" << QStringList() << QStringList{A} << QString();
    QTest::newRow("+2 from base") << merged() << "+2" << QStringList() << QStringList{B} << QString();
    QTest::newRow("+2 from A runs into the fork") << merged() << "+2" << QStringList{A} << QStringList()
        << "+2 is ambiguous: the graph forks here into 0c0000000003";
    QTest::newRow("+1 at a fork") << merged() << "+1" << QStringList{B} << QStringList()
        << "+1 is ambiguous: the graph forks here into 0c0000000003 (revision 0c0000000003), 0d0000000004";
    QTest::newRow("+1 from C reaches the merge") << merged() << "+1" << QStringList{C} << QStringList{M} << QString();
    QTest::newRow("+1 from both branches") << merged() << "+1" << QStringList{C, E} << QStringList{M} << QString();
    QTest::newRow("+1 past the head") << merged() << "+1" << QStringList{M} << QStringList()
        << "+1 goes beyond the last revision: only 0 steps up from here";
    QTest::newRow("-1") << merged() << "-1" << QStringList{C} << QStringList{B} << QString();
    QTest::newRow("-1 from a merge gives its parents back") << merged() << "-1" << QStringList{M} << QStringList{C, E} << QString();
    QTest::newRow("-2 past a merge is ambiguous") << merged() << "-2" << QStringList{M} << QStringList()
        << "-2 is ambiguous: 2 heads are applied";
    QTest::newRow("-3 to base") << merged() << "-3" << QStringList{C} << QStringList() << QString();
    QTest::newRow("-4 below base") << merged() << "-4" << QStringList{C} << QStringList()
        << "-4 goes below base: only 3 revisions can be rolled back from here";
    QTest::newRow("redundant current rows") << merged() << "-1" << QStringList{A, C} << QStringList{B} << QString();
    QTest::newRow("+0") << merged() << "+0" << QStringList() << QStringList() << "'+0' moves nowhere";
}

void tst_RevisionGraph::resolve()
{
    QFETCH(Migrations, migrations);
    QFETCH(QString, target);
    QFETCH(QStringList, current);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);
    const RevisionGraph graph = graphOf(migrations);
    const RevisionPlanner planner(graph);
    const Result<QStringList> resolved = planner.resolve(target, current);
    if (error.isEmpty()) {
        SD_VERIFY_RESULT(resolved);
        QCOMPARE(*resolved, expected);
    } else {
        QVERIFY(!resolved);
        QVERIFY2(resolved.error().toString().startsWith(error), qPrintable(resolved.error().toString()));
        QCOMPARE(resolved.error().code, Error::Code::Usage);
    }
}

void tst_RevisionGraph::upgrade_data()
{
    QTest::addColumn<Migrations>("migrations");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<Steps>("steps");
    QTest::addColumn<QString>("error");

    QTest::newRow("base to head through a merge") << merged() << QStringList() << "head"
        << Steps{{A, A}, {B, B}, {C, C}, {D, C, D}, {E, C, E}, {M, M}} << QString();
    QTest::newRow("heads applies every branch") << branched() << QStringList() << "heads"
        << Steps{{A, A}, {B, B}, {C, C}, {D, C, D}, {E, C, E}} << QString();
    QTest::newRow("one branch by prefix") << branched() << QStringList() << "0c"
        << Steps{{A, A}, {B, B}, {C, C}} << QString();
    QTest::newRow("other branch keeps the applied one") << branched() << QStringList{C} << E
        << Steps{{D, C, D}, {E, C, E}} << QString();
    QTest::newRow("merge applies the missing parent first") << merged() << QStringList{C} << "+1"
        << Steps{{D, C, D}, {E, C, E}, {M, M}} << QString();
    QTest::newRow("already applied: nothing to do") << merged() << QStringList{M} << B << Steps() << QString();
    QTest::newRow("head with several heads refuses") << branched() << QStringList{C} << "head" << Steps()
        << "the revision graph has 2 heads";
    QTest::newRow("-1 is a downgrade") << merged() << QStringList{M} << "-1" << Steps() << "-1 goes down: use downgrade -1";
}

void tst_RevisionGraph::upgrade()
{
    QFETCH(Migrations, migrations);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(Steps, steps);
    QFETCH(QString, error);
    const RevisionGraph graph = graphOf(migrations);
    const Result<RevisionPath> path = RevisionPlanner(graph).upgrade(target, current);
    if (!error.isEmpty()) {
        QVERIFY(!path);
        QVERIFY2(path.error().toString().startsWith(error), qPrintable(path.error().toString()));
        return;
    }
    SD_VERIFY_RESULT(path);
    QCOMPARE(stepsOf(*path), steps);
    QCOMPARE(path->headsBefore, current);
    QCOMPARE(path->headsAfter, steps.isEmpty() ? current : steps.constLast().mid(1));
}

void tst_RevisionGraph::downgrade_data()
{
    QTest::addColumn<Migrations>("migrations");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<Steps>("steps");
    QTest::addColumn<QString>("error");

    QTest::newRow("-1 from a merge") << merged() << QStringList{M} << "-1" << Steps{{M, C, E}} << QString();
    QTest::newRow("to B: both branches go, children first") << merged() << QStringList{M} << B
        << Steps{{M, C, E}, {E, C, D}, {D, C}, {C, B}} << QString();
    QTest::newRow("to C also rolls back the other branch") << merged() << QStringList{M} << C
        << Steps{{M, C, E}, {E, C, D}, {D, C}} << QString();
    QTest::newRow("one of two applied heads") << branched() << QStringList{C, E} << E
        << Steps{{C, E}} << QString();
    QTest::newRow("base") << branched() << QStringList{C, E} << "base"
        << Steps{{E, C, D}, {D, C}, {C, B}, {B, A}, {A}} << QString();
    QTest::newRow("target not applied") << branched() << QStringList{C} << D << Steps()
        << "revision 0d0000000004 (revision 0d0000000004) is not applied (the database is at 0c0000000003";
    QTest::newRow("head is an upgrade target") << merged() << QStringList{M} << "head" << Steps()
        << "'head' is an upgrade target; downgrade takes base, -N or a revision";
    QTest::newRow("+1 is an upgrade target") << merged() << QStringList{C} << "+1" << Steps() << "'+1' is an upgrade target";
    QTest::newRow("at base already") << merged() << QStringList() << "base" << Steps() << QString();
}

void tst_RevisionGraph::downgrade()
{
    QFETCH(Migrations, migrations);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(Steps, steps);
    QFETCH(QString, error);
    const RevisionGraph graph = graphOf(migrations);
    const Result<RevisionPath> path = RevisionPlanner(graph).downgrade(target, current);
    if (!error.isEmpty()) {
        QVERIFY(!path);
        QVERIFY2(path.error().toString().startsWith(error), qPrintable(path.error().toString()));
        QCOMPARE(path.error().code, Error::Code::Usage);
        return;
    }
    SD_VERIFY_RESULT(path);
    QCOMPARE(stepsOf(*path), steps);
    QCOMPARE(path->headsAfter, steps.isEmpty() ? current : steps.constLast().mid(1));
}

void tst_RevisionGraph::stepsKeepVersionTable()
{
    // Each step starts where the previous one ended, and an upgrade followed
    // by the downgrade back restores the rows exactly.
    const RevisionGraph graph = graphOf(merged());
    const RevisionPlanner planner(graph);
    const Result<RevisionPath> up = planner.upgrade(QStringLiteral("head"), {B});
    SD_VERIFY_RESULT(up);
    QStringList rows = up->headsBefore;
    for (const RevisionStep &step : up->steps) {
        QCOMPARE(step.headsBefore, rows);
        rows = step.headsAfter;
    }
    QCOMPARE(rows, QStringList{M});
    const Result<RevisionPath> down = planner.downgrade(B, up->headsAfter);
    SD_VERIFY_RESULT(down);
    QStringList upOrder = up->revisions();
    std::reverse(upOrder.begin(), upOrder.end());
    QCOMPARE(down->revisions(), upOrder);
    QCOMPARE(down->headsAfter, QStringList{B});
}

void tst_RevisionGraph::unknownCurrent()
{
    const RevisionGraph graph = graphOf(merged());
    const Result<RevisionPath> path = RevisionPlanner(graph).upgrade(QStringLiteral("head"), {QStringLiteral("ffffffffffff")});
    QVERIFY(!path);
    QCOMPARE(path.error().code, Error::Code::InvalidInput);
    QVERIFY2(path.error().message.startsWith(QStringLiteral("the database is at revision ffffffffffff, which no migration file has")),
             qPrintable(path.error().message));
}

void tst_RevisionGraph::pending()
{
    const RevisionGraph graph = graphOf(merged());
    const RevisionPlanner planner(graph);
    QCOMPARE(*planner.pending({C}), (QStringList{D, E, M}));
    QCOMPARE(*planner.pending({}), (QStringList{A, B, C, D, E, M}));
    QVERIFY(planner.pending({M})->isEmpty());
}

void tst_RevisionGraph::history()
{
    const QList<HistoryRow> rows = HistoryLayout::rows(graphOf(merged()));
    QStringList order;
    for (const HistoryRow &row : rows)
        order << row.revision;
    QCOMPARE(order, (QStringList{M, E, D, C, B, A})); // newest first

    const auto row = [](const QString &revision, int lane, QList<int> joining, QList<int> parents, QList<int> passing,
                        int width, bool head, bool base, bool merge, bool branch) {
        return HistoryRow{revision, lane, joining, parents, passing, width, head, base, merge, branch};
    };
    QCOMPARE(rows.at(0), row(M, 0, {}, {0, 1}, {}, 2, true, false, true, false));  // the merge forks into two lanes
    QCOMPARE(rows.at(1), row(E, 1, {}, {1}, {0}, 2, false, false, false, false));
    QCOMPARE(rows.at(2), row(D, 1, {}, {1}, {0}, 2, false, false, false, false));
    QCOMPARE(rows.at(3), row(C, 0, {}, {0}, {1}, 2, false, false, false, false));
    QCOMPARE(rows.at(4), row(B, 0, {1}, {0}, {}, 2, false, false, false, true));   // lane 1 joins at the branch point
    QCOMPARE(rows.at(5), row(A, 0, {}, {}, {}, 1, false, true, false, false));
}

void tst_RevisionGraph::historyLinear()
{
    // Two unmerged heads: each gets its own lane from the top.
    const QList<HistoryRow> rows = HistoryLayout::rows(graphOf(branched()));
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.at(0).revision, E);
    QCOMPARE(rows.at(0).lane, 0);
    QVERIFY(rows.at(0).isHead);
    QCOMPARE(rows.at(2).revision, C);
    QCOMPARE(rows.at(2).lane, 1);
    QVERIFY(rows.at(2).isHead);
    QCOMPARE(rows.at(2).passingLanes, QList<int>{0});
    QCOMPARE(rows.at(3).revision, B);
    QCOMPARE(rows.at(3).lane, 0);
    QCOMPARE(rows.at(3).joiningLanes, QList<int>{1});
    QCOMPARE(rows.at(4).width, 1);
}

QTEST_GUILESS_MAIN(tst_RevisionGraph)
#include "tst_revisiongraph.moc"
