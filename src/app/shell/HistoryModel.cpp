// HistoryModel: the audit log, newest first.

#include "HistoryModel.h"

#include <QBrush>
#include <QColor>

namespace sd::app {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case When:
            return e.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Who:
            return e.appliedBy;
        case Database:
            return e.environment.isEmpty() ? e.databaseUrl : tr("%1 (%2)").arg(e.databaseUrl, e.environment);
        case Direction:
            return e.direction == QLatin1String("downgrade") ? tr("roll back") : tr("apply");
        case Revisions:
            return e.revisions.join(QStringLiteral(", "));
        case Result:
            if (e.result == QLatin1String("succeeded"))
                return tr("succeeded");
            if (e.result == QLatin1String("cancelled"))
                return tr("cancelled");
            return tr("failed");
        case Duration:
            return tr("%1 ms").arg(e.durationMs);
        }
    } else if (role == Qt::ToolTipRole && !e.message.isEmpty()) {
        return e.message;
    } else if (role == Qt::ForegroundRole && index.column() == Result && e.result == QLatin1String("failed")) {
        return QBrush(QColor(0xc6, 0x28, 0x28));
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Database:
        return tr("Database");
    case Direction:
        return tr("Action");
    case Revisions:
        return tr("Revisions");
    case Result:
        return tr("Result");
    case Duration:
        return tr("Duration");
    }
    return {};
}

void HistoryModel::setEntries(const QList<AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

} // namespace sd::app
