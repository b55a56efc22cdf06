#pragma once
// What every verb gets: the global options, the console, and the project
// and database connection opened on demand with errors printed once.

#include "Console.h"
#include "config/ProjectFile.h"
#include "db/Connection.h"
#include "revision/RevisionGraph.h"

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
    // The project's migrations folder as a revision graph; nullptr after
    // printing every problem of the folder (exit 2).
    const RevisionGraph *graph();
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
    std::optional<RevisionGraph> m_graph;
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
int runCheck(CommandContext &context, const QStringList &arguments);
int runCurrent(CommandContext &context, const QStringList &arguments);
int runDiff(CommandContext &context, const QStringList &arguments);
int runDowngrade(CommandContext &context, const QStringList &arguments);
int runGenerate(CommandContext &context, const QStringList &arguments);
int runHeads(CommandContext &context, const QStringList &arguments);
int runHistory(CommandContext &context, const QStringList &arguments);
int runInit(CommandContext &context, const QStringList &arguments);
int runMerge(CommandContext &context, const QStringList &arguments);
int runPending(CommandContext &context, const QStringList &arguments);
int runReset(CommandContext &context, const QStringList &arguments);
int runRestore(CommandContext &context, const QStringList &arguments);
int runRevision(CommandContext &context, const QStringList &arguments);
int runStamp(CommandContext &context, const QStringList &arguments);
int runUpgrade(CommandContext &context, const QStringList &arguments);
int runValidate(CommandContext &context, const QStringList &arguments);
int runInspect(CommandContext &context, const QStringList &arguments);
int runStatus(CommandContext &context, const QStringList &arguments);

} // namespace sd::cli
