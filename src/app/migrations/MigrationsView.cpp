#include "MigrationsView.h"

#include "RevisionGraphDelegate.h"
#include "RevisionGraphModel.h"
#include "migration/OperationRenderer.h"
#include "revision/RevisionGraph.h"
#include "runtime/MigrationScript.h"
#include "runtime/MigrationState.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace sd::app {

namespace {

QString dialectName(DialectKind dialect)
{
    return dialect == DialectKind::PostgreSQL ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
}

QPlainTextEdit *readOnlyText(QWidget *parent, const QString &objectName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}

} // namespace

MigrationsView::MigrationsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new RevisionGraphModel(this))
    , m_list(new QTreeView(this))
    , m_title(new QLabel(this))
    , m_info(new QLabel(this))
    , m_changedFrame(new QFrame(this))
    , m_changedText(new QLabel(m_changedFrame))
    , m_direction(new QComboBox(this))
    , m_sqlTitle(new QLabel(this))
    , m_operations(readOnlyText(this, QStringLiteral("revisionOperations")))
    , m_sql(readOnlyText(this, QStringLiteral("revisionSql")))
{
    m_list->setObjectName(QStringLiteral("revisionGraph"));
    m_list->setModel(m_model);
    m_list->setItemDelegateForColumn(RevisionGraphModel::GraphColumn, new RevisionGraphDelegate(m_list));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAllColumnsShowFocus(true);
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(RevisionGraphModel::GraphColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RevisionGraphModel::RevisionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RevisionGraphModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RevisionGraphModel::DateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RevisionGraphModel::StateColumn, QHeaderView::ResizeToContents);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("revisionTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setObjectName(QStringLiteral("revisionInfo"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_changedFrame->setObjectName(QStringLiteral("revisionChanged"));
    m_changedFrame->setFrameShape(QFrame::StyledPanel);
    auto *changedIcon = new QLabel(m_changedFrame);
    changedIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    changedIcon->setAlignment(Qt::AlignTop);
    m_changedText->setWordWrap(true);
    m_changedText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *changedLayout = new QHBoxLayout(m_changedFrame);
    changedLayout->setContentsMargins(6, 4, 6, 4);
    changedLayout->addWidget(changedIcon);
    changedLayout->addWidget(m_changedText, 1);
    m_changedFrame->setVisible(false);

    m_direction->setObjectName(QStringLiteral("revisionDirection"));
    m_direction->addItem(tr("Upgrade"));
    m_direction->addItem(tr("Downgrade"));
    m_sqlTitle->setObjectName(QStringLiteral("revisionSqlTitle"));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_sql->setFont(fixed);
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *operationsPane = new QWidget(this);
    auto *operationsLayout = new QVBoxLayout(operationsPane);
    operationsLayout->setContentsMargins(0, 0, 0, 0);
    auto *operationsHeader = new QHBoxLayout;
    operationsHeader->addWidget(new QLabel(tr("Operations:"), operationsPane));
    operationsHeader->addWidget(m_direction);
    operationsHeader->addStretch(1);
    operationsLayout->addLayout(operationsHeader);
    operationsLayout->addWidget(m_operations, 1);

    auto *sqlPane = new QWidget(this);
    auto *sqlLayout = new QVBoxLayout(sqlPane);
    sqlLayout->setContentsMargins(0, 0, 0, 0);
    sqlLayout->addWidget(m_sqlTitle);
    sqlLayout->addWidget(m_sql, 1);

    auto *detailSplitter = new QSplitter(Qt::Horizontal, this);
    detailSplitter->addWidget(operationsPane);
    detailSplitter->addWidget(sqlPane);
    detailSplitter->setStretchFactor(0, 2);
    detailSplitter->setStretchFactor(1, 3);
    detailSplitter->setChildrenCollapsible(false);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_info);
    detailsLayout->addWidget(m_changedFrame);
    detailsLayout->addWidget(detailSplitter, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("migrationsSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        showRevision(m_model->revisionAt(current.row()));
    });
    connect(m_list, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const Migration *m = m_model->graph().revision(m_model->revisionAt(index.row())); m && !m->filePath.isEmpty())
            Q_EMIT openRevisionRequested(m->filePath);
    });
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        const QString revision = m_revision;
        m_revision.clear();
        showRevision(revision);
    });
    showRevision({});
}

void MigrationsView::setGraph(const RevisionGraph &graph)
{
    const QString selected = m_revision;
    m_model->setGraph(graph);
    if (m_useHistory)
        m_model->setChangedMigrations(ChecksumAudit::changed(m_model->graph(), m_model->current(), m_history));
    m_revision.clear();
    if (m_model->indexOf(selected).isValid())
        selectRevision(selected);
    else
        showRevision({});
}

void MigrationsView::setCurrent(const QStringList &current)
{
    m_model->setCurrent(current);
    if (m_useHistory)
        m_model->setChangedMigrations(ChecksumAudit::changed(m_model->graph(), current, m_history));
    const QString revision = m_revision;
    m_revision.clear();
    showRevision(revision);
}

void MigrationsView::setChangedMigrations(const QList<ChangedMigration> &changed)
{
    m_useHistory = false;
    m_model->setChangedMigrations(changed);
    const QString revision = m_revision;
    m_revision.clear();
    showRevision(revision);
}

void MigrationsView::setHistory(const QList<HistoryEntry> &history)
{
    m_history = history;
    m_useHistory = true;
    m_model->setChangedMigrations(ChecksumAudit::changed(m_model->graph(), m_model->current(), history));
    const QString revision = m_revision;
    m_revision.clear();
    showRevision(revision);
}

void MigrationsView::setDialect(DialectKind dialect)
{
    m_dialect = dialect;
    const QString revision = m_revision;
    m_revision.clear();
    showRevision(revision);
}

void MigrationsView::setDirection(Direction direction)
{
    m_direction->setCurrentIndex(direction == Direction::Upgrade ? 0 : 1);
}

void MigrationsView::selectRevision(const QString &revision)
{
    const QModelIndex index = m_model->indexOf(revision, RevisionGraphModel::RevisionColumn);
    if (!index.isValid())
        return;
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

QString MigrationsView::operationsText() const
{
    return m_operations->toPlainText();
}

QString MigrationsView::sqlText() const
{
    return m_sql->toPlainText();
}

void MigrationsView::showRevision(const QString &revision)
{
    if (!revision.isEmpty() && revision == m_revision)
        return;
    m_revision = revision;
    const bool upgrade = m_direction->currentIndex() == 0;
    m_sqlTitle->setText(upgrade ? tr("SQL on %1 (upgrade):").arg(dialectName(m_dialect))
                                : tr("SQL on %1 (downgrade):").arg(dialectName(m_dialect)));
    const Migration *migration = m_model->graph().revision(revision);
    if (!migration) {
        m_revision.clear();
        m_title->setText(m_model->rowCount() ? tr("Select a revision") : tr("No migrations yet"));
        m_info->clear();
        m_changedFrame->setVisible(false);
        m_operations->clear();
        m_sql->clear();
        return;
    }

    m_title->setText(tr("%1 — %2").arg(migration->revision, migration->message));
    const QModelIndex index = m_model->indexOf(revision);
    QStringList info{RevisionGraphModel::stateText(m_model->states(revision))};
    if (migration->created.isValid())
        info << tr("created %1 UTC").arg(migration->created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (migration->downRevisions.isEmpty())
        info << tr("first revision");
    else if (migration->isMerge())
        info << tr("merges %1").arg(migration->downRevisions.join(QStringLiteral(", ")));
    else
        info << tr("after %1").arg(migration->downRevisions.constFirst());
    const QString file = m_model->graph().displayPath(revision);
    if (!file.isEmpty())
        info << file;
    m_info->setText(info.join(QStringLiteral(" · ")));

    const bool changed = index.data(RevisionGraphModel::ChangedRole).toBool();
    m_changedFrame->setVisible(changed);
    if (changed)
        m_changedText->setText(m_model->index(index.row(), RevisionGraphModel::StateColumn).data(Qt::ToolTipRole).toString());

    const Operations &operations = upgrade ? migration->upgrade : migration->downgrade;
    QStringList lines;
    for (qsizetype i = 0; i < operations.size(); ++i)
        lines << QStringLiteral("%1. %2").arg(i + 1).arg(operations.at(i).description());
    m_operations->setPlainText(lines.isEmpty() ? tr("(no operations)") : lines.join(QLatin1Char('\n')));
    m_sql->setPlainText(renderSql(revision));
    Q_EMIT revisionSelected(revision);
}

QString MigrationsView::renderSql(const QString &revision) const
{
    const RevisionGraph &graph = m_model->graph();
    const Migration *migration = graph.revision(revision);
    const bool upgrade = m_direction->currentIndex() == 0;
    // The schema before the operations run: what the ancestors build for an
    // upgrade, what the revision itself builds for a downgrade.
    Result<Schema> state = MigrationState::evolved(graph, upgrade ? graph.parents(revision) : QStringList{revision});
    if (!state)
        return tr("-- cannot build the schema this revision starts from: %1").arg(state.error().toString());
    const Result<Statements> statements =
        OperationRenderer::get(m_dialect).renderAll(upgrade ? migration->upgrade : migration->downgrade, *state);
    if (!statements)
        return tr("-- cannot render the SQL: %1").arg(statements.error().toString());
    if (statements->isEmpty())
        return tr("-- no statements");
    QString out;
    for (const Statement &s : *statements)
        out += MigrationScript::statementBlock(s);
    return out.chopped(1); // no newline after the last statement
}

} // namespace sd::app
