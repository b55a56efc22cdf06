#pragma once
// A migration plan as a table for the apply dialog: one row per statement
// (revision, SQL, hazards, rows affected), risky statements highlighted.

#include "runtime/MigrationPlan.h"

#include <QAbstractTableModel>

namespace sd::app {

class PlanModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Revision, Sql, Hazards, Rows, ColumnCount };
    static constexpr int RiskyRole = Qt::UserRole + 1;

    explicit PlanModel(QObject *parent = nullptr);

    void setPlan(const MigrationPlan &plan);
    const MigrationPlan &plan() const { return m_plan; }
    int riskyCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The hazards of `statement` for people: "destroys data, rewrites table".
    static QString hazardText(const sd::Statement &statement);

private:
    struct Row
    {
        int revision;
        sd::Statement statement;
    };
    MigrationPlan m_plan;
    QList<Row> m_rows;
};

} // namespace sd::app
