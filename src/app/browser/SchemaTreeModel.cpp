#include "SchemaTreeModel.h"

#include <QFont>

namespace sd::app {

namespace {

QString joined(const QStringList &names)
{
    return QLatin1Char('(') + names.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace

SchemaTreeModel::SchemaTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_nodes.append(Node{}); // the root
}

int SchemaTreeModel::addNode(NodeKind kind, int parent, int table, int item)
{
    Node node;
    node.kind = kind;
    node.parent = parent;
    node.row = int(m_nodes[parent].children.size());
    node.table = table;
    node.item = item;
    const int id = int(m_nodes.size());
    m_nodes.append(node);
    m_nodes[parent].children.append(id);
    return id;
}

void SchemaTreeModel::setSchema(const Schema &schema)
{
    beginResetModel();
    m_schema = schema;
    m_nodes.clear();
    m_nodes.append(Node{});
    for (int t = 0; t < m_schema.tables.size(); ++t) {
        const Table &table = m_schema.tables.at(t);
        const int tableNode = addNode(NodeKind::Table, 0, t, -1);
        const auto group = [&](NodeKind groupKind, NodeKind itemKind, qsizetype count) {
            if (count == 0)
                return;
            const int g = addNode(groupKind, tableNode, t, -1);
            for (int i = 0; i < count; ++i)
                addNode(itemKind, g, t, i);
        };
        group(NodeKind::ColumnGroup, NodeKind::Column, table.columns.size());
        group(NodeKind::IndexGroup, NodeKind::Index, table.indexes.size());
        group(NodeKind::UniqueGroup, NodeKind::Unique, table.uniqueConstraints.size());
        group(NodeKind::ForeignKeyGroup, NodeKind::ForeignKey, table.foreignKeys.size());
        group(NodeKind::CheckGroup, NodeKind::Check, table.checks.size());
    }
    endResetModel();
}

QModelIndex SchemaTreeModel::tableIndex(const QString &table) const
{
    const QList<int> &tables = m_nodes.at(0).children;
    for (int row = 0; row < tables.size(); ++row) {
        if (m_schema.tables.at(m_nodes.at(tables.at(row)).table).name == table)
            return index(row, 0);
    }
    return {};
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const int p = parent.isValid() ? int(parent.internalId()) : 0;
    if (p >= m_nodes.size() || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &children = m_nodes.at(p).children;
    if (row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes.at(int(child.internalId())).parent;
    if (p <= 0)
        return {};
    return createIndex(m_nodes.at(p).row, 0, quintptr(p));
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_nodes.at(0).children.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes.at(int(parent.internalId())).children.size());
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : section == DetailsColumn ? tr("Details") : QVariant();
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes.at(int(index.internalId()));
    const Table &table = m_schema.tables.at(node.table);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? name(node) : details(node);
    case Qt::ToolTipRole:
        return QString(name(node) + QStringLiteral(": ") + details(node));
    case Qt::FontRole:
        if (node.kind == NodeKind::Table && index.column() == NameColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case NodeKindRole:
        return int(node.kind);
    case TableRole:
        return table.name;
    case ObjectNameRole:
        switch (node.kind) {
        case NodeKind::Table:
            return table.name;
        case NodeKind::Column:
        case NodeKind::Index:
        case NodeKind::Unique:
        case NodeKind::ForeignKey:
        case NodeKind::Check:
            return name(node);
        default:
            return {};
        }
    default:
        return {};
    }
}

QString SchemaTreeModel::name(const Node &node) const
{
    const Table &table = m_schema.tables.at(node.table);
    switch (node.kind) {
    case NodeKind::Table:
        return table.name;
    case NodeKind::ColumnGroup:
        return tr("Columns");
    case NodeKind::IndexGroup:
        return tr("Indexes");
    case NodeKind::UniqueGroup:
        return tr("Unique constraints");
    case NodeKind::ForeignKeyGroup:
        return tr("Foreign keys");
    case NodeKind::CheckGroup:
        return tr("Checks");
    case NodeKind::Column:
        return table.columns.at(node.item).name;
    case NodeKind::Index:
        return table.indexes.at(node.item).name;
    case NodeKind::Unique:
        return table.uniqueConstraints.at(node.item).name.isEmpty() ? tr("(unnamed)") : table.uniqueConstraints.at(node.item).name;
    case NodeKind::ForeignKey:
        return table.foreignKeys.at(node.item).name.isEmpty() ? tr("(unnamed)") : table.foreignKeys.at(node.item).name;
    case NodeKind::Check:
        return table.checks.at(node.item).name.isEmpty() ? tr("(unnamed)") : table.checks.at(node.item).name;
    }
    return {};
}

QString SchemaTreeModel::details(const Node &node) const
{
    const Table &table = m_schema.tables.at(node.table);
    switch (node.kind) {
    case NodeKind::Table:
        return table.comment.isEmpty() ? tr("%n column(s)", nullptr, int(table.columns.size())) : table.comment;
    case NodeKind::ColumnGroup:
    case NodeKind::IndexGroup:
    case NodeKind::UniqueGroup:
    case NodeKind::ForeignKeyGroup:
    case NodeKind::CheckGroup:
        return QString::number(node.children.size());
    case NodeKind::Column: {
        const sd::Column &c = table.columns.at(node.item);
        QStringList parts{c.type.spelling()};
        if (table.primaryKey.columns.contains(c.name))
            parts << tr("primary key");
        else if (!c.nullable)
            parts << tr("not null");
        if (c.autoincrement != Autoincrement::No)
            parts << tr("autoincrement");
        if (c.defaultValue.isSet())
            parts << tr("default %1").arg(c.defaultValue.display());
        if (!c.generated.isEmpty())
            parts << tr("generated as %1").arg(c.generated);
        if (!c.renamedFrom.isEmpty())
            parts << tr("renamed from %1").arg(c.renamedFrom);
        return parts.join(QStringLiteral(", "));
    }
    case NodeKind::Index: {
        const Index &i = table.indexes.at(node.item);
        QString text = i.columns.isEmpty() ? QLatin1Char('(') + i.expression + QLatin1Char(')') : joined(i.columns);
        if (i.unique)
            text += QLatin1Char(' ') + tr("unique");
        if (!i.method.isEmpty())
            text += QLatin1Char(' ') + tr("using %1").arg(i.method);
        if (i.nullsNotDistinct)
            text += QLatin1Char(' ') + tr("nulls not distinct");
        if (!i.storageParameters.isEmpty())
            text += QLatin1Char(' ') + tr("with %1").arg(i.storageParameters.join(QStringLiteral(", ")));
        if (!i.where.isEmpty())
            text += QLatin1Char(' ') + tr("where %1").arg(i.where);
        return text;
    }
    case NodeKind::Unique: {
        const UniqueConstraint &u = table.uniqueConstraints.at(node.item);
        QString text = joined(u.columns);
        if (u.nullsNotDistinct)
            text += QLatin1Char(' ') + tr("nulls not distinct");
        if (u.deferrable)
            text += QLatin1Char(' ') + (u.initiallyDeferred ? tr("deferrable, initially deferred") : tr("deferrable"));
        return text;
    }
    case NodeKind::ForeignKey: {
        const ForeignKey &fk = table.foreignKeys.at(node.item);
        QString text = tr("%1 → %2 %3").arg(joined(fk.columns), fk.referencedTable, joined(fk.referencedColumns));
        if (fk.onDelete != ReferentialAction::NoAction)
            text += QStringLiteral(", ") + tr("on delete %1").arg(referentialActionKey(fk.onDelete));
        if (fk.onUpdate != ReferentialAction::NoAction)
            text += QStringLiteral(", ") + tr("on update %1").arg(referentialActionKey(fk.onUpdate));
        return text;
    }
    case NodeKind::Check:
        return table.checks.at(node.item).expression;
    }
    return {};
}

} // namespace sd::app
