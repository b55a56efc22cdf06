#include "TableReader.h"

#include "Suggest.h"
#include "YamlDiagnostics.h"
#include "dialect/SqliteDialect.h"
#include "model/StorageParameters.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace sd {

namespace {

const QStringList &actionKeys()
{
    static const QStringList keys = {QStringLiteral("cascade"), QStringLiteral("restrict"), QStringLiteral("set null"),
                                     QStringLiteral("set default"), QStringLiteral("no action")};
    return keys;
}

} // namespace

TableReader::TableReader(const QList<EnumType> &enums, YamlDiagnostics &diagnostics)
    : m_columnReader(enums, diagnostics)
    , m_diagnostics(diagnostics)
{
}

std::optional<TableEntry> TableReader::read(const YamlNode &node)
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("renamed_from"), QStringLiteral("comment"),
                                     QStringLiteral("partition_by"), QStringLiteral("without_rowid"), QStringLiteral("strict"),
                                     QStringLiteral("columns"), QStringLiteral("primary_key"),
                                     QStringLiteral("indexes"), QStringLiteral("unique_constraints"),
                                     QStringLiteral("foreign_keys"), QStringLiteral("checks")};
    YamlMap map(node, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "table")), keys, m_diagnostics);
    if (!map.isMap())
        return std::nullopt;

    m_constraintNames.clear();
    TableEntry entry;
    Table &table = entry.table;
    table.name = map.requiredString(QStringLiteral("name"));
    entry.nameNode = map.value(QStringLiteral("name"));
    table.renamedFrom = map.string(QStringLiteral("renamed_from"));
    table.comment = map.string(QStringLiteral("comment"));
    table.partitionBy = map.string(QStringLiteral("partition_by"));
    table.withoutRowid = map.boolean(QStringLiteral("without_rowid"), false);
    table.strict = map.boolean(QStringLiteral("strict"), false);

    QList<ColumnEntry> columns;
    readColumns(map, entry, columns);
    readPrimaryKey(map, entry, columns);
    checkSqliteOptions(map, entry, columns);
    readIndexes(map, entry);
    readUniqueConstraints(map, entry);
    readForeignKeys(map, entry);
    readChecks(map, entry);

    if (table.name.isEmpty())
        return std::nullopt;
    return entry;
}

void TableReader::readColumns(YamlMap &map, TableEntry &entry, QList<ColumnEntry> &columns)
{
    if (!map.require(QStringLiteral("columns")))
        return;
    const QList<YamlNode> nodes = map.nodeList(QStringLiteral("columns"), LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "columns")));
    const YamlNode listNode = map.value(QStringLiteral("columns"));
    if (nodes.isEmpty() && listNode.isSequence())
        m_diagnostics.error(listNode, QCoreApplication::translate("TableReader", "a table needs at least one column"));

    QHash<QString, YamlNode> seen;
    seen.reserve(nodes.size());
    entry.table.columns.reserve(nodes.size());
    columns.reserve(nodes.size());
    for (const YamlNode &node : nodes) {
        std::optional<ColumnEntry> column = m_columnReader.read(node);
        if (!column)
            continue;
        const QString &name = column->column.name;
        if (seen.contains(name)) {
            m_diagnostics.error(column->nameNode,
                QCoreApplication::translate("TableReader", "duplicate column '%1' in table '%2' (first defined at line %3)")
                    .arg(name, entry.table.name)
                    .arg(YamlDiagnostics::line(seen.value(name))));
            continue;
        }
        seen.insert(name, column->nameNode);
        entry.table.columns.append(column->column);
        columns.append(std::move(*column));
    }
}

void TableReader::checkSqliteOptions(YamlMap &map, const TableEntry &entry, const QList<ColumnEntry> &columns)
{
    const Table &table = entry.table;
    if (!table.withoutRowid && !table.strict)
        return;
    // Each column as SQLite would declare it: an autoincrement column that
    // is the table's one integer key becomes INTEGER PRIMARY KEY
    // AUTOINCREMENT, any other keeps its own type.
    const Dialect &sqlite = Dialect::get(DialectKind::Sqlite);
    const auto lowered = [&](const Column &c) { return sqlite.loweredColumn(c, table).value_or(c); };
    if (table.withoutRowid && table.primaryKey.isEmpty()) {
        m_diagnostics.error(map.keyNode(QStringLiteral("without_rowid")),
            QCoreApplication::translate("TableReader", "table '%1' is WITHOUT ROWID but has no primary key; SQLite needs one")
                .arg(table.name));
    }
    if (table.withoutRowid) {
        for (const ColumnEntry &entryColumn : columns) {
            if (lowered(entryColumn.column).autoincrement != Autoincrement::No) {
                m_diagnostics.error(map.keyNode(QStringLiteral("without_rowid")),
                    QCoreApplication::translate("TableReader",
                        "table '%1' is WITHOUT ROWID, and SQLite allows no autoincrement (column '%2') there")
                        .arg(table.name, entryColumn.column.name));
            }
        }
    }
    if (!table.strict)
        return;
    static const QStringList strictTypes = {QStringLiteral("int"), QStringLiteral("integer"), QStringLiteral("real"),
                                            QStringLiteral("text"), QStringLiteral("blob"), QStringLiteral("any")};
    for (const ColumnEntry &entryColumn : columns) {
        const Column &c = entryColumn.column;
        if (!SqliteDialect::declaredType(c.type))
            continue; // reported already, or not declarable on SQLite at all
        const QString declared = sqlite.renderType(lowered(c));
        if (strictTypes.contains(declared.trimmed().toLower()))
            continue;
        m_diagnostics.error(entryColumn.typeNode,
            QCoreApplication::translate("TableReader",
                "column '%1' of STRICT table '%2' has type '%3'; a STRICT table takes integer, real, text, blob "
                "or {sqlite: any}")
                .arg(c.name, table.name, declared));
    }
}

void TableReader::readPrimaryKey(YamlMap &map, TableEntry &entry, const QList<ColumnEntry> &columns)
{
    Table &table = entry.table;
    QStringList onColumns;
    for (const ColumnEntry &c : columns) {
        if (c.primaryKey)
            onColumns << c.column.name;
    }

    const YamlNode node = map.value(QStringLiteral("primary_key"));
    if (map.has(QStringLiteral("primary_key"))) {
        if (!onColumns.isEmpty()) {
            m_diagnostics.error(map.keyNode(QStringLiteral("primary_key")),
                QCoreApplication::translate("TableReader",
                    "primary key given twice: on column '%1' and at table level; keep one")
                    .arg(onColumns.join(QStringLiteral("', '"))));
        }
        if (node.isSequence()) {
            table.primaryKey.columns = columnList(map, QStringLiteral("primary_key"), &table);
        } else if (node.isMap()) {
            static const QStringList keys = {QStringLiteral("name"), QStringLiteral("columns")};
            YamlMap key(node, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "primary key")), keys, m_diagnostics);
            table.primaryKey.name = key.string(QStringLiteral("name"));
            if (key.require(QStringLiteral("columns")))
                table.primaryKey.columns = columnList(key, QStringLiteral("columns"), &table);
            if (!table.primaryKey.name.isEmpty()) {
                entry.indexNames.append({table.primaryKey.name, key.value(QStringLiteral("name"))});
                m_constraintNames.append({table.primaryKey.name, key.value(QStringLiteral("name"))});
            }
        } else {
            m_diagnostics.error(node, QCoreApplication::translate("TableReader",
                                          "expected a list of column names or {name: ..., columns: [...]} "
                                          "for 'primary_key', found %1")
                                          .arg(YamlDiagnostics::describe(node)));
        }
    } else {
        table.primaryKey.columns = onColumns;
    }

    for (const QString &name : std::as_const(table.primaryKey.columns)) {
        Column *column = table.column(name);
        if (!column)
            continue;
        column->nullable = false;
        for (const ColumnEntry &c : columns) {
            if (c.column.name == name && c.saysNullable) {
                m_diagnostics.error(c.nullableNode,
                    QCoreApplication::translate("TableReader",
                        "primary key column '%1' cannot be nullable: remove 'nullable: true'")
                        .arg(name));
            }
        }
    }
}

QStringList TableReader::columnList(YamlMap &map, const QString &key, const Table *table)
{
    const QList<YamlItem> items = map.scalarList(key, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "column names")));
    if (items.isEmpty() && map.value(key).isSequence()) {
        m_diagnostics.error(map.value(key),
            QCoreApplication::translate("TableReader", "'%1' must name at least one column").arg(key));
    }
    QStringList names;
    names.reserve(items.size());
    for (const YamlItem &item : items) {
        if (names.contains(item.text)) {
            m_diagnostics.error(item.node,
                QCoreApplication::translate("TableReader", "column '%1' is listed twice").arg(item.text));
            continue;
        }
        names << item.text;
        if (!table || table->column(item.text))
            continue;
        QStringList known;
        for (const Column &c : table->columns)
            known << c.name;
        const QString suggestion = closestMatch(item.text, known);
        m_diagnostics.error(item.node,
            suggestion.isEmpty()
                ? QCoreApplication::translate("TableReader", "unknown column '%1' in table '%2' (its columns: %3)")
                      .arg(item.text, table->name, known.join(QStringLiteral(", ")))
                : QCoreApplication::translate("TableReader", "unknown column '%1' in table '%2' (did you mean '%3'?)")
                      .arg(item.text, table->name, suggestion));
    }
    return names;
}

QStringList TableReader::indexKeys()
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("columns"), QStringLiteral("expression"),
                                     QStringLiteral("unique"), QStringLiteral("where"), QStringLiteral("method"),
                                     QStringLiteral("nulls_not_distinct"), QStringLiteral("with")};
    return keys;
}

QStringList TableReader::uniqueKeys()
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("columns"), QStringLiteral("deferrable"),
                                     QStringLiteral("initially_deferred"), QStringLiteral("nulls_not_distinct")};
    return keys;
}

QStringList TableReader::foreignKeyKeys()
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("columns"), QStringLiteral("references"),
                                     QStringLiteral("on_delete"), QStringLiteral("on_update"), QStringLiteral("deferrable"),
                                     QStringLiteral("initially_deferred"), QStringLiteral("not_valid")};
    return keys;
}

QStringList TableReader::checkKeys()
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("expression"), QStringLiteral("not_valid")};
    return keys;
}

void TableReader::readIndexes(YamlMap &map, TableEntry &entry)
{
    const QList<YamlNode> nodes = map.nodeList(QStringLiteral("indexes"), LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "indexes")));
    for (const YamlNode &node : nodes) {
        YamlMap m(node, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "index")), indexKeys(), m_diagnostics);
        if (!m.isMap())
            continue;
        const Index index = readIndex(m, &entry.table);
        if (!index.name.isEmpty())
            entry.indexNames.append({index.name, m.value(QStringLiteral("name"))});
        entry.table.indexes.append(index);
    }
}

Index TableReader::readIndex(YamlMap &m, const Table *table)
{
    Index index;
    index.name = m.requiredString(QStringLiteral("name"));
    const bool hasColumns = m.has(QStringLiteral("columns"));
    const bool hasExpression = m.has(QStringLiteral("expression"));
    if (hasColumns && hasExpression) {
        m_diagnostics.error(m.keyNode(QStringLiteral("expression")),
            QCoreApplication::translate("TableReader", "index '%1' has both 'columns' and 'expression': give one")
                .arg(index.name));
    } else if (!hasColumns && !hasExpression && m.isMap()) {
        m_diagnostics.error(m.node(), QCoreApplication::translate("TableReader", "index '%1' needs 'columns' or 'expression'")
                                          .arg(index.name));
    }
    if (hasColumns)
        index.columns = columnList(m, QStringLiteral("columns"), table);
    index.expression = m.string(QStringLiteral("expression"));
    index.unique = m.boolean(QStringLiteral("unique"), false);
    index.where = m.string(QStringLiteral("where"));
    index.method = m.string(QStringLiteral("method"));
    index.nullsNotDistinct = m.boolean(QStringLiteral("nulls_not_distinct"), false);
    if (index.nullsNotDistinct && !index.unique) {
        m_diagnostics.error(m.value(QStringLiteral("nulls_not_distinct")),
            QCoreApplication::translate("TableReader", "nulls_not_distinct needs unique: true"));
    }
    if (m.has(QStringLiteral("with")))
        index.storageParameters = readStorageParameters(m.value(QStringLiteral("with")), index.method);
    return index;
}

QStringList TableReader::readStorageParameters(const YamlNode &node, const QString &method)
{
    if (!node.isMap()) {
        m_diagnostics.error(node, QCoreApplication::translate("TableReader", "expected storage parameters as a mapping, "
                                                                             "with: {fillfactor: 70}, found %1")
                                      .arg(YamlDiagnostics::describe(node)));
        return {};
    }
    const std::optional<QStringList> known = StorageParameters::knownNames(method);
    const QString methodName = method.isEmpty() ? QStringLiteral("btree") : method;
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QStringList parameters;
    QStringList names;
    node.forEachPair([&](const YamlNode &key, const YamlNode &value) {
        const QString name = key.text().toLower();
        if (!key.isScalar() || !identifier.match(name).hasMatch()) {
            m_diagnostics.error(key, QCoreApplication::translate("TableReader", "expected a storage parameter's name, found %1")
                                         .arg(YamlDiagnostics::describe(key)));
            return;
        }
        if (known && !known->contains(name)) {
            const QString suggestion = closestMatch(name, *known);
            const QString list = known->join(QStringLiteral(", "));
            m_diagnostics.error(key, suggestion.isEmpty()
                ? QCoreApplication::translate("TableReader", "unknown storage parameter '%1' for a %2 index (known: %3)")
                      .arg(name, methodName, list)
                : QCoreApplication::translate("TableReader", "unknown storage parameter '%1' for a %2 index (did you mean '%3'? known: %4)")
                      .arg(name, methodName, suggestion, list));
            return;
        }
        if (names.contains(name)) {
            m_diagnostics.error(key, QCoreApplication::translate("TableReader", "storage parameter '%1' given twice").arg(name));
            return;
        }
        if (!value.isScalar() || value.isNull() || value.text().isEmpty()) {
            m_diagnostics.error(value, QCoreApplication::translate("TableReader", "expected a value for storage parameter '%1', found %2")
                                           .arg(name, YamlDiagnostics::describe(value)));
            return;
        }
        names << name;
        parameters << StorageParameters::join(name, value.text());
    });
    return parameters;
}

void TableReader::readDeferrable(YamlMap &map, bool &deferrable, bool &initiallyDeferred)
{
    deferrable = map.boolean(QStringLiteral("deferrable"), false);
    initiallyDeferred = map.boolean(QStringLiteral("initially_deferred"), false);
    if (initiallyDeferred && !deferrable) {
        m_diagnostics.error(map.value(QStringLiteral("initially_deferred")),
            QCoreApplication::translate("TableReader", "initially_deferred needs deferrable: true"));
    }
}

void TableReader::readUniqueConstraints(YamlMap &map, TableEntry &entry)
{
    const QList<YamlNode> nodes = map.nodeList(QStringLiteral("unique_constraints"),
                                               LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "unique constraints")));
    for (const YamlNode &node : nodes) {
        YamlMap m(node, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "unique constraint")), uniqueKeys(), m_diagnostics);
        if (!m.isMap())
            continue;
        const UniqueConstraint unique = readUnique(m, &entry.table);
        if (!unique.name.isEmpty()) {
            // A unique constraint is an index too: the schema checks the name.
            entry.indexNames.append({unique.name, m.value(QStringLiteral("name"))});
            m_constraintNames.append({unique.name, m.value(QStringLiteral("name"))});
        }
        entry.table.uniqueConstraints.append(unique);
    }
}

UniqueConstraint TableReader::readUnique(YamlMap &m, const Table *table)
{
    UniqueConstraint unique;
    unique.name = m.string(QStringLiteral("name"));
    if (m.require(QStringLiteral("columns")))
        unique.columns = columnList(m, QStringLiteral("columns"), table);
    readDeferrable(m, unique.deferrable, unique.initiallyDeferred);
    unique.nullsNotDistinct = m.boolean(QStringLiteral("nulls_not_distinct"), false);
    return unique;
}

ReferentialAction TableReader::readAction(YamlMap &map, const QString &key)
{
    const auto text = map.scalar(key, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "an action for '%1'"), key));
    if (!text)
        return ReferentialAction::NoAction;
    if (const auto action = referentialActionFromKey(*text))
        return *action;
    const QString suggestion = closestMatch(*text, actionKeys());
    const QString allowed = actionKeys().join(QStringLiteral(", "));
    m_diagnostics.error(map.value(key),
        suggestion.isEmpty()
            ? QCoreApplication::translate("TableReader", "unknown action '%1' for '%2' (allowed: %3)").arg(*text, key, allowed)
            : QCoreApplication::translate("TableReader", "unknown action '%1' for '%2' (did you mean '%3'? allowed: %4)")
                  .arg(*text, key, suggestion, allowed));
    return ReferentialAction::NoAction;
}

void TableReader::readForeignKeys(YamlMap &map, TableEntry &entry)
{
    const QList<YamlNode> nodes = map.nodeList(QStringLiteral("foreign_keys"),
                                               LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "foreign keys")));
    for (const YamlNode &node : nodes) {
        YamlMap m(node, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "foreign key")), foreignKeyKeys(), m_diagnostics);
        if (!m.isMap())
            continue;
        ForeignKeyReference reference;
        const ForeignKey fk = readForeignKey(m, &entry.table, &reference);
        checkConstraintName(m, fk.name);
        entry.table.foreignKeys.append(fk);
        if (!fk.referencedTable.isEmpty()) {
            reference.foreignKey = entry.table.foreignKeys.size() - 1;
            entry.references.append(reference);
        }
    }
}

ForeignKey TableReader::readForeignKey(YamlMap &m, const Table *table, ForeignKeyReference *reference)
{
    ForeignKey fk;
    fk.name = m.string(QStringLiteral("name"));
    if (m.require(QStringLiteral("columns")))
        fk.columns = columnList(m, QStringLiteral("columns"), table);

    if (m.require(QStringLiteral("references"))) {
        const YamlNode refNode = m.value(QStringLiteral("references"));
        if (reference)
            reference->node = refNode;
        if (!refNode.isMap()) {
            m_diagnostics.error(refNode, QCoreApplication::translate("TableReader",
                                             "expected {table: TABLE, columns: [...]} for 'references', found %1")
                                             .arg(YamlDiagnostics::describe(refNode)));
        } else {
            static const QStringList keys = {QStringLiteral("table"), QStringLiteral("columns")};
            YamlMap ref(refNode, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "references")), keys, m_diagnostics);
            fk.referencedTable = ref.requiredString(QStringLiteral("table"));
            if (reference)
                reference->tableNode = ref.value(QStringLiteral("table"));
            if (ref.require(QStringLiteral("columns"))) {
                const QList<YamlItem> items = ref.scalarList(QStringLiteral("columns"),
                                                             LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "column names")));
                for (const YamlItem &item : items) {
                    fk.referencedColumns << item.text;
                    if (reference)
                        reference->columnNodes << item.node;
                }
                if (!fk.columns.isEmpty() && !items.isEmpty() && fk.columns.size() != items.size()) {
                    m_diagnostics.error(ref.value(QStringLiteral("columns")),
                        QCoreApplication::translate("TableReader", "foreign key has %1 columns but references %2")
                            .arg(fk.columns.size())
                            .arg(items.size()));
                }
            }
        }
    }
    fk.onDelete = readAction(m, QStringLiteral("on_delete"));
    fk.onUpdate = readAction(m, QStringLiteral("on_update"));
    readDeferrable(m, fk.deferrable, fk.initiallyDeferred);
    fk.notValid = m.boolean(QStringLiteral("not_valid"), false);
    return fk;
}

void TableReader::readChecks(YamlMap &map, TableEntry &entry)
{
    const QList<YamlNode> nodes = map.nodeList(QStringLiteral("checks"), LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "checks")));
    for (const YamlNode &node : nodes) {
        YamlMap m(node, LazyText("TableReader", QT_TRANSLATE_NOOP("TableReader", "check")), checkKeys(), m_diagnostics);
        if (!m.isMap())
            continue;
        const Check check = readCheck(m);
        checkConstraintName(m, check.name);
        entry.table.checks.append(check);
    }
}

Check TableReader::readCheck(YamlMap &m)
{
    Check check;
    check.name = m.string(QStringLiteral("name"));
    check.expression = m.requiredString(QStringLiteral("expression"));
    check.notValid = m.boolean(QStringLiteral("not_valid"), false);
    return check;
}

void TableReader::checkConstraintName(YamlMap &map, const QString &name)
{
    if (name.isEmpty())
        return;
    const YamlNode node = map.value(QStringLiteral("name"));
    for (const YamlItem &seen : std::as_const(m_constraintNames)) {
        if (seen.text == name) {
            m_diagnostics.error(node, QCoreApplication::translate("TableReader",
                                          "duplicate constraint name '%1' in this table (first used at line %2)")
                                          .arg(name)
                                          .arg(YamlDiagnostics::line(seen.node)));
            return;
        }
    }
    m_constraintNames.append({name, node});
}

} // namespace sd
