#pragma once
// The schema diff view: a tree of every table of the configuration and the
// database marked unchanged, added, removed or changed (SchemaDiffModel),
// with a "differences only" filter and a search box; the selected table's
// two definitions side by side with the differing lines highlighted, the
// warnings of its destructive differences, and the "Renamed?" question for
// a removed and an added column of compatible types, which writes
// `renamed_from` into schema.yaml (SchemaRenameHint). "Refresh" and
// "Generate migration" are requests to the host, as signals.

#include "model/ColumnType.h"
#include "diff/Difference.h"
#include "workflow/SchemaRenameHint.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace sd {
struct ProjectComparison;
}

namespace sd::app {

class DefinitionComparison;
class DiffFilterProxyModel;
class RenameSuggestionBar;
class SchemaDiffModel;

class DiffView : public QWidget
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);

    // The comparison to show; `dialect` is the connected database's (it
    // decides which type changes are compatible for a rename). Tables
    // `isIgnored` names are left out. The selected table stays selected
    // when it is still there.
    void setComparison(const ProjectComparison &comparison, DialectKind dialect,
                       const std::function<bool(const QString &)> &isIgnored = {});
    void setComparison(const Schema &configured, const Schema &live, const Differences &differences,
                       DialectKind dialect, const std::function<bool(const QString &)> &isIgnored = {});
    void clear();
    // While the database is busy (a read, a generate, an apply), Refresh
    // and Generate migration wait.
    void setBusy(bool busy);
    // The schema.yaml that rename hints are written to, and the name shown
    // for it ("config/schema.yaml"). Without one, "Yes, renamed" is disabled.
    void setSchemaFile(const QString &path, const QString &displayPath = {});
    // Rows per table in the database, for the warnings ("...: 1,204 rows").
    void setRowCounts(const QHash<QString, qint64> &rowsPerTable);

    void setDifferencesOnly(bool differencesOnly);
    void setSearchText(const QString &text);
    void selectTable(const QString &table);
    QString currentTable() const;

    SchemaDiffModel *model() const { return m_model; }
    DiffFilterProxyModel *filterModel() const { return m_proxy; }
    QTreeView *treeView() const { return m_tree; }
    DefinitionComparison *definitionComparison() const { return m_comparison; }
    RenameSuggestionBar *renameSuggestionBar() const { return m_renameBar; }
    // The warnings shown for the selected table, one per destructive difference.
    QStringList currentWarnings() const { return m_currentWarnings; }

Q_SIGNALS:
    void refreshRequested();
    void generateMigrationRequested();
    void tableSelected(const QString &table);
    // `renamed_from: from` was written to column `to` of `table`.
    void renameHintWritten(const QString &table, const QString &from, const QString &to);
    // The schema file changed on disk (a rename hint): the host re-reads and refreshes.
    void schemaFileChanged(const QString &path);
    void errorOccurred(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCurrent();
    void showTable(const QString &table);
    void updateSummary();
    void updateWarningColours();
    void writeRenameHint(const RenameCandidate &candidate);

    SchemaDiffModel *m_model;
    DiffFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QCheckBox *m_differencesOnly;
    QPushButton *m_refresh;
    QPushButton *m_generate;
    bool m_busy = false;
    bool m_hasDifferences = false;
    void updateButtons();
    QTreeView *m_tree;
    QLabel *m_summary;
    QLabel *m_title;
    QFrame *m_warningFrame;
    QLabel *m_warnings;
    RenameSuggestionBar *m_renameBar;
    DefinitionComparison *m_comparison;

    DialectKind m_dialect = DialectKind::Sqlite;
    QList<RenameCandidate> m_candidates;
    QList<RenameCandidate> m_rejected;
    QString m_schemaPath;
    QString m_schemaDisplayPath;
    QString m_shownTable;
    QStringList m_currentWarnings;
    bool m_updatingPalette = false;
};

} // namespace sd::app
