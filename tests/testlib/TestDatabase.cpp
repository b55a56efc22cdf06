#include "TestDatabase.h"

#include "config/SchemaReader.h"
#include "dialect/Dialect.h"

namespace sd::testing {

Result<std::unique_ptr<Connection>> openSqliteFile(const QString &path)
{
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///") + path);
    if (!url)
        return std::unexpected(url.error());
    ConnectOptions options;
    options.createSqliteFile = true;
    return Connection::open(*url, options);
}

Result<void> execAll(const Connection &connection, const QStringList &statements)
{
    for (const QString &sql : statements) {
        auto q = connection.exec(sql);
        if (!q)
            return std::unexpected(q.error());
    }
    return {};
}

MultiResult<Schema> schemaFromYaml(const QString &yaml)
{
    return SchemaReader::readString(yaml.toUtf8(), QStringLiteral("schema.yaml"));
}

Schema demoSchema()
{
    const QString path = qEnvironmentVariable("SCHEMADESK_SOURCE_DIR", QStringLiteral(SCHEMADESK_SOURCE_DIR))
                         + QStringLiteral("/examples/demo/config/schema.yaml");
    auto demo = SchemaReader::readFile(path);
    if (!demo)
        qFatal("demo schema: %s", qPrintable(joinErrors(demo.error())));
    return *demo;
}

Result<void> createSchema(const Connection &connection, const Schema &schema)
{
    // Transactions of a few hundred statements: fast, and within
    // PostgreSQL's lock table even for thousands of tables.
    const QStringList statements = Dialect::get(connection.dialect()).createSchema(schema);
    constexpr qsizetype batch = 500;
    for (qsizetype from = 0; from < statements.size(); from += batch) {
        auto begin = connection.exec(QStringLiteral("BEGIN"));
        if (!begin)
            return std::unexpected(begin.error());
        auto done = execAll(connection, statements.mid(from, batch));
        auto end = connection.exec(done ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
        if (!done)
            return done;
        if (!end)
            return std::unexpected(end.error());
    }
    return {};
}

} // namespace sd::testing
