#include "YamlMap.h"

#include "Suggest.h"

#include <QCoreApplication>

namespace sd {

namespace {

int parenthesisBalance(const QString &text)
{
    return int(text.count(QLatin1Char('('))) - int(text.count(QLatin1Char(')')));
}

bool isPlainScalar(const YAML::Node &node)
{
    return node.IsScalar() && !YamlDiagnostics::isQuoted(node);
}

} // namespace

YamlMap::YamlMap(const YAML::Node &node, QString what, QStringList allowedKeys, YamlDiagnostics &diagnostics)
    : m_node(node)
    , m_what(std::move(what))
    , m_diagnostics(diagnostics)
{
    if (!node.IsMap()) {
        m_diagnostics.error(node, QCoreApplication::translate("YamlMap", "expected a mapping for the %1, found %2")
                                      .arg(m_what, YamlDiagnostics::describe(node)));
        return;
    }
    m_isMap = true;
    readEntries(allowedKeys);
}

void YamlMap::readEntries(const QStringList &allowedKeys)
{
    QList<Entry> raw;
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            m_diagnostics.error(key, QCoreApplication::translate("YamlMap", "expected a key name in %1, found %2")
                                         .arg(m_what, YamlDiagnostics::describe(key)));
            continue;
        }
        raw.append({YamlDiagnostics::text(key), key, it->second, std::nullopt});
    }

    const bool flow = m_node.Style() == YAML::EmitterStyle::Flow;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        Entry entry = raw[i];
        // In flow style `{type: numeric(10,2)}` splits into `type: numeric(10`
        // and a stray key `2)`: join them back and report the comma once.
        // Likewise `{comment: a, b}` gives `comment: a` and a stray key `b`.
        if (isPlainScalar(entry.value)) {
            QString joined = YamlDiagnostics::text(entry.value);
            qsizetype next = i + 1;
            while (next < raw.size() && isPlainScalar(raw[next].keyNode) && raw[next].value.IsNull()) {
                const bool insideParentheses = parenthesisBalance(joined) > 0;
                const QString &stray = raw[next].key;
                const bool strayText = flow && !allowedKeys.contains(stray) && closestMatch(stray, allowedKeys).isEmpty();
                if (!insideParentheses && !strayText)
                    break;
                joined += (insideParentheses ? QStringLiteral(",") : QStringLiteral(", ")) + stray;
                ++next;
            }
            if (next > i + 1) {
                m_diagnostics.error(entry.value,
                    QCoreApplication::translate("YamlMap", "%1 '%2' holds a comma: quote it, %1: \"%2\"")
                        .arg(entry.key, joined));
                entry.repaired = joined;
                i = next - 1;
            }
        }

        if (const Entry *first = find(entry.key)) {
            m_diagnostics.error(entry.keyNode,
                QCoreApplication::translate("YamlMap", "duplicate key '%1' in %2 (first given at line %3)")
                    .arg(entry.key, m_what)
                    .arg(YamlDiagnostics::line(first->keyNode)));
            continue;
        }
        if (!allowedKeys.contains(entry.key)) {
            const QString suggestion = closestMatch(entry.key, allowedKeys);
            const QString allowed = allowedKeys.join(QStringLiteral(", "));
            m_diagnostics.error(entry.keyNode,
                suggestion.isEmpty()
                    ? QCoreApplication::translate("YamlMap", "unknown key '%1' in %2 (allowed keys: %3)")
                          .arg(entry.key, m_what, allowed)
                    : QCoreApplication::translate("YamlMap", "unknown key '%1' in %2 (did you mean '%3'? allowed keys: %4)")
                          .arg(entry.key, m_what, suggestion, allowed));
            continue;
        }
        m_entries.append(entry);
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
    return e && !e->value.IsNull();
}

YAML::Node YamlMap::value(const QString &key) const
{
    const Entry *e = find(key);
    return e ? e->value : YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node YamlMap::keyNode(const QString &key) const
{
    const Entry *e = find(key);
    return e ? e->keyNode : YAML::Node(YAML::NodeType::Undefined);
}

bool YamlMap::require(const QString &key)
{
    if (has(key))
        return true;
    if (m_isMap) {
        const Entry *e = find(key);
        m_diagnostics.error(e ? e->value : m_node,
            QCoreApplication::translate("YamlMap", "missing required key '%1' in %2").arg(key, m_what));
    }
    return false;
}

void YamlMap::expectedError(const YAML::Node &node, const QString &expected)
{
    m_diagnostics.error(node, QCoreApplication::translate("YamlMap", "expected %1, found %2")
                                  .arg(expected, YamlDiagnostics::describe(node)));
}

std::optional<QString> YamlMap::scalar(const QString &key, const QString &expected)
{
    const Entry *e = find(key);
    if (!e || e->value.IsNull())
        return std::nullopt;
    if (e->repaired)
        return e->repaired;
    if (!e->value.IsScalar()) {
        expectedError(e->value, expected);
        return std::nullopt;
    }
    return YamlDiagnostics::text(e->value);
}

QString YamlMap::string(const QString &key)
{
    return scalar(key, QCoreApplication::translate("YamlMap", "text for '%1'").arg(key)).value_or(QString());
}

QString YamlMap::requiredString(const QString &key)
{
    if (!require(key))
        return {};
    const QString text = string(key);
    if (text.isEmpty() && value(key).IsScalar())
        m_diagnostics.error(value(key), QCoreApplication::translate("YamlMap", "'%1' must not be empty").arg(key));
    return text;
}

std::optional<bool> YamlMap::parseBoolean(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off"))
        return false;
    return std::nullopt;
}

bool YamlMap::boolean(const QString &key, bool fallback)
{
    const QString expected = QCoreApplication::translate("YamlMap", "true or false for '%1'").arg(key);
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

std::optional<int> YamlMap::integer(const QString &key, const QString &expected)
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

QList<YAML::Node> YamlMap::nodeList(const QString &key, const QString &items)
{
    const Entry *e = find(key);
    if (!e || e->value.IsNull())
        return {};
    if (!e->value.IsSequence()) {
        expectedError(e->value, QCoreApplication::translate("YamlMap", "a list of %1").arg(items));
        return {};
    }
    QList<YAML::Node> nodes;
    for (const YAML::Node &item : e->value)
        nodes.append(item);
    return nodes;
}

QList<YamlItem> YamlMap::scalarList(const QString &key, const QString &items)
{
    QList<YamlItem> result;
    for (const YAML::Node &item : nodeList(key, items)) {
        if (!item.IsScalar()) {
            expectedError(item, QCoreApplication::translate("YamlMap", "%1 in the list").arg(items));
            continue;
        }
        result.append({YamlDiagnostics::text(item), item});
    }
    return result;
}

} // namespace sd
