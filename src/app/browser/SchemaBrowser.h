#pragma once
// The schema browser: a filter box over the tree of a schema's tables,
// columns, indexes, foreign keys and checks (SchemaTreeModel). A table
// whose name matches keeps all its rows; a column or index that matches
// keeps its table.

#include "model/Schema.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace sd::app {

class SchemaTreeModel;

class SchemaBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaBrowser(QWidget *parent = nullptr);

    void setSchema(const Schema &schema);
    void clear();
    void setFilterText(const QString &text);
    void selectTable(const QString &table);
    // The table of the selected row (a table or anything under it).
    QString currentTable() const;

    SchemaTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *filterModel() const { return m_proxy; }
    QTreeView *treeView() const { return m_tree; }

Q_SIGNALS:
    void currentTableChanged(const QString &table);
    // Double-click or Enter on a row of `table`.
    void tableActivated(const QString &table);

private:
    SchemaTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QString m_currentTable;
    bool m_resetting = false;
};

} // namespace sd::app
