#pragma once
// Keeps the central views and the schema browser in step with the project
// session: the schema browser shows the live schema, the diff view the
// live database against schema.yaml, the migrations view the revision
// graph with the database's position in it, the editor the connected
// dialect. Carries out what the views ask for: Refresh, Generate migration
// (the core's autogenerate, opened in the editor), opening a revision file.
// What needs the database (introspection and diff, the history table,
// autogenerate) runs on the session's database thread.

#include "Error.h"
#include "model/ColumnType.h"

#include <QObject>

#include <functional>

namespace sd::app {

class DiffView;
class MigrationEditor;
class MigrationsView;
class ProjectSession;
class SchemaBrowser;

class ViewsController : public QObject
{
    Q_OBJECT
public:
    ViewsController(ProjectSession *session, SchemaBrowser *browser, DiffView *diff, MigrationsView *migrations,
                    MigrationEditor *editor, QObject *parent = nullptr);

    // Autogenerate on the database thread, then: reloads the graph, opens
    // the file in the editor, emits migrationGenerated (or errorOccurred).
    void generateMigration(const QString &message);
    Result<void> openInEditor(const QString &path);
    // Saves the editor's file; a migration saved re-reads the graph.
    Result<void> saveEditor();

    // What to do with the editor's unsaved changes before it shows another
    // file, or the project closes.
    enum class UnsavedChanges { Save, Discard, Keep };
    using UnsavedPrompt = std::function<UnsavedChanges(const QString &displayPath)>;
    void setUnsavedPrompt(UnsavedPrompt prompt) { m_unsavedPrompt = std::move(prompt); }
    // True when the editor may be left: nothing unsaved, saved now, or
    // discarded by the user.
    bool settleEditor();

public Q_SLOTS:
    void refreshViews();

Q_SIGNALS:
    void editorRequested();
    void errorOccurred(const QString &message);
    // The views show the database as it is now.
    void viewsRefreshed();
    void migrationGenerated(const QString &path);

private:
    struct LiveState;
    void show(const LiveState &state, DialectKind dialect);
    void requestGeneration();

    ProjectSession *m_session;
    SchemaBrowser *m_browser;
    DiffView *m_diff;
    MigrationsView *m_migrations;
    MigrationEditor *m_editor;
    UnsavedPrompt m_unsavedPrompt;
};

} // namespace sd::app
