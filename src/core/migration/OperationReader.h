#pragma once
// Reads one item of a migration's `upgrade:` or `downgrade:` list into an
// Operation, reporting every error with its position. Tables, columns,
// indexes, constraints and enums are read by the schema.yaml readers
// (config/), so they are written in a migration exactly as in schema.yaml.
// The forms are documented in MigrationReader.h.

#include "Operation.h"
#include "config/ColumnReader.h"
#include "config/EnumReader.h"
#include "config/TableReader.h"

#include <optional>

namespace sd {

class OperationReader
{
public:
    // `enums` are the enums the file itself creates or drops: columns may
    // use those and, by ColumnReader::couldBeEnumName(), enums created by
    // earlier migrations.
    OperationReader(const QList<EnumType> &enums, YamlDiagnostics &diagnostics);

    // std::nullopt when the item is no usable operation (already reported).
    std::optional<Operation> read(const YamlNode &item);

    // The sibling key of `sql` in the same list item: `transactional: false`.
    static QString transactionalKey() { return QStringLiteral("transactional"); }

private:
    std::optional<OperationData> readData(const QString &key, const YamlNode &value, const YamlNode &keyNode);

    std::optional<OperationData> createTable(const YamlNode &value);
    std::optional<OperationData> dropTable(const YamlNode &value);
    std::optional<OperationData> renameTable(const YamlNode &value);
    std::optional<OperationData> addColumn(const YamlNode &value);
    std::optional<OperationData> dropColumn(const YamlNode &value);
    std::optional<OperationData> alterColumn(const YamlNode &value);
    std::optional<OperationData> createIndex(const YamlNode &value);
    std::optional<OperationData> dropIndex(const YamlNode &value);
    std::optional<OperationData> addForeignKey(const YamlNode &value);
    std::optional<OperationData> addUnique(const YamlNode &value);
    std::optional<OperationData> addCheck(const YamlNode &value);
    std::optional<OperationData> createEnum(const YamlNode &value);
    std::optional<OperationData> addEnumValue(const YamlNode &value);
    std::optional<OperationData> sql(const YamlNode &value, const YamlNode &keyNode);
    // drop_foreign_key, drop_unique, drop_check, drop_enum: `name` and an
    // optional `definition` read by `readDefinition`.
    template<typename Op, typename Definition, typename Reader>
    std::optional<OperationData> dropNamed(const YamlNode &value, const QString &what, bool onTable,
                                           const QStringList &definitionKeys, Reader readDefinition);

    // `default:` of alter_column: null drops the default, {sql: NULL} sets DEFAULT NULL.
    DefaultValue alterDefault(const YamlNode &node);
    // The definition's name must be the dropped object's name.
    void checkDefinitionName(YamlMap &definition, const QString &expected, const QString &what);

    YamlDiagnostics &m_diagnostics;
    ColumnReader m_columnReader;
    TableReader m_tableReader;
    EnumReader m_enumReader;
    YamlNode m_transactional; // the item's `transactional:` value, if any
};

} // namespace sd
