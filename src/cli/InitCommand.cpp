// schemadesk-cli init [DIR]: a project skeleton that `upgrade` runs at once.

#include "CommandContext.h"
#include "ExitCode.h"
#include "VerbParser.h"
#include "workflow/ProjectInitializer.h"

#include <QCoreApplication>
#include <QDir>

namespace sd::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(InitCommand)
};

} // namespace

int runInit(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("init"),
                      Tr::tr("Write a project skeleton into DIR (default: the --project folder):\n"
                             "schemadesk.yaml, config/schema.yaml and an empty migrations folder.\n"
                             "Existing files are never overwritten."));
    parser.addPositionalArgument(QStringLiteral("DIR"), Tr::tr("Folder of the new project."), QStringLiteral("[DIR]"));
    const QCommandLineOption database(QStringLiteral("database"), Tr::tr("Database URL for 'database:' (default sqlite:///app.db)."),
                                      QStringLiteral("URL"));
    parser.addOption(database);
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    const QStringList positionals = parser.positionals();
    if (positionals.size() > 1)
        return context.fail(Error::usage(Tr::tr("init takes at most one folder")));
    const QString directory = positionals.isEmpty() ? context.options().projectDir : positionals.first();
    const QString url = parser.isSet(database) ? parser.value(database) : context.options().url;

    auto created = ProjectInitializer::create(directory, url);
    if (!created)
        return context.fail(created.error());
    QString out = Tr::tr("created a SchemaDesk project in %1:").arg(QDir(directory).absolutePath()) + QLatin1Char('\n');
    for (const QString &path : *created)
        out += QStringLiteral("  ") + QDir(directory).relativeFilePath(path) + QLatin1Char('\n');
    out += Tr::tr("next: describe your tables in config/schema.yaml, then run\n"
                  "  %1 revision --autogenerate -m \"create tables\"\n  %1 upgrade\n")
               .arg(QCoreApplication::applicationName());
    context.console().out(out);
    return Success;
}

} // namespace sd::cli
