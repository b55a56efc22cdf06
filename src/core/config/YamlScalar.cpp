#include "YamlScalar.h"

#include <QRegularExpression>

namespace sd {

namespace {

bool isSpecialCharacter(char32_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff
           || c == 0xfffe || c == 0xffff;
}

} // namespace

bool YamlScalar::isNumber(const QString &text)
{
    static const QRegularExpression number(QStringLiteral(R"(^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$)"));
    return number.match(text).hasMatch();
}

bool YamlScalar::looksLikeNonString(const QString &text)
{
    static const QStringList words = {
        QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("yes"), QStringLiteral("no"),
        QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("y"), QStringLiteral("n"),
        QStringLiteral("null"), QStringLiteral("~"),
    };
    // Anything that starts like a number (42, 1.5, 0x1f, 12:30, 2024-01-01, -.5)
    // or is one of YAML's special floats.
    static const QRegularExpression numberLike(QStringLiteral(R"(^([-+]?\.?\d|[-+]?\.(inf|nan)$))"),
                                               QRegularExpression::CaseInsensitiveOption);
    return words.contains(text.toLower()) || numberLike.match(text).hasMatch();
}

bool YamlScalar::needsQuotes(const QString &text)
{
    if (text.isEmpty() || looksLikeNonString(text))
        return true;
    static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (indicators.contains(text.front()))
        return true;
    const QChar last = text.back();
    if (text.front() == QLatin1Char(' ') || last == QLatin1Char(' ') || last == QLatin1Char(':'))
        return true;
    if (text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #")))
        return true;
    for (const char32_t c : text.toUcs4()) {
        if (c == U',' || c == U'[' || c == U']' || c == U'{' || c == U'}' || c == U'?' || isSpecialCharacter(c))
            return true;
    }
    return false;
}

QString YamlScalar::doubleQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case U'"': out += QLatin1String("\\\""); continue;
        case U'\\': out += QLatin1String("\\\\"); continue;
        case U'\n': out += QLatin1String("\\n"); continue;
        case U'\t': out += QLatin1String("\\t"); continue;
        case U'\r': out += QLatin1String("\\r"); continue;
        case U'\0': out += QLatin1String("\\0"); continue;
        default: break;
        }
        if (isSpecialCharacter(c) && c != 0xa0) {
            if (c <= 0xff)
                out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
            else
                out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        } else {
            out += QString::fromUcs4(&c, 1);
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString YamlScalar::quoted(const QString &text)
{
    return needsQuotes(text) ? doubleQuoted(text) : text;
}

} // namespace sd
