#pragma once
// Reads one table of schema.yaml: columns, primary key, indexes and
// constraints, checking every column they name against the table itself.
// References to other tables are handed back for SchemaReader to check.

#include "ColumnReader.h"

namespace sd {

// A foreign key's `references:`, checked once every table is read.
struct ForeignKeyReference
{
    qsizetype foreignKey = -1;     // index into Table::foreignKeys
    YamlNode node;                 // the references mapping
    YamlNode tableNode;
    QList<YamlNode> columnNodes;
};

struct TableEntry
{
    Table table;
    YamlNode nameNode;
    QList<ForeignKeyReference> references;
    // Names that live in the schema-wide index namespace: indexes, unique
    // constraints and a named primary key.
    QList<YamlItem> indexNames;
};

class TableReader
{
public:
    TableReader(const QList<EnumType> &enums, YamlDiagnostics &diagnostics);

    // std::nullopt when the table has no usable name (already reported).
    std::optional<TableEntry> read(const YamlNode &node);

    // See ColumnReader::setAcceptUndeclaredEnums (migrations turn it on).
    void setAcceptUndeclaredEnums(bool accept) { m_columnReader.setAcceptUndeclaredEnums(accept); }

    // The keys of one index, unique constraint, foreign key or check, as in
    // a table's lists. A migration's create_index and add_* operations take
    // the same keys plus their own (`table`, `concurrently`).
    static QStringList indexKeys();
    static QStringList uniqueKeys();
    static QStringList foreignKeyKeys();
    static QStringList checkKeys();

    // One item read from `map`, built by the caller with the keys above (and
    // any of its own). Column names are checked against `table` when it is
    // given; a migration does not know the table's columns and passes null.
    // `reference` receives the nodes of the `references:` mapping.
    Index readIndex(YamlMap &map, const Table *table);
    UniqueConstraint readUnique(YamlMap &map, const Table *table);
    ForeignKey readForeignKey(YamlMap &map, const Table *table, ForeignKeyReference *reference = nullptr);
    Check readCheck(YamlMap &map);

private:
    void readColumns(YamlMap &map, TableEntry &entry, QList<ColumnEntry> &columns);
    void readPrimaryKey(YamlMap &map, TableEntry &entry, const QList<ColumnEntry> &columns);
    // SQLite's rules for its table options: WITHOUT ROWID needs a primary
    // key, STRICT takes only INT, INTEGER, REAL, TEXT, BLOB and ANY.
    void checkSqliteOptions(YamlMap &map, const TableEntry &entry, const QList<ColumnEntry> &columns);
    void readIndexes(YamlMap &map, TableEntry &entry);
    // `with: {fillfactor: 70}`: names the index's method knows, each once.
    QStringList readStorageParameters(const YamlNode &node, const QString &method);
    void readUniqueConstraints(YamlMap &map, TableEntry &entry);
    void readForeignKeys(YamlMap &map, TableEntry &entry);
    void readChecks(YamlMap &map, TableEntry &entry);
    ReferentialAction readAction(YamlMap &map, const QString &key);
    void readDeferrable(YamlMap &map, bool &deferrable, bool &initiallyDeferred);

    // The column names of a `columns: [...]` list, each checked against the
    // table when one is given.
    QStringList columnList(YamlMap &map, const QString &key, const Table *table);
    void checkConstraintName(YamlMap &map, const QString &name);

    ColumnReader m_columnReader;
    YamlDiagnostics &m_diagnostics;
    QList<YamlItem> m_constraintNames; // of the table being read
};

} // namespace sd
