// schemadesk-cli status: connection, dialect, current revision, drift,
// unmanaged objects.

#include "CommandContext.h"
#include "ExitCode.h"
#include "VerbParser.h"
#include "diff/DiffRenderer.h"
#include "revision/RevisionPlanner.h"
#include "runtime/HistoryTable.h"
#include "runtime/StartupPolicy.h"
#include "runtime/VersionTable.h"
#include "workflow/ChecksumAudit.h"
#include "workflow/ProjectComparison.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sd::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)
};

} // namespace

int runStatus(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("status"),
                      Tr::tr("Show the connection, the dialect, the revision the database is at, the heads\n"
                             "and pending revisions, applied files changed since, how far the database drifts\n"
                             "from the schema configuration, and the objects SchemaDesk leaves alone."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print the status as JSON."));
    parser.addOption(json);
    if (auto code = parser.parse(arguments, context.console()))
        return *code;

    auto connection = context.connect();
    if (!connection)
        return context.exitCode();
    const Project *project = context.project(); // loaded by connect()
    auto revisions = VersionTable::currentRevisions(*connection, project->postgresSchema);
    if (!revisions)
        return context.fail(revisions.error());
    auto comparison = ProjectComparison::run(*project, *connection);
    if (!comparison)
        return context.fail(comparison.error());
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    auto history = HistoryTable::read(*connection, project->postgresSchema);
    if (!history)
        return context.fail(history.error());
    auto pending = RevisionPlanner(*graph).pending(*revisions);
    if (!pending)
        return context.fail(pending.error());
    const QList<ChangedMigration> changed = ChecksumAudit::changed(*graph, *revisions, *history);
    const StartupDecision policy = StartupPolicy::decide(
        connection->url(), !connection->fileMissing(), project->autoUpgrade, int(pending->size()),
        !project->protectedEnvironment(connection->url(), context.options().envName).isEmpty());

    const Differences &diffs = comparison->differences;
    const int destructive = int(std::count_if(diffs.cbegin(), diffs.cend(), [](const Difference &d) { return d.destructive; }));
    const QString dialect = dialectKey(connection->dialect());

    if (parser.isSet(json)) {
        QJsonArray unmanaged;
        for (const UnmanagedObject &o : comparison->live.unmanaged) {
            QJsonObject item{{QStringLiteral("kind"), o.kind}, {QStringLiteral("name"), o.name}};
            if (!o.table.isEmpty())
                item.insert(QStringLiteral("table"), o.table);
            unmanaged.append(item);
        }
        const QJsonObject status{
            {QStringLiteral("project"), project->directory},
            {QStringLiteral("database"), connection->url().display()},
            {QStringLiteral("database_exists"), !connection->fileMissing()},
            {QStringLiteral("dialect"), dialect},
            {QStringLiteral("server_version"), connection->serverVersion()},
            {QStringLiteral("current"), QJsonArray::fromStringList(*revisions)},
            {QStringLiteral("heads"), QJsonArray::fromStringList(graph->heads())},
            {QStringLiteral("pending"), QJsonArray::fromStringList(*pending)},
            {QStringLiteral("changed_migrations"), ChecksumAudit::json(changed)},
            {QStringLiteral("on_open"), policy.description()},
            {QStringLiteral("drift"), DiffRenderer::json(diffs)},
            {QStringLiteral("unmanaged"), unmanaged},
        };
        context.console().out(QString::fromUtf8(QJsonDocument(status).toJson()));
        return Success;
    }

    QString database = connection->url().display();
    if (connection->fileMissing())
        database += QLatin1Char(' ') + Tr::tr("(the file does not exist yet)");
    QString drift = diffs.isEmpty() ? Tr::tr("none: the database matches the schema configuration")
                                    : Tr::tr("%n difference(s)", nullptr, int(diffs.size()));
    if (destructive > 0)
        drift += QStringLiteral(", ") + Tr::tr("%n can lose data", nullptr, destructive);
    if (!diffs.isEmpty())
        drift += QStringLiteral(" (") + Tr::tr("run '%1 diff' to see them").arg(QCoreApplication::applicationName()) + QLatin1Char(')');
    QStringList unmanaged;
    for (const UnmanagedObject &o : comparison->live.unmanaged)
        unmanaged << o.kind + QLatin1Char(' ') + o.name;

    const QList<std::pair<QString, QString>> rows{
        {Tr::tr("project"), project->directory},
        {Tr::tr("database"), database},
        {Tr::tr("dialect"), dialect + QStringLiteral(" (") + connection->serverVersion() + QLatin1Char(')')},
        {Tr::tr("current"), revisions->isEmpty() ? Tr::tr("base (no revision applied)") : revisions->join(QStringLiteral(", "))},
        {Tr::tr("heads"), graph->isEmpty() ? Tr::tr("none (no migrations yet)") : graph->heads().join(QStringLiteral(", "))},
        {Tr::tr("pending"), pending->isEmpty() ? Tr::tr("none") : Tr::tr("%n revision(s): %1", nullptr, int(pending->size())).arg(pending->join(QStringLiteral(", ")))},
        {Tr::tr("on open"), policy.description()},
        {Tr::tr("drift"), drift},
        {Tr::tr("unmanaged"), unmanaged.isEmpty() ? Tr::tr("none") : unmanaged.join(QStringLiteral(", "))},
    };
    QStringList changedLines;
    for (const ChangedMigration &c : changed)
        changedLines << c.description();
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    QString out;
    for (const auto &[label, value] : rows)
        out += label.leftJustified(width + 2) + value + QLatin1Char('\n');
    for (const QString &line : changedLines)
        out += Tr::tr("warning: %1").arg(line) + QLatin1Char('\n');
    context.console().out(out);
    return Success;
}

} // namespace sd::cli
