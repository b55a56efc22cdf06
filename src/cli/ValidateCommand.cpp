// schemadesk-cli validate: configuration, revision graph, checksums, and a
// replay of every migration on a scratch database compared with the
// configuration.

#include "CommandContext.h"
#include "ExitCode.h"
#include "VerbParser.h"
#include "diff/DiffRenderer.h"
#include "workflow/Validator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sd::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ValidateCommand)
};

} // namespace

int runValidate(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("validate"),
                      Tr::tr("Check the schema configuration, the revision graph, that applied migrations'\n"
                             "files are unchanged, and that replaying every migration from base on a scratch\n"
                             "database (in-memory SQLite, or a temporary PostgreSQL schema dropped afterwards)\n"
                             "gives exactly the configured schema. Exit 1 with every finding listed."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print the findings as JSON."));
    const QCommandLineOption noDb(QStringLiteral("no-db"), Tr::tr("Do not connect: no checksums; replay on in-memory SQLite."));
    parser.addOptions({json, noDb});
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    const Project *project = context.project();
    if (!project)
        return context.exitCode();

    std::unique_ptr<Connection> connection;
    DialectKind dialect = DialectKind::Sqlite;
    if (!parser.isSet(noDb)) {
        connection = context.connect();
        if (!connection)
            return context.exitCode();
        dialect = connection->dialect();
    }
    const ValidationReport report = Validator::run(*project, connection.get(), dialect);

    if (parser.isSet(json)) {
        QJsonArray errors;
        for (const Error &e : report.errors)
            errors.append(QJsonObject{{QStringLiteral("message"), e.message}, {QStringLiteral("file"), e.file},
                                      {QStringLiteral("line"), e.line}, {QStringLiteral("column"), e.column}});
        const QJsonObject out{{QStringLiteral("ok"), report.ok()}, {QStringLiteral("errors"), errors},
                              {QStringLiteral("changed_migrations"), ChecksumAudit::json(report.changed)},
                              {QStringLiteral("replay"), QJsonObject{{QStringLiteral("scratch"), report.scratch},
                                                                      {QStringLiteral("revisions"), report.replayed},
                                                                      {QStringLiteral("differences"), DiffRenderer::json(report.differences)}}}};
        context.console().out(QString::fromUtf8(QJsonDocument(out).toJson()));
    } else {
        context.console().errors(report.errors);
        for (const ChangedMigration &c : report.changed)
            context.console().error(c.description());
        if (!report.differences.isEmpty()) {
            context.console().error(Tr::tr("replaying the migrations on %1 does not give the configured schema; "
                                           "what the configuration still asks for:").arg(report.scratch));
            context.console().out(DiffRenderer::text(report.differences, context.console().colour()));
        }
        if (report.ok())
            context.console().out(Tr::tr("valid: configuration, revision graph and checksums are sound; %n revision(s) replayed on %1 "
                                         "give the configured schema", nullptr, report.replayed).arg(report.scratch)
                                  + QLatin1Char('\n'));
    }
    if (report.ok())
        return Success;
    // A file that does not load is bad input; findings are differences.
    for (const Error &e : report.errors) {
        if (e.code == Error::Code::Connection || e.code == Error::Code::Database)
            return DatabaseError;
    }
    for (const Error &e : report.errors) {
        if (e.code == Error::Code::InvalidInput || e.code == Error::Code::Usage || e.code == Error::Code::Io)
            return BadInput;
    }
    return DifferencesFound;
}

} // namespace sd::cli
