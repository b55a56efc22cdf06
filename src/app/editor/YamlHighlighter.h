#pragma once
// The built-in YAML highlighter: mapping keys, scalars (quoted and plain
// strings, numbers, booleans and null), comments, anchors, aliases and
// tags, list dashes, flow punctuation, document markers. Block scalars
// (`|`, `>`) and quoted strings that run over several lines continue
// through the block state.

#include "TextCategory.h"

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace sd::app {

class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    YamlHighlighter(QTextDocument *document, const QPalette &palette);

    // New colours (the palette changed): rehighlights the document.
    void setPalette(const QPalette &palette);

    // How a plain scalar reads: Number, Literal (booleans, null) or String.
    static TextCategory::Kind plainScalarCategory(const QString &scalar);

protected:
    void highlightBlock(const QString &text) override;

private:
    void apply(qsizetype start, qsizetype length, TextCategory::Kind category);
    // The end of the quoted string opened before `from` (exclusive), or -1
    // when it runs past the end of the line.
    static qsizetype quotedEnd(const QString &text, qsizetype from, QChar quote);

    std::array<QTextCharFormat, 16> m_formats;
};

} // namespace sd::app
