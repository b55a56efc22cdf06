#pragma once
// The log dock's model: every statement SchemaDesk ran, as it ran (time,
// statement, duration, result), filled live from sd::StatementLog.

#include "runtime/StatementLog.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace sd::app {

class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Statement, Duration, Result, ColumnCount };

    // The log keeps the most recent statements: a long session (or a
    // migration of thousands of statements) never grows it without bound.
    static constexpr int defaultMaximumRows = 20000;

    explicit LogModel(QObject *parent = nullptr, int maximumRows = defaultMaximumRows);
    int maximumRows() const { return m_maximumRows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const ExecutedStatement &statement(int row) const { return m_rows.at(row).statement; }

public Q_SLOTS:
    void append(const sd::ExecutedStatement &statement);
    void clear();

private:
    struct Row
    {
        QDateTime time;
        ExecutedStatement statement;
    };
    QList<Row> m_rows;
    int m_maximumRows;
};

} // namespace sd::app
