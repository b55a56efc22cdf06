#include "SqliteIntrospector.h"

#include "Introspector.h"
#include "SqliteTableParser.h"
#include "db/Connection.h"
#include "dialect/SqlExpression.h"
#include "dialect/SqliteDialect.h"
#include "model/StringPool.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVersionNumber>

#include <algorithm>
#include <map>
#include <optional>

namespace sd {

namespace {

// The tables whose pragmas are read: no internal sqlite_ tables and no
// virtual tables (their module may not be loaded, and they are unmanaged).
const QString userTablesFilter = QStringLiteral("m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                                "AND coalesce(m.sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%'");

// Suffixes of the shadow tables FTS3/4/5 and R*Tree keep for a virtual table.
const QStringList shadowSuffixes{QStringLiteral("content"), QStringLiteral("data"),   QStringLiteral("idx"),
                                 QStringLiteral("docsize"), QStringLiteral("config"), QStringLiteral("segments"),
                                 QStringLiteral("segdir"),  QStringLiteral("stat"),   QStringLiteral("node"),
                                 QStringLiteral("rowid"),   QStringLiteral("parent")};

struct SchemaObject
{
    QString type;
    QString name;
    QString tableName;
    QString sql;
    qint64 rowid = 0;
};

struct ColumnRow
{
    int cid = 0;
    QString name;
    QString declaredType;
    bool notNull = false;
    QVariant defaultSql;
    int pk = 0;
    int hidden = 0;
};

// The index SQLite made for a UNIQUE constraint (origin 'u').
struct IndexRows
{
    QString name;                           // sqlite_autoindex_<table>_<N>
    QList<std::pair<int, QString>> columns; // seqno, key column
};

struct ForeignKeyRows
{
    struct Pair
    {
        int seq = 0;
        QString from;
        QVariant to; // NULL: the referenced table's primary key
    };
    int id = 0;
    QString table;
    QList<Pair> pairs; // in the order the query gave them; sorted by seq when used
    QString onUpdate;
    QString onDelete;
};

bool isVirtualTableSql(const QString &sql)
{
    return QStringView(sql).trimmed().startsWith(QLatin1String("CREATE VIRTUAL TABLE"), Qt::CaseInsensitive);
}

bool sameNames(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].compare(b[i], Qt::CaseInsensitive) != 0)
            return false;
    }
    return true;
}

// The columns of a CREATE INDEX whose every element is a bare column of the
// table indexed with the column's own collation (the default BINARY),
// ascending: the table's names for them, in its case. Anything else (an
// expression, DESC, a COLLATE, a column declared with another collation)
// gives nullopt, and the index is kept as its SQL.
std::optional<QStringList> plainIndexColumns(const SqliteIndexDefinition &index, const SqliteTableDefinition &table)
{
    if (!index.plainColumns)
        return std::nullopt;
    QStringList columns;
    for (const QString &name : index.columns) {
        const SqliteColumnDefinition *column = table.column(name);
        if (!column
            || !(column->collation.isEmpty() || column->collation.compare(QLatin1String("BINARY"), Qt::CaseInsensitive) == 0))
            return std::nullopt;
        columns.append(column->name);
    }
    return columns;
}

// N in sqlite_autoindex_<table>_N: the declaration order of the UNIQUE.
int autoindexNumber(const QString &name)
{
    bool ok = false;
    const int n = name.mid(name.lastIndexOf(QLatin1Char('_')) + 1).toInt(&ok);
    return ok ? n : 0;
}

ReferentialAction actionFromPragma(const QString &text)
{
    return referentialActionFromKey(text).value_or(ReferentialAction::NoAction);
}

Result<bool> checkVersion(const Connection &connection)
{
    QString version = connection.serverVersion();
    version.remove(QStringLiteral("SQLite "));
    if (QVersionNumber::fromString(version).isNull()) {
        auto query = connection.exec(QStringLiteral("SELECT sqlite_version()"));
        if (!query)
            return std::unexpected(query.error());
        if (query->next())
            version = query->value(0).toString();
    }
    const QVersionNumber number = QVersionNumber::fromString(version);
    if (number < QVersionNumber(3, 26)) {
        return std::unexpected(Error::database(
            connection.url().serverDescription(),
            QCoreApplication::translate("SqliteIntrospector",
                                        "SQLite %1 is too old to be inspected: SchemaDesk needs 3.26 or later")
                .arg(version)));
    }
    return true;
}

// One query's rows, taken table by table. Each query starts with the
// rowid its table has in sqlite_master and is ordered by it (ORDER BY
// m.rowid), which SQLite gives by its scan of sqlite_master, without
// sorting anything. The reader walks the tables in that order and takes
// each table's rows from every query at once, then builds the table: what
// it holds at any time is one table's rows, not the whole schema's, so
// what it builds from is still in the processor's cache at any size.
// Within a table the rows come in the pragma's order; where that order
// matters they are sorted where used (by column number, key position).
class TableRows
{
public:
    TableRows(const Connection &connection, QString sql)
        : m_connection(connection)
        , m_sql(std::move(sql))
    {
    }

    Result<bool> start()
    {
        auto query = m_connection.exec(m_sql);
        if (!query)
            return std::unexpected(query.error());
        m_query = std::move(*query);
        advance();
        return true;
    }

    // Calls `fn(query)` for each row of the table whose rowid is `rowid`,
    // passing over the rows of the tables before it that are not read
    // (shadow tables of a virtual table, SchemaDesk's own).
    template<typename Fn>
    void forEachRowOf(qint64 rowid, Fn &&fn)
    {
        while (m_valid && m_rowid < rowid)
            advance();
        while (m_valid && m_rowid == rowid) {
            fn(std::as_const(m_query));
            advance();
        }
    }

    // The error the query stopped on, if it did.
    std::optional<Error> error() const { return m_connection.rowsError(m_query, m_sql); }

private:
    void advance()
    {
        m_valid = m_query.next();
        if (m_valid)
            m_rowid = m_query.value(0).toLongLong();
    }

    const Connection &m_connection;
    const QString m_sql;
    QSqlQuery m_query;
    bool m_valid = false;
    qint64 m_rowid = 0;
};

// What the queries give for one table.
struct TableRowSet
{
    QList<ColumnRow> columns;
    QList<IndexRows> indexes;
    QList<ForeignKeyRows> foreignKeys;
};

// A foreign key to the primary key of its table (REFERENCES t with no
// columns): its columns are known once that table is read.
struct KeyToPrimaryKey
{
    qsizetype table = 0;      // in Schema::tables
    qsizetype foreignKey = 0; // in its foreignKeys
    QString referencedTable;  // lower case
};

class Reader
{
public:
    explicit Reader(const Connection &connection)
        : m_connection(connection)
    {
    }

    Result<Schema> read();

private:
    Result<bool> readObjects();
    Result<QStringList> primaryKeyOf(const QString &table);
    static void addColumnRow(TableRowSet &rows, const QSqlQuery &query);
    static void addIndexRow(TableRowSet &rows, const QSqlQuery &query);
    static void addForeignKeyRow(TableRowSet &rows, const QSqlQuery &query);
    Result<Table> buildTable(const SchemaObject &object, TableRowSet &rows);
    Result<bool> addIndexes(Table &table, QList<IndexRows> &autoindexes, const SqliteTableDefinition &definition) const;
    void addForeignKeys(Table &table, QList<ForeignKeyRows> &keys, const SqliteTableDefinition &definition);
    Error unreadable(const Error &parseError, const QString &sql) const
    {
        return Error::database(m_connection.url().serverDescription(), parseError.message, sql);
    }

    const Connection &m_connection;
    QList<SchemaObject> m_tables;       // managed tables, in sqlite_master's rowid order
    QHash<QString, QList<SchemaObject>> m_createIndexes; // lower-case table -> its CREATE INDEX statements
    QList<UnmanagedObject> m_unmanaged;
    QHash<QString, QString> m_tableNames;      // lower-case table -> name, of every table but virtual ones
    QHash<QString, QStringList> m_primaryKeys; // lower-case table -> PK columns, of the tables read so far
    QList<KeyToPrimaryKey> m_keysToPrimaryKeys;
    qsizetype m_tablesBuilt = 0;
};

Result<Schema> Reader::read()
{
    if (auto ok = checkVersion(m_connection); !ok)
        return std::unexpected(ok.error());
    if (auto ok = readObjects(); !ok)
        return std::unexpected(ok.error());

    // The key columns of the indexes SQLite made for UNIQUE constraints
    // (origin 'u') come from pragma_index_xinfo. CREATE INDEX statements
    // (origin 'c') are the indexes with SQL in sqlite_master, read from the
    // statement itself (addIndexes()). Each pragma call looks its table or
    // index up by name, and SQLite keeps names in hashes of at most 64
    // buckets, so every call per table or per index makes reading grow
    // faster than the schema.
    TableRows columns(m_connection,
                      QStringLiteral("SELECT m.rowid, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
                                     "FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name, 'main') AS p WHERE ")
                          + userTablesFilter + QStringLiteral(" ORDER BY m.rowid"));
    TableRows indexes(m_connection,
                      QStringLiteral("SELECT m.rowid, il.name, ix.seqno, ix.name "
                                     "FROM sqlite_master AS m JOIN pragma_index_list(m.name, 'main') AS il "
                                     "JOIN pragma_index_xinfo(il.name, 'main') AS ix WHERE ")
                          + userTablesFilter + QStringLiteral(" AND il.origin = 'u' AND ix.key = 1 ORDER BY m.rowid"));
    TableRows foreignKeys(m_connection,
                          QStringLiteral("SELECT m.rowid, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, "
                                         "f.on_delete, f.seq "
                                         "FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name, 'main') AS f WHERE ")
                              + userTablesFilter + QStringLiteral(" ORDER BY m.rowid"));
    for (TableRows *query : {&columns, &indexes, &foreignKeys}) {
        if (auto ok = query->start(); !ok)
            return std::unexpected(ok.error());
    }

    Schema schema;
    schema.tables.reserve(m_tables.size());
    for (const SchemaObject &object : std::as_const(m_tables)) {
        TableRowSet rows;
        columns.forEachRowOf(object.rowid, [&](const QSqlQuery &q) { addColumnRow(rows, q); });
        indexes.forEachRowOf(object.rowid, [&](const QSqlQuery &q) { addIndexRow(rows, q); });
        foreignKeys.forEachRowOf(object.rowid, [&](const QSqlQuery &q) { addForeignKeyRow(rows, q); });
        auto table = buildTable(object, rows);
        if (!table)
            return std::unexpected(table.error());
        StringPool::intern(*table); // while it is in the cache
        m_primaryKeys.insert(table->name.toLower(), table->primaryKey.columns);
        schema.tables.append(std::move(*table));
        ++m_tablesBuilt;
    }
    for (const TableRows *query : {&columns, &indexes, &foreignKeys}) {
        if (const std::optional<Error> error = query->error())
            return std::unexpected(*error);
    }
    for (const KeyToPrimaryKey &key : std::as_const(m_keysToPrimaryKeys)) {
        auto columns = primaryKeyOf(key.referencedTable);
        if (!columns)
            return std::unexpected(columns.error());
        schema.tables[key.table].foreignKeys[key.foreignKey].referencedColumns = *columns;
    }
    std::sort(schema.tables.begin(), schema.tables.end(),
              [](const Table &a, const Table &b) { return a.name < b.name; });

    schema.unmanaged = m_unmanaged;
    std::stable_sort(schema.unmanaged.begin(), schema.unmanaged.end(),
                     [](const UnmanagedObject &a, const UnmanagedObject &b) {
                         return a.kind != b.kind ? a.kind < b.kind : a.name < b.name;
                     });
    return schema;
}

// The primary key of `table` (lower case): of a table read above, or, for
// a table SchemaDesk does not read (its own, a virtual table's shadow),
// asked for once, however many keys name it.
Result<QStringList> Reader::primaryKeyOf(const QString &table)
{
    if (const auto found = m_primaryKeys.constFind(table); found != m_primaryKeys.cend())
        return *found;
    if (!m_tableNames.contains(table))
        return QStringList(); // a key to a missing or a virtual table: SQLite allows it while keys are off
    auto query = m_connection.exec(
        QStringLiteral("SELECT name FROM pragma_table_info(?, 'main') WHERE pk > 0 ORDER BY pk"), {m_tableNames.value(table)});
    if (!query)
        return std::unexpected(query.error());
    QStringList columns;
    while (query->next())
        columns.append(query->value(0).toString());
    if (const std::optional<Error> error = m_connection.rowsError(*query, query->lastQuery()))
        return std::unexpected(*error);
    return *m_primaryKeys.insert(table, StringPool::intern(columns));
}

Result<bool> Reader::readObjects()
{
    auto query = m_connection.exec(QStringLiteral("SELECT type, name, tbl_name, sql, rowid FROM sqlite_master "
                                                  "WHERE type IN ('table', 'index', 'view', 'trigger')"));
    if (!query)
        return std::unexpected(query.error());

    QList<SchemaObject> tables;
    QStringList virtualTables;
    while (query->next()) {
        SchemaObject object{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                            query->value(3).toString(), query->value(4).toLongLong()};
        const bool virtualTable = object.type == QLatin1String("table") && isVirtualTableSql(object.sql);
        if (object.type == QLatin1String("table") && !virtualTable)
            m_tableNames.insert(object.name.toLower(), object.name); // what foreign keys may name
        if (object.type == QLatin1String("index")) {
            // The indexes SQLite makes for UNIQUE and PRIMARY KEY have no SQL
            // and come from the pragmas.
            if (!query->isNull(3))
                m_createIndexes[object.tableName.toLower()].append(object);
        } else if (object.type == QLatin1String("view") || object.type == QLatin1String("trigger")) {
            const QString table = object.type == QLatin1String("trigger") ? object.tableName : QString();
            m_unmanaged.append(UnmanagedObject{object.type, object.name, table, object.sql});
        } else if (object.name.startsWith(QLatin1String("sqlite_")) || Introspector::isSchemaDeskTable(object.name)) {
            continue;
        } else if (virtualTable) {
            virtualTables.append(object.name);
            m_unmanaged.append(UnmanagedObject{QStringLiteral("virtual table"), object.name, {}, object.sql});
        } else {
            tables.append(object);
        }
    }
    if (const std::optional<Error> error = m_connection.rowsError(*query, query->lastQuery()))
        return std::unexpected(*error);

    for (const SchemaObject &object : std::as_const(tables)) {
        const auto owner = std::find_if(virtualTables.cbegin(), virtualTables.cend(), [&](const QString &vtab) {
            return object.name.startsWith(vtab + QLatin1Char('_'))
                   && shadowSuffixes.contains(object.name.mid(vtab.size() + 1));
        });
        if (owner != virtualTables.cend()) {
            m_unmanaged.append(
                UnmanagedObject{QStringLiteral("virtual table shadow"), object.name, *owner, object.sql});
            continue;
        }
        m_tables.append(object);
    }
    std::sort(m_tables.begin(), m_tables.end(),
              [](const SchemaObject &a, const SchemaObject &b) { return a.rowid < b.rowid; });
    m_primaryKeys.reserve(m_tables.size());
    return true;
}

void Reader::addColumnRow(TableRowSet &rows, const QSqlQuery &query)
{
    ColumnRow row;
    row.cid = query.value(1).toInt();
    row.name = query.value(2).toString();
    row.declaredType = query.value(3).toString();
    row.notNull = query.value(4).toInt() != 0;
    row.defaultSql = query.value(5);
    row.pk = query.value(6).toInt();
    row.hidden = query.value(7).toInt();
    rows.columns.append(row);
}

void Reader::addIndexRow(TableRowSet &rows, const QSqlQuery &query)
{
    QList<IndexRows> &indexes = rows.indexes;
    const QString name = query.value(1).toString();
    auto index = std::find_if(indexes.rbegin(), indexes.rend(), [&](const IndexRows &i) { return i.name == name; });
    if (index == indexes.rend()) {
        indexes.append(IndexRows{name, {}});
        index = indexes.rbegin();
    }
    index->columns.append({query.value(2).toInt(), query.value(3).toString()});
}

void Reader::addForeignKeyRow(TableRowSet &rows, const QSqlQuery &query)
{
    QList<ForeignKeyRows> &keys = rows.foreignKeys;
    const int id = query.value(1).toInt();
    auto key = std::find_if(keys.rbegin(), keys.rend(), [&](const ForeignKeyRows &k) { return k.id == id; });
    if (key == keys.rend()) {
        keys.append(ForeignKeyRows{id, query.value(2).toString(), {}, query.value(5).toString(), query.value(6).toString()});
        key = keys.rbegin();
    }
    key->pairs.append({query.value(7).toInt(), query.value(3).toString(), query.value(4)});
}

Result<Table> Reader::buildTable(const SchemaObject &object, TableRowSet &rows)
{
    auto parsed = SqliteTableParser::parseTable(object.sql);
    if (!parsed)
        return std::unexpected(unreadable(parsed.error(), object.sql));
    const SqliteTableDefinition &definition = *parsed;

    Table table;
    table.name = object.name;
    table.withoutRowid = definition.withoutRowid;
    table.strict = definition.strict;
    const auto byCid = [](const ColumnRow &a, const ColumnRow &b) { return a.cid < b.cid; };
    if (!std::is_sorted(rows.columns.cbegin(), rows.columns.cend(), byCid))
        std::sort(rows.columns.begin(), rows.columns.end(), byCid);
    std::map<int, QString> keyParts; // pk ordinal -> column
    table.columns.reserve(rows.columns.size());
    for (const ColumnRow &row : std::as_const(rows.columns)) {
        if (row.pk > 0)
            keyParts[row.pk] = row.name;
        if (row.hidden == 1) // a virtual table's hidden column
            continue;
        const SqliteColumnDefinition *parsedColumn = definition.column(row.name);
        Column column;
        column.name = row.name;
        column.type = SqliteDialect::typeFromDeclared(row.declaredType);
        column.nullable = !row.notNull && row.pk == 0;
        if (!row.defaultSql.isNull())
            column.defaultValue = SqlExpression::defaultFromSql(row.defaultSql.toString());
        if (parsedColumn && parsedColumn->autoincrement)
            column.autoincrement = Autoincrement::Yes;
        // BINARY is SQLite's default: a column that names it has none of its own.
        if (parsedColumn && parsedColumn->collation.compare(QLatin1String("BINARY"), Qt::CaseInsensitive) != 0)
            column.collation = parsedColumn->collation;
        if (row.hidden == 2 || row.hidden == 3) {
            column.generated = parsedColumn ? parsedColumn->generated : QString();
            column.generatedStored = row.hidden == 3;
        }
        table.columns.append(column);
    }

    for (const auto &[ordinal, name] : keyParts)
        table.primaryKey.columns.append(name);
    if (!table.primaryKey.columns.isEmpty())
        table.primaryKey.name = definition.primaryKey.name;

    if (auto ok = addIndexes(table, rows.indexes, definition); !ok)
        return std::unexpected(ok.error());
    addForeignKeys(table, rows.foreignKeys, definition);
    table.checks = definition.checks;
    return table;
}

Result<bool> Reader::addIndexes(Table &table, QList<IndexRows> &autoindexes, const SqliteTableDefinition &definition) const
{
    QList<bool> uniqueUsed(definition.uniqueConstraints.size(), false);
    QList<std::pair<int, UniqueConstraint>> uniques; // autoindex number, constraint
    // Autoindexes in declaration order, so that names match the SQL's UNIQUEs in turn.
    std::stable_sort(autoindexes.begin(), autoindexes.end(), [](const IndexRows &a, const IndexRows &b) {
        return autoindexNumber(a.name) < autoindexNumber(b.name);
    });
    for (IndexRows &autoindex : autoindexes) {
        std::sort(autoindex.columns.begin(), autoindex.columns.end()); // by seqno
        UniqueConstraint unique;
        for (const auto &[seqno, column] : std::as_const(autoindex.columns))
            unique.columns.append(column);
        for (int i = 0; i < definition.uniqueConstraints.size(); ++i) {
            if (!uniqueUsed[i] && sameNames(definition.uniqueConstraints[i].columns, unique.columns)) {
                uniqueUsed[i] = true;
                unique.name = definition.uniqueConstraints[i].name;
                break;
            }
        }
        uniques.append({autoindexNumber(autoindex.name), unique});
    }
    for (const SchemaObject &statement : m_createIndexes.value(table.name.toLower())) {
        const auto parsed = SqliteTableParser::parseIndex(statement.sql);
        if (!parsed)
            return std::unexpected(unreadable(parsed.error(), statement.sql));
        Index index;
        index.name = statement.name;
        index.unique = parsed->unique;
        index.where = parsed->where;
        if (const std::optional<QStringList> columns = plainIndexColumns(*parsed, definition))
            index.columns = *columns;
        else
            index.expression = parsed->elements;
        table.indexes.append(index);
    }

    std::sort(table.indexes.begin(), table.indexes.end(),
              [](const Index &a, const Index &b) { return a.name < b.name; });
    // Named constraints by name, then unnamed ones in declaration order.
    std::stable_sort(uniques.begin(), uniques.end(), [](const auto &a, const auto &b) {
        if (a.second.name.isEmpty() != b.second.name.isEmpty())
            return b.second.name.isEmpty();
        if (!a.second.name.isEmpty())
            return a.second.name < b.second.name;
        return a.first < b.first;
    });
    for (const auto &[number, unique] : std::as_const(uniques))
        table.uniqueConstraints.append(unique);
    return true;
}

void Reader::addForeignKeys(Table &table, QList<ForeignKeyRows> &keys, const SqliteTableDefinition &definition)
{
    // The pragma numbers keys from the last declared: declaration order is
    // descending id, the order the parser lists them in.
    std::sort(keys.begin(), keys.end(), [](const ForeignKeyRows &a, const ForeignKeyRows &b) { return a.id > b.id; });
    // Each key's column pairs in key order.
    QList<QStringList> from(keys.size());
    for (int k = 0; k < keys.size(); ++k) {
        QList<ForeignKeyRows::Pair> &pairs = keys[k].pairs;
        std::sort(pairs.begin(), pairs.end(), [](const auto &a, const auto &b) { return a.seq < b.seq; });
        for (const ForeignKeyRows::Pair &pair : std::as_const(pairs))
            from[k].append(pair.from);
    }

    bool positional = keys.size() == definition.foreignKeys.size();
    for (int i = 0; positional && i < keys.size(); ++i)
        positional = sameNames(from[i], definition.foreignKeys[i].columns);
    QList<bool> used(definition.foreignKeys.size(), false);

    for (int k = 0; k < keys.size(); ++k) {
        const ForeignKeyRows &rows = keys[k];
        ForeignKey fk;
        fk.columns = from[k];
        fk.referencedTable = m_tableNames.value(rows.table.toLower(), rows.table);
        const bool toPrimaryKey = std::any_of(rows.pairs.cbegin(), rows.pairs.cend(),
                                              [](const ForeignKeyRows::Pair &p) { return p.to.isNull(); });
        if (toPrimaryKey) {
            // That table may come later; its own, if it is this one.
            const QString referenced = rows.table.toLower();
            if (referenced == table.name.toLower())
                fk.referencedColumns = table.primaryKey.columns;
            else
                m_keysToPrimaryKeys.append({m_tablesBuilt, table.foreignKeys.size(), referenced});
        } else {
            for (const ForeignKeyRows::Pair &pair : rows.pairs)
                fk.referencedColumns.append(pair.to.toString());
        }
        fk.onDelete = actionFromPragma(rows.onDelete);
        fk.onUpdate = actionFromPragma(rows.onUpdate);

        int match = positional ? k : -1;
        for (int i = 0; match < 0 && i < definition.foreignKeys.size(); ++i) {
            const ForeignKey &candidate = definition.foreignKeys[i];
            if (!used[i] && sameNames(candidate.columns, fk.columns)
                && candidate.referencedTable.compare(rows.table, Qt::CaseInsensitive) == 0)
                match = i;
        }
        if (match >= 0) {
            used[match] = true;
            const ForeignKey &declared = definition.foreignKeys[match];
            fk.name = declared.name;
            fk.deferrable = declared.deferrable;
            fk.initiallyDeferred = declared.initiallyDeferred;
        }
        table.foreignKeys.append(fk);
    }
}

} // namespace

Result<Schema> SqliteIntrospector::read(const Connection &connection)
{
    return Reader(connection).read();
}

} // namespace sd
