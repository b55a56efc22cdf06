#pragma once
// The History panel's model: the workspace's audit log of every apply and
// rollback (when, who, database, direction, revisions, result, duration).

#include "Workspace.h"

#include <QAbstractTableModel>

namespace sd::app {

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Who, Database, Direction, Revisions, Result, Duration, ColumnCount };

    explicit HistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEntries(const QList<AuditEntry> &entries);
    const AuditEntry &entry(int row) const { return m_entries.at(row); }

private:
    QList<AuditEntry> m_entries;
};

} // namespace sd::app
