#pragma once
// Filters the schema diff tree: "differences only" hides unchanged tables,
// the search text keeps the tables and objects whose name contains it (a
// table matching keeps all its rows; a row matching keeps its table).

#include <QSortFilterProxyModel>

namespace sd::app {

class DiffFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DiffFilterProxyModel(QObject *parent = nullptr);

    bool differencesOnly() const { return m_differencesOnly; }
    void setDifferencesOnly(bool differencesOnly);
    QString searchText() const { return m_searchText; }
    // Case-insensitive substring of a table, column, index or constraint
    // name (old names of renames too); empty shows everything.
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_differencesOnly = false;
    QString m_searchText;
};

} // namespace sd::app
