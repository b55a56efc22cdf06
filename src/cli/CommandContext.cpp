#include "CommandContext.h"

#include "ExitCode.h"

#include "revision/RevisionGraphLoader.h"

#include <QCoreApplication>
#include <QDir>

namespace sd::cli {

CommandContext::CommandContext(GlobalOptions options, Console &console)
    : m_options(std::move(options))
    , m_console(console)
{
}

int CommandContext::fail(const Error &error)
{
    m_console.error(error);
    m_exitCode = exitCodeFor(error);
    return m_exitCode;
}

int CommandContext::fail(const Errors &errors)
{
    m_console.errors(errors);
    m_exitCode = errors.isEmpty() ? BadInput : exitCodeFor(errors.constFirst());
    return m_exitCode;
}

const Project *CommandContext::project()
{
    if (!m_project) {
        auto loaded = ProjectFile::load(m_options.projectDir);
        if (!loaded) {
            fail(loaded.error());
            return nullptr;
        }
        m_project = std::move(*loaded);
    }
    return &*m_project;
}

const RevisionGraph *CommandContext::graph()
{
    if (!m_graph) {
        const Project *p = project();
        if (!p)
            return nullptr;
        auto loaded = RevisionGraphLoader::load(p->migrationsPath, QDir::current().relativeFilePath(p->migrationsPath));
        if (!loaded) {
            fail(toErrors(loaded.error()));
            return nullptr;
        }
        m_graph = std::move(*loaded);
    }
    return &*m_graph;
}

std::unique_ptr<Connection> CommandContext::connect(bool createSqliteFile)
{
    const Project *p = project();
    if (!p)
        return nullptr;
    auto url = p->resolveDatabaseUrl(m_options.url, m_options.envName);
    if (!url) {
        fail(url.error());
        return nullptr;
    }
    ConnectOptions options;
    options.connectTimeoutSeconds = p->connectTimeoutSeconds;
    options.createSqliteFile = createSqliteFile;
    options.applicationName = QStringLiteral("schemadesk-cli");
    options.postgresSchema = p->postgresSchema;
    options.lockTimeout = p->lockTimeout;
    options.statementTimeout = p->statementTimeout;

    auto connection = Connection::open(*url, options);
    if (!connection && url->dialect == DialectKind::PostgreSQL && url->password.isEmpty()
        && connection.error().message.contains(QLatin1String("password"))) {
        // libpq read no password from PGPASSWORD or ~/.pgpass: ask, as psql does.
        const QString password = m_console.askPassword(
            QCoreApplication::translate("CommandContext", "Password for %1: ").arg(url->display()));
        if (!password.isEmpty()) {
            DatabaseUrl withPassword = *url;
            withPassword.password = password;
            connection = Connection::open(withPassword, options);
        }
    }
    if (connection)
        m_connectOptions = options;
    if (!connection) {
        fail(connection.error());
        return nullptr;
    }
    return std::move(*connection);
}

} // namespace sd::cli
