#include "DiffFilterProxyModel.h"

#include "DiffStatusStyle.h"
#include "SchemaDiffModel.h"

namespace sd::app {

DiffFilterProxyModel::DiffFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void DiffFilterProxyModel::setDifferencesOnly(bool differencesOnly)
{
    if (differencesOnly == m_differencesOnly)
        return;
    m_differencesOnly = differencesOnly;
    invalidateRowsFilter();
}

void DiffFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateRowsFilter();
}

bool DiffFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_differencesOnly && index.data(SchemaDiffModel::StatusRole).toInt() == int(DiffStatus::Unchanged))
        return false;
    if (m_searchText.isEmpty())
        return true;
    return index.data(SchemaDiffModel::SearchTextRole).toString().contains(m_searchText, Qt::CaseInsensitive);
}

} // namespace sd::app
