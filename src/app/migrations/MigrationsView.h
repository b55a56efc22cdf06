#pragma once
// The migrations view: the revision graph as a list with lanes
// (RevisionGraphModel, RevisionGraphDelegate) and, for the selected
// revision, its details: message, state, file, its operations
// (Operation::description()) and the SQL they run on the connected dialect,
// rendered by the core against the schema that the revision's ancestors
// build (MigrationState, OperationRenderer), each risky statement preceded
// by its hazards. Upgrade or downgrade operations, as chosen.

#include "model/ColumnType.h"
#include "runtime/HistoryTable.h"
#include "runtime/MigrationPlan.h"
#include "workflow/ChecksumAudit.h"

#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace sd {
class RevisionGraph;
}

namespace sd::app {

class RevisionGraphModel;

class MigrationsView : public QWidget
{
    Q_OBJECT

public:
    explicit MigrationsView(QWidget *parent = nullptr);

    void setGraph(const RevisionGraph &graph);
    // The version table's revisions (applied heads).
    void setCurrent(const QStringList &current);
    // Applied revisions whose file changed since (ChecksumAudit::changed) ...
    void setChangedMigrations(const QList<ChangedMigration> &changed);
    // ... or the history table's rows, audited against the graph and the current revisions.
    void setHistory(const QList<HistoryEntry> &history);
    // The dialect whose SQL the details show.
    void setDialect(DialectKind dialect);
    void setDirection(Direction direction);

    void selectRevision(const QString &revision);
    QString currentRevision() const { return m_revision; }

    RevisionGraphModel *model() const { return m_model; }
    QTreeView *graphView() const { return m_list; }
    QString operationsText() const;
    QString sqlText() const;

Q_SIGNALS:
    void revisionSelected(const QString &revision);
    // Double-click on a revision: its file, for the editor.
    void openRevisionRequested(const QString &filePath);

private:
    void showRevision(const QString &revision);
    QString renderSql(const QString &revision) const;

    RevisionGraphModel *m_model;
    QTreeView *m_list;
    QLabel *m_title;
    QLabel *m_info;
    QFrame *m_changedFrame;
    QLabel *m_changedText;
    QComboBox *m_direction;
    QLabel *m_sqlTitle;
    QPlainTextEdit *m_operations;
    QPlainTextEdit *m_sql;
    DialectKind m_dialect = DialectKind::Sqlite;
    QList<HistoryEntry> m_history;
    bool m_useHistory = false;
    QString m_revision;
};

} // namespace sd::app
