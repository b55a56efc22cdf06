#include "SqlExpression.h"

#include "SqlLexer.h"

#include <QRegularExpression>
#include <QSet>

namespace sd {

namespace {

using Tokens = QList<SqlToken>;

bool isSimpleLowerName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z_][a-z0-9_$]*$"));
    return re.match(name).hasMatch();
}

// Words after which '(' groups rather than calls a function.
bool isKeywordBeforeParen(const QString &lowerWord)
{
    static const QSet<QString> words{
        QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not"), QStringLiteral("in"),
        QStringLiteral("is"), QStringLiteral("then"), QStringLiteral("else"), QStringLiteral("when"),
        QStringLiteral("case"), QStringLiteral("between"), QStringLiteral("like"), QStringLiteral("ilike"),
        QStringLiteral("any"), QStringLiteral("all"), QStringLiteral("some"), QStringLiteral("on"),
        QStringLiteral("where"), QStringLiteral("as"), QStringLiteral("check"), QStringLiteral("distinct"),
        QStringLiteral("glob"), QStringLiteral("regexp"), QStringLiteral("escape")};
    return words.contains(lowerWord);
}

// Canonical spelling of each token; casts are still present.
Tokens canonicalTokens(const QString &sql)
{
    Tokens tokens = SqlLexer::tokenize(sql);
    for (SqlToken &t : tokens) {
        switch (t.kind) {
        case SqlToken::Kind::Word:
            t.text = t.text.toLower();
            break;
        case SqlToken::Kind::QuotedIdentifier:
            if (isSimpleLowerName(t.text))
                t.kind = SqlToken::Kind::Word;
            else
                t.text = QLatin1Char('"') + QString(t.text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
            break;
        case SqlToken::Kind::Operator:
            if (t.text == QLatin1String("!="))
                t.text = QStringLiteral("<>");
            else if (t.text == QLatin1String("=="))
                t.text = QStringLiteral("=");
            else if (t.text == QLatin1String("~~"))
                t = SqlToken{SqlToken::Kind::Word, QStringLiteral("like"), t.position, t.length};
            else if (t.text == QLatin1String("~~*"))
                t = SqlToken{SqlToken::Kind::Word, QStringLiteral("ilike"), t.position, t.length};
            else if (t.text == QLatin1String("!~~"))
                t = SqlToken{SqlToken::Kind::Word, QStringLiteral("not like"), t.position, t.length};
            else if (t.text == QLatin1String("!~~*"))
                t = SqlToken{SqlToken::Kind::Word, QStringLiteral("not ilike"), t.position, t.length};
            break;
        default:
            break;
        }
    }
    return tokens;
}

int skipBalanced(const Tokens &tokens, int i, SqlToken::Kind open, SqlToken::Kind close)
{
    int depth = 0;
    for (; i < tokens.size(); ++i) {
        if (tokens[i].kind == open)
            ++depth;
        else if (tokens[i].kind == close && --depth == 0)
            return i + 1;
    }
    return i;
}

Tokens withoutCasts(const Tokens &in)
{
    static const QSet<QString> typeTailWords{QStringLiteral("varying"), QStringLiteral("precision"),
                                             QStringLiteral("with"), QStringLiteral("without"),
                                             QStringLiteral("time"), QStringLiteral("zone")};
    Tokens out;
    out.reserve(in.size());
    for (int i = 0; i < in.size(); ++i) {
        if (!(in[i].kind == SqlToken::Kind::Operator && in[i].text == QLatin1String("::"))) {
            out.append(in[i]);
            continue;
        }
        int j = i + 1;
        if (j < in.size() && in[j].isName())
            ++j;
        while (j + 1 < in.size() && in[j].kind == SqlToken::Kind::Dot && in[j + 1].isName())
            j += 2;
        while (j < in.size() && in[j].kind == SqlToken::Kind::Word && typeTailWords.contains(in[j].text))
            ++j;
        if (j < in.size() && in[j].kind == SqlToken::Kind::LeftParen)
            j = skipBalanced(in, j, SqlToken::Kind::LeftParen, SqlToken::Kind::RightParen);
        while (j + 1 < in.size() && in[j].kind == SqlToken::Kind::LeftBracket
               && in[j + 1].kind == SqlToken::Kind::RightBracket)
            j += 2;
        i = j - 1;
    }
    return out;
}

Tokens withoutGroupingParens(const Tokens &in)
{
    Tokens out;
    out.reserve(in.size());
    QList<bool> isCall; // per open paren
    for (const SqlToken &t : in) {
        if (t.kind == SqlToken::Kind::LeftParen) {
            bool call = false;
            if (!out.isEmpty()) {
                const SqlToken &prev = out.constLast();
                call = (prev.kind == SqlToken::Kind::Word && !isKeywordBeforeParen(prev.text))
                       || prev.kind == SqlToken::Kind::QuotedIdentifier;
            }
            isCall.append(call);
            if (call)
                out.append(t);
            continue;
        }
        if (t.kind == SqlToken::Kind::RightParen) {
            const bool call = isCall.isEmpty() ? true : isCall.takeLast();
            if (call)
                out.append(t);
            continue;
        }
        out.append(t);
    }
    return out;
}

bool isOp(const SqlToken &t, const char *op)
{
    return t.kind == SqlToken::Kind::Operator && t.text == QLatin1String(op);
}

// `= any array [ x , y ]` -> `in x , y`; `<> all array [...]` -> `not in ...`
Tokens withInLists(const Tokens &in)
{
    Tokens out;
    for (int i = 0; i < in.size(); ++i) {
        const bool anyForm = isOp(in[i], "=") && i + 3 < in.size() && in[i + 1].isWord("any");
        const bool allForm = isOp(in[i], "<>") && i + 3 < in.size() && in[i + 1].isWord("all");
        if ((anyForm || allForm) && in[i + 2].isWord("array") && in[i + 3].kind == SqlToken::Kind::LeftBracket) {
            const int end = skipBalanced(in, i + 3, SqlToken::Kind::LeftBracket, SqlToken::Kind::RightBracket);
            if (allForm)
                out.append(SqlToken{SqlToken::Kind::Word, QStringLiteral("not"), in[i].position, 0});
            out.append(SqlToken{SqlToken::Kind::Word, QStringLiteral("in"), in[i].position, 0});
            for (int k = i + 4; k < end - 1; ++k)
                out.append(in[k]);
            i = end - 1;
            continue;
        }
        out.append(in[i]);
    }
    return out;
}

Tokens withCanonicalFunctions(const Tokens &in)
{
    Tokens out;
    for (int i = 0; i < in.size(); ++i) {
        if (in[i].isWord("now") && i + 2 < in.size() && in[i + 1].kind == SqlToken::Kind::LeftParen
            && in[i + 2].kind == SqlToken::Kind::RightParen) {
            out.append(SqlToken{SqlToken::Kind::Word, QStringLiteral("current_timestamp"), in[i].position, 0});
            i += 2;
            continue;
        }
        // x between a and b -> x >= a and x <= b, for single-token operands
        if (i + 4 < in.size() && in[i + 1].isWord("between") && in[i + 3].isWord("and")
            && (i == 0 || !in[i - 1].isWord("not"))) {
            const SqlToken x = in[i];
            out << x << SqlToken{SqlToken::Kind::Operator, QStringLiteral(">="), 0, 0} << in[i + 2]
                << in[i + 3] << x << SqlToken{SqlToken::Kind::Operator, QStringLiteral("<="), 0, 0} << in[i + 4];
            i += 4;
            continue;
        }
        out.append(in[i]);
    }
    return out;
}

QString joined(const Tokens &tokens)
{
    QStringList parts;
    parts.reserve(tokens.size());
    for (const SqlToken &t : tokens)
        parts << t.text;
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString SqlExpression::comparisonKey(const QString &sql)
{
    return joined(withCanonicalFunctions(withInLists(withoutGroupingParens(withoutCasts(canonicalTokens(sql))))));
}

QString SqlExpression::renameIdentifiers(const QString &sql, const QHash<QString, QString> &renames)
{
    if (sql.isEmpty() || renames.isEmpty())
        return sql;
    QString out = sql;
    const Tokens tokens = SqlLexer::tokenize(sql, true);
    // Replace from the end so earlier positions stay valid.
    for (auto it = tokens.crbegin(); it != tokens.crend(); ++it) {
        if (!it->isName() || !renames.contains(it->text))
            continue;
        if (std::next(it) != tokens.crend() && std::next(it)->kind == SqlToken::Kind::Dot)
            continue; // qualified: other.name
        const QString replacement = it->kind == SqlToken::Kind::QuotedIdentifier
                                        ? QLatin1Char('"') + QString(renames.value(it->text)).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"')
                                        : renames.value(it->text);
        out.replace(it->position, it->length, replacement);
    }
    return out;
}

QString SqlExpression::stripOuterParentheses(const QString &sql)
{
    QString s = sql.trimmed();
    while (s.startsWith(QLatin1Char('(')) && s.endsWith(QLatin1Char(')'))) {
        const Tokens tokens = SqlLexer::tokenize(s);
        if (tokens.isEmpty() || skipBalanced(tokens, 0, SqlToken::Kind::LeftParen, SqlToken::Kind::RightParen) != tokens.size())
            break;
        s = s.mid(1, s.size() - 2).trimmed();
    }
    return s;
}

QString SqlExpression::unquoteStringLiteral(const QString &literal)
{
    if (literal.size() >= 3 && (literal.at(0) == QLatin1Char('E') || literal.at(0) == QLatin1Char('e'))
        && literal.at(1) == QLatin1Char('\'')) {
        const QString body = literal.mid(2, literal.size() - 3);
        QString out;
        for (int i = 0; i < body.size(); ++i) {
            QChar c = body.at(i);
            if (c == QLatin1Char('\\') && i + 1 < body.size()) {
                const QChar e = body.at(++i);
                switch (e.unicode()) {
                case 'n': out += QLatin1Char('\n'); break;
                case 't': out += QLatin1Char('\t'); break;
                case 'r': out += QLatin1Char('\r'); break;
                case 'b': out += QLatin1Char('\b'); break;
                case 'f': out += QLatin1Char('\f'); break;
                default: out += e; break;
                }
            } else if (c == QLatin1Char('\'') && i + 1 < body.size() && body.at(i + 1) == QLatin1Char('\'')) {
                out += c;
                ++i;
            } else {
                out += c;
            }
        }
        return out;
    }
    if (literal.size() >= 2 && literal.startsWith(QLatin1Char('\'')) && literal.endsWith(QLatin1Char('\'')))
        return literal.mid(1, literal.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    return literal;
}

DefaultValue SqlExpression::defaultFromSql(const QString &sql)
{
    const QString trimmed = stripOuterParentheses(sql);
    if (trimmed.isEmpty())
        return {};
    Tokens tokens = withoutGroupingParens(withoutCasts(SqlLexer::tokenize(trimmed)));
    if (tokens.size() == 1) {
        const SqlToken &t = tokens.constFirst();
        if (t.kind == SqlToken::Kind::String && (t.text.startsWith(QLatin1Char('\'')) || t.text.startsWith(QLatin1Char('E'))
                                                 || t.text.startsWith(QLatin1Char('e'))))
            return DefaultValue::string(unquoteStringLiteral(t.text));
        if (t.kind == SqlToken::Kind::Number)
            return DefaultValue::number(t.text);
        if (t.isWord("true") || t.isWord("false"))
            return DefaultValue::boolean(t.isWord("true"));
        if (t.isWord("null"))
            return DefaultValue::null();
    }
    if (tokens.size() == 2 && tokens[1].kind == SqlToken::Kind::Number
        && (isOp(tokens[0], "-") || isOp(tokens[0], "+")))
        return DefaultValue::number(isOp(tokens[0], "-") ? QLatin1Char('-') + tokens[1].text : tokens[1].text);
    return DefaultValue::expression(trimmed);
}

} // namespace sd
