#pragma once
// What every verb gets: the global options, the console, and the project
// and database connection opened on demand with errors printed once.

#include "Console.h"
#include "config/ProjectFile.h"
#include "db/Connection.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace sd::cli {

struct GlobalOptions
{
    QString projectDir = QStringLiteral(".");
    QString envName;
    QString url;
};

class CommandContext
{
public:
    CommandContext(GlobalOptions options, Console &console);

    Console &console() { return m_console; }
    const GlobalOptions &options() const { return m_options; }

    // Each returns nullptr/nullopt after printing the error and setting
    // exitCode() to the code DESIGN.md gives it.
    const Project *project();
    std::unique_ptr<Connection> connect(bool createSqliteFile = false);

    // The options the last connect() opened its connection with (the
    // migrator opens its lock session with the same).
    const ConnectOptions &connectOptions() const { return m_connectOptions; }

    int exitCode() const { return m_exitCode; }
    int fail(const Error &error);
    int fail(const Errors &errors);

private:
    GlobalOptions m_options;
    Console &m_console;
    std::optional<Project> m_project;
    ConnectOptions m_connectOptions;
    int m_exitCode = 0;
};

// A verb: name, one-line summary, and the function that runs it with the
// arguments after the verb.
struct Verb
{
    const char *name;
    const char *summary;
    int (*run)(CommandContext &context, const QStringList &arguments);
};

int runBackup(CommandContext &context, const QStringList &arguments);
int runDiff(CommandContext &context, const QStringList &arguments);
int runInit(CommandContext &context, const QStringList &arguments);
int runRestore(CommandContext &context, const QStringList &arguments);
int runInspect(CommandContext &context, const QStringList &arguments);
int runStatus(CommandContext &context, const QStringList &arguments);

} // namespace sd::cli
