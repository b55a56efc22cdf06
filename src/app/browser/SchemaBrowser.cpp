#include "SchemaBrowser.h"

#include "SchemaTreeModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace sd::app {

SchemaBrowser::SchemaBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new SchemaTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(SchemaTreeModel::NameColumn);
    m_proxy->setFilterRole(SchemaTreeModel::ObjectNameRole);

    m_filter->setObjectName(QStringLiteral("schemaFilter"));
    m_filter->setPlaceholderText(tr("Filter tables and columns…"));
    m_filter->setClearButtonEnabled(true);

    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(SchemaTreeModel::NameColumn, fontMetrics().horizontalAdvance(QStringLiteral("unique constraints_xx")) + 40);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        if (!text.trimmed().isEmpty())
            m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const QString table = current.data(SchemaTreeModel::TableRole).toString();
        if (table == m_currentTable)
            return;
        m_currentTable = table;
        if (!m_resetting)
            Q_EMIT currentTableChanged(table);
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT tableActivated(index.data(SchemaTreeModel::TableRole).toString());
    });
}

void SchemaBrowser::setSchema(const Schema &schema)
{
    const QString selected = m_currentTable;
    m_resetting = true;
    m_model->setSchema(schema);
    m_currentTable.clear();
    if (!selected.isEmpty())
        selectTable(selected);
    m_resetting = false;
    if (m_currentTable != selected)
        Q_EMIT currentTableChanged(m_currentTable);
}

void SchemaBrowser::clear()
{
    setSchema(Schema());
}

void SchemaBrowser::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void SchemaBrowser::selectTable(const QString &table)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->tableIndex(table));
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

QString SchemaBrowser::currentTable() const
{
    return m_currentTable;
}

} // namespace sd::app
