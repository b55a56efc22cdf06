#include "SqlScript.h"

#include "SqlLexer.h"

namespace sd {

QStringList SqlScript::split(const QString &script)
{
    const QList<SqlToken> tokens = SqlLexer::tokenize(script);
    QStringList statements;
    int start = -1;          // offset of the current statement's first token
    int end = 0;             // offset just past its last token
    bool trigger = false;    // the statement is CREATE [TEMP] TRIGGER
    int blockDepth = 0;      // BEGIN/CASE ... END inside a trigger
    int wordIndex = 0;       // words seen in the current statement

    auto finish = [&] {
        if (start >= 0)
            statements << script.mid(start, end - start).trimmed();
        start = -1;
        trigger = false;
        blockDepth = 0;
        wordIndex = 0;
    };

    for (const SqlToken &t : tokens) {
        if (t.kind == SqlToken::Kind::Semicolon && blockDepth == 0) {
            finish();
            continue;
        }
        if (start < 0)
            start = t.position;
        end = t.position + t.length;
        if (t.kind != SqlToken::Kind::Word)
            continue;
        // CREATE [TEMP|TEMPORARY] TRIGGER: the second or third word.
        if (wordIndex > 0 && wordIndex < 3 && t.isWord("trigger") && !trigger)
            trigger = true;
        ++wordIndex;
        if (!trigger)
            continue;
        if (t.isWord("begin") || t.isWord("case"))
            ++blockDepth;
        else if (t.isWord("end") && blockDepth > 0)
            --blockDepth;
    }
    finish();
    statements.removeAll(QString());
    return statements;
}

} // namespace sd
