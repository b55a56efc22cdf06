// SQL highlighting over the core's SqlLexer. A line that starts inside a
// construct opened on an earlier line is lexed with the opening text put
// back in front of it ("/*", "'", E'", the dollar tag), so the lexer sees
// the construct whole; the state a line leaves behind is read from its
// last, unterminated token.

#include "SqlHighlighter.h"

#include "EditorTheme.h"
#include "SqlKeywords.h"
#include "dialect/SqlLexer.h"

#include <QTextBlockUserData>

namespace sd::app {

namespace {

// Block states. A block comment keeps its nesting depth in the low byte; a
// dollar-quoted body keeps its tag in the block's user data and a hash of
// it in the state, so that a changed tag rehighlights the following lines.
enum State : int {
    Normal = 0,
    InString = 1,
    InEscapeString = 2,
    InDoubleQuoted = 3,
    InBacktickQuoted = 4,
    InBracketQuoted = 5,
    CommentBase = 0x100,  // | depth
    DollarBase = 0x10000, // | hash of the tag
};

class DollarTag : public QTextBlockUserData
{
public:
    explicit DollarTag(QString tag)
        : tag(std::move(tag))
    {
    }
    QString tag;
};

int commentDepth(const QString &text)
{
    int depth = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('/') && text.at(i + 1) == QLatin1Char('*')) {
            ++depth;
            ++i;
        } else if (text.at(i) == QLatin1Char('*') && text.at(i + 1) == QLatin1Char('/')) {
            --depth;
            ++i;
        }
    }
    return qBound(1, depth, 0xff);
}

} // namespace

SqlHighlighter::SqlHighlighter(DialectKind dialect, QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
    , m_dialect(dialect)
{
    setPalette(palette);
}

void SqlHighlighter::setPalette(const QPalette &palette)
{
    for (size_t i = 0; i < m_formats.size(); ++i)
        m_formats[i] = EditorTheme::format(TextCategory::Kind(i), palette);
    rehighlight();
}

void SqlHighlighter::apply(int start, int length, TextCategory::Kind category)
{
    if (length > 0 && category != TextCategory::None)
        setFormat(start, length, m_formats[size_t(category)]);
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    const int previous = qMax(0, previousBlockState());
    QString prefix;
    if (previous >= DollarBase) {
        if (const auto *tag = dynamic_cast<const DollarTag *>(currentBlock().previous().userData()))
            prefix = tag->tag;
    } else if (previous >= CommentBase) {
        prefix = QStringLiteral("/*").repeated(previous & 0xff);
    } else if (previous == InString) {
        prefix = QStringLiteral("'");
    } else if (previous == InEscapeString) {
        prefix = QStringLiteral("E'");
    } else if (previous == InDoubleQuoted) {
        prefix = QStringLiteral("\"");
    } else if (previous == InBacktickQuoted) {
        prefix = QStringLiteral("`");
    } else if (previous == InBracketQuoted) {
        prefix = QStringLiteral("[");
    }
    const int shift = int(prefix.size());
    bool complete = true;
    const QString source = prefix + text;
    const QList<SqlToken> tokens = SqlLexer::tokenize(source, true, &complete);

    for (const SqlToken &t : tokens) {
        const int start = qMax(0, t.position - shift);
        const int length = t.position + t.length - shift - start;
        TextCategory::Kind category = TextCategory::None;
        switch (t.kind) {
        case SqlToken::Kind::Word:
            if (SqlKeywords::isType(m_dialect, t.text))
                category = TextCategory::Type;
            else if (SqlKeywords::isKeyword(m_dialect, t.text))
                category = TextCategory::Keyword;
            break;
        case SqlToken::Kind::QuotedIdentifier:
        case SqlToken::Kind::Parameter:
            category = TextCategory::Identifier;
            break;
        case SqlToken::Kind::String:
        case SqlToken::Kind::DollarString:
            category = TextCategory::String;
            break;
        case SqlToken::Kind::Number:
            category = TextCategory::Number;
            break;
        case SqlToken::Kind::Comment:
            category = TextCategory::Comment;
            break;
        default:
            category = TextCategory::Punctuation;
            break;
        }
        apply(start, length, category);
    }

    int state = Normal;
    currentBlock().setUserData(nullptr);
    if (!complete && !tokens.isEmpty()) {
        const SqlToken &last = tokens.constLast();
        const QString raw = source.mid(last.position, last.length);
        switch (last.kind) {
        case SqlToken::Kind::Comment:
            state = CommentBase | commentDepth(raw);
            break;
        case SqlToken::Kind::String:
            state = raw.startsWith(QLatin1Char('E'), Qt::CaseInsensitive) ? InEscapeString : InString;
            break;
        case SqlToken::Kind::QuotedIdentifier:
            state = raw.startsWith(QLatin1Char('`')) ? InBacktickQuoted
                    : raw.startsWith(QLatin1Char('[')) ? InBracketQuoted
                                                        : InDoubleQuoted;
            break;
        case SqlToken::Kind::DollarString: {
            const QString tag = raw.left(raw.indexOf(QLatin1Char('$'), 1) + 1);
            currentBlock().setUserData(new DollarTag(tag));
            state = DollarBase | int(qHash(tag) & 0xffff);
            break;
        }
        default:
            break;
        }
    }
    setCurrentBlockState(state);
}

} // namespace sd::app
