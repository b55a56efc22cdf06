// schemadesk-cli inspect: the live database's schema as schema.yaml.

#include "CommandContext.h"
#include "ExitCode.h"
#include "VerbParser.h"
#include "config/SchemaWriter.h"
#include "workflow/ProjectComparison.h"

#include <QCoreApplication>

namespace sd::cli {

int runInspect(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("inspect"),
                      QCoreApplication::translate("InspectCommand",
                          "Write the live database's schema as a schema configuration (schema.yaml),\n"
                          "to adopt an existing database. Views, functions, triggers and other objects\n"
                          "SchemaDesk does not manage are listed in a closing comment."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QCoreApplication::translate("InspectCommand", "Write to FILE instead of standard output."),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    if (auto code = parser.parse(arguments, context.console()))
        return *code;

    auto connection = context.connect();
    if (!connection)
        return context.exitCode();
    const Project *project = context.project(); // loaded by connect()
    auto live = ProjectComparison::readLive(*project, *connection);
    if (!live)
        return context.fail(live.error());

    if (parser.isSet(output)) {
        auto written = SchemaWriter::writeFile(*live, parser.value(output));
        if (!written)
            return context.fail(written.error());
        context.console().out(QCoreApplication::translate("InspectCommand", "wrote %n table(s) to %1\n", nullptr,
                                                            int(live->tables.size()))
                                    .arg(parser.value(output)));
        return Success;
    }
    context.console().out(QString::fromUtf8(SchemaWriter::toYaml(*live)));
    return Success;
}

} // namespace sd::cli
