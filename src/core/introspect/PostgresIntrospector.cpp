#include "PostgresIntrospector.h"

#include "Introspector.h"
#include "PostgresCatalogQueries.h"
#include "db/Connection.h"
#include "dialect/PostgresDialect.h"
#include "dialect/SqlExpression.h"
#include "dialect/SqlLexer.h"
#include "model/StringPool.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>

namespace sd {

namespace {

// A JSON array of strings as the catalog queries return lists of names.
QStringList jsonStrings(const QVariant &value)
{
    QStringList result;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    result.reserve(array.size());
    for (const QJsonValue &v : array)
        result << v.toString();
    return result;
}

// PostgreSQL reports a negative number default as a string with a cast
// ('-1'::integer): on a numeric column it is the number.
DefaultValue typedDefault(const DefaultValue &value, const ColumnType &type)
{
    static const QRegularExpression number(QStringLiteral(R"(^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$)"));
    using K = ColumnType::Kind;
    const bool numericType = type.isIntegral() || type.kind == K::Numeric || type.kind == K::Real || type.kind == K::Double;
    if (value.kind == DefaultValue::Kind::String && numericType && number.match(value.text).hasMatch())
        return DefaultValue::number(value.text);
    return value;
}

ReferentialAction referentialAction(const QString &code)
{
    if (code == QLatin1String("r"))
        return ReferentialAction::Restrict;
    if (code == QLatin1String("c"))
        return ReferentialAction::Cascade;
    if (code == QLatin1String("n"))
        return ReferentialAction::SetNull;
    if (code == QLatin1String("d"))
        return ReferentialAction::SetDefault;
    return ReferentialAction::NoAction; // 'a'
}

// The element list of `CREATE INDEX ... USING method (elements) ...`: the
// text between the parenthesis after the method and its match, as written.
// Also splits it at top-level commas into `elements`.
QString indexElementList(const QString &definition, const QString &method, QStringList *elements)
{
    const QList<SqlToken> tokens = SqlLexer::tokenize(definition);
    for (int i = 0; i + 2 < tokens.size(); ++i) {
        if (!tokens[i].isWord("using") || tokens[i + 1].text != method
            || tokens[i + 2].kind != SqlToken::Kind::LeftParen)
            continue;
        const int open = i + 2;
        int depth = 0;
        int elementStart = tokens[open].position + 1;
        for (int j = open; j < tokens.size(); ++j) {
            const SqlToken &t = tokens[j];
            if (t.kind == SqlToken::Kind::LeftParen || t.kind == SqlToken::Kind::LeftBracket) {
                ++depth;
            } else if (t.kind == SqlToken::Kind::RightParen || t.kind == SqlToken::Kind::RightBracket) {
                if (--depth == 0) {
                    elements->append(definition.mid(elementStart, t.position - elementStart).trimmed());
                    const int begin = tokens[open].position + 1;
                    return definition.mid(begin, t.position - begin).trimmed();
                }
            } else if (t.kind == SqlToken::Kind::Comma && depth == 1) {
                elements->append(definition.mid(elementStart, t.position - elementStart).trimmed());
                elementStart = t.position + 1;
            }
        }
        break;
    }
    return {};
}

// Whether an element of the index definition is just the column, quoted
// the way the server quotes it (so with default opclass and collation).
bool isPlainColumnElement(const QString &element, const QString &column)
{
    const QList<SqlToken> tokens = SqlLexer::tokenize(element);
    return tokens.size() == 1 && tokens[0].isName() && tokens[0].text == column;
}

struct Reader
{
    const Connection &connection;
    QString schemaName;
    Schema schema;
    QHash<qlonglong, int> tableIndex; // pg_class oid -> index in schema.tables

    Result<QSqlQuery> run(const QString &sql) const
    {
        return connection.exec(sql, {schemaName});
    }

    Table *tableOf(const QVariant &oid)
    {
        const auto it = tableIndex.constFind(oid.toLongLong());
        return it == tableIndex.cend() ? nullptr : &schema.tables[*it];
    }

    Result<void> readTables();
    Result<void> readColumns();
    Result<void> readConstraints();
    Result<void> readIndexes();
    Result<void> readEnums();
    Result<void> readUnmanaged();
};

Result<void> Reader::readTables()
{
    auto query = run(pgcatalog::tablesQuery());
    if (!query)
        return std::unexpected(query.error());
    bool schemaFound = false;
    while (query->next()) {
        schemaFound = true;
        if (query->isNull(1))
            continue; // the schema exists but holds no table
        const QString name = query->value(2).toString();
        if (Introspector::isSchemaDeskTable(name))
            continue;
        Table table;
        table.name = name;
        table.comment = query->value(4).toString();
        if (query->value(3).toString() == QLatin1String("p"))
            table.partitionBy = query->value(5).toString();
        tableIndex.insert(query->value(1).toLongLong(), int(schema.tables.size()));
        schema.tables.append(table);
    }
    if (!schemaFound) {
        // The server is named by the error: "PostgreSQL server 127.0.0.1:5432,
        // database "app": schema "x" does not exist".
        return std::unexpected(Error::database(connection.url().serverDescription(),
            QCoreApplication::translate("PostgresIntrospector", "schema \"%1\" does not exist").arg(schemaName)));
    }
    return {};
}

Result<void> Reader::readColumns()
{
    auto query = run(pgcatalog::columnsQuery());
    if (!query)
        return std::unexpected(query.error());
    while (query->next()) {
        Table *table = tableOf(query->value(0));
        if (!table)
            continue;
        Column column;
        column.name = query->value(1).toString();
        column.type = query->value(3).toBool() ? ColumnType::enumeration(query->value(4).toString())
                                               : PostgresDialect::typeFromDatabase(query->value(2).toString());
        column.nullable = !query->value(5).toBool();
        const QString identity = query->value(6).toString();
        const QString generated = query->value(7).toString();
        const QString defaultSql = query->value(8).toString();
        const bool serial = query->value(9).toBool();
        if (identity == QLatin1String("d"))
            column.autoincrement = Autoincrement::Yes;
        else if (identity == QLatin1String("a"))
            column.autoincrement = Autoincrement::Always;
        if (generated == QLatin1String("s")) {
            column.generated = SqlExpression::stripOuterParentheses(defaultSql);
            column.generatedStored = true;
        } else if (serial) {
            column.autoincrement = Autoincrement::Yes;
        } else if (!defaultSql.isEmpty()) {
            column.defaultValue = typedDefault(SqlExpression::defaultFromSql(defaultSql), column.type);
        }
        column.comment = query->value(10).toString();
        column.collation = query->value(11).toString();
        table->columns.append(column);
    }
    return {};
}

Result<void> Reader::readConstraints()
{
    auto query = run(pgcatalog::constraintsQuery());
    if (!query)
        return std::unexpected(query.error());
    while (query->next()) {
        Table *table = tableOf(query->value(0));
        if (!table)
            continue;
        const QString name = query->value(1).toString();
        const QString type = query->value(2).toString();
        const bool deferrable = query->value(3).toBool();
        const bool deferred = query->value(4).toBool();
        const bool validated = query->value(5).toBool();
        const QStringList columns = jsonStrings(query->value(6));
        if (type == QLatin1String("p")) {
            table->primaryKey = PrimaryKey{name, columns};
        } else if (type == QLatin1String("u")) {
            table->uniqueConstraints.append(UniqueConstraint{name, columns, deferrable, deferred});
        } else if (type == QLatin1String("f")) {
            ForeignKey fk;
            fk.name = name;
            fk.columns = columns;
            fk.referencedColumns = jsonStrings(query->value(7));
            const QString otherSchema = query->value(9).toString();
            fk.referencedTable = otherSchema.isEmpty() ? query->value(8).toString()
                                                       : otherSchema + QLatin1Char('.') + query->value(8).toString();
            fk.onDelete = referentialAction(query->value(10).toString());
            fk.onUpdate = referentialAction(query->value(11).toString());
            fk.deferrable = deferrable;
            fk.initiallyDeferred = deferred;
            fk.notValid = !validated;
            table->foreignKeys.append(fk);
        } else if (type == QLatin1String("c")) {
            table->checks.append(Check{name, SqlExpression::stripOuterParentheses(query->value(12).toString()), !validated});
        } else if (type == QLatin1String("x")) {
            schema.unmanaged.append(UnmanagedObject{QStringLiteral("exclusion constraint"), name, table->name,
                                                    query->value(13).toString()});
        }
    }
    return {};
}

Result<void> Reader::readIndexes()
{
    auto query = run(pgcatalog::indexesQuery());
    if (!query)
        return std::unexpected(query.error());
    while (query->next()) {
        Table *table = tableOf(query->value(0));
        if (!table)
            continue;
        const QString definition = query->value(5).toString();
        const int allColumns = query->value(6).toInt();
        const int keyColumns = query->value(7).toInt();
        if (allColumns > keyColumns) {
            // INCLUDE columns have no place in the model: list the index
            // whole so that it is neither lost nor dropped.
            schema.unmanaged.append(UnmanagedObject{QStringLiteral("index"), query->value(1).toString(),
                                                    table->name, definition});
            continue;
        }
        Index index;
        index.name = query->value(1).toString();
        index.unique = query->value(2).toBool();
        const QString method = query->value(3).toString();
        if (method != QLatin1String("btree"))
            index.method = method;
        index.where = query->value(4).toString();

        const QStringList keyNames = jsonStrings(query->value(8));
        if (query->isNull(5)) {
            // Plain key columns, all with their defaults: the server did
            // not write the definition (pgcatalog::indexesQuery()).
            index.columns = keyNames;
            table->indexes.append(index);
            continue;
        }
        const bool defaultOptions = query->value(9).toBool();
        QStringList elements;
        const QString elementList = indexElementList(definition, method, &elements);
        bool plain = defaultOptions && !keyNames.isEmpty() && !keyNames.contains(QString())
                     && elements.size() == keyNames.size();
        for (int i = 0; plain && i < keyNames.size(); ++i)
            plain = isPlainColumnElement(elements[i], keyNames[i]);
        if (plain)
            index.columns = keyNames;
        else
            index.expression = elementList;
        table->indexes.append(index);
    }
    return {};
}

Result<void> Reader::readEnums()
{
    auto query = run(pgcatalog::enumsQuery());
    if (!query)
        return std::unexpected(query.error());
    while (query->next())
        schema.enums.append(EnumType{query->value(0).toString(), jsonStrings(query->value(1))});
    return {};
}

Result<void> Reader::readUnmanaged()
{
    auto query = run(pgcatalog::unmanagedQuery());
    if (!query)
        return std::unexpected(query.error());
    while (query->next()) {
        schema.unmanaged.append(UnmanagedObject{query->value(0).toString(), query->value(1).toString(),
                                                query->value(2).toString(), query->value(3).toString().trimmed()});
    }
    return {};
}

template<typename T>
void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

} // namespace

Result<Schema> PostgresIntrospector::read(const Connection &connection, const QString &schemaName)
{
    Reader reader{connection, schemaName, {}, {}};
    for (auto step : {&Reader::readTables, &Reader::readColumns, &Reader::readConstraints, &Reader::readIndexes,
                      &Reader::readEnums, &Reader::readUnmanaged}) {
        if (auto done = (reader.*step)(); !done)
            return std::unexpected(done.error());
    }

    Schema &schema = reader.schema;
    sortByName(schema.tables);
    sortByName(schema.enums);
    for (Table &table : schema.tables) {
        sortByName(table.indexes);
        sortByName(table.uniqueConstraints);
        sortByName(table.foreignKeys);
        sortByName(table.checks);
        StringPool::intern(table);
    }
    for (EnumType &type : schema.enums)
        StringPool::intern(type);
    std::sort(schema.unmanaged.begin(), schema.unmanaged.end(), [](const UnmanagedObject &a, const UnmanagedObject &b) {
        return std::tie(a.kind, a.name, a.table) < std::tie(b.kind, b.name, b.table);
    });
    return std::move(reader.schema);
}

} // namespace sd
