#pragma once
// What a highlighted stretch of text is (keyword, string, comment, key, ...).
// The built-in highlighters store it in each format under property(), so
// tests and tools can read what the highlighter decided, not just a colour.

#include <QTextFormat>

namespace sd::app {

class TextCategory
{
public:
    enum Kind {
        None = 0,
        Keyword,      // SQL keyword
        Type,         // SQL type name
        String,       // quoted strings, YAML plain scalars, block scalars
        Number,
        Comment,
        Key,          // YAML mapping key
        Identifier,   // SQL quoted identifier
        Anchor,       // YAML &anchor, *alias and !tag
        Punctuation,  // YAML list dash and flow brackets, SQL operators
        Literal,      // YAML booleans and null
        Directive,    // YAML --- and ... document markers
    };

    // The QTextFormat property that holds the Kind.
    static constexpr int property() { return QTextFormat::UserProperty + 1; }
    static Kind of(const QTextFormat &format) { return Kind(format.intProperty(property())); }
};

} // namespace sd::app
