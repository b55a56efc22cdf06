#pragma once
// SQL expressions as the servers report them and as users write them:
// a canonical comparison key, and the classification of a column default.

#include "model/Schema.h"

#include <QHash>
#include <QString>

namespace sd {

class SqlExpression
{
public:
    // A key under which two spellings of one expression compare equal:
    // keywords and unquoted names in lower case, needless quotes, casts
    // (`''::text`), grouping parentheses and comments dropped, `now()` as
    // current_timestamp, `!=` as `<>`, PostgreSQL's `= ANY (ARRAY[...])`
    // as `IN (...)`, `~~` as LIKE, BETWEEN on a name as two comparisons.
    static QString comparisonKey(const QString &sql);

    // Classifies a default as the server reports it: `'abc'::character
    // varying` is the string abc, `(-1)` the number -1, `NULL::text` null,
    // `true` a boolean, anything else an expression kept as written.
    static DefaultValue defaultFromSql(const QString &sql);

    // Replaces the names in `renames` (old -> new) where they stand as
    // identifiers, quoted or not; strings and other names are left alone.
    static QString renameIdentifiers(const QString &sql, const QHash<QString, QString> &renames);

    // Removes parentheses that wrap the whole text: "((a > 0))" -> "a > 0".
    static QString stripOuterParentheses(const QString &sql);

    // Unescapes an SQL string literal token ('it''s' -> it's, E'a\nb').
    static QString unquoteStringLiteral(const QString &literal);
};

} // namespace sd
