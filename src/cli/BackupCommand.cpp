// schemadesk-cli backup [-o FILE] / restore FILE -y.

#include "CommandContext.h"
#include "ExitCode.h"
#include "VerbParser.h"
#include "backup/DatabaseBackup.h"
#include "db/Connection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace sd::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommand)
};

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes);
}

} // namespace

int runBackup(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("backup"),
                      Tr::tr("Back up the database: SQLite an online copy of the file, PostgreSQL\n"
                             "pg_dump in its custom format (restore with 'restore FILE -y')."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    Tr::tr("Write the backup to FILE (default: a timestamped file in the project folder)."),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    parser.acceptPositionals(); // refused below, with a hint
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    if (!parser.positionals().isEmpty())
        return context.fail(Error::usage(Tr::tr("backup takes no arguments; use -o FILE")));

    auto connection = context.connect();
    if (!connection)
        return context.exitCode();
    const QString file = parser.isSet(output) ? parser.value(output)
                                              : DatabaseBackup::defaultFileName(connection->url(), context.project()->directory);
    auto info = DatabaseBackup::backup(*connection, file);
    if (!info)
        return context.fail(info.error());
    context.console().out(Tr::tr("backed up %1 to %2 (%3, %4 ms)\n")
                              .arg(connection->url().display(), QDir::current().relativeFilePath(info->file), size(info->bytes))
                              .arg(info->durationMs));
    return Success;
}

int runRestore(CommandContext &context, const QStringList &arguments)
{
    VerbParser parser(QStringLiteral("restore"),
                      Tr::tr("Replace the database by a backup made with 'backup'. SQLite keeps the\n"
                             "replaced file beside it; PostgreSQL runs pg_restore --clean in one transaction."));
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("The backup to restore."));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")}, Tr::tr("Confirm: the database's current content is replaced."));
    const QCommandLineOption confirm(QStringLiteral("confirm"), Tr::tr("A protected environment's database name, typed to confirm."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption noWait(QStringLiteral("no-wait"), Tr::tr("Fail at once when another migrator holds the lock."));
    parser.addOptions({yes, confirm, noWait});
    if (auto code = parser.parse(arguments, context.console()))
        return *code;
    const QStringList positionals = parser.positionals();
    if (positionals.size() != 1)
        return context.fail(Error::usage(Tr::tr("restore needs exactly one backup file")));

    const Project *project = context.project();
    if (!project)
        return context.exitCode();
    auto url = project->resolveDatabaseUrl(context.options().url, context.options().envName);
    if (!url)
        return context.fail(url.error());
    if (!parser.isSet(yes))
        return context.fail(Error::usage(Tr::tr("restore replaces everything in %1 by %2; add -y to confirm")
                                             .arg(url->display(), positionals.first())));
    const QString name = url->confirmationName();
    const QString protectedEnv = project->protectedEnvironment(*url, context.options().envName);
    if (!protectedEnv.isEmpty() && parser.value(confirm) != name)
        return context.fail(Error::usage(Tr::tr("environment '%1' is protected: add --confirm %2 to replace its database")
                                             .arg(protectedEnv, name)));
    DatabaseUrl target = *url;
    if (target.dialect == DialectKind::PostgreSQL) {
        // Connect once to check the server and ask for a password if needed.
        auto connection = context.connect();
        if (!connection)
            return context.exitCode();
        target = connection->url();
    }
    RestoreOptions options;
    options.connectOptions = context.connectOptions();
    options.postgresSchema = project->postgresSchema;
    options.lock.wait = !parser.isSet(noWait);
    options.lock.waiting = [&](const LockHolder &holder) {
        context.console().error(Tr::tr("waiting for the migration lock held by %1").arg(holder.description()));
    };
    auto info = DatabaseBackup::restore(target, positionals.first(), options);
    if (!info)
        return context.fail(info.error());
    QString out = Tr::tr("restored %1 from %2 (%3 ms)\n").arg(target.display(), info->file).arg(info->durationMs);
    if (!info->keptCopy.isEmpty())
        out += Tr::tr("the replaced database is kept as %1\n").arg(info->keptCopy);
    context.console().out(out);
    return Success;
}

} // namespace sd::cli
