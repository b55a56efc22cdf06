// CodeEditor: gutter geometry and painting, extra selections (current line,
// find matches, diagnostics), find and go-to-line.

#include "CodeEditor.h"

#include "EditorTheme.h"
#include "FindBar.h"
#include "LineNumberArea.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QInputDialog>
#include <QPainter>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QToolTip>

namespace sd::app {

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
    , m_findBar(new FindBar(this))
{
    setObjectName(QStringLiteral("codeEditor"));
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    m_findBar->hide();

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::onCursorMoved);
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        if (!m_findBar->isHidden() || !m_matches.isEmpty())
            updateMatches();
    });
    connect(m_findBar, &FindBar::textChanged, this, &CodeEditor::setSearchText);
    connect(m_findBar, &FindBar::nextRequested, this, &CodeEditor::findNext);
    connect(m_findBar, &FindBar::previousRequested, this, &CodeEditor::findPrevious);
    connect(m_findBar, &FindBar::closeRequested, this, &CodeEditor::closeFindBar);

    updateMargins();
    updateExtraSelections();
}

CodeEditor::~CodeEditor()
{
    // The highlighter points at the document: let it go first.
    m_highlighter.reset();
}

void CodeEditor::setLanguage(SyntaxHighlighting::Language language)
{
    m_language = language;
    m_highlighter.reset();
    m_highlighter = SyntaxHighlighting::create(language, document(), palette());
}

// --- gutter ---------------------------------------------------------------

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = qMax(2, digits);
    const QFontMetrics fm(font());
    const int marker = fm.height() * 3 / 4;
    return 4 + marker + 4 + fm.horizontalAdvance(QLatin1Char('9')) * digits + 8;
}

void CodeEditor::updateMargins()
{
    const int bottom = !m_findBar->isHidden() ? m_findBar->sizeHint().height() : 0;
    setViewportMargins(lineNumberAreaWidth(), 0, 0, bottom);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height() - bottom));
    layoutFindBar();
}

void CodeEditor::layoutFindBar()
{
    if (m_findBar->isHidden())
        return;
    const QRect cr = contentsRect();
    const int h = m_findBar->sizeHint().height();
    int scroll = horizontalScrollBar()->isVisible() ? horizontalScrollBar()->height() : 0;
    m_findBar->setGeometry(QRect(cr.left(), cr.bottom() - h - scroll + 1, cr.width(), h));
}

void CodeEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateMargins();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateMargins();
}

void CodeEditor::paintLineNumberArea(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), EditorTheme::gutterBackground(pal));
    painter.setFont(font());
    const QFontMetrics fm(font());
    const int markerSize = fm.height() / 2;
    const int cursorBlock = textCursor().blockNumber();

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            // The most severe diagnostic of the line as a dot.
            std::optional<EditorDiagnostic::Severity> worst;
            for (const EditorDiagnostic &d : diagnosticsAtLine(line))
                if (!worst || int(d.severity) < int(*worst))
                    worst = d.severity;
            if (worst) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(EditorTheme::severity(*worst, pal));
                const int y = top + (fm.height() - markerSize) / 2;
                painter.drawEllipse(QRect(4 + (fm.height() * 3 / 4 - markerSize) / 2, y, markerSize, markerSize));
            }
            QFont f = font();
            f.setBold(block.blockNumber() == cursorBlock);
            painter.setFont(f);
            painter.setPen(block.blockNumber() == cursorBlock ? pal.color(QPalette::Text) : EditorTheme::gutterText(pal));
            painter.drawText(0, top, m_lineNumberArea->width() - 8, fm.height(), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

QString CodeEditor::diagnosticTextAtGutterY(int y) const
{
    const QTextCursor cursor = cursorForPosition(QPoint(0, y));
    return diagnosticTextAtLine(cursor.blockNumber() + 1);
}

QString CodeEditor::diagnosticTextAtLine(int line) const
{
    QStringList messages;
    for (const EditorDiagnostic &d : diagnosticsAtLine(line))
        messages.append(d.message);
    return messages.join(QLatin1Char('\n'));
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = diagnosticTextAtLine(cursorForPosition(help->pos()).blockNumber() + 1);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

// --- diagnostics ----------------------------------------------------------

void CodeEditor::setDiagnostics(const EditorDiagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    updateExtraSelections();
    m_lineNumberArea->update();
    onCursorMoved();
}

EditorDiagnostics CodeEditor::diagnosticsAtLine(int line) const
{
    EditorDiagnostics out;
    for (const EditorDiagnostic &d : m_diagnostics)
        if (qMax(1, d.line) == line)
            out.append(d);
    return out;
}

std::optional<EditorDiagnostic> CodeEditor::diagnosticAtCursor() const
{
    const EditorDiagnostics onLine = diagnosticsAtLine(currentLine());
    if (onLine.isEmpty())
        return std::nullopt;
    const int column = currentColumn();
    std::optional<EditorDiagnostic> best;
    for (const EditorDiagnostic &d : onLine)
        if (d.column <= column && (!best || d.column > best->column))
            best = d;
    return best ? best : std::optional<EditorDiagnostic>(onLine.first());
}

void CodeEditor::onCursorMoved()
{
    if (!m_matches.isEmpty()) { // the current match is the one selected, if any
        const QTextCursor own = textCursor();
        m_currentMatch = -1;
        for (int i = 0; i < m_matches.size(); ++i)
            if (m_matches.at(i).selectionStart() == own.selectionStart() && m_matches.at(i).selectionEnd() == own.selectionEnd())
                m_currentMatch = i;
        m_findBar->setStatus(currentMatch(), matchCount());
    }
    updateExtraSelections();
    m_lineNumberArea->update();
    const auto diagnostic = diagnosticAtCursor();
    const QString message = diagnostic ? diagnostic->message : QString();
    if (message != m_cursorDiagnostic) {
        m_cursorDiagnostic = message;
        Q_EMIT cursorDiagnosticChanged(message);
    }
}

void CodeEditor::updateExtraSelections()
{
    const QPalette pal = palette();
    QList<QTextEdit::ExtraSelection> selections;

    QTextEdit::ExtraSelection current;
    current.format.setBackground(EditorTheme::currentLine(pal));
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    selections.append(current);

    if (!m_findBar->isHidden()) {
        for (int i = 0; i < m_matches.size(); ++i) {
            QTextEdit::ExtraSelection match;
            match.format.setBackground(EditorTheme::findMatch(pal, i == m_currentMatch));
            match.format.setForeground(pal.color(QPalette::Text));
            match.cursor = m_matches.at(i);
            selections.append(match);
        }
    }

    for (const EditorDiagnostic &d : m_diagnostics) {
        const QTextBlock block = document()->findBlockByNumber(qMax(1, d.line) - 1);
        if (!block.isValid())
            continue;
        const QString text = block.text();
        qsizetype start = d.column > 0 ? qMin<qsizetype>(d.column - 1, text.size()) : 0;
        qsizetype end = start;
        if (d.column <= 0) {
            end = text.size();
        } else {
            while (end < text.size() && !text.at(end).isSpace())
                ++end;
        }
        if (end == start) { // at the end of the line or on a blank: the character before
            if (start > 0)
                --start;
            else
                end = qMin<qsizetype>(1, text.size());
        }
        QTextEdit::ExtraSelection underline;
        underline.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        underline.format.setUnderlineColor(EditorTheme::severity(d.severity, pal));
        underline.format.setToolTip(d.message);
        underline.cursor = QTextCursor(document());
        underline.cursor.setPosition(block.position() + int(start));
        underline.cursor.setPosition(block.position() + int(end), QTextCursor::KeepAnchor);
        selections.append(underline);
    }
    setExtraSelections(selections);
}

// --- find -----------------------------------------------------------------

void CodeEditor::openFindBar()
{
    const QString selected = textCursor().selectedText();
    const bool wasVisible = !m_findBar->isHidden();
    m_findBar->activate(selected.contains(QChar::ParagraphSeparator) ? QString() : selected);
    if (!wasVisible)
        updateMargins();
    setSearchText(m_findBar->text());
}

void CodeEditor::closeFindBar()
{
    m_findBar->hide();
    updateMargins();
    updateExtraSelections();
    setFocus(Qt::OtherFocusReason);
}

void CodeEditor::setSearchText(const QString &text)
{
    if (m_findBar->text() != text)
        m_findBar->setText(text); // comes back here through textChanged
    m_searchText = text;
    updateMatches();
    // Jump to the first match at or after the cursor, as one types.
    if (!m_matches.isEmpty()) {
        const int from = textCursor().selectionStart();
        int index = 0;
        while (index < m_matches.size() && m_matches.at(index).selectionStart() < from)
            ++index;
        selectMatch(index < m_matches.size() ? index : 0);
    }
}

void CodeEditor::updateMatches()
{
    m_matches.clear();
    m_currentMatch = -1;
    if (!m_searchText.isEmpty()) {
        QTextCursor cursor(document());
        for (;;) {
            cursor = document()->find(m_searchText, cursor);
            if (cursor.isNull())
                break;
            m_matches.append(cursor);
        }
        const QTextCursor own = textCursor();
        for (int i = 0; i < m_matches.size(); ++i)
            if (m_matches.at(i).selectionStart() == own.selectionStart() && m_matches.at(i).selectionEnd() == own.selectionEnd())
                m_currentMatch = i;
    }
    m_findBar->setStatus(currentMatch(), matchCount());
    updateExtraSelections();
}

void CodeEditor::selectMatch(int index)
{
    if (m_matches.isEmpty())
        return;
    m_currentMatch = index;
    setTextCursor(m_matches.at(index));
    centerCursor();
    m_findBar->setStatus(currentMatch(), matchCount());
    updateExtraSelections();
}

void CodeEditor::findNext()
{
    if (m_matches.isEmpty())
        return;
    const int from = textCursor().selectionEnd();
    for (int i = 0; i < m_matches.size(); ++i)
        if (m_matches.at(i).selectionStart() >= from && i != m_currentMatch) {
            selectMatch(i);
            return;
        }
    selectMatch(0); // wrap
}

void CodeEditor::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    const int before = textCursor().selectionStart();
    for (int i = int(m_matches.size()) - 1; i >= 0; --i)
        if (m_matches.at(i).selectionEnd() <= before && i != m_currentMatch) {
            selectMatch(i);
            return;
        }
    selectMatch(int(m_matches.size()) - 1); // wrap
}

// --- navigation and keys --------------------------------------------------

void CodeEditor::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(1, line, blockCount()) - 1);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + qBound(0, column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

int CodeEditor::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

int CodeEditor::currentColumn() const
{
    return textCursor().positionInBlock() + 1;
}

void CodeEditor::requestGoToLine()
{
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line (1 to %1):").arg(blockCount()),
                                          currentLine(), 1, blockCount(), 1, &ok);
    if (ok)
        goToLine(line);
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Find)) {
        openFindBar();
        return;
    }
    if (event->matches(QKeySequence::FindNext)) {
        findNext();
        return;
    }
    if (event->matches(QKeySequence::FindPrevious)) {
        findPrevious();
        return;
    }
    if (event->key() == Qt::Key_G && event->modifiers() == Qt::ControlModifier) {
        requestGoToLine();
        return;
    }
    if (event->key() == Qt::Key_Escape && !m_findBar->isHidden()) {
        closeFindBar();
        return;
    }
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier && !isReadOnly()
        && m_language == SyntaxHighlighting::Language::Yaml) {
        const int column = textCursor().positionInBlock();
        insertPlainText(QString(m_indentWidth - column % m_indentWidth, QLatin1Char(' ')));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        if (m_language != SyntaxHighlighting::Language::None)
            setLanguage(m_language); // colours follow the palette
        updateExtraSelections();
        m_lineNumberArea->update();
    } else if (event->type() == QEvent::FontChange) {
        updateMargins();
    }
}

} // namespace sd::app
