#pragma once
// Private to SqliteTableParser: a cursor over the tokens of one SQLite
// statement, with the first error it meets and where.

#include "Error.h"
#include "dialect/SqlLexer.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <utility>

namespace sd {

class SqliteTokenCursor
{
    Q_DECLARE_TR_FUNCTIONS(SqliteIntrospector)

public:
    using Kind = SqlToken::Kind;
    using Range = std::pair<int, int>; // token indexes [first, end)

    explicit SqliteTokenCursor(const QString &sql);

    // The first error met: "cannot read the CREATE TABLE statement of
    // table "t": expected ... near "..." (line 1, column 17)".
    Error error(bool isTable) const;

protected:
    const SqlToken *peek(int ahead = 0) const
    {
        const int k = m_pos + ahead;
        return k < m_end ? &m_tokens[k] : nullptr;
    }
    bool atEnd() const { return m_pos >= m_end; }
    bool isWord(const char *word, int ahead = 0) const
    {
        const SqlToken *t = peek(ahead);
        return t && t->isWord(word);
    }
    bool isKind(Kind kind, int ahead = 0) const
    {
        const SqlToken *t = peek(ahead);
        return t && t->kind == kind;
    }
    bool acceptWord(const char *word);
    bool accept(Kind kind);
    bool expectWord(const char *word);
    bool isNameToken(int ahead = 0) const;
    bool expectName(QString *name, const QString &what);
    bool qualifiedName(QString *schema, QString *name, const QString &what);
    bool fail(const QString &message);
    bool failAt(int token, const QString &message);

    int matchingParen(int open) const;
    int closingParen(int open); // matchingParen, or -1 after failing
    QList<Range> splitAtCommas(int first, int end) const;
    QString textBetween(int open, int close) const;
    bool parenthesised(QString *text); // ( ... ): the text between, trimmed

    const QString &m_sql;
    QList<SqlToken> m_tokens;
    int m_pos = 0;
    int m_end = 0;          // the end of the range being read
    bool m_complete = true; // false: the text ends inside a string, name or comment
    QString m_objectName;   // the table or index, once read
    QString m_error;
    int m_errorPosition = -1;
};

} // namespace sd
