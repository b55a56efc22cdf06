#include "SchemaDiffModel.h"

#include <QApplication>
#include <QCollator>
#include <QLocale>
#include <QSet>
#include <QStyle>

#include <algorithm>
#include <limits>

namespace sd::app {

namespace {

using K = Difference::Kind;

bool isEnum(K kind)
{
    return kind == K::EnumAdded || kind == K::EnumRemoved || kind == K::EnumChanged;
}

} // namespace

SchemaDiffModel::SchemaDiffModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_palette(QApplication::palette())
{
    rebuildIcons();
}

void SchemaDiffModel::setComparison(const Schema &configured, const Schema &live, const Differences &differences,
                                    const std::function<bool(const QString &)> &isIgnored)
{
    beginResetModel();
    m_configured = configured;
    m_live = live;
    m_differences = differences;
    m_nodes.clear();
    m_rowOfTable.clear();

    const auto ignored = [&isIgnored](const QString &name) { return isIgnored && isIgnored(name); };
    QHash<QString, int> nodeOf;
    nodeOf.reserve(configured.tables.size() + live.tables.size());
    const auto addNode = [this, &nodeOf](const QString &name, NodeKind kind) -> Node & {
        const auto it = nodeOf.constFind(name);
        if (it != nodeOf.constEnd())
            return m_nodes[*it];
        nodeOf.insert(name, int(m_nodes.size()));
        Node node;
        node.name = name;
        node.kind = kind;
        node.liveName = name;
        m_nodes.append(node);
        return m_nodes.last();
    };

    m_nodes.reserve(configured.tables.size() + live.tables.size());
    for (const Table &t : configured.tables) {
        if (!ignored(t.name))
            addNode(t.name, NodeKind::Table);
    }
    QSet<QString> renamedAway;
    for (const Difference &d : differences) {
        if (d.kind == K::TableRenamed)
            renamedAway.insert(d.oldName);
    }
    for (const Table &t : live.tables) {
        if (!ignored(t.name) && !renamedAway.contains(t.name))
            addNode(t.name, NodeKind::Table);
    }

    QHash<QString, int> enumNodes;
    for (qsizetype i = 0; i < differences.size(); ++i) {
        const Difference &d = differences.at(i);
        if (isEnum(d.kind)) {
            Node node;
            node.name = d.name;
            node.kind = NodeKind::Enum;
            node.status = statusOf(d.kind);
            node.own = i;
            node.destructive = d.destructive;
            enumNodes.insert(d.name, int(m_nodes.size()));
            m_nodes.append(node);
            continue;
        }
        Node &node = addNode(d.table, NodeKind::Table);
        node.destructive = node.destructive || d.destructive;
        if (d.kind == K::TableAdded || d.kind == K::TableRemoved) {
            node.status = statusOf(d.kind);
            node.own = i;
        } else {
            if (node.status == DiffStatus::Unchanged)
                node.status = DiffStatus::Changed;
            if (d.kind == K::TableRenamed) {
                node.own = i;
                node.liveName = d.oldName;
            } else {
                node.children.append(i);
            }
        }
    }

    // Tables by name as people sort them, enums after the tables.
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(m_nodes.begin(), m_nodes.end(), [&collator](const Node &a, const Node &b) {
        if (a.kind != b.kind)
            return a.kind == NodeKind::Table;
        return collator.compare(a.name, b.name) < 0;
    });
    m_counts = {};
    for (int row = 0; row < m_nodes.size(); ++row) {
        ++m_counts[size_t(m_nodes.at(row).status)];
        if (m_nodes.at(row).kind == NodeKind::Table)
            m_rowOfTable.insert(m_nodes.at(row).name, row);
    }
    endResetModel();
}

void SchemaDiffModel::clear()
{
    setComparison({}, {}, {});
}

void SchemaDiffModel::setRowCounts(const QHash<QString, qint64> &rowsPerTable)
{
    m_rowCounts = rowsPerTable;
    if (!m_nodes.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_nodes.size()) - 1, ColumnCount - 1));
        for (int row = 0; row < m_nodes.size(); ++row) {
            const QModelIndex parent = index(row, 0);
            if (const int n = rowCount(parent))
                Q_EMIT dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent));
        }
    }
}

void SchemaDiffModel::setPalette(const QPalette &palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    rebuildIcons();
    if (!m_nodes.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_nodes.size()) - 1, ColumnCount - 1),
                           {Qt::DecorationRole, Qt::ForegroundRole});
        for (int row = 0; row < m_nodes.size(); ++row) {
            const QModelIndex parent = index(row, 0);
            if (const int n = rowCount(parent))
                Q_EMIT dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent),
                                   {Qt::DecorationRole, Qt::ForegroundRole});
        }
    }
}

void SchemaDiffModel::rebuildIcons()
{
    for (DiffStatus s : {DiffStatus::Unchanged, DiffStatus::Added, DiffStatus::Removed, DiffStatus::Changed})
        m_icons[size_t(s)] = DiffStatusStyle::icon(s, m_palette);
    m_warningIcon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
}

Differences SchemaDiffModel::tableDifferences(const QString &table) const
{
    Differences out;
    const auto it = m_rowOfTable.constFind(table);
    if (it == m_rowOfTable.constEnd())
        return out;
    const Node &node = m_nodes.at(*it);
    if (node.own >= 0)
        out << m_differences.at(node.own);
    for (qsizetype i : node.children)
        out << m_differences.at(i);
    return out;
}

DiffStatus SchemaDiffModel::tableStatus(const QString &table) const
{
    const auto it = m_rowOfTable.constFind(table);
    return it == m_rowOfTable.constEnd() ? DiffStatus::Unchanged : m_nodes.at(*it).status;
}

QString SchemaDiffModel::liveTableName(const QString &table) const
{
    const auto it = m_rowOfTable.constFind(table);
    return it == m_rowOfTable.constEnd() ? table : m_nodes.at(*it).liveName;
}

QModelIndex SchemaDiffModel::tableIndex(const QString &table) const
{
    const auto it = m_rowOfTable.constFind(table);
    return it == m_rowOfTable.constEnd() ? QModelIndex() : index(*it, 0);
}

const Difference *SchemaDiffModel::difference(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    const Node &node = m_nodes.at(qsizetype(index.internalId() - 1));
    return &m_differences.at(node.children.at(index.row()));
}

int SchemaDiffModel::tableCount() const
{
    return int(m_rowOfTable.size());
}

QString SchemaDiffModel::warningText(const Difference &difference) const
{
    if (!difference.destructive)
        return {};
    const qint64 rows = m_rowCounts.value(difference.kind == K::TableRemoved ? difference.name : difference.table, -1);
    if (rows < 0)
        return difference.reason;
    if (rows > std::numeric_limits<int>::max())
        return tr("%1: %2 rows").arg(difference.reason, QLocale().toString(rows));
    return tr("%1: %Ln row(s)", nullptr, int(rows)).arg(difference.reason);
}

QModelIndex SchemaDiffModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_nodes.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_nodes.size())
        return {}; // children hang off a table's first column only
    if (row >= m_nodes.at(parent.row()).children.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SchemaDiffModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int SchemaDiffModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_nodes.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_nodes.at(parent.row()).children.size());
}

int SchemaDiffModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SchemaDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Table");
    case StatusColumn:
        return tr("Status");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

QVariant SchemaDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return nodeData(m_nodes.at(index.row()), index.column(), role);
    return childData(*difference(index), index.column(), role);
}

QVariant SchemaDiffModel::nodeData(const Node &node, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return node.kind == NodeKind::Enum ? tr("enum %1").arg(node.name) : node.name;
        if (column == StatusColumn)
            return DiffStatusStyle::text(node.status);
        return nodeDetails(node);
    case Qt::DecorationRole:
        if (column == NameColumn)
            return m_icons[size_t(node.status)];
        if (column == DetailsColumn && node.destructive)
            return m_warningIcon;
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn)
            return DiffStatusStyle::colour(node.status, m_palette);
        return {};
    case Qt::ToolTipRole:
        return nodeToolTip(node);
    case Qt::AccessibleTextRole:
        return QString(node.name + QStringLiteral(", ") + DiffStatusStyle::text(node.status));
    case StatusRole:
        return int(node.status);
    case NodeKindRole:
        return int(node.kind);
    case TableRole:
        return node.kind == NodeKind::Table ? node.name : QString();
    case ObjectNameRole:
        return node.name;
    case DestructiveRole:
        return node.destructive;
    case DifferenceCountRole:
        return int(node.children.size()) + (node.own >= 0 ? 1 : 0);
    case SearchTextRole:
        return node.liveName == node.name ? node.name : QString(node.name + QLatin1Char(' ') + node.liveName);
    default:
        return {};
    }
}

QVariant SchemaDiffModel::childData(const Difference &d, int column, int role) const
{
    const DiffStatus status = statusOf(d.kind);
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return objectLabel(d);
        if (column == StatusColumn)
            return DiffStatusStyle::text(status);
        return d.description();
    case Qt::DecorationRole:
        if (column == NameColumn)
            return m_icons[size_t(status)];
        if (column == DetailsColumn && d.destructive)
            return m_warningIcon;
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn)
            return DiffStatusStyle::colour(status, m_palette);
        return {};
    case Qt::ToolTipRole:
        return d.destructive ? QString(d.description() + QLatin1Char('\n') + warningText(d)) : d.description();
    case Qt::AccessibleTextRole:
        return QString(objectLabel(d) + QStringLiteral(", ") + DiffStatusStyle::text(status));
    case StatusRole:
        return int(status);
    case NodeKindRole:
        return int(NodeKind::Difference);
    case TableRole:
        return d.table;
    case ObjectNameRole:
        return d.name;
    case DestructiveRole:
        return d.destructive;
    case DifferenceCountRole:
        return 1;
    case SearchTextRole:
        return d.oldName.isEmpty() ? d.name : QString(d.name + QLatin1Char(' ') + d.oldName);
    default:
        return {};
    }
}

DiffStatus SchemaDiffModel::statusOf(Difference::Kind kind)
{
    switch (kind) {
    case K::EnumAdded:
    case K::TableAdded:
    case K::ColumnAdded:
    case K::IndexAdded:
    case K::UniqueAdded:
    case K::ForeignKeyAdded:
    case K::CheckAdded:
        return DiffStatus::Added;
    case K::EnumRemoved:
    case K::TableRemoved:
    case K::ColumnRemoved:
    case K::IndexRemoved:
    case K::UniqueRemoved:
    case K::ForeignKeyRemoved:
    case K::CheckRemoved:
        return DiffStatus::Removed;
    default:
        return DiffStatus::Changed;
    }
}

QString SchemaDiffModel::objectLabel(const Difference &d)
{
    switch (d.kind) {
    case K::TableCommentChanged:
        return tr("table comment");
    case K::PartitioningChanged:
        return tr("partitioning");
    case K::TableOptionsChanged:
        return tr("table options");
    case K::ColumnRenamed:
        return tr("column %1 (was %2)").arg(d.name, d.oldName);
    case K::ColumnAdded:
    case K::ColumnRemoved:
    case K::ColumnTypeChanged:
    case K::ColumnNullabilityChanged:
    case K::ColumnDefaultChanged:
    case K::ColumnAutoincrementChanged:
    case K::ColumnGeneratedChanged:
    case K::ColumnCollationChanged:
    case K::ColumnCommentChanged:
        return tr("column %1").arg(d.name);
    case K::PrimaryKeyChanged:
        return tr("primary key");
    case K::IndexAdded:
    case K::IndexRemoved:
    case K::IndexChanged:
        return tr("index %1").arg(d.name);
    case K::UniqueAdded:
    case K::UniqueRemoved:
    case K::UniqueChanged:
        return d.name.isEmpty() ? tr("unique constraint") : tr("unique %1").arg(d.name);
    case K::ForeignKeyAdded:
    case K::ForeignKeyRemoved:
    case K::ForeignKeyChanged:
        return d.name.isEmpty() ? tr("foreign key") : tr("foreign key %1").arg(d.name);
    case K::CheckAdded:
    case K::CheckRemoved:
    case K::CheckChanged:
        return d.name.isEmpty() ? tr("check") : tr("check %1").arg(d.name);
    default:
        return d.name;
    }
}

QString SchemaDiffModel::nodeDetails(const Node &node) const
{
    if (node.kind == NodeKind::Enum)
        return m_differences.at(node.own).description();
    switch (node.status) {
    case DiffStatus::Unchanged:
        return {};
    case DiffStatus::Added:
        return tr("new: will be created");
    case DiffStatus::Removed:
        return tr("not configured: will be dropped");
    case DiffStatus::Changed:
        break;
    }
    QString text = tr("%n difference(s)", nullptr, int(node.children.size()));
    if (node.liveName != node.name)
        text = tr("renamed from %1; %2").arg(node.liveName, text);
    return text;
}

QString SchemaDiffModel::nodeToolTip(const Node &node) const
{
    QStringList lines;
    if (node.own >= 0)
        lines << m_differences.at(node.own).description();
    for (qsizetype i : node.children) {
        if (m_differences.at(i).destructive)
            lines << warningText(m_differences.at(i));
    }
    if (node.own >= 0 && m_differences.at(node.own).destructive)
        lines << warningText(m_differences.at(node.own));
    if (lines.isEmpty())
        return QString(node.name + QStringLiteral(": ") + DiffStatusStyle::text(node.status));
    return lines.join(QLatin1Char('\n'));
}

} // namespace sd::app
