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
    YAML::Node node;               // the references mapping
    YAML::Node tableNode;
    QList<YAML::Node> columnNodes;
};

struct TableEntry
{
    Table table;
    YAML::Node nameNode;
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
    std::optional<TableEntry> read(const YAML::Node &node);

private:
    void readColumns(YamlMap &map, TableEntry &entry, QList<ColumnEntry> &columns);
    void readPrimaryKey(YamlMap &map, TableEntry &entry, const QList<ColumnEntry> &columns);
    void readIndexes(YamlMap &map, TableEntry &entry);
    void readUniqueConstraints(YamlMap &map, TableEntry &entry);
    void readForeignKeys(YamlMap &map, TableEntry &entry);
    void readChecks(YamlMap &map, TableEntry &entry);
    ReferentialAction readAction(YamlMap &map, const QString &key);
    void readDeferrable(YamlMap &map, bool &deferrable, bool &initiallyDeferred);

    // The column names of a `columns: [...]` list, each checked against the table.
    QStringList columnList(YamlMap &map, const QString &key, const Table &table);
    void checkConstraintName(YamlMap &map, const QString &name);

    ColumnReader m_columnReader;
    YamlDiagnostics &m_diagnostics;
    QList<YamlItem> m_constraintNames; // of the table being read
};

} // namespace sd
