#include "SqlLexer.h"

namespace sd {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c.unicode() >= 0x80;
}

bool isIdentPart(QChar c)
{
    return isIdentStart(c) || c.isDigit() || c == QLatin1Char('$');
}

bool isOperatorChar(QChar c)
{
    static const QString ops = QStringLiteral("+-*/<>=~!@#%^&|`?");
    return ops.contains(c);
}

} // namespace

QList<SqlToken> SqlLexer::tokenize(const QString &sql, bool keepComments, bool *complete)
{
    QList<SqlToken> tokens;
    const int n = int(sql.size());
    int i = 0;
    bool ok = true;
    auto push = [&](SqlToken::Kind kind, int start, int end, QString text) {
        tokens.append(SqlToken{kind, std::move(text), start, end - start});
    };

    while (i < n) {
        const QChar c = sql.at(i);
        const int start = i;
        if (c.isSpace()) {
            ++i;
            continue;
        }
        // -- comment
        if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            while (i < n && sql.at(i) != QLatin1Char('\n'))
                ++i;
            if (keepComments)
                push(SqlToken::Kind::Comment, start, i, sql.mid(start, i - start));
            continue;
        }
        // /* comment */, nested as PostgreSQL allows
        if (c == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')) {
            int depth = 0;
            bool closed = false;
            while (i < n) {
                if (sql.at(i) == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')) {
                    ++depth;
                    i += 2;
                } else if (sql.at(i) == QLatin1Char('*') && i + 1 < n && sql.at(i + 1) == QLatin1Char('/')) {
                    --depth;
                    i += 2;
                    if (depth == 0) {
                        closed = true;
                        break;
                    }
                } else {
                    ++i;
                }
            }
            ok = ok && closed;
            if (keepComments)
                push(SqlToken::Kind::Comment, start, i, sql.mid(start, i - start));
            continue;
        }
        // 'string', E'string', X'blob', N'string'
        const bool prefixed = (c == QLatin1Char('E') || c == QLatin1Char('e') || c == QLatin1Char('X')
                               || c == QLatin1Char('x') || c == QLatin1Char('N') || c == QLatin1Char('n')
                               || c == QLatin1Char('B') || c == QLatin1Char('b'))
                              && i + 1 < n && sql.at(i + 1) == QLatin1Char('\'');
        if (c == QLatin1Char('\'') || prefixed) {
            const bool backslashEscapes = prefixed && (c == QLatin1Char('E') || c == QLatin1Char('e'));
            i += prefixed ? 2 : 1;
            bool closed = false;
            while (i < n) {
                const QChar d = sql.at(i);
                if (backslashEscapes && d == QLatin1Char('\\')) {
                    i += 2;
                    continue;
                }
                if (d == QLatin1Char('\'')) {
                    if (i + 1 < n && sql.at(i + 1) == QLatin1Char('\'')) {
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                ++i;
            }
            ok = ok && closed;
            push(SqlToken::Kind::String, start, i, sql.mid(start, i - start));
            continue;
        }
        // "identifier", `identifier`, [identifier]
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            // '[' is an identifier quote in SQLite only where a name can stand;
            // after a name or ')' it is PostgreSQL's array subscript.
            if (c == QLatin1Char('[') && !tokens.isEmpty()) {
                const auto prev = tokens.constLast().kind;
                if (prev == SqlToken::Kind::Word || prev == SqlToken::Kind::QuotedIdentifier
                    || prev == SqlToken::Kind::RightParen || prev == SqlToken::Kind::RightBracket) {
                    push(SqlToken::Kind::LeftBracket, start, i + 1, QStringLiteral("["));
                    ++i;
                    continue;
                }
                if (tokens.constLast().isWord("array")) {
                    push(SqlToken::Kind::LeftBracket, start, i + 1, QStringLiteral("["));
                    ++i;
                    continue;
                }
            }
            ++i;
            QString name;
            bool closed = false;
            while (i < n) {
                const QChar d = sql.at(i);
                if (d == close) {
                    if (close != QLatin1Char(']') && i + 1 < n && sql.at(i + 1) == close) {
                        name += d;
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                name += d;
                ++i;
            }
            ok = ok && closed;
            push(SqlToken::Kind::QuotedIdentifier, start, i, name);
            continue;
        }
        // $tag$ ... $tag$ or $1
        if (c == QLatin1Char('$')) {
            int j = i + 1;
            if (j < n && sql.at(j).isDigit()) {
                while (j < n && sql.at(j).isDigit())
                    ++j;
                push(SqlToken::Kind::Parameter, start, j, sql.mid(start, j - start));
                i = j;
                continue;
            }
            while (j < n && (sql.at(j).isLetterOrNumber() || sql.at(j) == QLatin1Char('_')))
                ++j;
            if (j < n && sql.at(j) == QLatin1Char('$')) {
                const QString tag = sql.mid(i, j - i + 1);
                const int end = int(sql.indexOf(tag, j + 1));
                if (end < 0) {
                    ok = false;
                    i = n;
                } else {
                    i = end + int(tag.size());
                }
                push(SqlToken::Kind::DollarString, start, i, sql.mid(start, i - start));
                continue;
            }
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && sql.at(i + 1).isDigit())) {
            while (i < n && (sql.at(i).isDigit() || sql.at(i) == QLatin1Char('.')))
                ++i;
            if (i < n && (sql.at(i) == QLatin1Char('e') || sql.at(i) == QLatin1Char('E'))) {
                int j = i + 1;
                if (j < n && (sql.at(j) == QLatin1Char('+') || sql.at(j) == QLatin1Char('-')))
                    ++j;
                if (j < n && sql.at(j).isDigit()) {
                    i = j;
                    while (i < n && sql.at(i).isDigit())
                        ++i;
                }
            }
            push(SqlToken::Kind::Number, start, i, sql.mid(start, i - start));
            continue;
        }
        if (isIdentStart(c)) {
            while (i < n && isIdentPart(sql.at(i)))
                ++i;
            push(SqlToken::Kind::Word, start, i, sql.mid(start, i - start));
            continue;
        }
        switch (c.unicode()) {
        case '(': push(SqlToken::Kind::LeftParen, start, ++i, QStringLiteral("(")); continue;
        case ')': push(SqlToken::Kind::RightParen, start, ++i, QStringLiteral(")")); continue;
        case ']': push(SqlToken::Kind::RightBracket, start, ++i, QStringLiteral("]")); continue;
        case ',': push(SqlToken::Kind::Comma, start, ++i, QStringLiteral(",")); continue;
        case ';': push(SqlToken::Kind::Semicolon, start, ++i, QStringLiteral(";")); continue;
        case '.': push(SqlToken::Kind::Dot, start, ++i, QStringLiteral(".")); continue;
        default: break;
        }
        if (c == QLatin1Char(':') && i + 1 < n && sql.at(i + 1) == QLatin1Char(':')) {
            push(SqlToken::Kind::Operator, start, i + 2, QStringLiteral("::"));
            i += 2;
            continue;
        }
        if ((c == QLatin1Char(':') || c == QLatin1Char('@')) && i + 1 < n && isIdentStart(sql.at(i + 1))) {
            ++i;
            while (i < n && isIdentPart(sql.at(i)))
                ++i;
            push(SqlToken::Kind::Parameter, start, i, sql.mid(start, i - start));
            continue;
        }
        if (c == QLatin1Char('?')) {
            ++i;
            while (i < n && sql.at(i).isDigit())
                ++i;
            push(SqlToken::Kind::Parameter, start, i, sql.mid(start, i - start));
            continue;
        }
        if (isOperatorChar(c)) {
            while (i < n && isOperatorChar(sql.at(i))) {
                // stop before a comment start inside an operator run
                if ((sql.at(i) == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-') && i > start)
                    || (sql.at(i) == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*') && i > start))
                    break;
                ++i;
            }
            push(SqlToken::Kind::Operator, start, i, sql.mid(start, i - start));
            continue;
        }
        // Anything else (a stray ':' for instance) stands alone.
        push(SqlToken::Kind::Operator, start, ++i, QString(c));
    }
    if (complete)
        *complete = ok;
    return tokens;
}

} // namespace sd
