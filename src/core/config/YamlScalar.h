#pragma once
// Writing a string as a YAML scalar that reads back as the very same string
// (plain when safe, else double-quoted with escapes), and telling plain
// numbers and booleans apart from text when reading.

#include <QString>

namespace sd {

class YamlScalar
{
public:
    // The scalar as written in flow context: `users`, `"numeric(10,2)"`, `"42"`.
    static QString quoted(const QString &text);
    // Always double-quoted, with YAML escapes.
    static QString doubleQuoted(const QString &text);
    // True when `text` written plain would not read back as the same string.
    static bool needsQuotes(const QString &text);

    // A plain scalar that is a decimal number: 42, -1, 1.50, 2e10.
    static bool isNumber(const QString &text);
    // A plain scalar that reads as a boolean, null, or number in YAML 1.1 or 1.2.
    static bool looksLikeNonString(const QString &text);
};

} // namespace sd
