#pragma once
// The built-in SQL highlighter: keywords and types of one dialect (case
// insensitive), strings (including E'' and dollar-quoted bodies), quoted
// identifiers, numbers and comments. Tokens come from the core's SqlLexer;
// a string, identifier or comment left open at the end of a line carries
// over to the next through the block state.

#include "model/ColumnType.h"
#include "TextCategory.h"

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace sd::app {

class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    SqlHighlighter(DialectKind dialect, QTextDocument *document, const QPalette &palette);

    DialectKind dialect() const { return m_dialect; }
    // New colours (the palette changed): rehighlights the document.
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    void apply(int start, int length, TextCategory::Kind category);

    DialectKind m_dialect;
    std::array<QTextCharFormat, 16> m_formats;
};

} // namespace sd::app
