#include "ProjectComparison.h"

#include "config/SchemaReader.h"
#include "db/Connection.h"
#include "dialect/Dialect.h"
#include "diff/SchemaDiff.h"
#include "introspect/Introspector.h"

#include <QDir>

namespace sd {

MultiResult<Schema> ProjectComparison::loadConfiguredSchema(const Project &project)
{
    const QString display = QDir(project.directory).relativeFilePath(project.schemaPath);
    return SchemaReader::readFile(project.schemaPath, display.startsWith(QLatin1String("..")) ? project.schemaPath : display);
}

Result<Schema> ProjectComparison::readLive(const Project &project, const Connection &connection)
{
    IntrospectOptions options;
    options.postgresSchema = project.postgresSchema;
    // Reading for a comparison is the connection's only business: no
    // transaction of the caller's is open.
    options.concurrent = true;
    return Introspector::read(connection, options);
}

MultiResult<ProjectComparison> ProjectComparison::run(const Project &project, const Connection &connection)
{
    auto configured = loadConfiguredSchema(project);
    if (!configured)
        return std::unexpected(configured.error());
    auto live = readLive(project, connection);
    if (!live)
        return std::unexpected(Errors{live.error()});

    ProjectComparison result;
    result.configured = std::move(*configured);
    result.live = std::move(*live);
    DiffOptions options;
    options.isIgnored = [&project](const QString &table) { return project.isIgnored(table); };
    result.differences = SchemaDiff::compare(result.configured, result.live, Dialect::get(connection.dialect()), options);
    return result;
}

} // namespace sd
