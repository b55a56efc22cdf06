#pragma once
// Reads one column of schema.yaml (`{name: id, type: bigint, ...}`): its
// type (portable, enum or per dialect), default and generated expression.

#include "YamlMap.h"
#include "model/Schema.h"

#include <QHash>

namespace sd {

// A column as read, with what the table still has to check.
struct ColumnEntry
{
    Column column;
    bool primaryKey = false;      // `primary_key: true` on the column
    YamlNode nameNode;
    YamlNode typeNode;
    bool saysNullable = false;    // the column says `nullable: true` ...
    YamlNode nullableNode;        // ... here
};

class ColumnReader
{
public:
    ColumnReader(const QList<EnumType> &enums, YamlDiagnostics &diagnostics);

    // std::nullopt when the column has no usable name (already reported).
    std::optional<ColumnEntry> read(const YamlNode &node);

    // The value of a `type:` key.
    ColumnType readType(YamlMap &map, const QString &key);
    // The value of a `default:` key: literal or {sql: ...}.
    DefaultValue readDefault(const YamlNode &node);

    static QStringList keys();

    // A migration's column may use an enum created by an earlier migration,
    // which its reader cannot see. With this on, a type name that
    // couldBeEnumName() is taken as a reference to such an enum instead of
    // being reported as unknown. Off for schema.yaml, which declares its enums.
    void setAcceptUndeclaredEnums(bool accept) { m_acceptUndeclaredEnums = accept; }

    // True for a bare identifier (letters, digits, underscores) that is not
    // a portable type, not a PostgreSQL built-in type written without the
    // per-dialect form (tsvector, inet, interval, ...) and not a likely typo
    // of a portable type ("bigitn").
    static bool couldBeEnumName(const QString &name);

private:
    ColumnType readTypeName(const QString &text, const YamlNode &node);
    // serial, bigserial, smallserial: the integer type they stand for.
    static std::optional<ColumnType> serialType(const QString &text);
    ColumnType readNativeType(const YamlNode &node);
    void readGenerated(const YamlNode &node, Column &column);
    QString unknownTypeMessage(const QString &text) const;
    // ColumnType::parsePortable, remembered: a schema spells few types.
    const std::optional<ColumnType> &portableType(const QString &text);

    const QList<EnumType> &m_enums;
    YamlDiagnostics &m_diagnostics;
    bool m_acceptUndeclaredEnums = false;
    QHash<QString, std::optional<ColumnType>> m_portableTypes;
};

} // namespace sd
