#include "YamlMap.h"

#include "Suggest.h"

#include <QCoreApplication>

#include <algorithm>

namespace sd {

namespace {

int parenthesisBalance(const QString &text)
{
    return int(text.count(QLatin1Char('('))) - int(text.count(QLatin1Char(')')));
}

bool isPlainScalar(const YamlNode &node)
{
    return node.isScalar() && !node.isQuoted();
}

// The index of the key node's text in `keys`, or -1. Keys are compared
// without making a QString of the node's text where it is ASCII.
qsizetype indexOfKey(const YamlNode &key, const QStringList &keys)
{
    const QByteArrayView bytes = key.utf8();
    for (const char c : bytes) {
        if (uchar(c) >= 0x80)
            return keys.indexOf(key.text());
    }
    const QLatin1StringView latin1(bytes.data(), bytes.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (keys.at(i).size() == latin1.size() && keys.at(i) == latin1)
            return i;
    }
    return -1;
}

// parseBoolean() for ASCII text; std::nullopt for anything else.
std::optional<bool> asciiBoolean(QByteArrayView utf8)
{
    if (utf8.size() > 5)
        return std::nullopt;
    char lower[5] = {};
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (uchar(c) >= 0x80)
            return std::nullopt;
        lower[i] = c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
    }
    const QByteArrayView word(lower, utf8.size());
    if (word == "true" || word == "yes" || word == "on")
        return true;
    if (word == "false" || word == "no" || word == "off")
        return false;
    return std::nullopt;
}

} // namespace

YamlMap::YamlMap(const YamlNode &node, LazyText what, const QStringList &allowedKeys, YamlDiagnostics &diagnostics)
    : m_node(node)
    , m_what(std::move(what))
    , m_diagnostics(diagnostics)
{
    if (!node.isMap()) {
        m_diagnostics.error(node, QCoreApplication::translate("YamlMap", "expected a mapping for the %1, found %2")
                                      .arg(m_what.toString(), YamlDiagnostics::describe(node)));
        return;
    }
    m_isMap = true;
    readEntries(allowedKeys);
}

void YamlMap::readEntries(const QStringList &allowedKeys)
{
    struct Pair
    {
        YamlNode key;
        YamlNode value;
    };
    QVarLengthArray<Pair, 16> raw;
    m_node.forEachPair([&](const YamlNode &key, const YamlNode &value) {
        if (!key.isScalar()) {
            m_diagnostics.error(key, QCoreApplication::translate("YamlMap", "expected a key name in %1, found %2")
                                         .arg(m_what.toString(), YamlDiagnostics::describe(key)));
            return;
        }
        raw.append({key, value});
    });

    const bool flow = m_node.isFlow();
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const Pair &pair = raw[i];
        std::optional<QString> repaired;
        // In flow style `{type: numeric(10,2)}` splits into `type: numeric(10`
        // and a stray key `2)`: join them back and report the comma once.
        // Likewise `{comment: a, b}` gives `comment: a` and a stray key `b`.
        // A stray key is plain and has no value.
        const auto strayFollows = [&raw](qsizetype next) {
            return next < raw.size() && isPlainScalar(raw[next].key) && raw[next].value.isNull();
        };
        if (isPlainScalar(pair.value) && strayFollows(i + 1)) {
            QString joined = pair.value.text();
            qsizetype next = i + 1;
            while (strayFollows(next)) {
                const bool insideParentheses = parenthesisBalance(joined) > 0;
                const QString stray = raw[next].key.text();
                const bool strayText = flow && !allowedKeys.contains(stray) && closestMatch(stray, allowedKeys).isEmpty();
                if (!insideParentheses && !strayText)
                    break;
                joined += (insideParentheses ? QStringLiteral(",") : QStringLiteral(", ")) + stray;
                ++next;
            }
            if (next > i + 1) {
                m_diagnostics.error(pair.value,
                    QCoreApplication::translate("YamlMap", "%1 '%2' holds a comma: quote it, %1: \"%2\"")
                        .arg(pair.key.text(), joined));
                repaired = joined;
                i = next - 1;
            }
        }

        const qsizetype allowed = indexOfKey(pair.key, allowedKeys);
        if (allowed < 0) {
            const QString key = pair.key.text();
            const QString suggestion = closestMatch(key, allowedKeys);
            const QString list = allowedKeys.join(QStringLiteral(", "));
            m_diagnostics.error(pair.key,
                suggestion.isEmpty()
                    ? QCoreApplication::translate("YamlMap", "unknown key '%1' in %2 (allowed keys: %3)")
                          .arg(key, m_what.toString(), list)
                    : QCoreApplication::translate("YamlMap", "unknown key '%1' in %2 (did you mean '%3'? allowed keys: %4)")
                          .arg(key, m_what.toString(), suggestion, list));
            continue;
        }
        const QString &key = allowedKeys.at(allowed);
        if (const Entry *first = find(key)) {
            m_diagnostics.error(pair.key,
                QCoreApplication::translate("YamlMap", "duplicate key '%1' in %2 (first given at line %3)")
                    .arg(key, m_what.toString())
                    .arg(YamlDiagnostics::line(first->keyNode)));
            continue;
        }
        m_entries.append({key, pair.key, pair.value, std::move(repaired)});
    }
}

const YamlMap::Entry *YamlMap::find(const QString &key) const
{
    for (const Entry &e : m_entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

bool YamlMap::has(const QString &key) const
{
    const Entry *e = find(key);
    return e && !e->value.isNull();
}

YamlNode YamlMap::value(const QString &key) const
{
    const Entry *e = find(key);
    return e ? e->value : YamlNode();
}

YamlNode YamlMap::keyNode(const QString &key) const
{
    const Entry *e = find(key);
    return e ? e->keyNode : YamlNode();
}

bool YamlMap::require(const QString &key)
{
    const Entry *e = find(key);
    if (e && !e->value.isNull())
        return true;
    if (m_isMap) {
        m_diagnostics.error(e ? e->value : m_node,
            QCoreApplication::translate("YamlMap", "missing required key '%1' in %2").arg(key, m_what.toString()));
    }
    return false;
}

void YamlMap::expectedError(const YamlNode &node, const LazyText &expected)
{
    m_diagnostics.error(node, QCoreApplication::translate("YamlMap", "expected %1, found %2")
                                  .arg(expected.toString(), YamlDiagnostics::describe(node)));
}

std::optional<QString> YamlMap::scalar(const QString &key, const LazyText &expected)
{
    const Entry *e = find(key);
    if (!e || e->value.isNull())
        return std::nullopt;
    if (e->repaired)
        return e->repaired;
    if (!e->value.isScalar()) {
        expectedError(e->value, expected);
        return std::nullopt;
    }
    return e->value.text();
}

QString YamlMap::string(const QString &key)
{
    return scalar(key, LazyText("YamlMap", QT_TRANSLATE_NOOP("YamlMap", "text for '%1'"), key)).value_or(QString());
}

QString YamlMap::requiredString(const QString &key)
{
    if (!require(key))
        return {};
    const QString text = string(key);
    if (text.isEmpty() && value(key).isScalar())
        m_diagnostics.error(value(key), QCoreApplication::translate("YamlMap", "'%1' must not be empty").arg(key));
    return text;
}

std::optional<bool> YamlMap::parseBoolean(const QString &text)
{
    // Compared as text.toLower() would, without making the lowered copy
    // where the text is ASCII (where the two agree).
    const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    const QString lowered = ascii ? QString() : text.toLower();
    const auto is = [&](QLatin1StringView word) {
        return ascii ? text.compare(word, Qt::CaseInsensitive) == 0 : lowered == word;
    };
    if (is(QLatin1StringView("true")) || is(QLatin1StringView("yes")) || is(QLatin1StringView("on")))
        return true;
    if (is(QLatin1StringView("false")) || is(QLatin1StringView("no")) || is(QLatin1StringView("off")))
        return false;
    return std::nullopt;
}

bool YamlMap::boolean(const QString &key, bool fallback)
{
    // The common case, a plain true or false, read without making a QString.
    if (const Entry *e = find(key); e && !e->repaired && e->value.isScalar()) {
        if (const std::optional<bool> b = asciiBoolean(e->value.utf8()))
            return *b;
    }
    const LazyText expected("YamlMap", QT_TRANSLATE_NOOP("YamlMap", "true or false for '%1'"), key);
    const std::optional<QString> text = scalar(key, expected);
    if (!text)
        return fallback;
    const std::optional<bool> b = parseBoolean(*text);
    if (!b) {
        expectedError(value(key), expected);
        return fallback;
    }
    return *b;
}

std::optional<int> YamlMap::integer(const QString &key, const LazyText &expected)
{
    const std::optional<QString> text = scalar(key, expected);
    if (!text)
        return std::nullopt;
    bool ok = false;
    const int n = text->toInt(&ok);
    if (!ok) {
        expectedError(value(key), expected);
        return std::nullopt;
    }
    return n;
}

QList<YamlNode> YamlMap::nodeList(const QString &key, const LazyText &items)
{
    const Entry *e = find(key);
    if (!e || e->value.isNull())
        return {};
    if (!e->value.isSequence()) {
        expectedError(e->value, LazyText(QCoreApplication::translate("YamlMap", "a list of %1").arg(items.toString())));
        return {};
    }
    QList<YamlNode> nodes;
    nodes.reserve(e->value.size());
    for (const YamlNode &item : e->value)
        nodes.append(item);
    return nodes;
}

QList<YamlItem> YamlMap::scalarList(const QString &key, const LazyText &items)
{
    QList<YamlItem> result;
    for (const YamlNode &item : nodeList(key, items)) {
        if (!item.isScalar()) {
            expectedError(item, LazyText(QCoreApplication::translate("YamlMap", "%1 in the list").arg(items.toString())));
            continue;
        }
        result.append({item.text(), item});
    }
    return result;
}

} // namespace sd

