#include "SchemaReader.h"

#include "ColumnReader.h"
#include "EnumReader.h"
#include "Suggest.h"
#include "TableReader.h"
#include "YamlDocument.h"
#include "model/StringPool.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

namespace sd {

namespace {

// Reads one parsed document; the helpers share the diagnostics.
class SchemaDocument
{
public:
    explicit SchemaDocument(YamlDiagnostics &diagnostics)
        : m_diagnostics(diagnostics)
    {
    }

    Schema read(const YamlNode &root);

private:
    void readEnums(YamlMap &map);
    void readTables(YamlMap &map);
    void checkIndexNames(const TableEntry &entry);
    void checkReferences(const TableEntry &entry);

    YamlDiagnostics &m_diagnostics;
    Schema m_schema;
    QHash<QString, YamlNode> m_tableNames;
    QStringList m_tableOrder; // the names of m_tableNames in file order, for "did you mean"
    QHash<QString, const Table *> m_tables; // filled once every table is read
    QHash<QString, YamlNode> m_indexNames;
    QList<TableEntry> m_entries;
};

Schema SchemaDocument::read(const YamlNode &root)
{
    if (root.isNull())
        return m_schema; // an empty file is an empty schema
    static const QStringList keys = {QStringLiteral("enums"), QStringLiteral("tables")};
    YamlMap map(root, LazyText("SchemaReader", QT_TRANSLATE_NOOP("SchemaReader", "schema configuration")), keys,
                m_diagnostics);
    if (!map.isMap())
        return m_schema;
    // Enums first, wherever they stand: columns refer to them by name.
    readEnums(map);
    readTables(map);
    for (const Table &table : std::as_const(m_schema.tables))
        m_tables.insert(table.name, &table);
    for (const TableEntry &entry : std::as_const(m_entries))
        checkReferences(entry);
    return m_schema;
}

void SchemaDocument::readEnums(YamlMap &map)
{
    QHash<QString, YamlNode> seen;
    EnumReader reader(m_diagnostics);
    const LazyText enums("SchemaReader", QT_TRANSLATE_NOOP("SchemaReader", "enums"));
    for (const YamlNode &node : map.nodeList(QStringLiteral("enums"), enums)) {
        YamlMap m(node, LazyText("SchemaReader", QT_TRANSLATE_NOOP("SchemaReader", "enum")), EnumReader::keys(),
                  m_diagnostics);
        if (!m.isMap())
            continue;
        EnumType type = reader.read(m);
        const YamlNode nameNode = m.value(QStringLiteral("name"));
        if (type.name.isEmpty())
            continue;
        if (seen.contains(type.name)) {
            m_diagnostics.error(nameNode, QCoreApplication::translate("SchemaReader", "duplicate enum '%1' (first defined at line %2)")
                                              .arg(type.name)
                                              .arg(YamlDiagnostics::line(seen.value(type.name))));
            continue;
        }
        seen.insert(type.name, nameNode);
        StringPool::intern(type);
        m_schema.enums.append(type);
    }
}

void SchemaDocument::readTables(YamlMap &map)
{
    TableReader reader(m_schema.enums, m_diagnostics);
    const QList<YamlNode> nodes = map.nodeList(QStringLiteral("tables"),
                                               LazyText("SchemaReader", QT_TRANSLATE_NOOP("SchemaReader", "tables")));
    m_tableNames.reserve(nodes.size());
    m_schema.tables.reserve(nodes.size());
    m_entries.reserve(nodes.size());
    for (const YamlNode &node : nodes) {
        std::optional<TableEntry> entry = reader.read(node);
        if (!entry)
            continue;
        const QString &name = entry->table.name;
        if (m_tableNames.contains(name)) {
            m_diagnostics.error(entry->nameNode, QCoreApplication::translate("SchemaReader", "duplicate table '%1' (first defined at line %2)")
                                                     .arg(name)
                                                     .arg(YamlDiagnostics::line(m_tableNames.value(name))));
            continue;
        }
        m_tableNames.insert(name, entry->nameNode);
        m_tableOrder.append(name);
        checkIndexNames(*entry);
        StringPool::intern(entry->table); // while it is in the cache
        m_schema.tables.append(entry->table);
        m_entries.append(std::move(*entry));
    }
}

void SchemaDocument::checkIndexNames(const TableEntry &entry)
{
    for (const YamlItem &name : entry.indexNames) {
        if (m_indexNames.contains(name.text)) {
            m_diagnostics.error(name.node, QCoreApplication::translate("SchemaReader",
                                               "duplicate index name '%1' (first used at line %2; indexes, unique "
                                               "constraints and primary keys share one namespace)")
                                               .arg(name.text)
                                               .arg(YamlDiagnostics::line(m_indexNames.value(name.text))));
            continue;
        }
        m_indexNames.insert(name.text, name.node);
    }
}

void SchemaDocument::checkReferences(const TableEntry &entry)
{
    for (const ForeignKeyReference &reference : entry.references) {
        const ForeignKey &fk = entry.table.foreignKeys.at(reference.foreignKey);
        const Table *target = m_tables.value(fk.referencedTable);
        if (!target) {
            // In file order: a tie goes to the earlier table, whatever the hash order.
            const QString suggestion = closestMatch(fk.referencedTable, m_tableOrder);
            m_diagnostics.error(reference.tableNode,
                suggestion.isEmpty()
                    ? QCoreApplication::translate("SchemaReader", "foreign key references unknown table '%1'")
                          .arg(fk.referencedTable)
                    : QCoreApplication::translate("SchemaReader", "foreign key references unknown table '%1' (did you mean '%2'?)")
                          .arg(fk.referencedTable, suggestion));
            continue;
        }
        for (qsizetype i = 0; i < reference.columnNodes.size(); ++i) {
            const QString &name = fk.referencedColumns.at(i);
            if (target->column(name))
                continue;
            QStringList known;
            for (const Column &c : target->columns)
                known << c.name;
            const QString suggestion = closestMatch(name, known);
            m_diagnostics.error(reference.columnNodes.at(i),
                suggestion.isEmpty()
                    ? QCoreApplication::translate("SchemaReader",
                          "foreign key references unknown column '%1' of table '%2' (its columns: %3)")
                          .arg(name, target->name, known.join(QStringLiteral(", ")))
                    : QCoreApplication::translate("SchemaReader",
                          "foreign key references unknown column '%1' of table '%2' (did you mean '%3'?)")
                          .arg(name, target->name, suggestion));
        }
    }
}

} // namespace

MultiResult<Schema> SchemaReader::readFile(const QString &path, const QString &displayPath)
{
    const QString shown = displayPath.isEmpty() ? path : displayPath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(Errors{Error::io(
            QCoreApplication::translate("SchemaReader", "cannot read the schema configuration: %1").arg(file.errorString()),
            shown)});
    }
    return readString(file.readAll(), shown);
}

MultiResult<Schema> SchemaReader::readString(const QByteArray &yaml, const QString &displayPath)
{
    YamlDiagnostics diagnostics(displayPath);
    Schema schema;
    const auto document = YamlDocument::parse(yaml);
    if (document) {
        schema = SchemaDocument(diagnostics).read(document->root());
    } else {
        const YamlDocument::ParseError &e = document.error();
        diagnostics.error(e.line, e.column,
                          e.syntax ? QCoreApplication::translate("SchemaReader", "invalid YAML: %1").arg(e.message)
                                   : QCoreApplication::translate("SchemaReader", "cannot read YAML: %1").arg(e.message));
    }
    if (diagnostics.hasErrors())
        return std::unexpected(diagnostics.sortedErrors());
    return schema;
}

} // namespace sd
