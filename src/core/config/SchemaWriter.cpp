#include "SchemaWriter.h"

#include "YamlFlowMap.h"
#include "YamlScalar.h"
#include "model/StorageParameters.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace sd {

namespace {

using FlowMap = YamlFlowMap;

QString flowList(const QStringList &items)
{
    return YamlFlowMap::list(items);
}

QString typeText(const ColumnType &type)
{
    if (type.kind != ColumnType::Kind::Native)
        return YamlScalar::quoted(type.spelling());
    FlowMap map;
    for (auto it = type.nativeSpellings.cbegin(); it != type.nativeSpellings.cend(); ++it)
        map.add(it.key().toUtf8().constData(), YamlScalar::quoted(it.value()));
    return map.toString();
}

QString defaultText(const DefaultValue &value)
{
    switch (value.kind) {
    case DefaultValue::Kind::None:
        return {};
    case DefaultValue::Kind::String:
        // "42" and "true" stay strings: quoted() quotes whatever would not read back as text.
        return YamlScalar::quoted(value.text);
    case DefaultValue::Kind::Number:
        return YamlScalar::isNumber(value.text) ? value.text : YamlScalar::doubleQuoted(value.text);
    case DefaultValue::Kind::Boolean:
        return value.text == QLatin1String("true") ? QStringLiteral("true") : QStringLiteral("false");
    case DefaultValue::Kind::Null:
        return QStringLiteral("null");
    case DefaultValue::Kind::Expression:
        return FlowMap().add("sql", YamlScalar::quoted(value.text)).toString();
    }
    return {};
}

bool isDefaultKeyName(const Table &table)
{
    return table.primaryKey.name.isEmpty() || table.primaryKey.name == table.name + QStringLiteral("_pkey");
}

// A key of one column that has the default name goes on the column itself.
bool keyOnColumn(const Table &table)
{
    return table.primaryKey.columns.size() == 1 && isDefaultKeyName(table)
           && table.column(table.primaryKey.columns.constFirst()) != nullptr;
}

QString columnLine(const Column &column, const Table &table)
{
    const bool inKey = table.primaryKey.columns.contains(column.name);
    FlowMap map;
    map.text("name", column.name).add("type", typeText(column.type));
    map.flag("primary_key", inKey && keyOnColumn(table));
    if (column.autoincrement == Autoincrement::Yes)
        map.add("autoincrement", QStringLiteral("true"));
    else if (column.autoincrement == Autoincrement::Always)
        map.add("autoincrement", QStringLiteral("always"));
    if (!column.nullable && !inKey)
        map.add("nullable", QStringLiteral("false"));
    if (column.defaultValue.isSet())
        map.add("default", defaultText(column.defaultValue));
    if (!column.generated.isEmpty()) {
        FlowMap generated;
        generated.text("sql", column.generated);
        if (!column.generatedStored)
            generated.add("stored", QStringLiteral("false"));
        map.add("generated", generated.toString());
    }
    map.text("collation", column.collation).text("renamed_from", column.renamedFrom).text("comment", column.comment);
    return map.toString();
}

QString indexLine(const Index &index)
{
    FlowMap map;
    map.text("name", index.name);
    if (!index.columns.isEmpty())
        map.add("columns", flowList(index.columns));
    map.text("expression", index.expression).flag("unique", index.unique);
    map.text("where", index.where).text("method", index.method).flag("nulls_not_distinct", index.nullsNotDistinct);
    if (!index.storageParameters.isEmpty()) {
        // A number as it is (fillfactor: 70): the reader takes every value as
        // text, which is what the server takes too.
        QStringList parameters;
        for (const QString &p : index.storageParameters) {
            const QString value = StorageParameters::value(p);
            parameters << YamlScalar::quoted(StorageParameters::name(p)) + QStringLiteral(": ")
                              + (YamlScalar::isNumber(value) ? value : YamlScalar::quoted(value));
        }
        map.add("with", QLatin1Char('{') + parameters.join(QStringLiteral(", ")) + QLatin1Char('}'));
    }
    return map.toString();
}

QString uniqueLine(const UniqueConstraint &unique)
{
    FlowMap map;
    map.text("name", unique.name).add("columns", flowList(unique.columns));
    map.flag("deferrable", unique.deferrable).flag("initially_deferred", unique.initiallyDeferred);
    map.flag("nulls_not_distinct", unique.nullsNotDistinct);
    return map.toString();
}

QString foreignKeyLine(const ForeignKey &fk)
{
    FlowMap references;
    references.text("table", fk.referencedTable).add("columns", flowList(fk.referencedColumns));
    FlowMap map;
    map.text("name", fk.name).add("columns", flowList(fk.columns)).add("references", references.toString());
    if (fk.onDelete != ReferentialAction::NoAction)
        map.add("on_delete", YamlScalar::quoted(referentialActionKey(fk.onDelete)));
    if (fk.onUpdate != ReferentialAction::NoAction)
        map.add("on_update", YamlScalar::quoted(referentialActionKey(fk.onUpdate)));
    map.flag("deferrable", fk.deferrable).flag("initially_deferred", fk.initiallyDeferred);
    map.flag("not_valid", fk.notValid);
    return map.toString();
}

QString checkLine(const Check &check)
{
    FlowMap map;
    map.text("name", check.name).text("expression", check.expression).flag("not_valid", check.notValid);
    return map.toString();
}

template<typename List, typename Format>
void writeList(QString &out, const QString &indent, const char *key, const List &items, Format format)
{
    if (items.isEmpty())
        return;
    out += indent + QLatin1String(key) + QStringLiteral(":\n");
    for (const auto &item : items)
        out += indent + QStringLiteral("  - ") + format(item) + QLatin1Char('\n');
}

void writeTable(QString &out, const Table &table, const QString &firstPrefix, const QString &indent)
{
    out += firstPrefix + QStringLiteral("name: ") + YamlScalar::quoted(table.name) + QLatin1Char('\n');
    const auto scalar = [&out, &indent](const char *key, const QString &value) {
        if (!value.isEmpty())
            out += indent + QLatin1String(key) + QStringLiteral(": ") + YamlScalar::quoted(value) + QLatin1Char('\n');
    };
    scalar("renamed_from", table.renamedFrom);
    scalar("comment", table.comment);
    scalar("partition_by", table.partitionBy);
    if (table.withoutRowid)
        out += indent + QStringLiteral("without_rowid: true\n");
    if (table.strict)
        out += indent + QStringLiteral("strict: true\n");
    writeList(out, indent, "columns", table.columns, [&table](const Column &c) { return columnLine(c, table); });
    if (!table.primaryKey.isEmpty() && !keyOnColumn(table)) {
        QString key = flowList(table.primaryKey.columns);
        if (!isDefaultKeyName(table))
            key = FlowMap().text("name", table.primaryKey.name).add("columns", key).toString();
        out += indent + QStringLiteral("primary_key: ") + key + QLatin1Char('\n');
    }
    writeList(out, indent, "indexes", table.indexes, indexLine);
    writeList(out, indent, "unique_constraints", table.uniqueConstraints, uniqueLine);
    writeList(out, indent, "foreign_keys", table.foreignKeys, foreignKeyLine);
    writeList(out, indent, "checks", table.checks, checkLine);
}

QString unmanagedLine(const UnmanagedObject &object)
{
    QString line = object.kind + QLatin1Char(' ') + object.name;
    if (!object.table.isEmpty())
        line += QStringLiteral(" on ") + object.table;
    return line.simplified();
}

} // namespace

QByteArray SchemaWriter::toYaml(const Schema &schema)
{
    QString out;
    if (!schema.enums.isEmpty()) {
        out += QStringLiteral("enums:\n");
        for (const EnumType &e : schema.enums) {
            out += QStringLiteral("  - ") + SchemaWriter::enumYaml(e) + QLatin1Char('\n');
        }
    }
    if (schema.tables.isEmpty()) {
        out += QStringLiteral("tables: []\n");
    } else {
        out += QStringLiteral("tables:\n");
        for (qsizetype i = 0; i < schema.tables.size(); ++i) {
            if (i > 0)
                out += QLatin1Char('\n');
            writeTable(out, schema.tables.at(i), QStringLiteral("  - "), QStringLiteral("    "));
        }
    }
    if (!schema.unmanaged.isEmpty()) {
        out += QLatin1Char('\n')
               + QCoreApplication::translate("SchemaWriter", "# Not managed by SchemaDesk (read, never changed):")
               + QLatin1Char('\n');
        for (const UnmanagedObject &object : schema.unmanaged)
            out += QStringLiteral("#   ") + unmanagedLine(object) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QString SchemaWriter::columnYaml(const Column &column)
{
    return columnLine(column, Table());
}

QString SchemaWriter::typeYaml(const ColumnType &type)
{
    return typeText(type);
}

QString SchemaWriter::defaultYaml(const DefaultValue &value)
{
    return defaultText(value);
}

QString SchemaWriter::indexYaml(const Index &index)
{
    return indexLine(index);
}

QString SchemaWriter::uniqueYaml(const UniqueConstraint &unique)
{
    return uniqueLine(unique);
}

QString SchemaWriter::foreignKeyYaml(const ForeignKey &foreignKey)
{
    return foreignKeyLine(foreignKey);
}

QString SchemaWriter::checkYaml(const Check &check)
{
    return checkLine(check);
}

QString SchemaWriter::enumYaml(const EnumType &type)
{
    return FlowMap().text("name", type.name).add("values", flowList(type.values)).toString();
}

QString SchemaWriter::tableYaml(const Table &table, const QString &firstPrefix, const QString &indent)
{
    QString out;
    writeTable(out, table, firstPrefix, indent);
    return out;
}

Result<void> SchemaWriter::writeFile(const Schema &schema, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return std::unexpected(Error::io(
            QCoreApplication::translate("SchemaWriter", "cannot write the schema configuration: %1").arg(file.errorString()),
            path));
    }
    file.write(toYaml(schema));
    if (!file.commit()) {
        return std::unexpected(Error::io(
            QCoreApplication::translate("SchemaWriter", "cannot write the schema configuration: %1").arg(file.errorString()),
            path));
    }
    return {};
}

} // namespace sd
