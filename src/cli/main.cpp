// schemadesk-cli: the command-line twin of SchemaDesk. Parses the global
// options and the verb, then hands over to the verb's function.

#include "CommandContext.h"
#include "ExitCode.h"
#include "config/Suggest.h"
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace sd;
using namespace sd::cli;

namespace {

constexpr Verb verbs[] = {
    {"init", QT_TRANSLATE_NOOP("main", "write a project skeleton"), runInit},
    {"status", QT_TRANSLATE_NOOP("main", "connection, dialect, revisions, heads, pending, drift, unmanaged objects"), runStatus},
    {"inspect", QT_TRANSLATE_NOOP("main", "write the live database's schema as schema.yaml"), runInspect},
    {"current", QT_TRANSLATE_NOOP("main", "the revision(s) the database is at"), runCurrent},
    {"heads", QT_TRANSLATE_NOOP("main", "the heads of the revision graph"), runHeads},
    {"history", QT_TRANSLATE_NOOP("main", "the revision graph, newest first, current marked"), runHistory},
    {"pending", QT_TRANSLATE_NOOP("main", "revisions not yet applied (-v: statements and hazards)"), runPending},
    {"upgrade", QT_TRANSLATE_NOOP("main", "apply migrations up to TARGET (default head); --sql prints them"), runUpgrade},
    {"apply", QT_TRANSLATE_NOOP("main", "the same as upgrade"), runUpgrade},
    {"downgrade", QT_TRANSLATE_NOOP("main", "roll back to TARGET (-1, base, a revision); needs -y"), runDowngrade},
    {"reset", QT_TRANSLATE_NOOP("main", "downgrade to base, then upgrade to head; needs -y"), runReset},
    {"stamp", QT_TRANSLATE_NOOP("main", "set the version table without running anything"), runStamp},
    {"revision", QT_TRANSLATE_NOOP("main", "new revision file (-m MSG, --autogenerate or --empty)"), runRevision},
    {"generate", QT_TRANSLATE_NOOP("main", "the same as revision --autogenerate -m MSG"), runGenerate},
    {"merge", QT_TRANSLATE_NOOP("main", "merge revision over the given or all heads"), runMerge},
    {"diff", QT_TRANSLATE_NOOP("main", "live database against the schema configuration"), runDiff},
    {"check", QT_TRANSLATE_NOOP("main", "fail when autogenerate would write operations"), runCheck},
    {"validate", QT_TRANSLATE_NOOP("main", "configuration, graph, checksums, and a replay on a scratch database"), runValidate},
    {"backup", QT_TRANSLATE_NOOP("main", "back up the database (SQLite copy, pg_dump)"), runBackup},
    {"restore", QT_TRANSLATE_NOOP("main", "replace the database by a backup; needs -y"), runRestore},
};

QString usage()
{
    QString text = QCoreApplication::translate("main",
        "Usage: %1 [--project DIR] [--env NAME | --url URL] [--no-color] VERB [options]\n\n"
        "Database schema migrations for SQLite and PostgreSQL.\n\n"
        "Global options:\n"
        "  --project DIR   project folder holding schemadesk.yaml (default: .)\n"
        "  --env NAME      use the named environment of schemadesk.yaml\n"
        "  --url URL       database URL (sqlite:///file.db, postgresql://user@host:port/db)\n"
        "  --no-color      never colour the output\n"
        "  -h, --help      this help; VERB --help for a verb's own\n"
        "  --version       the version\n\n"
        "Verbs:\n").arg(QCoreApplication::applicationName());
    for (const Verb &v : verbs)
        text += QStringLiteral("  %1%2\n").arg(QString::fromLatin1(v.name).leftJustified(11),
                                                QCoreApplication::translate("main", v.summary));
    text += QCoreApplication::translate("main",
        "\nExit status: 0 success; 1 differences or pending work found; 2 bad usage or input file;\n"
        "3 connection or database error; 4 a migration failed and was rolled back.\n");
    return text;
}

// Qt's own warnings (a driver complaining, a connection still in use) are
// not for the user: errors reach them as one line from the verb.
void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg || qEnvironmentVariableIsSet("SCHEMADESK_DEBUG"))
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace

int main(int argc, char **argv)
{
    qInstallMessageHandler(quietMessageHandler);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("schemadesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SCHEMADESK_VERSION));
    Translations::install(app);

    Console console;
    GlobalOptions global;
    QStringList rest;
    QString verb;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto takeValue = [&](const QString &name, QString &target) -> bool {
            if (a == name) {
                if (i + 1 >= args.size())
                    return false;
                target = args.at(++i);
                return true;
            }
            if (a.startsWith(name + QLatin1Char('='))) {
                target = a.mid(name.size() + 1);
                return true;
            }
            return false;
        };
        if (!verb.isEmpty()) {
            // after the verb only the verb's own options, except the globals
            if (takeValue(QStringLiteral("--project"), global.projectDir) || takeValue(QStringLiteral("--env"), global.envName)
                || takeValue(QStringLiteral("--url"), global.url))
                continue;
            if (a == QLatin1String("--no-color")) {
                console.setColour(false);
                continue;
            }
            rest << a;
            continue;
        }
        if (takeValue(QStringLiteral("--project"), global.projectDir) || takeValue(QStringLiteral("--env"), global.envName)
            || takeValue(QStringLiteral("--url"), global.url))
            continue;
        if (a == QLatin1String("--project") || a == QLatin1String("--env") || a == QLatin1String("--url")) {
            console.error(QCoreApplication::translate("main", "option %1 needs a value").arg(a));
            return BadInput;
        }
        if (a == QLatin1String("--no-color")) {
            console.setColour(false);
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("help")) {
            console.out(usage());
            return Success;
        } else if (a == QLatin1String("--version")) {
            console.out(QStringLiteral("%1 %2\n").arg(app.applicationName(), app.applicationVersion()));
            return Success;
        } else if (a.startsWith(QLatin1Char('-'))) {
            console.error(QCoreApplication::translate("main", "unknown option '%1' (see '%2 --help')").arg(a, app.applicationName()));
            return BadInput;
        } else {
            verb = a;
        }
    }
    if (verb.isEmpty()) {
        console.error(QCoreApplication::translate("main", "no verb given (see '%1 --help')").arg(app.applicationName()));
        return BadInput;
    }
    for (const Verb &v : verbs) {
        if (verb == QLatin1String(v.name)) {
            CommandContext context(global, console);
            return v.run(context, rest);
        }
    }
    QStringList names;
    for (const Verb &v : verbs)
        names << QString::fromLatin1(v.name);
    const QString close = closestMatch(verb, names);
    console.error(QCoreApplication::translate("main", "unknown verb '%1'%2 (verbs: %3)")
                      .arg(verb,
                           close.isEmpty() ? QString() : QCoreApplication::translate("main", ", did you mean '%1'?").arg(close),
                           names.join(QStringLiteral(", "))));
    return BadInput;
}
