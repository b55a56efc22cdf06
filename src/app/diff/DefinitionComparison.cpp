#include "DefinitionComparison.h"

#include <QEvent>
#include <QFontDatabase>
#include <QTextCursor>
#include <QTextTable>

namespace sd::app {

DefinitionComparison::DefinitionComparison(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setLineWrapMode(QTextEdit::WidgetWidth);
    document()->setDocumentMargin(6);
}

void DefinitionComparison::setLines(const QList<DefinitionLine> &lines, const QString &liveTitle,
                                    const QString &configuredTitle)
{
    m_lines = lines;
    m_liveTitle = liveTitle;
    m_configuredTitle = configuredTitle;
    m_message.clear();
    render();
}

void DefinitionComparison::setMessage(const QString &message)
{
    m_lines.clear();
    m_message = message;
    render();
}

void DefinitionComparison::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        render();
}

void DefinitionComparison::render()
{
    QTextDocument *doc = document();
    doc->clear();
    QTextCursor cursor(doc);
    const QPalette pal = palette();
    if (!m_message.isEmpty() || m_lines.isEmpty()) {
        QTextCharFormat format;
        format.setForeground(pal.color(QPalette::PlaceholderText));
        cursor.insertText(m_message, format);
        return;
    }

    QTextTableFormat tableFormat;
    tableFormat.setBorder(0);
    tableFormat.setCellSpacing(0);
    tableFormat.setCellPadding(2);
    tableFormat.setHeaderRowCount(1);
    tableFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    const int markWidth = fontMetrics().horizontalAdvance(QStringLiteral("MM"));
    tableFormat.setColumnWidthConstraints({QTextLength(QTextLength::FixedLength, markWidth),
                                           QTextLength(QTextLength::PercentageLength, 48),
                                           QTextLength(QTextLength::FixedLength, markWidth),
                                           QTextLength(QTextLength::PercentageLength, 48)});
    QTextTable *table = cursor.insertTable(int(m_lines.size()) + 1, 4, tableFormat);

    QTextCharFormat titleFormat;
    titleFormat.setFontWeight(QFont::Bold);
    titleFormat.setForeground(pal.color(QPalette::Text));
    table->cellAt(0, LiveTextColumn).firstCursorPosition().insertText(m_liveTitle, titleFormat);
    table->cellAt(0, ConfiguredTextColumn).firstCursorPosition().insertText(m_configuredTitle, titleFormat);

    QTextCharFormat codeFormat;
    codeFormat.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    codeFormat.setForeground(pal.color(QPalette::Text));
    const QColor absent = pal.color(QPalette::AlternateBase);

    for (int i = 0; i < m_lines.size(); ++i) {
        const DefinitionLine &line = m_lines.at(i);
        const int row = i + 1;
        const auto fill = [&](Side side, bool present) {
            const int markColumn = side == Live ? LiveMarkColumn : ConfiguredMarkColumn;
            const int textColumn = side == Live ? LiveTextColumn : ConfiguredTextColumn;
            const QString &text = side == Live ? line.live : line.configured;
            QTextCharFormat cellFormat;
            if (line.status != DiffStatus::Unchanged)
                cellFormat.setBackground(present ? DiffStatusStyle::lineBackground(line.status, pal, line.destructive) : absent);
            for (int column : {markColumn, textColumn}) {
                QTextTableCell cell = table->cellAt(row, column);
                if (cellFormat.hasProperty(QTextFormat::BackgroundBrush))
                    cell.setFormat(cellFormat);
            }
            if (!present)
                return;
            if (line.status != DiffStatus::Unchanged) {
                QTextCharFormat markFormat = codeFormat;
                markFormat.setForeground(DiffStatusStyle::colour(line.status, pal));
                markFormat.setFontWeight(QFont::Bold);
                table->cellAt(row, markColumn).firstCursorPosition().insertText(DiffStatusStyle::symbol(line.status), markFormat);
            }
            table->cellAt(row, textColumn).firstCursorPosition().insertText(text, codeFormat);
        };
        fill(Live, line.inLive);
        fill(Configured, line.inConfigured);
    }
}

QString DefinitionComparison::lineText(Side side, int line) const
{
    const QList<QTextFrame *> frames = document()->rootFrame()->childFrames();
    QTextTable *table = frames.isEmpty() ? nullptr : qobject_cast<QTextTable *>(frames.first());
    if (!table || line < 0 || line + 1 >= table->rows())
        return {};
    const QTextTableCell cell = table->cellAt(line + 1, side == Live ? LiveTextColumn : ConfiguredTextColumn);
    QTextCursor cursor = cell.firstCursorPosition();
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
    return cursor.selectedText();
}

bool DefinitionComparison::isHighlighted(Side side, int line) const
{
    const QList<QTextFrame *> frames = document()->rootFrame()->childFrames();
    QTextTable *table = frames.isEmpty() ? nullptr : qobject_cast<QTextTable *>(frames.first());
    if (!table || line < 0 || line + 1 >= table->rows() || line >= m_lines.size())
        return false;
    if (!(side == Live ? m_lines.at(line).inLive : m_lines.at(line).inConfigured))
        return false; // the empty side of a line holds no text to highlight
    const QTextTableCell cell = table->cellAt(line + 1, side == Live ? LiveTextColumn : ConfiguredTextColumn);
    return cell.format().background().style() != Qt::NoBrush;
}

} // namespace sd::app
