#pragma once
// Builds one YAML flow mapping, `{key: value, ...}`, key by key, and flow
// lists of scalars: the one-line style of schema.yaml and migration files.

#include "YamlScalar.h"

#include <QStringList>

namespace sd {

class YamlFlowMap
{
public:
    // `yamlValue` is written as given (already YAML).
    YamlFlowMap &add(const char *key, const QString &yamlValue)
    {
        m_parts << QLatin1String(key) + QStringLiteral(": ") + yamlValue;
        return *this;
    }
    // A string, quoted where needed; nothing when empty.
    YamlFlowMap &text(const char *key, const QString &value)
    {
        return value.isEmpty() ? *this : add(key, YamlScalar::quoted(value));
    }
    // `key: true` when set; nothing otherwise.
    YamlFlowMap &flag(const char *key, bool value)
    {
        return value ? add(key, QStringLiteral("true")) : *this;
    }
    bool isEmpty() const { return m_parts.isEmpty(); }
    QString toString() const { return QLatin1Char('{') + m_parts.join(QStringLiteral(", ")) + QLatin1Char('}'); }

    // `[a, b, "c d"]`: each item quoted where needed.
    static QString list(const QStringList &items)
    {
        QStringList quoted;
        quoted.reserve(items.size());
        for (const QString &item : items)
            quoted << YamlScalar::quoted(item);
        return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
    }

private:
    QStringList m_parts;
};

} // namespace sd
