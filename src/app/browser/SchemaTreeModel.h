#pragma once
// The schema browser's tree: tables, and under each table group nodes for
// its columns (with types), indexes, unique constraints, foreign keys and
// checks, built from an sd::Schema (the configuration or the live
// database). Columns: name, details.

#include "model/Schema.h"

#include <QAbstractItemModel>

namespace sd::app {

class SchemaTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, DetailsColumn, ColumnCount };
    enum Role {
        NodeKindRole = Qt::UserRole + 1, // int(NodeKind)
        TableRole,                        // the table the node belongs to
        ObjectNameRole,                   // the table's, column's, index's or constraint's name
    };
    enum class NodeKind { Table, ColumnGroup, IndexGroup, UniqueGroup, ForeignKeyGroup, CheckGroup,
                          Column, Index, Unique, ForeignKey, Check };

    explicit SchemaTreeModel(QObject *parent = nullptr);

    void setSchema(const Schema &schema);
    const Schema &schema() const { return m_schema; }
    QModelIndex tableIndex(const QString &table) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        NodeKind kind = NodeKind::Table;
        int parent = -1;   // index in m_nodes; 0 is the invisible root
        int row = 0;       // row under the parent
        int table = -1;    // index in m_schema.tables
        int item = -1;     // index in the table's list of that kind
        QList<int> children;
    };

    int addNode(NodeKind kind, int parent, int table, int item);
    QString name(const Node &node) const;
    QString details(const Node &node) const;

    Schema m_schema;
    QList<Node> m_nodes;
};

} // namespace sd::app
