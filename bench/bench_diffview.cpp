// bench_diffview: how long the schema diff view takes to fill after
// introspection, for N tables (default 1,000) of which about one in ten
// differs from the configuration, on the offscreen platform:
//
//   diff   SchemaDiff::compare of the configuration and the database
//   model  SchemaDiffModel::setComparison alone (the reset)
//   view   DiffView::setComparison: model reset, filter, expanding the
//          changed tables, sizing the details column, then the layout and
//          first paint of the 1280x800 window
//   refresh the same over a filled view (Refresh)
//   fill   diff + view: from an introspected schema to a filled view
//
//   bench_diffview [--tables 1000] [--changed 100] [--repeat 5]
//
// Each figure is the median of --repeat runs (the best in brackets).

#include "SchemaGenerator.h"
#include "diff/DiffView.h"
#include "diff/SchemaDiff.h"
#include "diff/SchemaDiffModel.h"
#include "dialect/Dialect.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace sd;

namespace {

struct Figure
{
    double median = 0;
    double best = 0;
};

// `setup` runs before each timed run of `work`, untimed.
Figure measure(int repeat, const std::function<void()> &work, const std::function<void()> &setup = {})
{
    QList<double> times;
    for (int i = 0; i < repeat; ++i) {
        if (setup)
            setup();
        QElapsedTimer timer;
        timer.start();
        work();
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return {times.at(times.size() / 2), times.first()};
}

// The database as PostgreSQL holds the configuration, with `changed`
// tables drifted four ways in turn: a column missing, an extra column, a
// nullability flipped, an index missing.
Schema drifted(const Schema &configured, int changed)
{
    Schema live = Dialect::get(DialectKind::PostgreSQL).lowered(configured);
    const qsizetype step = qMax<qsizetype>(1, live.tables.size() / qMax(1, changed));
    int kind = 0;
    for (qsizetype i = 0; i < live.tables.size() && kind < changed; i += step, ++kind) {
        Table &t = live.tables[i];
        switch (kind % 4) {
        case 0:
            if (t.columns.size() > 2 && !t.primaryKey.columns.contains(t.columns.last().name))
                t.columns.removeLast();
            break;
        case 1: {
            Column extra;
            extra.name = QStringLiteral("legacy_%1").arg(kind);
            extra.type = ColumnType::of(ColumnType::Kind::Text);
            t.columns << extra;
            break;
        }
        case 2:
            for (Column &c : t.columns) {
                if (!t.primaryKey.columns.contains(c.name)) {
                    c.nullable = !c.nullable;
                    break;
                }
            }
            break;
        case 3:
            if (!t.indexes.isEmpty())
                t.indexes.removeFirst();
            else
                t.comment = QStringLiteral("drifted");
            break;
        }
    }
    return live;
}

void print(const char *what, const Figure &f)
{
    std::printf("  %-7s %8.1f ms  (best %.1f ms)\n", what, f.median, f.best);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("How long the schema diff view takes to fill."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("tables"), QStringLiteral("Tables in the schema."), QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("changed"), QStringLiteral("Tables that differ."), QStringLiteral("N"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Runs per figure."), QStringLiteral("N"), QStringLiteral("5")});
    parser.process(app);
    const int tables = qMax(1, parser.value(QStringLiteral("tables")).toInt());
    const int changed = qBound(0, parser.value(QStringLiteral("changed")).toInt(), tables);
    const int repeat = qMax(1, parser.value(QStringLiteral("repeat")).toInt());

    const Schema configured = testing::generateSchema(tables);
    const Schema live = drifted(configured, changed);
    const Dialect &pg = Dialect::get(DialectKind::PostgreSQL);

    Differences differences;
    const Figure diff = measure(repeat, [&] { differences = SchemaDiff::compare(configured, live, pg); });

    app::SchemaDiffModel model;
    const Figure reset = measure(repeat, [&] { model.setComparison(configured, live, differences); });

    app::DiffView view;
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();
    // From an empty view, as after opening a project, and again over a
    // filled one, as after Refresh.
    const auto fillView = [&] {
        view.setComparison(configured, live, differences, DialectKind::PostgreSQL);
        view.treeView()->doItemsLayout();
        view.repaint();
        QCoreApplication::processEvents();
    };
    const Figure fromEmpty = measure(repeat, fillView, [&] {
        view.clear();
        QCoreApplication::processEvents();
    });
    const Figure refresh = measure(repeat, fillView);

    int changedTables = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        changedTables += model.index(row, 0).data(app::SchemaDiffModel::StatusRole).toInt() != int(app::DiffStatus::Unchanged);

    std::printf("bench_diffview: %d tables, %d of them differing, %lld differences, offscreen, %s build\n", tables,
                changedTables, static_cast<long long>(differences.size()),
#ifdef NDEBUG
                "release"
#else
                "debug"
#endif
    );
    print("diff", diff);
    print("model", reset);
    print("view", fromEmpty);
    print("refresh", refresh);
    const Figure total{diff.median + fromEmpty.median, diff.best + fromEmpty.best};
    print("fill", total);
    std::printf("fill: %.0f ms for %d tables (diff + view; target: under 300 ms)\n", total.median, tables);
    return 0;
}
