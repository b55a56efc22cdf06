#include "DiffView.h"

#include "DefinitionComparison.h"
#include "DiffFilterProxyModel.h"
#include "RenameSuggestionBar.h"
#include "SchemaDiffModel.h"
#include "TableDefinitionListing.h"
#include "dialect/Dialect.h"
#include "workflow/ProjectComparison.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace sd::app {

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_model(new SchemaDiffModel(this))
    , m_proxy(new DiffFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_differencesOnly(new QCheckBox(tr("&Differences only"), this))
    , m_refresh(new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this))
    , m_generate(new QPushButton(tr("&Generate Migration…"), this))
    , m_tree(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_title(new QLabel(this))
    , m_warningFrame(new QFrame(this))
    , m_warnings(new QLabel(m_warningFrame))
    , m_renameBar(new RenameSuggestionBar(this))
    , m_comparison(new DefinitionComparison(this))
{
    m_proxy->setSourceModel(m_model);
    m_model->setPalette(palette());

    m_search->setObjectName(QStringLiteral("diffSearch"));
    m_search->setPlaceholderText(tr("Search tables, columns, indexes…"));
    m_search->setClearButtonEnabled(true);
    m_differencesOnly->setObjectName(QStringLiteral("differencesOnly"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setToolTip(tr("Read the database and the schema configuration again (F5)"));
    m_generate->setObjectName(QStringLiteral("generateMigrationButton"));
    m_generate->setToolTip(tr("Write a migration that brings the database to the schema configuration"));
    m_generate->setEnabled(false);

    m_tree->setObjectName(QStringLiteral("diffTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAllColumnsShowFocus(true);
    // The details column takes the rest of the width; a longer text ends
    // in an ellipsis and is whole in the row's tooltip and in the pane
    // beside the tree.
    m_tree->header()->setStretchLastSection(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = fontMetrics();
    m_tree->setColumnWidth(SchemaDiffModel::NameColumn, fm.horizontalAdvance(QStringLiteral("column display_name_long")) + 48);
    m_tree->setColumnWidth(SchemaDiffModel::StatusColumn, fm.horizontalAdvance(QStringLiteral("unchanged")) + 24);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);

    m_title->setObjectName(QStringLiteral("diffTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    m_warningFrame->setObjectName(QStringLiteral("diffWarnings"));
    m_warningFrame->setFrameShape(QFrame::StyledPanel);
    m_warningFrame->setAutoFillBackground(true);
    auto *warningIcon = new QLabel(m_warningFrame);
    warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    warningIcon->setAlignment(Qt::AlignTop);
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *warningLayout = new QHBoxLayout(m_warningFrame);
    warningLayout->setContentsMargins(8, 6, 8, 6);
    warningLayout->addWidget(warningIcon);
    warningLayout->addWidget(m_warnings, 1);
    m_warningFrame->setVisible(false);
    m_comparison->setObjectName(QStringLiteral("definitionComparison"));

    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_search, 1);
    filterBar->addWidget(m_differencesOnly);
    filterBar->addSpacing(12);
    filterBar->addWidget(m_refresh);
    filterBar->addWidget(m_generate);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addWidget(m_summary);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_warningFrame);
    rightLayout->addWidget(m_renameBar);
    rightLayout->addWidget(m_comparison, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("diffSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 9);
    splitter->setStretchFactor(1, 11);
    splitter->setSizes({450, 550});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterBar);
    layout->addWidget(splitter, 1);

    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findAction);

    connect(findAction, &QAction::triggered, m_search, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_refresh, &QPushButton::clicked, this, &DiffView::refreshRequested);
    connect(m_generate, &QPushButton::clicked, this, &DiffView::generateMigrationRequested);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        m_tree->expandAll();
    });
    connect(m_differencesOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setDifferencesOnly(on);
        m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showCurrent(); });
    connect(m_renameBar, &RenameSuggestionBar::renameConfirmed, this, &DiffView::writeRenameHint);
    connect(m_renameBar, &RenameSuggestionBar::renameRejected, this, [this](const RenameCandidate &candidate) {
        m_rejected << candidate;
        const QString table = m_shownTable;
        m_shownTable.clear();
        showTable(table);
    });

    updateWarningColours();
    updateSummary();
    showTable({});
}

void DiffView::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void DiffView::updateButtons()
{
    m_refresh->setEnabled(!m_busy);
    m_generate->setEnabled(!m_busy && m_hasDifferences);
}

void DiffView::setComparison(const ProjectComparison &comparison, DialectKind dialect,
                             const std::function<bool(const QString &)> &isIgnored)
{
    setComparison(comparison.configured, comparison.live, comparison.differences, dialect, isIgnored);
}

void DiffView::setComparison(const Schema &configured, const Schema &live, const Differences &differences,
                             DialectKind dialect, const std::function<bool(const QString &)> &isIgnored)
{
    const QString selected = currentTable();
    m_dialect = dialect;
    m_candidates = SchemaRenameHint::candidates(differences, Dialect::get(dialect));
    m_model->setComparison(configured, live, differences, isIgnored);
    m_tree->expandAll();
    m_hasDifferences = !differences.isEmpty();
    updateButtons();
    updateSummary();
    m_shownTable.clear();
    if (!selected.isEmpty() && m_model->tableIndex(selected).isValid())
        selectTable(selected);
    else
        showTable({});
}

void DiffView::clear()
{
    setComparison(Schema(), Schema(), Differences(), m_dialect);
}

void DiffView::setSchemaFile(const QString &path, const QString &displayPath)
{
    m_schemaPath = path;
    m_schemaDisplayPath = displayPath.isEmpty() ? QFileInfo(path).fileName() : displayPath;
    const QString table = m_shownTable;
    m_shownTable.clear();
    showTable(table);
}

void DiffView::setRowCounts(const QHash<QString, qint64> &rowsPerTable)
{
    m_model->setRowCounts(rowsPerTable);
    const QString table = m_shownTable;
    m_shownTable.clear();
    showTable(table);
}

void DiffView::setDifferencesOnly(bool differencesOnly)
{
    m_differencesOnly->setChecked(differencesOnly);
}

void DiffView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void DiffView::selectTable(const QString &table)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->tableIndex(table));
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

QString DiffView::currentTable() const
{
    return m_shownTable;
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_updatingPalette) {
        m_model->setPalette(palette());
        updateWarningColours();
    }
}

void DiffView::updateWarningColours()
{
    QPalette pal = m_warningFrame->palette();
    pal.setColor(QPalette::Window, DiffStatusStyle::lineBackground(DiffStatus::Removed, palette(), true));
    pal.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_updatingPalette = true;
    m_warningFrame->setPalette(pal);
    m_updatingPalette = false;
}

void DiffView::updateSummary()
{
    const int tables = m_model->rowCount();
    if (tables == 0) {
        m_summary->setText(tr("No comparison yet: connect to a database and refresh."));
        return;
    }
    m_summary->setText(tr("%n item(s): ", nullptr, tables)
                       + tr("%1 changed, %2 added, %3 removed, %4 unchanged")
                             .arg(m_model->count(DiffStatus::Changed))
                             .arg(m_model->count(DiffStatus::Added))
                             .arg(m_model->count(DiffStatus::Removed))
                             .arg(m_model->count(DiffStatus::Unchanged)));
}

void DiffView::showCurrent()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        showTable({});
        return;
    }
    const QModelIndex top = current.parent().isValid() ? current.parent() : current;
    const auto kind = SchemaDiffModel::NodeKind(top.data(SchemaDiffModel::NodeKindRole).toInt());
    if (kind == SchemaDiffModel::NodeKind::Enum) {
        m_shownTable.clear();
        m_currentWarnings.clear();
        m_title->setText(top.data(Qt::DisplayRole).toString());
        m_warningFrame->setVisible(false);
        m_renameBar->setCandidates({});
        m_comparison->setMessage(top.siblingAtColumn(SchemaDiffModel::DetailsColumn).data().toString());
        return;
    }
    showTable(top.data(SchemaDiffModel::TableRole).toString());
}

void DiffView::showTable(const QString &table)
{
    if (!table.isEmpty() && table == m_shownTable)
        return;
    m_shownTable = table;
    m_currentWarnings.clear();
    if (table.isEmpty() || !m_model->tableIndex(table).isValid()) {
        m_shownTable.clear();
        m_title->setText(m_model->rowCount() ? tr("Select a table") : QString());
        m_warningFrame->setVisible(false);
        m_renameBar->setCandidates({});
        m_comparison->setMessage(m_model->rowCount() ? tr("Select a table to compare its definition in the database "
                                                          "with the schema configuration.")
                                                     : tr("Nothing to compare yet."));
        return;
    }

    const Differences differences = m_model->tableDifferences(table);
    const DiffStatus status = m_model->tableStatus(table);
    const QString liveName = m_model->liveTableName(table);
    const Table *live = m_model->live().table(liveName);
    const Table *configured = m_model->configured().table(table);
    m_title->setText(tr("%1 — %2").arg(table, DiffStatusStyle::text(status)));

    for (const Difference &d : differences) {
        if (d.destructive)
            m_currentWarnings << m_model->warningText(d);
    }
    m_warnings->setText(m_currentWarnings.join(QLatin1Char('\n')));
    m_warningFrame->setVisible(!m_currentWarnings.isEmpty());

    QList<RenameCandidate> candidates;
    for (const RenameCandidate &c : std::as_const(m_candidates)) {
        if (c.table == table && !m_rejected.contains(c))
            candidates << c;
    }
    m_renameBar->setCandidates(candidates);
    m_renameBar->setWritable(!m_schemaPath.isEmpty(), tr("No schema configuration file to write to"));

    const QString liveTitle = liveName == table ? tr("Database") : tr("Database (%1)").arg(liveName);
    const QString configuredTitle = m_schemaDisplayPath.isEmpty() ? tr("Configuration")
                                                                  : tr("Configuration (%1)").arg(m_schemaDisplayPath);
    m_comparison->setLines(TableDefinitionListing::lines(live, configured, differences), liveTitle, configuredTitle);
    Q_EMIT tableSelected(table);
}

void DiffView::writeRenameHint(const RenameCandidate &candidate)
{
    if (m_schemaPath.isEmpty())
        return;
    const Result<void> written = SchemaRenameHint::addColumnHintToFile(m_schemaPath, candidate.table, candidate.to,
                                                                      candidate.from, m_schemaDisplayPath);
    if (!written) {
        const QString message = written.error().toString();
        m_renameBar->showResult(tr("Could not write the rename hint: %1").arg(message), true);
        Q_EMIT errorOccurred(message);
        return;
    }
    m_renameBar->showResult(tr("Wrote renamed_from: %1 to column %2 in %3. Refresh to see the rename.")
                                .arg(candidate.from, candidate.to, m_schemaDisplayPath),
                            false);
    Q_EMIT renameHintWritten(candidate.table, candidate.from, candidate.to);
    Q_EMIT schemaFileChanged(m_schemaPath);
}

} // namespace sd::app
