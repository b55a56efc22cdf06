// ViewsController: session state into the views, view requests into the core.

#include "ViewsController.h"

#include "ProjectSession.h"
#include "browser/SchemaBrowser.h"
#include "diff/DiffView.h"
#include "editor/MigrationEditor.h"
#include "migrations/MigrationsView.h"
#include "runtime/HistoryTable.h"
#include "runtime/MigrationState.h"
#include "revision/RevisionGraph.h"
#include "workflow/ProjectComparison.h"
#include "workflow/RevisionAuthor.h"

#include <QDir>
#include <QFileInfo>
#include <QInputDialog>

namespace sd::app {

ViewsController::ViewsController(ProjectSession *session, SchemaBrowser *browser, DiffView *diff, MigrationsView *migrations,
                                 MigrationEditor *editor, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_browser(browser)
    , m_diff(diff)
    , m_migrations(migrations)
    , m_editor(editor)
{
    connect(m_session, &ProjectSession::projectChanged, this, [this] { m_migrations->setGraph(m_session->graph()); });
    connect(m_session, &ProjectSession::stateChanged, this, &ViewsController::refreshViews);
    connect(m_diff, &DiffView::generateMigrationRequested, this, &ViewsController::requestGeneration);
    connect(m_diff, &DiffView::errorOccurred, this, &ViewsController::errorOccurred);
    connect(m_diff, &DiffView::schemaFileChanged, this, &ViewsController::refreshViews);
    connect(m_migrations, &MigrationsView::openRevisionRequested, this, [this](const QString &path) {
        if (auto opened = openInEditor(path); !opened)
            Q_EMIT errorOccurred(opened.error().toString());
    });
}

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
        return;
    }
    const Connection &connection = m_session->connection();
    m_editor->setDialect(connection.dialect());
    m_migrations->setDialect(connection.dialect());
    if (auto history = HistoryTable::read(connection, project.postgresSchema))
        m_migrations->setHistory(*history);
    auto comparison = ProjectComparison::run(project, connection);
    if (!comparison) {
        // The live schema still shows; the diff says why it cannot.
        if (auto live = ProjectComparison::readLive(project, connection))
            m_browser->setSchema(*live);
        m_diff->clear();
        Q_EMIT errorOccurred(joinErrors(comparison.error()));
        return;
    }
    m_browser->setSchema(comparison->live);
    m_diff->setComparison(*comparison, connection.dialect(), [&project](const QString &table) { return project.isIgnored(table); });
}

void ViewsController::requestGeneration()
{
    bool ok = false;
    const QString message = QInputDialog::getText(m_diff, tr("Generate migration"), tr("Message of the new revision:"),
                                                  QLineEdit::Normal, {}, &ok);
    if (!ok || message.trimmed().isEmpty())
        return;
    if (auto generated = generateMigration(message.trimmed()); !generated)
        Q_EMIT errorOccurred(generated.error().toString());
}

Result<QString> ViewsController::generateMigration(const QString &message)
{
    if (!m_session->isConnected())
        return std::unexpected(Error::usage(tr("connect to a database first")));
    RevisionAuthor author(m_session->project(), m_session->graph());
    auto revision = author.autogenerate(m_session->connection(), message);
    if (!revision)
        return std::unexpected(revision.error().value(0));
    if (auto reloaded = m_session->reloadGraph(); !reloaded)
        return std::unexpected(reloaded.error());
    if (auto opened = openInEditor(revision->path); !opened)
        return std::unexpected(opened.error());
    return revision->path;
}

Result<void> ViewsController::openInEditor(const QString &path)
{
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
    return m_session->refresh();
}

} // namespace sd::app
