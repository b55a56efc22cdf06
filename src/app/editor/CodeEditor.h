#pragma once
// A plain-text code editor: line-number gutter with diagnostic markers,
// current-line highlight from the palette, monospace font, syntax
// highlighting (SyntaxHighlighting), find (Ctrl+F, F3 / Shift+F3), go to
// line (Ctrl+G) and diagnostics shown as wavy underlines with the message
// as a tooltip. In YAML, Tab inserts spaces up to the next 2-column stop.

#include "EditorDiagnostic.h"
#include "SyntaxHighlighting.h"

#include <QPlainTextEdit>

#include <memory>
#include <optional>

class QSyntaxHighlighter;

namespace sd::app {

class FindBar;
class LineNumberArea;

class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    void setLanguage(SyntaxHighlighting::Language language);
    SyntaxHighlighting::Language language() const { return m_language; }
    QSyntaxHighlighter *highlighter() const { return m_highlighter.get(); }
    // Columns a Tab advances to in YAML (default 2).
    int indentWidth() const { return m_indentWidth; }

    // Diagnostics: wavy underline at line:column (to the end of the word
    // there), a marker in the gutter, the message as tooltip over the line.
    void setDiagnostics(const EditorDiagnostics &diagnostics);
    EditorDiagnostics diagnostics() const { return m_diagnostics; }
    EditorDiagnostics diagnosticsAtLine(int line) const;
    // The diagnostic under the text cursor: on its line, nearest the
    // cursor's column at or before it (else the line's first).
    std::optional<EditorDiagnostic> diagnosticAtCursor() const;

    // Find. Matching ignores case. The matches are highlighted while the
    // find bar is open; the current one is selected.
    FindBar *findBar() const { return m_findBar; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const { return m_currentMatch + 1; } // 1-based; 0: none

    // 1-based line and column; out-of-range values are clamped.
    void goToLine(int line, int column = 1);
    int currentLine() const;   // 1-based
    int currentColumn() const; // 1-based

    int lineNumberAreaWidth() const;

public Q_SLOTS:
    void openFindBar();
    void closeFindBar();
    void findNext();
    void findPrevious();
    // Asks for a line number and goes there.
    void requestGoToLine();

Q_SIGNALS:
    // The diagnostic under the cursor changed (empty message: none).
    void cursorDiagnosticChanged(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumberArea(QPaintEvent *event);
    QString diagnosticTextAtGutterY(int y) const;
    QString diagnosticTextAtLine(int line) const;

    void updateMargins();
    void updateLineNumberArea(const QRect &rect, int dy);
    void layoutFindBar();
    void updateMatches();
    void selectMatch(int index);
    void updateExtraSelections();
    void onCursorMoved();

    SyntaxHighlighting::Language m_language = SyntaxHighlighting::Language::None;
    std::unique_ptr<QSyntaxHighlighter> m_highlighter;
    int m_indentWidth = 2;
    LineNumberArea *m_lineNumberArea;
    FindBar *m_findBar;
    EditorDiagnostics m_diagnostics;
    QString m_searchText;
    QList<QTextCursor> m_matches;
    int m_currentMatch = -1;
    QString m_cursorDiagnostic;
};

} // namespace sd::app
