#pragma once
// One YAML mapping read against the keys it may hold. Unknown keys (with
// "did you mean"), repeated keys and flow-style values split at a comma are
// reported once, when the map is built; the typed getters report wrong kinds.

#include "LazyText.h"
#include "YamlDiagnostics.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

namespace sd {

// A scalar out of a list, with its node for positions.
struct YamlItem
{
    QString text;
    YamlNode node;
};

class YamlMap
{
public:
    // `what` names the mapping in messages ("column", "foreign key").
    YamlMap(const YamlNode &node, LazyText what, const QStringList &allowedKeys, YamlDiagnostics &diagnostics);

    bool isMap() const { return m_isMap; }
    const YamlNode &node() const { return m_node; }
    QString what() const { return m_what.toString(); }

    bool contains(const QString &key) const { return find(key) != nullptr; }
    bool has(const QString &key) const; // present and not null
    YamlNode value(const QString &key) const; // undefined when absent
    YamlNode keyNode(const QString &key) const;

    // Reports "missing required key" when `key` is absent or null.
    bool require(const QString &key);

    // The scalar at `key`; std::nullopt when absent or null. Anything other
    // than a scalar is reported as "expected <expected>, found ...".
    std::optional<QString> scalar(const QString &key, const LazyText &expected);
    QString string(const QString &key); // empty when absent
    QString requiredString(const QString &key); // reports missing and empty
    bool boolean(const QString &key, bool fallback);
    std::optional<int> integer(const QString &key, const LazyText &expected);

    // A list of scalars ("[a, b]"); `items` names them in messages ("column names").
    QList<YamlItem> scalarList(const QString &key, const LazyText &items);
    // A list of nodes (mappings usually); null or absent gives an empty list.
    QList<YamlNode> nodeList(const QString &key, const LazyText &items);

    // yes/no/true/false/on/off, case-insensitive.
    static std::optional<bool> parseBoolean(const QString &text);

private:
    struct Entry
    {
        QString key; // as allowed
        YamlNode keyNode;
        YamlNode value;
        std::optional<QString> repaired; // the value joined back at its commas
    };

    const Entry *find(const QString &key) const;
    void readEntries(const QStringList &allowedKeys);
    void expectedError(const YamlNode &node, const LazyText &expected);

    YamlNode m_node;
    LazyText m_what;
    YamlDiagnostics &m_diagnostics;
    QVarLengthArray<Entry, 8> m_entries;
    bool m_isMap = false;
};

} // namespace sd
