#include "OperationReader.h"

#include "config/Suggest.h"

#include <QCoreApplication>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OperationReader)
};

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

OperationReader::OperationReader(const QList<EnumType> &enums, YamlDiagnostics &diagnostics)
    : m_diagnostics(diagnostics)
    , m_columnReader(enums, diagnostics)
    , m_tableReader(enums, diagnostics)
    , m_enumReader(diagnostics)
{
    m_columnReader.setAcceptUndeclaredEnums(true);
    m_tableReader.setAcceptUndeclaredEnums(true);
}

std::optional<Operation> OperationReader::read(const YamlNode &item)
{
    if (!item.isMap()) {
        m_diagnostics.error(item, Tr::tr("expected an operation such as '- add_column: {table: ..., column: {...}}', found %1")
                                      .arg(YamlDiagnostics::describe(item)));
        return std::nullopt;
    }

    const QStringList operations = operationKeys();
    QString operationKey;
    YamlNode operationKeyNode;
    YamlNode operationValue;
    YamlNode transactionalKeyNode;
    m_transactional = YamlNode();
    bool usable = true;
    item.forEachPair([&](const YamlNode &keyNode, const YamlNode &value) {
        const QString name = keyNode.isScalar() ? YamlDiagnostics::text(keyNode) : QString();
        if (name == transactionalKey()) {
            transactionalKeyNode = keyNode;
            m_transactional = value;
            return;
        }
        if (!operations.contains(name)) {
            const QString suggestion = closestMatch(name, operations);
            const QString shown = keyNode.isScalar() ? name : YamlDiagnostics::describe(keyNode);
            m_diagnostics.error(keyNode,
                suggestion.isEmpty()
                    ? Tr::tr("unknown operation '%1' (operations: %2)").arg(shown, operations.join(QStringLiteral(", ")))
                    : Tr::tr("unknown operation '%1' (did you mean '%2'? operations: %3)")
                          .arg(shown, suggestion, operations.join(QStringLiteral(", "))));
            usable = false;
            return;
        }
        if (!operationKey.isEmpty()) {
            m_diagnostics.error(keyNode, Tr::tr("one operation per list item: '%1' follows '%2' in the same item; "
                                                "start it on its own line with '- '")
                                             .arg(name, operationKey));
            usable = false;
            return;
        }
        operationKey = name;
        operationKeyNode = keyNode;
        operationValue = value;
    });
    if (operationKey.isEmpty()) {
        if (usable)
            m_diagnostics.error(item, Tr::tr("expected an operation (%1), found none").arg(operations.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (transactionalKeyNode.isDefined() && operationKey != QLatin1String("sql")) {
        m_diagnostics.error(transactionalKeyNode,
            Tr::tr("'transactional' belongs to a sql operation only; %1 runs in the revision's transaction")
                .arg(operationKey));
        usable = false;
    }

    std::optional<OperationData> data = readData(operationKey, operationValue, operationKeyNode);
    if (!data || !usable)
        return std::nullopt;
    Operation operation;
    operation.data = std::move(*data);
    operation.line = operationKeyNode.line();
    operation.column = operationKeyNode.column();
    return operation;
}

std::optional<OperationData> OperationReader::readData(const QString &name, const YamlNode &value,
                                                       const YamlNode &keyNode)
{
    if (name == QLatin1String("create_table"))
        return createTable(value);
    if (name == QLatin1String("drop_table"))
        return dropTable(value);
    if (name == QLatin1String("rename_table"))
        return renameTable(value);
    if (name == QLatin1String("add_column"))
        return addColumn(value);
    if (name == QLatin1String("drop_column"))
        return dropColumn(value);
    if (name == QLatin1String("alter_column"))
        return alterColumn(value);
    if (name == QLatin1String("create_index"))
        return createIndex(value);
    if (name == QLatin1String("drop_index"))
        return dropIndex(value);
    if (name == QLatin1String("add_foreign_key"))
        return addForeignKey(value);
    if (name == QLatin1String("drop_foreign_key")) {
        return dropNamed<DropForeignKeyOp, ForeignKey>(value, name, true, TableReader::foreignKeyKeys(),
            [this](YamlMap &m) { return m_tableReader.readForeignKey(m, nullptr); });
    }
    if (name == QLatin1String("add_unique"))
        return addUnique(value);
    if (name == QLatin1String("drop_unique")) {
        return dropNamed<DropUniqueOp, UniqueConstraint>(value, name, true, TableReader::uniqueKeys(),
            [this](YamlMap &m) { return m_tableReader.readUnique(m, nullptr); });
    }
    if (name == QLatin1String("add_check"))
        return addCheck(value);
    if (name == QLatin1String("drop_check")) {
        return dropNamed<DropCheckOp, Check>(value, name, true, TableReader::checkKeys(),
            [this](YamlMap &m) { return m_tableReader.readCheck(m); });
    }
    if (name == QLatin1String("create_enum"))
        return createEnum(value);
    if (name == QLatin1String("drop_enum")) {
        return dropNamed<DropEnumOp, EnumType>(value, name, false, EnumReader::keys(),
            [this](YamlMap &m) { return m_enumReader.read(m); });
    }
    if (name == QLatin1String("add_enum_value"))
        return addEnumValue(value);
    return sql(value, keyNode);
}

void OperationReader::checkDefinitionName(YamlMap &definition, const QString &expected, const QString &what)
{
    const QString name = definition.string(key("name"));
    if (!name.isEmpty() && !expected.isEmpty() && name != expected) {
        m_diagnostics.error(definition.value(key("name")),
            Tr::tr("the definition is of %1 '%2', but the operation drops '%3'").arg(what, name, expected));
    }
}

std::optional<OperationData> OperationReader::createTable(const YamlNode &value)
{
    std::optional<TableEntry> entry = m_tableReader.read(value);
    if (!entry)
        return std::nullopt;
    return CreateTableOp{entry->table};
}

std::optional<OperationData> OperationReader::dropTable(const YamlNode &value)
{
    YamlMap map(value, key("drop_table"), {key("name"), key("definition")}, m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    DropTableOp op;
    op.name = map.requiredString(key("name"));
    if (map.has(key("definition"))) {
        const YamlNode definition = map.value(key("definition"));
        if (std::optional<TableEntry> entry = m_tableReader.read(definition)) {
            op.definition = entry->table;
            if (!op.name.isEmpty() && entry->table.name != op.name) {
                m_diagnostics.error(entry->nameNode, Tr::tr("the definition is of table '%1', but the operation drops '%2'")
                                                         .arg(entry->table.name, op.name));
            }
        }
    }
    return op;
}

std::optional<OperationData> OperationReader::renameTable(const YamlNode &value)
{
    YamlMap map(value, key("rename_table"), {key("from"), key("to")}, m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    RenameTableOp op;
    op.from = map.requiredString(key("from"));
    op.to = map.requiredString(key("to"));
    if (!op.from.isEmpty() && op.from == op.to)
        m_diagnostics.error(map.value(key("to")), Tr::tr("rename_table renames '%1' to itself").arg(op.from));
    return op;
}

std::optional<OperationData> OperationReader::addColumn(const YamlNode &value)
{
    YamlMap map(value, key("add_column"), {key("table"), key("column")}, m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    AddColumnOp op;
    op.table = map.requiredString(key("table"));
    if (map.require(key("column"))) {
        if (std::optional<ColumnEntry> entry = m_columnReader.read(map.value(key("column")))) {
            op.column = entry->column;
            if (entry->primaryKey) {
                m_diagnostics.error(map.value(key("column")),
                    Tr::tr("add_column cannot add a primary key column; create the table with it, or rebuild it"));
            }
        }
    }
    return op;
}

std::optional<OperationData> OperationReader::dropColumn(const YamlNode &value)
{
    YamlMap map(value, key("drop_column"), {key("table"), key("column"), key("definition")}, m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    DropColumnOp op;
    op.table = map.requiredString(key("table"));
    const YamlNode columnNode = map.value(key("column"));
    if (columnNode.isMap()) {
        m_diagnostics.error(columnNode, Tr::tr("drop_column takes the column's name, e.g. column: locale; "
                                               "give its definition as definition: {name: locale, type: ...}"));
    } else {
        op.column = map.requiredString(key("column"));
    }
    if (map.has(key("definition"))) {
        const YamlNode definition = map.value(key("definition"));
        if (std::optional<ColumnEntry> entry = m_columnReader.read(definition)) {
            op.definition = entry->column;
            if (!op.column.isEmpty() && entry->column.name != op.column) {
                m_diagnostics.error(entry->nameNode, Tr::tr("the definition is of column '%1', but the operation drops '%2'")
                                                         .arg(entry->column.name, op.column));
            }
        }
    }
    return op;
}

DefaultValue OperationReader::alterDefault(const YamlNode &node)
{
    if (node.isNull())
        return DefaultValue(); // no default
    DefaultValue value = m_columnReader.readDefault(node);
    if (value.kind == DefaultValue::Kind::Expression && value.text.trimmed().compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
        return DefaultValue::null();
    return value;
}

std::optional<OperationData> OperationReader::alterColumn(const YamlNode &value)
{
    YamlMap map(value, key("alter_column"),
                {key("table"), key("column"), key("type"), key("using"), key("nullable"), key("default"),
                 key("comment"), key("new_name"), key("existing_type"), key("existing_nullable"),
                 key("existing_default"), key("existing_comment")},
                m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    AlterColumnOp op;
    op.table = map.requiredString(key("table"));
    op.column = map.requiredString(key("column"));
    const auto type = [&](const QString &name) -> std::optional<ColumnType> {
        if (!map.contains(name))
            return std::nullopt;
        if (!map.require(name))
            return std::nullopt;
        ColumnType t = m_columnReader.readType(map, name);
        return t.isValid() ? std::optional<ColumnType>(t) : std::nullopt;
    };
    const auto boolean = [&](const QString &name) -> std::optional<bool> {
        if (!map.contains(name))
            return std::nullopt;
        if (!map.require(name))
            return std::nullopt;
        return map.boolean(name, true);
    };
    const auto defaultValue = [&](const QString &name) -> std::optional<DefaultValue> {
        if (!map.contains(name))
            return std::nullopt;
        return alterDefault(map.value(name));
    };
    const auto comment = [&](const QString &name) -> std::optional<QString> {
        if (!map.contains(name))
            return std::nullopt;
        return map.string(name); // null: no comment
    };

    op.type = type(key("type"));
    op.usingExpression = map.string(key("using"));
    op.nullable = boolean(key("nullable"));
    op.defaultValue = defaultValue(key("default"));
    op.comment = comment(key("comment"));
    op.newName = map.string(key("new_name"));
    op.existingType = type(key("existing_type"));
    op.existingNullable = boolean(key("existing_nullable"));
    op.existingDefault = defaultValue(key("existing_default"));
    op.existingComment = comment(key("existing_comment"));

    if (!op.usingExpression.isEmpty() && !map.contains(key("type"))) {
        m_diagnostics.error(map.keyNode(key("using")), Tr::tr("'using' converts the values for a type change: give 'type' too"));
    }
    const bool changes = map.contains(key("type")) || map.contains(key("nullable")) || map.contains(key("default"))
                         || map.contains(key("comment")) || map.has(key("new_name"));
    if (!changes) {
        m_diagnostics.error(value, Tr::tr("alter_column of %1.%2 changes nothing: give type, nullable, default, comment or new_name")
                                       .arg(op.table, op.column));
    }
    return op;
}

std::optional<OperationData> OperationReader::createIndex(const YamlNode &value)
{
    YamlMap map(value, key("create_index"), QStringList{key("table")} + TableReader::indexKeys() + QStringList{key("concurrently")},
                m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    CreateIndexOp op;
    op.table = map.requiredString(key("table"));
    op.index = m_tableReader.readIndex(map, nullptr);
    op.concurrently = map.boolean(key("concurrently"), false);
    return op;
}

std::optional<OperationData> OperationReader::dropIndex(const YamlNode &value)
{
    YamlMap map(value, key("drop_index"), {key("table"), key("name"), key("concurrently"), key("definition")}, m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    DropIndexOp op;
    op.table = map.requiredString(key("table"));
    op.name = map.requiredString(key("name"));
    op.concurrently = map.boolean(key("concurrently"), false);
    if (map.has(key("definition"))) {
        YamlMap definition(map.value(key("definition")), Tr::tr("index"), TableReader::indexKeys(), m_diagnostics);
        if (definition.isMap()) {
            op.definition = m_tableReader.readIndex(definition, nullptr);
            checkDefinitionName(definition, op.name, Tr::tr("index"));
        }
    }
    return op;
}

std::optional<OperationData> OperationReader::addForeignKey(const YamlNode &value)
{
    YamlMap map(value, key("add_foreign_key"), QStringList{key("table")} + TableReader::foreignKeyKeys(), m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    AddForeignKeyOp op;
    op.table = map.requiredString(key("table"));
    map.require(key("name")); // a name, so that drop_foreign_key can undo it
    op.foreignKey = m_tableReader.readForeignKey(map, nullptr);
    return op;
}

std::optional<OperationData> OperationReader::addUnique(const YamlNode &value)
{
    YamlMap map(value, key("add_unique"), QStringList{key("table")} + TableReader::uniqueKeys(), m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    AddUniqueOp op;
    op.table = map.requiredString(key("table"));
    map.require(key("name"));
    op.unique = m_tableReader.readUnique(map, nullptr);
    return op;
}

std::optional<OperationData> OperationReader::addCheck(const YamlNode &value)
{
    YamlMap map(value, key("add_check"), QStringList{key("table")} + TableReader::checkKeys(), m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    AddCheckOp op;
    op.table = map.requiredString(key("table"));
    map.require(key("name"));
    op.check = m_tableReader.readCheck(map);
    return op;
}

template<typename Op, typename Definition, typename Reader>
std::optional<OperationData> OperationReader::dropNamed(const YamlNode &value, const QString &what, bool onTable,
                                                        const QStringList &definitionKeys, Reader readDefinition)
{
    QStringList keys{key("name"), key("definition")};
    if (onTable)
        keys.prepend(key("table"));
    YamlMap map(value, what, keys, m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    Op op;
    if constexpr (requires { op.table; })
        op.table = map.requiredString(key("table"));
    op.name = map.requiredString(key("name"));
    if (map.has(key("definition"))) {
        YamlMap definition(map.value(key("definition")), Tr::tr("definition"), definitionKeys, m_diagnostics);
        if (definition.isMap()) {
            op.definition = Definition(readDefinition(definition));
            checkDefinitionName(definition, op.name, what.mid(what.indexOf(QLatin1Char('_')) + 1).replace(QLatin1Char('_'), QLatin1Char(' ')));
        }
    }
    return op;
}

std::optional<OperationData> OperationReader::createEnum(const YamlNode &value)
{
    YamlMap map(value, key("create_enum"), EnumReader::keys(), m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    return CreateEnumOp{m_enumReader.read(map)};
}

std::optional<OperationData> OperationReader::addEnumValue(const YamlNode &value)
{
    YamlMap map(value, key("add_enum_value"), {key("enum"), key("value"), key("before"), key("after")}, m_diagnostics);
    if (!map.isMap())
        return std::nullopt;
    AddEnumValueOp op;
    op.enumName = map.requiredString(key("enum"));
    op.value = map.requiredString(key("value"));
    op.before = map.string(key("before"));
    op.after = map.string(key("after"));
    if (!op.before.isEmpty() && !op.after.isEmpty())
        m_diagnostics.error(map.keyNode(key("after")), Tr::tr("give 'before' or 'after', not both"));
    return op;
}

std::optional<OperationData> OperationReader::sql(const YamlNode &value, const YamlNode &keyNode)
{
    SqlOp op;
    if (m_transactional.isDefined()) {
        const std::optional<bool> b = m_transactional.isScalar()
                                          ? YamlMap::parseBoolean(YamlDiagnostics::text(m_transactional))
                                          : std::nullopt;
        if (b)
            op.transactional = *b;
        else
            m_diagnostics.error(m_transactional, Tr::tr("expected true or false for 'transactional', found %1")
                                                     .arg(YamlDiagnostics::describe(m_transactional)));
    }
    if (value.isScalar()) {
        op.sql = YamlDiagnostics::text(value);
        if (op.sql.trimmed().isEmpty())
            m_diagnostics.error(value, Tr::tr("'sql' must not be empty"));
        return op;
    }
    if (value.isMap()) {
        const QStringList dialects{dialectKey(DialectKind::PostgreSQL), dialectKey(DialectKind::Sqlite)};
        value.forEachPair([this](const YamlNode &keyNode, const YamlNode &) {
            if (keyNode.isScalar() && YamlDiagnostics::text(keyNode) == transactionalKey()) {
                m_diagnostics.error(keyNode, Tr::tr("write 'transactional: false' next to 'sql:' in the same list item, "
                                                    "not inside the per-dialect mapping"));
            }
        });
        YamlMap map(value, Tr::tr("sql per dialect"), dialects + QStringList{transactionalKey()}, m_diagnostics);
        for (const QString &dialect : dialects) {
            if (!map.contains(dialect))
                continue;
            const QString text = map.string(dialect);
            if (text.trimmed().isEmpty())
                m_diagnostics.error(map.value(dialect), Tr::tr("the SQL for %1 must not be empty").arg(dialect));
            op.perDialect.insert(dialect, text);
        }
        if (op.perDialect.isEmpty() && map.isMap()) {
            m_diagnostics.error(value, Tr::tr("give the SQL for postgresql, sqlite or both, e.g. "
                                              "sql: {postgresql: \"...\", sqlite: \"...\"}"));
        }
        return op;
    }
    m_diagnostics.error(value.isDefined() && !value.isNull() ? value : keyNode,
                        Tr::tr("expected an SQL string or {postgresql: ..., sqlite: ...} for 'sql', found %1")
                            .arg(YamlDiagnostics::describe(value)));
    return std::nullopt;
}

} // namespace sd
