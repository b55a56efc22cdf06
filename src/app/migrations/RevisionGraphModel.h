#pragma once
// The revision graph as a list for the migrations view, newest first, one
// row per revision laid out by the core's HistoryLayout (lanes, joins,
// forks), with its id, message, creation date and state: applied, pending,
// current (in the version table), head; a revision applied whose file
// changed since (ChecksumAudit) is marked with a warning.

#include "revision/HistoryLayout.h"
#include "workflow/ChecksumAudit.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QSet>

namespace sd::app {

class RevisionGraphModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { GraphColumn, RevisionColumn, MessageColumn, DateColumn, StateColumn, ColumnCount };
    enum Role {
        HistoryRowRole = Qt::UserRole + 1, // QVariant of sd::HistoryRow
        RevisionRole,                      // the revision id
        StatesRole,                        // int of States
        ChangedRole,                       // bool: applied, and the file changed since
        MaxLanesRole,                      // int: the widest row's width, for the graph column
    };
    enum State { Applied = 0x1, Pending = 0x2, Current = 0x4, Head = 0x8 };
    Q_DECLARE_FLAGS(States, State)

    explicit RevisionGraphModel(QObject *parent = nullptr);

    void setGraph(const RevisionGraph &graph);
    // The version table's revisions: those and their ancestors are applied.
    void setCurrent(const QStringList &current);
    void setChangedMigrations(const QList<ChangedMigration> &changed);

    const RevisionGraph &graph() const { return m_graph; }
    QStringList current() const { return m_current; }
    States states(const QString &revision) const;
    // "current, head", "applied", "pending, head"...
    static QString stateText(States states);
    QModelIndex indexOf(const QString &revision, int column = RevisionColumn) const;
    QString revisionAt(int row) const;
    int maxLanes() const { return m_maxLanes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void updateStates();

    RevisionGraph m_graph;
    QList<HistoryRow> m_rows;
    QHash<QString, int> m_rowOf;
    QStringList m_current;
    QSet<QString> m_applied;
    QSet<QString> m_heads;
    QHash<QString, ChangedMigration> m_changed;
    int m_maxLanes = 1;
    QIcon m_warningIcon;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(RevisionGraphModel::States)

} // namespace sd::app

Q_DECLARE_METATYPE(sd::HistoryRow)
