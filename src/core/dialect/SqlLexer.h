#pragma once
// Splits SQL text into tokens, keeping string literals, quoted identifiers,
// dollar-quoted bodies and comments whole. Shared by expression
// normalisation, SQLite's CREATE TABLE reader and statement splitting.

#include <QList>
#include <QString>

namespace sd {

struct SqlToken
{
    enum class Kind {
        Word,             // identifier or keyword, unquoted: text as written
        QuotedIdentifier, // "x", `x` or [x]: text holds the name, unquoted
        String,           // 'x', E'x', X'..': text holds the literal as written
        DollarString,     // $tag$...$tag$: text as written
        Number,
        Operator,         // + - * / < > = ! | || :: <> <= ...
        LeftParen, RightParen, LeftBracket, RightBracket,
        Comma, Semicolon, Dot,
        Parameter,        // ? $1 :name
        Comment,          // -- ... or /* ... */ (only with keepComments)
    };
    Kind kind;
    QString text;
    int position = 0; // offset of the token's first character in the input
    int length = 0;   // characters in the input

    bool isWord(const char *lowerCaseWord) const
    {
        return kind == Kind::Word && text.compare(QLatin1String(lowerCaseWord), Qt::CaseInsensitive) == 0;
    }
    // Word or quoted identifier: the name it denotes (words as written).
    bool isName() const { return kind == Kind::Word || kind == Kind::QuotedIdentifier; }
};

class SqlLexer
{
public:
    // `complete` is set to false when the input ends inside a string,
    // quoted identifier or comment.
    static QList<SqlToken> tokenize(const QString &sql, bool keepComments = false, bool *complete = nullptr);
};

} // namespace sd
