// schemadesk-cli current / heads / history / pending: the revision graph and
// where the database is in it.

#include "CommandContext.h"
#include "ExitCode.h"
#include "RevisionFormat.h"
#include "VerbParser.h"
#include "revision/HistoryLayout.h"
#include "revision/RevisionPlanner.h"
#include "runtime/HistoryTable.h"
#include "runtime/MigrationScript.h"
#include "runtime/Migrator.h"
#include "runtime/VersionTable.h"
#include "workflow/ChecksumAudit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace sd::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionCommands)
};

void printJson(CommandContext &context, const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    context.console().out(QString::fromUtf8(doc.toJson()));
}

// What the database says: its version rows and the revisions whose files
// changed since they were applied.
struct DatabaseState
{
    QStringList current;
    QSet<QString> changed;
    QList<ChangedMigration> changes;
};

std::optional<DatabaseState> readState(CommandContext &context, const Connection &connection, const RevisionGraph &graph)
{
    const Project *project = context.project();
    auto current = VersionTable::currentRevisions(connection, project->postgresSchema);
    if (!current) {
        context.fail(current.error());
        return std::nullopt;
    }
    auto history = HistoryTable::read(connection, project->postgresSchema);
    if (!history) {
        context.fail(history.error());
        return std::nullopt;
    }
    DatabaseState state{*current, {}, ChecksumAudit::changed(graph, *current, *history)};
    for (const ChangedMigration &c : state.changes)
        state.changed.insert(c.revision);
    return state;
}

RevisionMarks marksFor(const RevisionGraph &graph, const Migration &m, const DatabaseState *state)
{
    RevisionMarks marks;
    marks.head = graph.children(m.revision).isEmpty();
    marks.merge = m.isMerge();
    if (state) {
        marks.current = state->current.contains(m.revision);
        marks.changed = state->changed.contains(m.revision);
    }
    return marks;
}

} // namespace

int runCurrent(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("current"), Tr::tr("Show the revision(s) the database is at."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print as JSON."));
    parser.addOption(json);
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    auto connection = context.connect();
    if (!connection)
        return context.exitCode();
    auto state = readState(context, *connection, *graph);
    if (!state)
        return context.exitCode();

    QJsonArray array;
    QString out;
    for (const QString &id : state->current) {
        const Migration *m = graph->revision(id);
        if (!m) {
            out += id + QStringLiteral("  ") + Tr::tr("(unknown: no file in the migrations folder has this revision)") + QLatin1Char('\n');
            array.append(QJsonObject{{QStringLiteral("revision"), id}, {QStringLiteral("unknown"), true}});
            continue;
        }
        const RevisionMarks marks = marksFor(*graph, *m, &*state);
        out += RevisionFormat::line(*m, marks, context.console().colour()) + QLatin1Char('\n');
        array.append(RevisionFormat::json(*m, marks, graph->displayPath(id)));
    }
    if (parser.isSet(json)) {
        printJson(context, array);
        return Success;
    }
    context.console().out(state->current.isEmpty() ? Tr::tr("base (no revision applied)") + QLatin1Char('\n') : out);
    return Success;
}

int runHeads(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("heads"), Tr::tr("Show the heads of the revision graph (revisions nothing builds on).\n"
                                                      "Several heads are joined with 'merge'."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print as JSON."));
    parser.addOption(json);
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    QJsonArray array;
    QString out;
    for (const QString &id : graph->heads()) {
        const Migration *m = graph->revision(id);
        const RevisionMarks marks = marksFor(*graph, *m, nullptr);
        out += RevisionFormat::line(*m, marks, context.console().colour()) + QLatin1Char('\n');
        array.append(RevisionFormat::json(*m, marks, graph->displayPath(id)));
    }
    if (parser.isSet(json)) {
        printJson(context, array);
        return Success;
    }
    if (graph->isEmpty())
        out = Tr::tr("no revisions yet") + QLatin1Char('\n');
    else if (graph->heads().size() > 1)
        out += Tr::tr("%n heads: join them with '%1 merge -m MESSAGE'", nullptr, int(graph->heads().size())).arg(QCoreApplication::applicationName())
               + QLatin1Char('\n');
    context.console().out(out);
    return Success;
}

int runHistory(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("history"),
                      Tr::tr("Show the revision graph, newest first, branches and merges drawn, the\n"
                             "database's current revision marked '@'. Without a reachable database\n"
                             "use --no-db."));
    const QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")}, Tr::tr("Also show files, parents and operations."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print as JSON."));
    const QCommandLineOption noDb(QStringLiteral("no-db"), Tr::tr("Do not connect: no current revision marked."));
    parser.addOptions({verbose, json, noDb});
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    std::optional<DatabaseState> state;
    if (!parser.isSet(noDb)) {
        auto connection = context.connect();
        if (!connection)
            return context.exitCode();
        state = readState(context, *connection, *graph);
        if (!state)
            return context.exitCode();
    }
    const DatabaseState *known = state ? &*state : nullptr;
    const QList<HistoryRow> rows = HistoryLayout::rows(*graph);

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const HistoryRow &row : rows) {
            const Migration *m = graph->revision(row.revision);
            QJsonObject o = RevisionFormat::json(*m, marksFor(*graph, *m, known), graph->displayPath(row.revision));
            o.insert(QStringLiteral("lane"), row.lane);
            array.append(o);
        }
        printJson(context, array);
        return Success;
    }
    if (rows.isEmpty()) {
        context.console().out(Tr::tr("no revisions yet") + QLatin1Char('\n'));
        return Success;
    }
    // Lanes as columns: '*' a revision ('@' the current one), '|' a line
    // passing, '/' a branch joining its parent, '\' a merge's second parent.
    auto lanes = [](int width, const QHash<int, QChar> &marks) -> QString {
        QString text;
        for (int lane = 0; lane < width; ++lane)
            text += marks.value(lane, QLatin1Char(' ')) + QStringLiteral(" ");
        return text;
    };
    int previousWidth = 0;
    QString out;
    for (const HistoryRow &row : rows) {
        const Migration *m = graph->revision(row.revision);
        const RevisionMarks marks = marksFor(*graph, *m, known);
        const int width = std::max({row.width, previousWidth, 1});
        if (!row.joiningLanes.isEmpty()) {
            QHash<int, QChar> join;
            for (int lane : row.passingLanes)
                join.insert(lane, QLatin1Char('|'));
            join.insert(row.lane, QLatin1Char('|'));
            for (int lane : row.joiningLanes)
                join.insert(lane, QLatin1Char('/'));
            out += lanes(width, join).trimmed() + QLatin1Char('\n');
        }
        QHash<int, QChar> node;
        for (int lane : row.passingLanes)
            node.insert(lane, QLatin1Char('|'));
        node.insert(row.lane, marks.current ? QLatin1Char('@') : QLatin1Char('*'));
        out += lanes(width, node) + RevisionFormat::line(*m, marks, context.console().colour()) + QLatin1Char('\n');
        if (parser.isSet(verbose)) {
            QHash<int, QChar> through;
            for (int lane : row.passingLanes)
                through.insert(lane, QLatin1Char('|'));
            if (!row.isBase)
                through.insert(row.lane, QLatin1Char('|'));
            const QString indent = lanes(width, through);
            out += indent + QStringLiteral("    ") + Tr::tr("file: %1").arg(graph->displayPath(row.revision)) + QLatin1Char('\n');
            out += indent + QStringLiteral("    ") + Tr::tr("parents: %1").arg(m->downRevisions.isEmpty() ? QStringLiteral("base")
                                                                                                 : m->downRevisions.join(QStringLiteral(", ")))
                   + QLatin1Char('\n');
            for (const Operation &op : m->upgrade)
                out += indent + QStringLiteral("    - ") + op.description() + QLatin1Char('\n');
        }
        if (row.parentLanes.size() > 1) {
            QHash<int, QChar> fork;
            for (int lane : row.passingLanes)
                fork.insert(lane, QLatin1Char('|'));
            fork.insert(row.lane, QLatin1Char('|'));
            for (int lane : row.parentLanes.mid(1))
                fork.insert(lane, QLatin1Char('\\'));
            out += lanes(std::max(width, int(*std::max_element(row.parentLanes.cbegin(), row.parentLanes.cend())) + 1), fork).trimmed()
                   + QLatin1Char('\n');
        }
        previousWidth = row.width;
    }
    if (known) {
        for (const ChangedMigration &c : known->changes)
            out += Tr::tr("warning: %1").arg(c.description()) + QLatin1Char('\n');
    }
    context.console().out(out);
    return Success;
}

int runPending(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("pending"),
                      Tr::tr("List the revisions not applied to the database, in the order 'upgrade heads'\n"
                             "would apply them. With -v, each revision's statements and their hazards."));
    const QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")}, Tr::tr("Show statements and hazards."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print as JSON."));
    parser.addOptions({verbose, json});
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    auto connection = context.connect();
    if (!connection)
        return context.exitCode();
    const Project *project = context.project();
    Migrator migrator(*project, *graph);
    auto plan = migrator.plan(*connection, Direction::Upgrade, QStringLiteral("heads"));
    if (!plan)
        return context.fail(plan.error());

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const PlannedRevision &r : plan->revisions) {
            QJsonObject o = RevisionFormat::json(r.migration, marksFor(*graph, r.migration, nullptr), graph->displayPath(r.migration.revision));
            QJsonArray statements;
            for (const Statement &s : r.statements) {
                statements.append(QJsonObject{{QStringLiteral("sql"), MigrationScript::inlineBindings(s)},
                                              {QStringLiteral("hazards"), QJsonArray::fromStringList(hazardDescriptions(s.hazards))},
                                              {QStringLiteral("table"), s.table},
                                              {QStringLiteral("estimated_rows"), s.estimatedRows}});
            }
            o.insert(QStringLiteral("statements"), statements);
            array.append(o);
        }
        printJson(context, array);
        return Success;
    }
    if (plan->isEmpty()) {
        context.console().out(Tr::tr("nothing pending: the database is at %1").arg(VersionTable::describe(plan->headsBefore))
                              + QLatin1Char('\n'));
        return Success;
    }
    QString out;
    for (const PlannedRevision &r : plan->revisions) {
        out += RevisionFormat::line(r.migration, marksFor(*graph, r.migration, nullptr), context.console().colour()) + QLatin1Char('\n');
        if (!parser.isSet(verbose))
            continue;
        for (const Statement &s : r.statements) {
            if (const QString comment = MigrationScript::hazardComment(s); !comment.isEmpty())
                out += QStringLiteral("    ") + comment + QLatin1Char('\n');
            out += QStringLiteral("    ") + MigrationScript::inlineBindings(s).simplified() + QLatin1Char('\n');
        }
    }
    out += Tr::tr("%n revision(s) pending", nullptr, int(plan->revisions.size())) + QLatin1Char('\n');
    context.console().out(out);
    return Success;
}

} // namespace sd::cli
