// schemadesk-cli diff: the live database against the schema configuration.

#include "CommandContext.h"
#include "ExitCode.h"
#include "VerbParser.h"
#include "diff/DiffRenderer.h"
#include "workflow/DiffScript.h"
#include "workflow/ProjectComparison.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace sd::cli {

int runDiff(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("diff"),
                      QCoreApplication::translate("DiffCommand",
                          "Show how the live database differs from the schema configuration.\n"
                          "Exit status: 0 no differences, 1 differences found, 2 bad input, 3 database error."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QCoreApplication::translate("DiffCommand", "Output format: text, json, or sql (the statements that would bring the database to the configuration)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("DiffCommand", "Same as --format json."));
    parser.addOptions({format, json});
    if (auto code = parser.parse(arguments, context.console()))
        return *code;

    const QString chosen = parser.isSet(json) ? QStringLiteral("json") : parser.value(format);
    if (chosen != QLatin1String("text") && chosen != QLatin1String("json") && chosen != QLatin1String("sql"))
        return context.fail(Error::usage(QCoreApplication::translate("DiffCommand",
            "diff: unknown format '%1' (expected text, json or sql)").arg(chosen)));

    auto connection = context.connect();
    if (!connection)
        return context.exitCode();
    const Project *project = context.project(); // loaded by connect()
    auto comparison = ProjectComparison::run(*project, *connection);
    if (!comparison)
        return context.fail(comparison.error());

    if (chosen == QLatin1String("json")) {
        context.console().out(QString::fromUtf8(QJsonDocument(DiffRenderer::json(comparison->differences)).toJson()));
    } else if (chosen == QLatin1String("sql")) {
        auto script = DiffScript::render(*comparison, connection->dialect());
        if (!script)
            return context.fail(script.error());
        context.console().out(*script);
    } else {
        context.console().out(DiffRenderer::text(comparison->differences, context.console().colour()));
    }
    return comparison->differences.isEmpty() ? Success : DifferencesFound;
}

} // namespace sd::cli
