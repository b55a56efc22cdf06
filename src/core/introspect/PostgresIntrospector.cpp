#include "PostgresIntrospector.h"

#include "Introspector.h"
#include "PostgresCatalogQueries.h"
#include "db/Connection.h"
#include "dialect/Dialect.h"
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
#include <QSqlRecord>

#include <algorithm>
#include <optional>
#include <thread>
#include <tuple>
#include <vector>

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

// The rows of one catalog query, one at a time: read from the query as the
// server sends them, or from values read to the end on another connection
// (a connection's queries are read by the thread that opened it).
class CatalogRows
{
public:
    explicit CatalogRows(QSqlQuery query)
        : m_query(std::move(query))
    {
    }

    // Every row of `sql`, as values any thread can read.
    static Result<CatalogRows> readAll(const Connection &connection, const QString &sql, const QString &schemaName)
    {
        auto query = connection.exec(sql, {schemaName});
        if (!query)
            return std::unexpected(query.error());
        CatalogRows rows;
        rows.m_columns = query->record().count();
        while (query->next()) {
            for (int i = 0; i < rows.m_columns; ++i)
                rows.m_values.push_back(query->value(i));
        }
        if (auto error = connection.rowsError(*query, sql))
            return std::unexpected(*error);
        return rows;
    }

    bool next()
    {
        if (m_query)
            return m_query->next();
        m_offset += m_started ? size_t(m_columns) : 0;
        m_started = true;
        return m_offset < m_values.size();
    }
    QVariant value(int column) const { return m_query ? m_query->value(column) : m_values[m_offset + size_t(column)]; }
    // The error the server's rows stopped on, read as they arrived.
    std::optional<Error> error(const Connection &connection, const QString &sql) const
    {
        return m_query ? connection.rowsError(*m_query, sql) : std::nullopt;
    }
    bool isNull(int column) const { return m_query ? m_query->isNull(column) : m_values[m_offset + size_t(column)].isNull(); }

private:
    CatalogRows() = default;
    std::optional<QSqlQuery> m_query;
    std::vector<QVariant> m_values;
    int m_columns = 0;
    size_t m_offset = 0;
    bool m_started = false;
};

struct Reader
{
    const Connection &connection;
    QString schemaName;
    Schema schema;
    QHash<qlonglong, int> tableIndex; // pg_class oid -> index in schema.tables

    Table *tableOf(const QVariant &oid)
    {
        const auto it = tableIndex.constFind(oid.toLongLong());
        return it == tableIndex.cend() ? nullptr : &schema.tables[*it];
    }

    Result<void> readTables(CatalogRows &rows);
    Result<void> readColumns(CatalogRows &rows);
    Result<void> readConstraints(CatalogRows &rows);
    Result<void> readIndexes(CatalogRows &rows);
    Result<void> readEnums(CatalogRows &rows);
    Result<void> readUnmanaged(CatalogRows &rows);
};

Result<void> Reader::readTables(CatalogRows &rows)
{
    bool schemaFound = false;
    while (rows.next()) {
        schemaFound = true;
        if (rows.isNull(1))
            continue; // the schema exists but holds no table
        const QString name = rows.value(2).toString();
        if (Introspector::isSchemaDeskTable(name))
            continue;
        Table table;
        table.name = name;
        table.comment = rows.value(4).toString();
        if (rows.value(3).toString() == QLatin1String("p"))
            table.partitionBy = rows.value(5).toString();
        tableIndex.insert(rows.value(1).toLongLong(), int(schema.tables.size()));
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

Result<void> Reader::readColumns(CatalogRows &rows)
{
    while (rows.next()) {
        Table *table = tableOf(rows.value(0));
        if (!table)
            continue;
        Column column;
        column.name = rows.value(1).toString();
        column.type = rows.value(3).toBool() ? ColumnType::enumeration(rows.value(4).toString())
                                             : PostgresDialect::typeFromDatabase(rows.value(2).toString());
        column.nullable = !rows.value(5).toBool();
        const QString identity = rows.value(6).toString();
        const QString generated = rows.value(7).toString();
        const QString defaultSql = rows.value(8).toString();
        const bool serial = rows.value(9).toBool();
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
        column.comment = rows.value(10).toString();
        column.collation = rows.value(11).toString();
        table->columns.append(column);
    }
    return {};
}

Result<void> Reader::readConstraints(CatalogRows &rows)
{
    while (rows.next()) {
        Table *table = tableOf(rows.value(0));
        if (!table)
            continue;
        const QString name = rows.value(1).toString();
        const QString type = rows.value(2).toString();
        const bool deferrable = rows.value(3).toBool();
        const bool deferred = rows.value(4).toBool();
        const bool validated = rows.value(5).toBool();
        const QStringList columns = jsonStrings(rows.value(6));
        if (type == QLatin1String("p")) {
            table->primaryKey = PrimaryKey{name, columns};
        } else if (type == QLatin1String("u")) {
            table->uniqueConstraints.append(UniqueConstraint{name, columns, deferrable, deferred, rows.value(14).toBool()});
        } else if (type == QLatin1String("f")) {
            ForeignKey fk;
            fk.name = name;
            fk.columns = columns;
            fk.referencedColumns = jsonStrings(rows.value(7));
            const QString otherSchema = rows.value(9).toString();
            fk.referencedTable = otherSchema.isEmpty() ? rows.value(8).toString()
                                                       : otherSchema + QLatin1Char('.') + rows.value(8).toString();
            fk.onDelete = referentialAction(rows.value(10).toString());
            fk.onUpdate = referentialAction(rows.value(11).toString());
            fk.deferrable = deferrable;
            fk.initiallyDeferred = deferred;
            fk.notValid = !validated;
            table->foreignKeys.append(fk);
        } else if (type == QLatin1String("c")) {
            table->checks.append(Check{name, SqlExpression::stripOuterParentheses(rows.value(12).toString()), !validated});
        } else if (type == QLatin1String("x")) {
            schema.unmanaged.append(UnmanagedObject{QStringLiteral("exclusion constraint"), name, table->name,
                                                    rows.value(13).toString()});
        }
    }
    return {};
}

Result<void> Reader::readIndexes(CatalogRows &rows)
{
    while (rows.next()) {
        Table *table = tableOf(rows.value(0));
        if (!table)
            continue;
        const QString definition = rows.value(5).toString();
        const int allColumns = rows.value(6).toInt();
        const int keyColumns = rows.value(7).toInt();
        if (allColumns > keyColumns) {
            // INCLUDE columns have no place in the model: list the index
            // whole so that it is neither lost nor dropped.
            schema.unmanaged.append(UnmanagedObject{QStringLiteral("index"), rows.value(1).toString(),
                                                    table->name, definition});
            continue;
        }
        Index index;
        index.name = rows.value(1).toString();
        index.unique = rows.value(2).toBool();
        const QString method = rows.value(3).toString();
        if (method != QLatin1String("btree"))
            index.method = method;
        index.where = rows.value(4).toString();
        index.nullsNotDistinct = rows.value(11).toBool();
        index.storageParameters = jsonStrings(rows.value(12));

        const QStringList keyNames = jsonStrings(rows.value(8));
        if (rows.isNull(5)) {
            // Plain key columns, all with their defaults: the server did
            // not write the definition (pgcatalog::indexesQuery()).
            index.columns = keyNames;
            table->indexes.append(index);
            continue;
        }
        const bool defaultOptions = rows.value(9).toBool();
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

Result<void> Reader::readEnums(CatalogRows &rows)
{
    while (rows.next())
        schema.enums.append(EnumType{rows.value(0).toString(), jsonStrings(rows.value(1))});
    return {};
}

Result<void> Reader::readUnmanaged(CatalogRows &rows)
{
    while (rows.next()) {
        schema.unmanaged.append(UnmanagedObject{rows.value(0).toString(), rows.value(1).toString(),
                                                rows.value(2).toString(), rows.value(3).toString().trimmed()});
    }
    return {};
}

template<typename T>
void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

// One query of the read (its SQL for the server's version) and what reads its rows.
struct Step
{
    QString (*sql)(int serverVersion);
    Result<void> (Reader::*read)(CatalogRows &rows);
};

const Step tablesStep{[](int) { return pgcatalog::tablesQuery(); }, &Reader::readTables};
const Step columnsStep{[](int) { return pgcatalog::columnsQuery(); }, &Reader::readColumns};
const Step constraintsStep{&pgcatalog::constraintsQuery, &Reader::readConstraints};
const Step indexesStep{&pgcatalog::indexesQuery, &Reader::readIndexes};
const Step enumsStep{[](int) { return pgcatalog::enumsQuery(); }, &Reader::readEnums};
const Step unmanagedStep{[](int) { return pgcatalog::unmanagedQuery(); }, &Reader::readUnmanaged};

// Runs `step`'s query on the reader's connection and reads its rows as they come.
Result<void> runHere(Reader &reader, const Step &step)
{
    const QString sql = step.sql(reader.connection.serverVersionNumber());
    auto query = reader.connection.exec(sql, {reader.schemaName});
    if (!query)
        return std::unexpected(query.error());
    CatalogRows rows(std::move(*query));
    if (auto done = (reader.*step.read)(rows); !done)
        return done;
    if (auto error = rows.error(reader.connection, sql))
        return std::unexpected(*error);
    return {};
}

// What the second connection read: nothing when it could not be opened or
// could not take the snapshot.
struct OtherConnection
{
    bool inSnapshot = false;
    std::optional<Result<CatalogRows>> constraints;
    std::optional<Result<CatalogRows>> indexes;

    void read(const Connection &connection, const QString &snapshot, const QString &schemaName)
    {
        // The server has just answered the first connection: a second that
        // takes longer is not worth waiting for (the first reads it all then).
        auto other = connection.openAnother(2);
        if (!other)
            return;
        const Connection &c = **other;
        if (!c.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            || !c.exec(QStringLiteral("SET TRANSACTION SNAPSHOT ") + Dialect::quoteString(snapshot)))
            return;
        inSnapshot = true;
        constraints = CatalogRows::readAll(c, pgcatalog::constraintsQuery(c.serverVersionNumber()), schemaName);
        if (*constraints)
            indexes = CatalogRows::readAll(c, pgcatalog::indexesQuery(c.serverVersionNumber()), schemaName);
        // Read only: nothing to keep, and the connection closes here.
        (void)c.exec(QStringLiteral("ROLLBACK"));
    }
};

// A REPEATABLE READ, READ ONLY transaction on `connection`, exported as a
// snapshot another connection can share; rolled back unless committed.
class SharedSnapshot
{
public:
    explicit SharedSnapshot(const Connection &connection)
        : m_connection(connection)
    {
    }
    ~SharedSnapshot()
    {
        if (m_open)
            (void)m_connection.exec(QStringLiteral("ROLLBACK"));
    }

    // Begins the transaction; the snapshot's name, empty when the server
    // cannot export one (the transaction then goes on without).
    Result<QString> begin()
    {
        const QString begin = QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        if (auto begun = m_connection.exec(begin); !begun)
            return std::unexpected(begun.error());
        m_open = true;
        auto exported = m_connection.exec(QStringLiteral("SELECT pg_catalog.pg_export_snapshot()"));
        if (exported && exported->next())
            return exported->value(0).toString();
        // The failed statement ended what the transaction could do: start again.
        (void)m_connection.exec(QStringLiteral("ROLLBACK"));
        m_open = false;
        if (auto begun = m_connection.exec(begin); !begun)
            return std::unexpected(begun.error());
        m_open = true;
        return QString();
    }

    Result<void> commit()
    {
        m_open = false;
        auto committed = m_connection.exec(QStringLiteral("COMMIT"));
        if (!committed)
            return std::unexpected(committed.error());
        return {};
    }

private:
    const Connection &m_connection;
    bool m_open = false;
};

// The schema size from which a concurrent read opens its second connection:
// about what connecting costs (some milliseconds) is what two connections
// save on a hundred tables.
constexpr qsizetype ConcurrentReadTables = 100;

// Whether `connection` is inside a transaction block: there, the transaction
// began before this statement did; outside one, each statement is its own
// transaction and both times are the same.
Result<bool> inTransactionBlock(const Connection &connection)
{
    auto query = connection.exec(
        QStringLiteral("SELECT pg_catalog.transaction_timestamp() <> pg_catalog.statement_timestamp()"));
    if (!query)
        return std::unexpected(query.error());
    return query->next() && query->value(0).toBool();
}

// Every step on the reader's connection, one after the other.
Result<void> readOnOneConnection(Reader &reader)
{
    for (const Step *step : {&tablesStep, &columnsStep, &constraintsStep, &indexesStep, &enumsStep, &unmanagedStep}) {
        if (auto done = runHere(reader, *step); !done)
            return done;
    }
    return {};
}

// The steps in one exported snapshot, the constraints and indexes on a
// second connection when the schema is large enough (PostgresIntrospector::Concurrent).
Result<void> readConcurrently(Reader &reader)
{
    SharedSnapshot transaction(reader.connection);
    const auto snapshot = transaction.begin();
    if (!snapshot)
        return std::unexpected(snapshot.error());
    if (auto done = runHere(reader, tablesStep); !done)
        return done;
    OtherConnection other;
    {
        // Declared last: joined before anything it reads goes away. A small
        // schema is read on the one connection: a second session would cost
        // more than it saves.
        std::jthread worker;
        if (!snapshot->isEmpty() && reader.schema.tables.size() >= ConcurrentReadTables)
            worker = std::jthread([&] { other.read(reader.connection, *snapshot, reader.schemaName); });
        for (const Step *step : {&columnsStep, &enumsStep, &unmanagedStep}) {
            if (auto done = runHere(reader, *step); !done)
                return done;
        }
    }
    if (other.inSnapshot) {
        // The indexes were read only if the constraints were.
        for (auto [rows, step] : {std::pair{&other.constraints, &constraintsStep}, std::pair{&other.indexes, &indexesStep}}) {
            Result<CatalogRows> &read = **rows;
            if (!read)
                return std::unexpected(read.error());
            if (auto done = (reader.*step->read)(*read); !done)
                return done;
        }
    } else {
        for (const Step *step : {&constraintsStep, &indexesStep}) {
            if (auto done = runHere(reader, *step); !done)
                return done;
        }
    }
    return transaction.commit();
}

} // namespace

Result<Schema> PostgresIntrospector::read(const Connection &connection, const QString &schemaName, Mode mode)
{
    Reader reader{connection, schemaName, {}, {}};
    if (mode == Concurrent) {
        // A caller's transaction is left as it is: read in it, on its connection.
        const auto inBlock = inTransactionBlock(connection);
        if (!inBlock)
            return std::unexpected(inBlock.error());
        if (*inBlock)
            mode = OneConnection;
    }
    if (auto done = mode == Concurrent ? readConcurrently(reader) : readOnOneConnection(reader); !done)
        return std::unexpected(done.error());

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
