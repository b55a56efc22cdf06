// LogModel: statements run, one row each.

#include "LogModel.h"

#include <algorithm>

#include <QBrush>
#include <QColor>

namespace sd::app {

LogModel::LogModel(QObject *parent, int maximumRows)
    : QAbstractTableModel(parent)
    , m_maximumRows(std::max(1, maximumRows))
{
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ExecutedStatement &s = row.statement;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return row.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case Statement:
            return s.sql.simplified();
        case Duration:
            return tr("%1 ms").arg(s.durationMs);
        case Result:
            return s.ok ? tr("ok") : tr("failed: %1").arg(s.error);
        }
    } else if (role == Qt::ToolTipRole && index.column() == Statement) {
        return s.revision.isEmpty() ? s.sql : tr("revision %1\n%2").arg(s.revision, s.sql);
    } else if (role == Qt::ToolTipRole && index.column() == Result && !s.ok) {
        return s.error;
    } else if (role == Qt::ForegroundRole && !s.ok) {
        return QBrush(QColor(0xc6, 0x28, 0x28));
    } else if (role == Qt::TextAlignmentRole && index.column() == Duration) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Statement:
        return tr("Statement");
    case Duration:
        return tr("Duration");
    case Result:
        return tr("Result");
    }
    return {};
}

void LogModel::append(const sd::ExecutedStatement &statement)
{
    if (m_rows.size() >= m_maximumRows) {
        const int excess = int(m_rows.size()) - m_maximumRows + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_rows.remove(0, excess);
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({QDateTime::currentDateTimeUtc(), statement});
    endInsertRows();
}

void LogModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace sd::app
