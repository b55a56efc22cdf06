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

struct IndexRows
{
    QString name;
    bool unique = false;
    QString origin;
    QStringList columns; // a UNIQUE constraint's index (origin 'u'): its key columns; CREATE INDEX: none
};

struct ForeignKeyRows
{
    int id = 0;
    QString table;
    QStringList from;
    QList<QVariant> to;
    QString onUpdate;
    QString onDelete;
};

bool isVirtualTableSql(const QString &sql)
{
    return sql.trimmed().startsWith(QLatin1String("CREATE VIRTUAL TABLE"), Qt::CaseInsensitive);
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

// Query rows grouped by table. The queries return each table's rows
// together (ORDER BY m.name), so a table is looked up once, at its first
// row, not at every row.
template<typename Row>
class RowsByTable
{
public:
    void reserve(qsizetype tables) { m_rows.reserve(tables); }

    // The rows of `table` so far; `first` tells whether this row is its first.
    QList<Row> &rowsOf(const QString &table, bool *first = nullptr)
    {
        const bool isNew = !m_current || table != m_currentTable;
        if (isNew) {
            m_currentTable = table;
            m_current = &m_rows[table]; // valid until the next table is added
        }
        if (first)
            *first = isNew;
        return *m_current;
    }

    QList<Row> value(const QString &table) const { return m_rows.value(table); }

private:
    QHash<QString, QList<Row>> m_rows;
    QString m_currentTable;
    QList<Row> *m_current = nullptr;
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
    Result<bool> readColumns();
    Result<bool> readIndexes();
    Result<bool> readForeignKeys();
    Result<Table> buildTable(const SchemaObject &object) const;
    Result<bool> addIndexes(Table &table, const SqliteTableDefinition &definition) const;
    void addForeignKeys(Table &table, const SqliteTableDefinition &definition) const;
    Error unreadable(const Error &parseError, const QString &sql) const
    {
        return Error::database(m_connection.url().serverDescription(), parseError.message, sql);
    }

    const Connection &m_connection;
    QList<SchemaObject> m_tables;       // managed tables, by name
    QHash<QString, QString> m_indexSql; // index name -> CREATE INDEX
    QList<UnmanagedObject> m_unmanaged;
    RowsByTable<ColumnRow> m_columns;          // columns in cid order
    QHash<QString, QStringList> m_primaryKeys; // lower-case table -> PK columns by ordinal
    QHash<QString, QString> m_tableNames;      // lower-case table -> name
    RowsByTable<IndexRows> m_indexes;          // indexes in pragma order
    RowsByTable<ForeignKeyRows> m_foreignKeys; // keys by id
};

Result<Schema> Reader::read()
{
    if (auto ok = checkVersion(m_connection); !ok)
        return std::unexpected(ok.error());
    for (auto step : {&Reader::readObjects, &Reader::readColumns, &Reader::readIndexes, &Reader::readForeignKeys}) {
        if (auto ok = (this->*step)(); !ok)
            return std::unexpected(ok.error());
    }

    Schema schema;
    for (const SchemaObject &object : std::as_const(m_tables)) {
        auto table = buildTable(object);
        if (!table)
            return std::unexpected(table.error());
        StringPool::intern(*table); // while it is in the cache
        schema.tables.append(*table);
    }
    schema.unmanaged = m_unmanaged;
    std::stable_sort(schema.unmanaged.begin(), schema.unmanaged.end(),
                     [](const UnmanagedObject &a, const UnmanagedObject &b) {
                         return a.kind != b.kind ? a.kind < b.kind : a.name < b.name;
                     });
    return schema;
}

Result<bool> Reader::readObjects()
{
    auto query = m_connection.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                                  "WHERE type IN ('table', 'index', 'view', 'trigger') ORDER BY name"));
    if (!query)
        return std::unexpected(query.error());

    QList<SchemaObject> tables;
    QStringList virtualTables;
    while (query->next()) {
        SchemaObject object{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                            query->value(3).toString()};
        if (object.type == QLatin1String("index")) {
            m_indexSql.insert(object.name, object.sql);
        } else if (object.type == QLatin1String("view") || object.type == QLatin1String("trigger")) {
            const QString table = object.type == QLatin1String("trigger") ? object.tableName : QString();
            m_unmanaged.append(UnmanagedObject{object.type, object.name, table, object.sql});
        } else if (object.name.startsWith(QLatin1String("sqlite_")) || Introspector::isSchemaDeskTable(object.name)) {
            continue;
        } else if (isVirtualTableSql(object.sql)) {
            virtualTables.append(object.name);
            m_unmanaged.append(UnmanagedObject{QStringLiteral("virtual table"), object.name, {}, object.sql});
        } else {
            tables.append(object);
        }
    }

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
              [](const SchemaObject &a, const SchemaObject &b) { return a.name < b.name; });
    m_columns.reserve(m_tables.size());
    m_indexes.reserve(m_tables.size());
    m_foreignKeys.reserve(m_tables.size());
    m_tableNames.reserve(m_tables.size());
    return true;
}

Result<bool> Reader::readColumns()
{
    auto query = m_connection.exec(
        QStringLiteral("SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
                       "FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name, 'main') AS p WHERE ")
        + userTablesFilter + QStringLiteral(" ORDER BY m.name, p.cid"));
    if (!query)
        return std::unexpected(query.error());

    QHash<QString, std::map<int, QString>> keyParts; // table -> pk ordinal -> column
    while (query->next()) {
        const QString table = query->value(0).toString();
        ColumnRow row;
        row.cid = query->value(1).toInt();
        row.name = query->value(2).toString();
        row.declaredType = query->value(3).toString();
        row.notNull = query->value(4).toInt() != 0;
        row.defaultSql = query->value(5);
        row.pk = query->value(6).toInt();
        row.hidden = query->value(7).toInt();
        if (row.pk > 0)
            keyParts[table][row.pk] = row.name;
        bool first = false;
        m_columns.rowsOf(table, &first).append(row);
        if (first)
            m_tableNames.insert(table.toLower(), table);
    }
    for (auto it = keyParts.cbegin(); it != keyParts.cend(); ++it) {
        QStringList columns;
        for (const auto &[ordinal, name] : it.value())
            columns.append(name);
        m_primaryKeys.insert(it.key().toLower(), columns);
    }
    return true;
}

Result<bool> Reader::readIndexes()
{
    // The key columns of the indexes SQLite made for UNIQUE constraints
    // (origin 'u') come from pragma_index_xinfo. Those of CREATE INDEX
    // (origin 'c') are read from the statement itself (addIndexes()): each
    // pragma_index_xinfo call looks the index up by name, and SQLite keeps
    // index names in a hash of at most 64 buckets, so a call per index would
    // make reading grow faster than the number of indexes.
    const QString indexList = QStringLiteral("FROM sqlite_master AS m JOIN pragma_index_list(m.name, 'main') AS il ");
    auto query = m_connection.exec(
        QStringLiteral("SELECT m.name, il.name, il.\"unique\", il.origin, il.seq, ix.seqno, ix.name ")
        + indexList + QStringLiteral("JOIN pragma_index_xinfo(il.name, 'main') AS ix WHERE ") + userTablesFilter
        + QStringLiteral(" AND il.origin <> 'c' AND ix.key = 1 "
                         "UNION ALL SELECT m.name, il.name, il.\"unique\", il.origin, il.seq, 0, NULL ")
        + indexList + QStringLiteral("WHERE ") + userTablesFilter
        + QStringLiteral(" AND il.origin = 'c' ORDER BY 1, 5, 6"));
    if (!query)
        return std::unexpected(query.error());

    while (query->next()) {
        QList<IndexRows> &indexes = m_indexes.rowsOf(query->value(0).toString());
        const QString name = query->value(1).toString();
        if (indexes.isEmpty() || indexes.constLast().name != name) {
            IndexRows index;
            index.name = name;
            index.unique = query->value(2).toInt() != 0;
            index.origin = query->value(3).toString();
            indexes.append(index);
        }
        if (!query->isNull(6))
            indexes.last().columns.append(query->value(6).toString());
    }
    return true;
}

Result<bool> Reader::readForeignKeys()
{
    auto query = m_connection.exec(
        QStringLiteral("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
                       "FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name, 'main') AS f WHERE ")
        + userTablesFilter + QStringLiteral(" ORDER BY m.name, f.id, f.seq"));
    if (!query)
        return std::unexpected(query.error());

    while (query->next()) {
        QList<ForeignKeyRows> &keys = m_foreignKeys.rowsOf(query->value(0).toString());
        const int id = query->value(1).toInt();
        if (keys.isEmpty() || keys.constLast().id != id) {
            ForeignKeyRows key;
            key.id = id;
            key.table = query->value(2).toString();
            key.onUpdate = query->value(5).toString();
            key.onDelete = query->value(6).toString();
            keys.append(key);
        }
        keys.last().from.append(query->value(3).toString());
        keys.last().to.append(query->value(4));
    }
    return true;
}

Result<Table> Reader::buildTable(const SchemaObject &object) const
{
    auto parsed = SqliteTableParser::parseTable(object.sql);
    if (!parsed)
        return std::unexpected(unreadable(parsed.error(), object.sql));
    const SqliteTableDefinition &definition = *parsed;

    Table table;
    table.name = object.name;
    for (const ColumnRow &row : m_columns.value(object.name)) {
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
        if (row.hidden == 2 || row.hidden == 3) {
            column.generated = parsedColumn ? parsedColumn->generated : QString();
            column.generatedStored = row.hidden == 3;
        }
        table.columns.append(column);
    }

    table.primaryKey.columns = m_primaryKeys.value(object.name.toLower());
    if (!table.primaryKey.columns.isEmpty())
        table.primaryKey.name = definition.primaryKey.name;

    if (auto ok = addIndexes(table, definition); !ok)
        return std::unexpected(ok.error());
    addForeignKeys(table, definition);
    table.checks = definition.checks;
    return table;
}

Result<bool> Reader::addIndexes(Table &table, const SqliteTableDefinition &definition) const
{
    QList<bool> uniqueUsed(definition.uniqueConstraints.size(), false);
    QList<std::pair<int, UniqueConstraint>> uniques; // autoindex number, constraint
    QList<IndexRows> indexes = m_indexes.value(table.name);
    // Autoindexes in declaration order, so that names match the SQL's UNIQUEs in turn.
    std::stable_sort(indexes.begin(), indexes.end(), [](const IndexRows &a, const IndexRows &b) {
        return autoindexNumber(a.name) < autoindexNumber(b.name);
    });

    for (const IndexRows &rows : std::as_const(indexes)) {
        if (rows.origin == QLatin1String("u")) {
            const QStringList &columns = rows.columns;
            UniqueConstraint unique;
            unique.columns = columns;
            for (int i = 0; i < definition.uniqueConstraints.size(); ++i) {
                if (!uniqueUsed[i] && sameNames(definition.uniqueConstraints[i].columns, columns)) {
                    uniqueUsed[i] = true;
                    unique.name = definition.uniqueConstraints[i].name;
                    break;
                }
            }
            uniques.append({autoindexNumber(rows.name), unique});
        } else if (rows.origin == QLatin1String("c")) {
            const QString sql = m_indexSql.value(rows.name);
            const auto parsed = SqliteTableParser::parseIndex(sql);
            if (!parsed)
                return std::unexpected(unreadable(parsed.error(), sql));
            Index index;
            index.name = rows.name;
            index.unique = rows.unique;
            index.where = parsed->where;
            if (const std::optional<QStringList> columns = plainIndexColumns(*parsed, definition))
                index.columns = *columns;
            else
                index.expression = parsed->elements;
            table.indexes.append(index);
        }
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

void Reader::addForeignKeys(Table &table, const SqliteTableDefinition &definition) const
{
    // The pragma numbers keys from the last declared: declaration order is
    // descending id, the order the parser lists them in.
    QList<ForeignKeyRows> keys = m_foreignKeys.value(table.name);
    std::sort(keys.begin(), keys.end(), [](const ForeignKeyRows &a, const ForeignKeyRows &b) { return a.id > b.id; });

    bool positional = keys.size() == definition.foreignKeys.size();
    for (int i = 0; positional && i < keys.size(); ++i)
        positional = sameNames(keys[i].from, definition.foreignKeys[i].columns);
    QList<bool> used(definition.foreignKeys.size(), false);

    for (int k = 0; k < keys.size(); ++k) {
        const ForeignKeyRows &rows = keys[k];
        ForeignKey fk;
        fk.columns = rows.from;
        fk.referencedTable = m_tableNames.value(rows.table.toLower(), rows.table);
        const bool toPrimaryKey
            = std::any_of(rows.to.cbegin(), rows.to.cend(), [](const QVariant &v) { return v.isNull(); });
        if (toPrimaryKey) {
            fk.referencedColumns = m_primaryKeys.value(rows.table.toLower());
        } else {
            for (const QVariant &to : rows.to)
                fk.referencedColumns.append(to.toString());
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
