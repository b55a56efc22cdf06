#pragma once
// The "Migration editor" view: a CodeEditor on a migration file or
// schema.yaml beside a read-only, live SQL preview for one dialect. While
// the user types (debounced) the text is parsed by the core; its errors are
// shown inline and Save refuses a file that does not parse, with the
// reason. Self-contained: the host opens a file, picks the dialect, may
// give the schema a migration starts from, and listens to the signals.

#include "EditorDiagnostic.h"
#include "Error.h"
#include "MigrationPreview.h"
#include "model/Schema.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QTimer;

namespace sd::app {

class CodeEditor;

class MigrationEditor : public QWidget
{
    Q_OBJECT
public:
    using FileKind = MigrationPreview::FileKind;

    explicit MigrationEditor(QWidget *parent = nullptr);

    // Loads `path`; errors name `displayPath` (default: the file name).
    Result<void> openFile(const QString &path, const QString &displayPath = {});
    // Writes the text to the open file (QSaveFile). Refused, with the
    // first error as "file:line:column: message", when the text does not
    // parse; an Io error when there is no file or it cannot be written.
    Result<void> save();

    QString filePath() const { return m_path; }
    QString displayPath() const { return m_displayPath; }
    QString text() const;
    // Replaces the text (as typing would: modified, preview follows).
    void setText(const QString &text);
    bool isModified() const;

    void setDialect(DialectKind dialect);
    DialectKind dialect() const { return m_dialect; }
    // The schema a migration starts from (default: empty).
    void setBaseSchema(const Schema &schema);

    FileKind fileKind() const { return m_preview.kind; }
    QString previewText() const;
    EditorDiagnostics diagnostics() const { return m_preview.diagnostics; }
    // The status line under the editor: the file kind and the problem under
    // the cursor (else the first), or "no problems".
    QString statusText() const;
    // Whether the last parse of the text succeeded.
    bool parses() const { return m_preview.parseErrors.isEmpty(); }

    CodeEditor *editor() const { return m_editor; }
    CodeEditor *preview() const { return m_previewEditor; }
    QSplitter *splitter() const { return m_splitter; }

    // Milliseconds between the last keystroke and the reparse.
    static constexpr int debounceMs = 300;

public Q_SLOTS:
    // Parses and renders now instead of after the debounce.
    void refresh();

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void diagnosticsChanged(int count);
    void saved(const QString &path);
    // The preview was rebuilt (after a parse).
    void previewUpdated();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showStatus();

    CodeEditor *m_editor;
    CodeEditor *m_previewEditor;
    QSplitter *m_splitter;
    QLabel *m_status;
    QTimer *m_debounce;
    QString m_path;
    QString m_displayPath;
    QByteArray m_diskBytes; // the file as last read or written: Save refuses when it changed on disk
    DialectKind m_dialect = DialectKind::Sqlite;
    Schema m_baseSchema;
    MigrationPreview m_preview;
};

} // namespace sd::app
