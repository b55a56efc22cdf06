// schemadesk-cli revision / generate / merge / check: writing new revisions,
// and checking whether autogenerate would write one.

#include "CommandContext.h"
#include "ExitCode.h"
#include "VerbParser.h"
#include "revision/RevisionPlanner.h"
#include "runtime/VersionTable.h"
#include "workflow/RevisionAuthor.h"

#include <QCoreApplication>
#include <QDir>

namespace sd::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AuthorCommands)
};

int report(CommandContext &context, const NewRevision &created)
{
    QString out = Tr::tr("wrote %1 (%n operation(s))", nullptr, int(created.migration.upgrade.size()))
                      .arg(QDir::current().relativeFilePath(created.path))
                  + QLatin1Char('\n');
    for (const Operation &op : created.migration.upgrade)
        out += QStringLiteral("  ") + (op.note.isEmpty() ? QStringLiteral("  ") : QStringLiteral("! ")) + op.description() + QLatin1Char('\n');
    context.console().out(out);
    for (const QString &warning : created.warnings)
        context.console().error(warning); // "not generated: ..." or "no downgrade for: ..."
    return Success;
}

int writeRevision(CommandContext &context, const QString &message, bool autogenerate)
{
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    RevisionAuthor author(*context.project(), *graph);
    if (!autogenerate) {
        auto created = author.create(message);
        return created ? report(context, *created) : context.fail(created.error());
    }
    auto connection = context.connect();
    if (!connection)
        return context.exitCode();
    auto created = author.autogenerate(*connection, message);
    return created ? report(context, *created) : context.fail(created.error());
}

} // namespace

int runRevision(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("revision"),
                      Tr::tr("Write a new revision file on the head: empty (--empty, the default), or\n"
                             "with --autogenerate the operations that bring the connected database (at\n"
                             "head) to the schema configuration, and their inverse as the downgrade."));
    const QCommandLineOption message({QStringLiteral("m"), QStringLiteral("message")}, Tr::tr("What the revision does."), QStringLiteral("MSG"));
    const QCommandLineOption autogen(QStringLiteral("autogenerate"), Tr::tr("Fill the revision from the diff."));
    const QCommandLineOption empty(QStringLiteral("empty"), Tr::tr("Write an empty revision to fill by hand."));
    parser.addOptions({message, autogen, empty});
    parser.acceptPositionals(); // refused below, with a hint about quoting
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    if (!parser.isSet(message))
        return context.fail(Error::usage(Tr::tr("revision needs a message: -m MESSAGE")));
    if (parser.isSet(autogen) && parser.isSet(empty))
        return context.fail(Error::usage(Tr::tr("--autogenerate and --empty exclude each other")));
    if (!parser.positionals().isEmpty())
        return context.fail(Error::usage(Tr::tr("unexpected argument '%1' (quote a message with spaces: -m \"...\")").arg(parser.positionals().first())));
    return writeRevision(context, parser.text(message), parser.isSet(autogen));
}

int runGenerate(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("generate"), Tr::tr("The same as 'revision --autogenerate -m MSG' (or --empty)."));
    parser.addPositionalArgument(QStringLiteral("MSG"), Tr::tr("What the revision does."));
    const QCommandLineOption empty(QStringLiteral("empty"), Tr::tr("Write an empty revision to fill by hand."));
    parser.addOption(empty);
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    if (parser.positionals().isEmpty())
        return context.fail(Error::usage(Tr::tr("generate needs a message")));
    return writeRevision(context, parser.positionals().join(QLatin1Char(' ')), !parser.isSet(empty));
}

int runMerge(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("merge"), Tr::tr("Write a merge revision joining the given revisions (default: all heads)."));
    parser.addPositionalArgument(QStringLiteral("REV"), Tr::tr("Revisions to join."), QStringLiteral("[REV...]"));
    const QCommandLineOption message({QStringLiteral("m"), QStringLiteral("message")}, Tr::tr("What the merge is for."), QStringLiteral("MSG"));
    parser.addOption(message);
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    if (!parser.isSet(message))
        return context.fail(Error::usage(Tr::tr("merge needs a message: -m MESSAGE")));
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    RevisionAuthor author(*context.project(), *graph);
    auto created = author.merge(parser.text(message), parser.positionals());
    if (!created)
        return context.fail(created.error());
    context.console().out(Tr::tr("wrote %1: merges %2").arg(QDir::current().relativeFilePath(created->path),
                                                          created->migration.downRevisions.join(QStringLiteral(", ")))
                          + QLatin1Char('\n'));
    return Success;
}

int runCheck(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("check"),
                      Tr::tr("Fail (exit 1) when autogenerate would write operations: the schema\n"
                             "configuration has changes no migration carries yet."));
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    const RevisionGraph *graph = context.graph();
    if (!graph)
        return context.exitCode();
    auto connection = context.connect();
    if (!connection)
        return context.exitCode();
    // Pending revisions are pending work too: autogenerate would refuse to
    // run until they are applied.
    auto current = VersionTable::currentRevisions(*connection, context.project()->postgresSchema);
    if (!current)
        return context.fail(current.error());
    auto pending = RevisionPlanner(*graph).pending(*current);
    if (!pending)
        return context.fail(pending.error());
    if (!pending->isEmpty()) {
        context.console().out(Tr::tr("%n revision(s) not applied yet (%1): run 'upgrade' first", nullptr, int(pending->size()))
                                  .arg(pending->join(QStringLiteral(", ")))
                              + QLatin1Char('\n'));
        return DifferencesFound;
    }
    RevisionAuthor author(*context.project(), *graph);
    auto generated = author.generate(*connection);
    if (!generated)
        return context.fail(generated.error());
    for (const QString &warning : generated->warnings)
        context.console().error(warning); // "not generated: ..." or "no downgrade for: ..."
    if (generated->isEmpty() && generated->warnings.isEmpty()) {
        context.console().out(Tr::tr("no changes: the migrations carry the schema configuration") + QLatin1Char('\n'));
        return Success;
    }
    QString out = Tr::tr("autogenerate would write %n operation(s):", nullptr, int(generated->upgrade.size())) + QLatin1Char('\n');
    for (const Operation &op : generated->upgrade)
        out += QStringLiteral("  ") + op.description() + QLatin1Char('\n');
    context.console().out(out);
    return DifferencesFound;
}

} // namespace sd::cli
