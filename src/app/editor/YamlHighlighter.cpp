// A line-oriented YAML scanner, enough for highlighting: it never
// validates (the core's reader does that and reports errors), it only
// decides what each stretch of a line is.

#include "YamlHighlighter.h"

#include "EditorTheme.h"

#include <QRegularExpression>

namespace sd::app {

namespace {

// Block states. A block scalar stores the indentation of the node that
// owns it (+1, so a top-level scalar is 0): its body is every following
// line indented deeper, and blank lines.
enum State : int {
    Normal = 0,
    InDoubleQuoted = 1,
    InSingleQuoted = 2,
    BlockScalarBase = 0x10000,
};

bool isFlowIndicator(QChar c)
{
    return c == QLatin1Char(',') || c == QLatin1Char('[') || c == QLatin1Char(']') || c == QLatin1Char('{')
           || c == QLatin1Char('}');
}

bool isBlankAt(const QString &text, qsizetype i)
{
    return i >= text.size() || text.at(i).isSpace();
}

qsizetype indentation(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void YamlHighlighter::setPalette(const QPalette &palette)
{
    for (size_t i = 0; i < m_formats.size(); ++i)
        m_formats[i] = EditorTheme::format(TextCategory::Kind(i), palette);
    rehighlight();
}

void YamlHighlighter::apply(qsizetype start, qsizetype length, TextCategory::Kind category)
{
    if (length > 0 && category != TextCategory::None)
        setFormat(int(start), int(length), m_formats[size_t(category)]);
}

TextCategory::Kind YamlHighlighter::plainScalarCategory(const QString &scalar)
{
    static const QRegularExpression number(QStringLiteral(
        "^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?"
        "|0x[0-9a-fA-F_]+|0o[0-7_]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"));
    static const QRegularExpression literal(QStringLiteral(
        "^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$"));
    if (literal.match(scalar).hasMatch())
        return TextCategory::Literal;
    if (number.match(scalar).hasMatch())
        return TextCategory::Number;
    return TextCategory::String;
}

qsizetype YamlHighlighter::quotedEnd(const QString &text, qsizetype from, QChar quote)
{
    qsizetype i = from;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quote == QLatin1Char('"') && c == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        if (c == quote) {
            if (quote == QLatin1Char('\'') && i + 1 < text.size() && text.at(i + 1) == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return -1;
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    const int previous = qMax(0, previousBlockState());
    const qsizetype indent = indentation(text);
    qsizetype i = 0;

    // The body of a block scalar: deeper lines and blank lines.
    if (previous >= BlockScalarBase) {
        const qsizetype owner = (previous - BlockScalarBase) - 1;
        if (text.trimmed().isEmpty() || indent > owner) {
            apply(0, text.size(), TextCategory::String);
            setCurrentBlockState(previous);
            return;
        }
    }
    // The rest of a quoted string from an earlier line.
    if (previous == InDoubleQuoted || previous == InSingleQuoted) {
        const QChar quote = previous == InDoubleQuoted ? QLatin1Char('"') : QLatin1Char('\'');
        const qsizetype end = quotedEnd(text, 0, quote);
        if (end < 0) {
            apply(0, text.size(), TextCategory::String);
            setCurrentBlockState(previous);
            return;
        }
        apply(0, end, TextCategory::String);
        i = end;
    }

    int state = Normal;
    int flowDepth = 0;
    qsizetype owner = indent - 1;   // the node a block scalar on this line belongs to

    if (i == 0 && (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("...")))
        && isBlankAt(text, 3)) {
        apply(0, 3, TextCategory::Directive);
        owner = -1;
        i = 3;
    } else if (i == 0 && text.startsWith(QLatin1Char('%'))) {
        apply(0, text.size(), TextCategory::Directive);
        setCurrentBlockState(Normal);
        return;
    }

    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        // # comment: at the start or after a blank
        if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace())) {
            apply(i, text.size() - i, TextCategory::Comment);
            break;
        }
        // - list item, ? explicit key (block context)
        if (flowDepth == 0 && (c == QLatin1Char('-') || c == QLatin1Char('?')) && isBlankAt(text, i + 1)) {
            apply(i, 1, TextCategory::Punctuation);
            owner = i;
            ++i;
            continue;
        }
        // flow punctuation
        if (isFlowIndicator(c)) {
            if (c == QLatin1Char('[') || c == QLatin1Char('{'))
                ++flowDepth;
            else if (c == QLatin1Char(']') || c == QLatin1Char('}'))
                flowDepth = qMax(0, flowDepth - 1);
            apply(i, 1, TextCategory::Punctuation);
            ++i;
            continue;
        }
        // : after a quoted key or alone
        if (c == QLatin1Char(':') && (isBlankAt(text, i + 1) || (flowDepth > 0 && isFlowIndicator(text.at(i + 1))))) {
            apply(i, 1, TextCategory::Punctuation);
            ++i;
            continue;
        }
        // &anchor, *alias, !tag
        if (c == QLatin1Char('&') || c == QLatin1Char('*') || c == QLatin1Char('!')) {
            qsizetype j = i + 1;
            while (j < text.size() && !text.at(j).isSpace() && !(flowDepth > 0 && isFlowIndicator(text.at(j))))
                ++j;
            apply(i, j - i, TextCategory::Anchor);
            i = j;
            continue;
        }
        // | and > block scalar headers: the following deeper lines are its body
        if (flowDepth == 0 && (c == QLatin1Char('|') || c == QLatin1Char('>'))) {
            qsizetype j = i + 1;
            while (j < text.size() && (text.at(j).isDigit() || text.at(j) == QLatin1Char('+') || text.at(j) == QLatin1Char('-')))
                ++j;
            const qsizetype rest = indentation(text.mid(j)) + j;
            if (rest >= text.size() || (text.at(rest) == QLatin1Char('#') && rest > j)) {
                apply(i, j - i, TextCategory::Punctuation);
                if (rest < text.size())
                    apply(rest, text.size() - rest, TextCategory::Comment);
                state = BlockScalarBase + int(owner + 1);
                break;
            }
        }
        // "quoted" and 'quoted' scalars, maybe keys
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const qsizetype end = quotedEnd(text, i + 1, c);
            if (end < 0) {
                apply(i, text.size() - i, TextCategory::String);
                state = c == QLatin1Char('"') ? InDoubleQuoted : InSingleQuoted;
                break;
            }
            qsizetype after = end;
            while (after < text.size() && text.at(after) == QLatin1Char(' '))
                ++after;
            const bool key = after < text.size() && text.at(after) == QLatin1Char(':')
                             && (isBlankAt(text, after + 1) || flowDepth > 0);
            apply(i, end - i, key ? TextCategory::Key : TextCategory::String);
            if (key && flowDepth == 0)
                owner = i;
            i = end;
            continue;
        }
        // A plain scalar: up to ": ", " #", the end, or (in flow) a flow indicator.
        qsizetype j = i;
        bool key = false;
        while (j < text.size()) {
            const QChar d = text.at(j);
            if (d == QLatin1Char(':') && (isBlankAt(text, j + 1) || (flowDepth > 0 && isFlowIndicator(text.at(j + 1))))) {
                key = true;
                break;
            }
            if (d == QLatin1Char('#') && text.at(j - 1).isSpace())
                break;
            if (flowDepth > 0 && isFlowIndicator(d))
                break;
            ++j;
        }
        qsizetype end = j;
        while (end > i && text.at(end - 1).isSpace())
            --end;
        if (key) {
            apply(i, end - i, TextCategory::Key);
            if (flowDepth == 0)
                owner = i;
        } else {
            apply(i, end - i, plainScalarCategory(text.mid(i, end - i)));
        }
        i = j;
    }
    setCurrentBlockState(state);
}

} // namespace sd::app
