#include "Introspector.h"

#include "PostgresIntrospector.h"
#include "SqliteIntrospector.h"
#include "db/Connection.h"

namespace sd {

Result<Schema> Introspector::read(const Connection &connection, const IntrospectOptions &options)
{
    if (connection.dialect() == DialectKind::Sqlite)
        return SqliteIntrospector::read(connection);
    return PostgresIntrospector::read(connection, options.postgresSchema,
                                      options.concurrent ? PostgresIntrospector::Concurrent : PostgresIntrospector::OneConnection);
}

bool Introspector::isSchemaDeskTable(const QString &name)
{
    return name == QLatin1String("schemadesk_version") || name == QLatin1String("schemadesk_history");
}

} // namespace sd
