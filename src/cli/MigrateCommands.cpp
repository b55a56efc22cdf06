// schemadesk-cli upgrade / downgrade / reset / stamp (and `apply`, the same
// as upgrade): the migrator driven from the command line.

#include "CommandContext.h"
#include "ExitCode.h"
#include "VerbParser.h"
#include "runtime/MigrationScript.h"
#include "runtime/Migrator.h"
#include "runtime/VersionTable.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace sd::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MigrateCommands)
};

struct MigrateArguments
{
    Direction direction = Direction::Upgrade;
    QString target;
    bool sql = false;
    QStringList offlineFrom; // --from: plan without a database
    bool offline = false;
    bool noWait = false;
    bool confirmed = false;   // -y
    QString confirmName;      // --confirm NAME for a protected environment
};

// Options every migrating verb takes.
struct MigrateOptionSet
{
    QCommandLineOption sql{QStringLiteral("sql"), Tr::tr("Print the SQL script instead of running it.")};
    QCommandLineOption from{QStringLiteral("from"),
                            Tr::tr("With --sql: plan from these revisions (comma-separated, or 'base') without connecting."),
                            QStringLiteral("REVS")};
    QCommandLineOption noWait{QStringLiteral("no-wait"), Tr::tr("Fail at once (exit 3) when another migrator holds the lock.")};
    QCommandLineOption yes{{QStringLiteral("y"), QStringLiteral("yes")}, Tr::tr("Confirm: revisions are undone.")};
    QCommandLineOption confirm{QStringLiteral("confirm"), Tr::tr("A protected environment's database name, typed to confirm."),
                               QStringLiteral("NAME")};

    void addTo(VerbParser &parser, bool undoes)
    {
        parser.addOptions({sql, from, noWait});
        if (undoes)
            parser.addOptions({yes, confirm});
    }
};

int printScript(CommandContext &context, const Migrator &migrator, const MigrateArguments &args)
{
    const Project *project = context.project();
    Result<MigrationPlan> plan = std::unexpected(Error::usage({}));
    if (args.offline) {
        auto url = project->resolveDatabaseUrl(context.options().url, context.options().envName);
        if (!url)
            return context.fail(url.error());
        plan = migrator.planOffline(url->dialect, args.direction, args.target, args.offlineFrom);
    } else {
        auto connection = context.connect();
        if (!connection)
            return context.exitCode();
        plan = migrator.plan(*connection, args.direction, args.target);
    }
    if (!plan)
        return context.fail(plan.error());
    for (const QString &warning : std::as_const(plan->warnings))
        context.console().error(Tr::tr("warning: %1").arg(warning));
    context.console().out(MigrationScript::render(*plan));
    return Success;
}

int runMigration(CommandContext &context, const MigrateArguments &args, bool undoes)
{
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    const Project *project = context.project();
    Migrator migrator(*project, *graph);
    if (args.sql)
        return printScript(context, migrator, args);

    auto connection = context.connect(args.direction == Direction::Upgrade);
    if (!connection)
        return context.exitCode();

    std::optional<MigrationPlan> reviewed;
    if (undoes) {
        // Say what would be undone before refusing or running; what runs
        // is exactly what was said (the migrator checks under its lock).
        auto plan = migrator.plan(*connection, args.direction, args.target);
        if (!plan)
            return context.fail(plan.error());
        reviewed = *plan;
        if (plan->isEmpty()) {
            context.console().out(Tr::tr("nothing to undo: the database is at %1").arg(VersionTable::describe(plan->headsBefore)) + QLatin1Char('\n'));
            return Success;
        }
        QStringList undone;
        for (const PlannedRevision &r : plan->revisions)
            undone << r.migration.revision + QStringLiteral(" (") + r.migration.message + QLatin1Char(')');
        if (!args.confirmed)
            return context.fail(Error::usage(Tr::tr("downgrade to %1 would undo %2; add -y to confirm")
                                                 .arg(VersionTable::describe(plan->headsAfter), undone.join(QStringLiteral(", ")))));
        const QString protectedEnv = project->protectedEnvironment(connection->url(), context.options().envName);
        const QString name = connection->url().confirmationName();
        if (!protectedEnv.isEmpty() && args.confirmName != name)
            return context.fail(Error::usage(Tr::tr("environment '%1' is protected: add --confirm %2 to undo %3")
                                                 .arg(protectedEnv, name, undone.join(QStringLiteral(", ")))));
    }

    Console &console = context.console();
    MigrateOptions options;
    options.connectOptions = context.connectOptions();
    options.lock.wait = !args.noWait;
    options.lock.waiting = [&](const LockHolder &holder) {
        console.error(Tr::tr("waiting for the migration lock held by %1").arg(holder.description()));
    };
    options.planned = [&](const MigrationPlan &plan) {
        for (const PlannedRevision &r : plan.revisions) {
            if (r.hasAutocommitStatements())
                console.out(Tr::tr("note: revision %1 runs statements outside its transaction; they cannot be rolled back with it")
                                .arg(r.migration.revision)
                            + QLatin1Char('\n'));
        }
    };
    options.revisionStarted = [&](int, const PlannedRevision &r) {
        console.out((args.direction == Direction::Upgrade ? Tr::tr("upgrading %1  %2 ... ") : Tr::tr("downgrading %1  %2 ... "))
                        .arg(r.migration.revision, r.migration.message));
    };
    options.revisionFinished = [&](int, const PlannedRevision &, qint64 ms) { console.out(Tr::tr("done (%1 ms)").arg(ms) + QLatin1Char('\n')); };

    auto report = migrator.migrate(*connection, args.direction, args.target, options, reviewed ? &*reviewed : nullptr);
    if (!report) {
        console.out(Tr::tr("failed") + QLatin1Char('\n'));
        return context.fail(report.error());
    }
    if (report->plan.isEmpty())
        console.out(Tr::tr("nothing to do: the database is at %1").arg(VersionTable::describe(report->plan.headsBefore)) + QLatin1Char('\n'));
    else
        console.out(Tr::tr("the database is at %1 (%n revision(s), %2 ms)", nullptr, report->completed)
                        .arg(VersionTable::describe(report->headsAfter))
                        .arg(report->durationMs)
                    + QLatin1Char('\n'));
    return Success;
}

std::optional<int> parseMigrate(CommandContext &context, VerbParser &parser, MigrateOptionSet &set, const QStringList &arguments,
                                MigrateArguments &args, const QString &defaultTarget)
{
    if (auto code = parser.parse(arguments, context.console()))
        return code;
    const QStringList positionals = parser.positionals();
    if (positionals.size() > 1)
        return context.fail(Error::usage(Tr::tr("one target at most, found: %1").arg(positionals.join(QLatin1Char(' ')))));
    args.target = positionals.isEmpty() ? defaultTarget : positionals.first();
    if (args.target.isEmpty())
        return context.fail(Error::usage(Tr::tr("a target is needed (a revision, base, or -N)")));
    args.sql = parser.isSet(set.sql);
    args.noWait = parser.isSet(set.noWait);
    if (parser.isSet(set.from)) {
        if (!args.sql)
            return context.fail(Error::usage(Tr::tr("--from needs --sql")));
        args.offline = true;
        const QString from = parser.value(set.from);
        if (from != QLatin1String("base"))
            args.offlineFrom = from.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    if (parser.optionNames().contains(QStringLiteral("y"))) {
        args.confirmed = parser.isSet(set.yes);
        args.confirmName = parser.value(set.confirm);
    }
    return std::nullopt;
}

} // namespace

int runUpgrade(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("upgrade"),
                      Tr::tr("Apply migrations up to TARGET (default head): head, heads, +N, a revision\n"
                             "or a unique prefix of one. Each revision runs in its own transaction; a\n"
                             "failing one is rolled back completely and the run stops (exit 4)."));
    parser.addPositionalArgument(QStringLiteral("TARGET"), Tr::tr("Where to go (default: head)."), QStringLiteral("[TARGET]"));
    MigrateOptionSet set;
    set.addTo(parser, false);
    MigrateArguments args;
    if (auto code = parseMigrate(context, parser, set, arguments, args, QStringLiteral("head")))
        return *code;
    return runMigration(context, args, false);
}

int runDowngrade(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("downgrade"),
                      Tr::tr("Roll back to TARGET: -N (N revisions), base, or a revision. Refuses\n"
                             "without -y, saying what would be undone."));
    parser.addPositionalArgument(QStringLiteral("TARGET"), Tr::tr("Where to go back to."));
    MigrateOptionSet set;
    set.addTo(parser, true);
    MigrateArguments args;
    args.direction = Direction::Downgrade;
    if (auto code = parseMigrate(context, parser, set, arguments, args, QString()))
        return *code;
    return runMigration(context, args, true);
}

int runReset(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("reset"), Tr::tr("Downgrade to base, then upgrade to head. Refuses without -y."));
    MigrateOptionSet set;
    parser.addOptions({set.noWait, set.yes, set.confirm});
    parser.acceptPositionals(); // refused below, with a message of its own
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    if (!parser.positionals().isEmpty())
        return context.fail(Error::usage(Tr::tr("reset takes no target")));
    // The way back up must exist before anything is undone (several heads,
    // a migration that does not render: refuse now, not at base).
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    const Project *project = context.project();
    auto url = project->resolveDatabaseUrl(context.options().url, context.options().envName);
    if (!url)
        return context.fail(url.error());
    if (auto up = Migrator(*project, *graph).planOffline(url->dialect, Direction::Upgrade, QStringLiteral("head")); !up)
        return context.fail(up.error());
    MigrateArguments args;
    args.direction = Direction::Downgrade;
    args.target = QStringLiteral("base");
    args.noWait = parser.isSet(set.noWait);
    args.confirmed = parser.isSet(set.yes);
    args.confirmName = parser.value(set.confirm);
    if (int code = runMigration(context, args, true); code != Success)
        return code;
    args.direction = Direction::Upgrade;
    args.target = QStringLiteral("head");
    return runMigration(context, args, false);
}

int runStamp(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("stamp"),
                      Tr::tr("Set the version table to REV (a revision, heads, head or base) without\n"
                             "running any migration: for a database whose schema is already there."));
    parser.addPositionalArgument(QStringLiteral("REV"), Tr::tr("The revision the database is at."));
    const QCommandLineOption noWait(QStringLiteral("no-wait"), Tr::tr("Fail at once when another migrator holds the lock."));
    parser.addOption(noWait);
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    if (parser.positionals().size() != 1)
        return context.fail(Error::usage(Tr::tr("stamp needs exactly one revision")));
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    auto connection = context.connect(true);
    if (!connection)
        return context.exitCode();
    Migrator migrator(*context.project(), *graph);
    MigrateOptions options;
    options.connectOptions = context.connectOptions();
    options.lock.wait = !parser.isSet(noWait);
    auto rows = migrator.stamp(*connection, parser.positionals().first(), options);
    if (!rows)
        return context.fail(rows.error());
    context.console().out(Tr::tr("stamped: the database is at %1").arg(VersionTable::describe(*rows)) + QLatin1Char('\n'));
    return Success;
}

} // namespace sd::cli
