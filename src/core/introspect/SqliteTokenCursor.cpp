#include "SqliteTokenCursor_p.h"

#include "dialect/SqlExpression.h"

#include <algorithm>

namespace sd {

namespace {

using Kind = SqlToken::Kind;
using Tokens = QList<SqlToken>;

// SQLite has no array subscripts: every '[' opens a quoted name. The shared
// lexer reads a '[' after a word (`CONSTRAINT [pk]`, `REFERENCES [t]`) as a
// subscript, so here each LeftBracket becomes the name up to the next ']'
// and the rest of the text is tokenized again from there.
Tokens sqliteTokens(const QString &sql, bool *complete)
{
    Tokens out;
    int offset = 0;
    for (;;) {
        bool ok = true;
        const Tokens part = SqlLexer::tokenize(sql.mid(offset), false, &ok);
        // Most statements quote no name in brackets: their tokens as they are.
        if (offset == 0
            && std::none_of(part.cbegin(), part.cend(), [](const SqlToken &t) { return t.kind == Kind::LeftBracket; })) {
            *complete = ok;
            return part;
        }
        bool restarted = false;
        for (SqlToken token : part) {
            token.position += offset;
            if (token.kind == Kind::LeftBracket) {
                const int close = int(sql.indexOf(QLatin1Char(']'), token.position + 1));
                if (close < 0) {
                    *complete = false;
                    return out;
                }
                out.append(SqlToken{Kind::QuotedIdentifier, sql.mid(token.position + 1, close - token.position - 1),
                                    token.position, close + 1 - token.position});
                offset = close + 1;
                restarted = true;
                break;
            }
            out.append(token);
        }
        if (!restarted) {
            *complete = ok;
            return out;
        }
    }
}

} // namespace

SqliteTokenCursor::SqliteTokenCursor(const QString &sql)
    : m_sql(sql)
{
    bool complete = true;
    m_tokens = sqliteTokens(sql, &complete);
    m_end = int(m_tokens.size());
    m_complete = complete;
}

bool SqliteTokenCursor::acceptWord(const char *word)
{
    if (!isWord(word))
        return false;
    ++m_pos;
    return true;
}

bool SqliteTokenCursor::accept(Kind kind)
{
    if (!isKind(kind))
        return false;
    ++m_pos;
    return true;
}

bool SqliteTokenCursor::expectWord(const char *word)
{
    if (acceptWord(word))
        return true;
    return fail(tr("expected %1").arg(QString::fromLatin1(word).toUpper()));
}

bool SqliteTokenCursor::isNameToken(int ahead) const
{
    const SqlToken *t = peek(ahead);
    if (!t)
        return false;
    // SQLite takes a plain 'string' where a name stands ("CREATE TABLE 'ft_data'").
    return t->isName() || (t->kind == Kind::String && t->text.startsWith(QLatin1Char('\'')));
}

bool SqliteTokenCursor::expectName(QString *name, const QString &what)
{
    if (!isNameToken())
        return fail(tr("expected %1").arg(what));
    const SqlToken &t = m_tokens[m_pos++];
    *name = t.kind == Kind::String ? SqlExpression::unquoteStringLiteral(t.text) : t.text;
    return true;
}

bool SqliteTokenCursor::qualifiedName(QString *schema, QString *name, const QString &what)
{
    if (!expectName(name, what))
        return false;
    if (accept(Kind::Dot)) {
        *schema = *name;
        return expectName(name, what);
    }
    return true;
}

bool SqliteTokenCursor::fail(const QString &message)
{
    return failAt(m_pos, message);
}

bool SqliteTokenCursor::failAt(int token, const QString &message)
{
    if (m_error.isEmpty()) {
        m_error = message;
        m_errorPosition = token < m_tokens.size() ? m_tokens[token].position : int(m_sql.size());
    }
    return false;
}

int SqliteTokenCursor::matchingParen(int open) const
{
    int depth = 0;
    for (int i = open; i < m_end; ++i) {
        if (m_tokens[i].kind == Kind::LeftParen)
            ++depth;
        else if (m_tokens[i].kind == Kind::RightParen && --depth == 0)
            return i;
    }
    return -1;
}

int SqliteTokenCursor::closingParen(int open)
{
    const int close = matchingParen(open);
    if (close < 0)
        failAt(open, tr("unbalanced parentheses"));
    return close;
}

QList<SqliteTokenCursor::Range> SqliteTokenCursor::splitAtCommas(int first, int end) const
{
    QList<Range> ranges;
    int depth = 0;
    int start = first;
    for (int i = first; i < end; ++i) {
        const Kind kind = m_tokens[i].kind;
        if (kind == Kind::LeftParen) {
            ++depth;
        } else if (kind == Kind::RightParen) {
            --depth;
        } else if (kind == Kind::Comma && depth == 0) {
            ranges.append({start, i});
            start = i + 1;
        }
    }
    ranges.append({start, end});
    return ranges;
}

QString SqliteTokenCursor::textBetween(int open, int close) const
{
    const int from = m_tokens[open].position + m_tokens[open].length;
    return m_sql.mid(from, m_tokens[close].position - from).trimmed();
}

bool SqliteTokenCursor::parenthesised(QString *text)
{
    if (!isKind(Kind::LeftParen))
        return fail(tr("expected '('"));
    const int close = closingParen(m_pos);
    if (close < 0)
        return false;
    *text = textBetween(m_pos, close);
    m_pos = close + 1;
    return true;
}

Error SqliteTokenCursor::error(bool isTable) const
{
    const QString &message = m_error;
    const int position = qBound(0, m_errorPosition, int(m_sql.size()));
    const int line = int(m_sql.left(position).count(QLatin1Char('\n'))) + 1;
    const int column = position - int(m_sql.lastIndexOf(QLatin1Char('\n'), position - 1));
    const QString near
        = position < m_sql.size() ? tr("near \"%1\"").arg(m_sql.mid(position, 20).simplified()) : tr("at the end");
    QString subject;
    if (isTable) {
        subject = m_objectName.isEmpty() ? tr("a CREATE TABLE statement")
                                         : tr("the CREATE TABLE statement of table \"%1\"").arg(m_objectName);
    } else {
        subject = m_objectName.isEmpty() ? tr("a CREATE INDEX statement")
                                         : tr("the CREATE INDEX statement of index \"%1\"").arg(m_objectName);
    }
    return Error::input(
        tr("cannot read %1: %2 %3 (line %4, column %5)").arg(subject, message, near).arg(line).arg(column), QString(),
        line, column);
}

} // namespace sd
