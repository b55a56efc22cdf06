// ViewsController: session state into the views, view requests into the core.

#include "ViewsController.h"

#include "ProjectSession.h"
#include "browser/SchemaBrowser.h"
#include "diff/DiffView.h"
#include "editor/MigrationEditor.h"
#include "migrations/MigrationsView.h"
#include "runtime/HistoryTable.h"
#include "runtime/MigrationState.h"
#include "runtime/RowEstimates.h"
#include "revision/RevisionGraph.h"
#include "workflow/ProjectComparison.h"
#include "workflow/RevisionAuthor.h"

#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>

namespace sd::app {

ViewsController::ViewsController(ProjectSession *session, SchemaBrowser *browser, DiffView *diff, MigrationsView *migrations,
                                 MigrationEditor *editor, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_browser(browser)
    , m_diff(diff)
    , m_migrations(migrations)
    , m_editor(editor)
    , m_unsavedPrompt([editor](const QString &displayPath) {
        const auto answer = QMessageBox::warning(editor, tr("Unsaved changes"),
                                                 tr("%1 has changes that are not saved.").arg(displayPath),
                                                 QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save ? UnsavedChanges::Save
             : answer == QMessageBox::Discard ? UnsavedChanges::Discard
                                              : UnsavedChanges::Keep;
    })
{
    for (auto signal : {&ProjectSession::projectChanged, &ProjectSession::graphChanged})
        connect(m_session, signal, this, [this] { m_migrations->setGraph(m_session->graph()); });
    connect(m_session, &ProjectSession::stateChanged, this, &ViewsController::refreshViews);
    connect(m_diff, &DiffView::generateMigrationRequested, this, &ViewsController::requestGeneration);
    connect(m_diff, &DiffView::errorOccurred, this, &ViewsController::errorOccurred);
    connect(m_diff, &DiffView::schemaFileChanged, this, &ViewsController::refreshViews);
    connect(m_diff, &DiffView::schemaFileChanged, this, [this] {
        // The editor showing schema.yaml shows what was just written into it.
        if (m_session->hasProject() && m_editor->filePath() == m_session->project().schemaPath && !m_editor->isModified())
            m_editor->openFile(m_editor->filePath(), m_editor->displayPath());
    });
    connect(m_migrations, &MigrationsView::openRevisionRequested, this, [this](const QString &path) {
        if (auto opened = openInEditor(path); !opened)
            Q_EMIT errorOccurred(opened.error().toString());
    });
}

// What the views show of the live database, read on the database thread.
struct ViewsController::LiveState
{
    Result<QList<HistoryEntry>> history;
    MultiResult<ProjectComparison> comparison;
    Result<Schema> live; // when the comparison failed: the live schema still shows
    Result<QHash<QString, qint64>> rows; // of the tables a destructive difference touches
};

void ViewsController::refreshViews()
{
    if (!m_session->hasProject())
        return;
    const Project &project = m_session->project();
    m_diff->setSchemaFile(project.schemaPath, QDir(project.directory).relativeFilePath(project.schemaPath));
    m_migrations->setCurrent(m_session->currentRevisions());
    if (!m_session->isConnected()) {
        m_browser->clear();
        m_diff->clear();
        Q_EMIT viewsRefreshed();
        return;
    }
    const DialectKind dialect = m_session->dialect();
    m_editor->setDialect(dialect);
    m_migrations->setDialect(dialect);
    m_session->withConnection(
        this,
        [project](const Connection &connection) {
            LiveState state{HistoryTable::read(connection, project.postgresSchema), ProjectComparison::run(project, connection),
                            Schema{}, QHash<QString, qint64>{}};
            if (!state.comparison) {
                state.live = ProjectComparison::readLive(project, connection);
                return state;
            }
            QSet<QString> destroyed;
            for (const Difference &d : std::as_const(state.comparison->differences))
                if (d.destructive && !d.table.isEmpty())
                    destroyed.insert(d.table);
            state.rows = RowEstimates::forTables(connection, destroyed, project.postgresSchema);
            return state;
        },
        [this, dialect](const LiveState &state) { show(state, dialect); });
}

void ViewsController::show(const LiveState &state, DialectKind dialect)
{
    QStringList errors;
    if (state.history)
        m_migrations->setHistory(*state.history);
    else
        errors << state.history.error().toString();
    if (!state.comparison) {
        if (state.live)
            m_browser->setSchema(*state.live);
        else
            m_browser->clear();
        m_diff->clear();
        errors << joinErrors(state.comparison.error());
    } else {
        const Project &project = m_session->project();
        m_browser->setSchema(state.comparison->live);
        m_diff->setComparison(*state.comparison, dialect, [&project](const QString &table) { return project.isIgnored(table); });
        if (state.rows)
            m_diff->setRowCounts(*state.rows);
        else
            errors << state.rows.error().toString();
    }
    if (!errors.isEmpty())
        Q_EMIT errorOccurred(errors.join(QLatin1Char('\n')));
    Q_EMIT viewsRefreshed();
}

void ViewsController::requestGeneration()
{
    bool ok = false;
    const QString message = QInputDialog::getText(m_diff, tr("Generate migration"), tr("Message of the new revision:"),
                                                  QLineEdit::Normal, {}, &ok);
    if (ok && !message.trimmed().isEmpty())
        generateMigration(message.trimmed());
}

void ViewsController::generateMigration(const QString &message)
{
    if (!m_session->isConnected()) {
        Q_EMIT errorOccurred(tr("Connect to a database first."));
        return;
    }
    m_session->withConnection(
        this,
        [project = m_session->project(), graph = m_session->graph(), message](const Connection &connection) {
            return RevisionAuthor(project, graph).autogenerate(connection, message);
        },
        [this](const MultiResult<NewRevision> &revision) {
            if (!revision) {
                Q_EMIT errorOccurred(joinErrors(revision.error()));
                return;
            }
            if (auto reloaded = m_session->reloadGraph(); !reloaded) {
                Q_EMIT errorOccurred(reloaded.error().toString());
                return;
            }
            if (auto opened = openInEditor(revision->path); !opened) {
                Q_EMIT errorOccurred(opened.error().toString());
                return;
            }
            if (!revision->warnings.isEmpty())
                Q_EMIT errorOccurred(tr("The migration was written, but it does not close every difference:\n\n%1")
                                         .arg(revision->warnings.join(QLatin1Char('\n'))));
            Q_EMIT migrationGenerated(revision->path);
        });
}

bool ViewsController::settleEditor()
{
    if (!m_editor->isModified())
        return true;
    switch (m_unsavedPrompt(m_editor->displayPath())) {
    case UnsavedChanges::Discard:
        return true;
    case UnsavedChanges::Keep:
        return false;
    case UnsavedChanges::Save:
        break;
    }
    if (auto saved = saveEditor(); !saved) {
        Q_EMIT errorOccurred(saved.error().toString());
        return false;
    }
    return true;
}

Result<void> ViewsController::openInEditor(const QString &path)
{
    if (!settleEditor())
        return {}; // the user kept the editor's changes on screen
    const QString display = m_session->hasProject() ? QDir(m_session->project().directory).relativeFilePath(path) : QString();
    // A migration previews against the schema its parents build.
    Schema base;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const Migration &m : m_session->graph().revisions()) {
        if (QFileInfo(m.filePath).absoluteFilePath() != absolute)
            continue;
        if (auto evolved = MigrationState::evolved(m_session->graph(), m.downRevisions))
            base = *evolved;
        break;
    }
    m_editor->setBaseSchema(base);
    if (auto opened = m_editor->openFile(path, display); !opened)
        return opened;
    m_editor->refresh();
    Q_EMIT editorRequested();
    return {};
}

Result<void> ViewsController::saveEditor()
{
    if (auto saved = m_editor->save(); !saved)
        return saved;
    if (m_session->hasProject() && m_editor->filePath().startsWith(m_session->project().migrationsPath))
        return m_session->reloadGraph();
    m_session->refresh();
    return {};
}

} // namespace sd::app
