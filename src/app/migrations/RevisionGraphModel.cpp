#include "RevisionGraphModel.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace sd::app {

RevisionGraphModel::RevisionGraphModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_warningIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
{
}

void RevisionGraphModel::setGraph(const RevisionGraph &graph)
{
    beginResetModel();
    m_graph = graph;
    m_rows = HistoryLayout::rows(graph);
    m_rowOf.clear();
    m_maxLanes = 1;
    for (int i = 0; i < m_rows.size(); ++i) {
        m_rowOf.insert(m_rows.at(i).revision, i);
        m_maxLanes = qMax(m_maxLanes, m_rows.at(i).width);
    }
    const QStringList heads = graph.heads();
    m_heads = QSet<QString>(heads.cbegin(), heads.cend());
    m_applied = m_graph.closure(m_current);
    endResetModel();
}

void RevisionGraphModel::setCurrent(const QStringList &current)
{
    m_current = current;
    m_applied = m_graph.closure(current);
    updateStates();
}

void RevisionGraphModel::setChangedMigrations(const QList<ChangedMigration> &changed)
{
    m_changed.clear();
    for (const ChangedMigration &c : changed)
        m_changed.insert(c.revision, c);
    updateStates();
}

void RevisionGraphModel::updateStates()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

RevisionGraphModel::States RevisionGraphModel::states(const QString &revision) const
{
    States s;
    if (!m_graph.contains(revision))
        return s;
    s |= m_applied.contains(revision) ? Applied : Pending;
    if (m_current.contains(revision))
        s |= Current;
    if (m_heads.contains(revision))
        s |= Head;
    return s;
}

QString RevisionGraphModel::stateText(States states)
{
    QStringList words;
    if (states & Current)
        words << tr("current");
    else if (states & Applied)
        words << tr("applied");
    if (states & Pending)
        words << tr("pending");
    if (states & Head)
        words << tr("head");
    return words.join(QStringLiteral(", "));
}

QModelIndex RevisionGraphModel::indexOf(const QString &revision, int column) const
{
    const auto it = m_rowOf.constFind(revision);
    return it == m_rowOf.constEnd() ? QModelIndex() : index(*it, column);
}

QString RevisionGraphModel::revisionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).revision : QString();
}

int RevisionGraphModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RevisionGraphModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GraphColumn:
        return tr("Graph");
    case RevisionColumn:
        return tr("Revision");
    case MessageColumn:
        return tr("Message");
    case DateColumn:
        return tr("Created (UTC)");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

QVariant RevisionGraphModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryRow &row = m_rows.at(index.row());
    const Migration *migration = m_graph.revision(row.revision);
    const States s = states(row.revision);
    const auto changed = m_changed.constFind(row.revision);
    const bool isChanged = changed != m_changed.constEnd() && (s & Applied);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RevisionColumn:
            return row.revision;
        case MessageColumn:
            return migration ? migration->message : QString();
        case DateColumn:
            return migration && migration->created.isValid()
                       ? migration->created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : QString();
        case StateColumn:
            return stateText(s);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == StateColumn && isChanged)
            return m_warningIcon;
        return {};
    case Qt::ToolTipRole:
        if (isChanged)
            return changed->description();
        if (index.column() == MessageColumn && migration)
            return migration->message;
        if (index.column() == GraphColumn || index.column() == StateColumn)
            return stateText(s);
        return {};
    case Qt::FontRole:
        if (s & Current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::AccessibleTextRole:
        return QString(row.revision + QStringLiteral(", ") + stateText(s));
    case HistoryRowRole:
        return QVariant::fromValue(row);
    case RevisionRole:
        return row.revision;
    case StatesRole:
        return int(s);
    case ChangedRole:
        return isChanged;
    case MaxLanesRole:
        return m_maxLanes;
    default:
        return {};
    }
}

} // namespace sd::app
