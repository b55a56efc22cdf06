#include "SchemaWriter.h"

#include "YamlScalar.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace sd {

namespace {

// One flow mapping, `{key: value, ...}`, built key by key.
class FlowMap
{
public:
    FlowMap &add(const char *key, const QString &yamlValue)
    {
        m_parts << QLatin1String(key) + QStringLiteral(": ") + yamlValue;
        return *this;
    }
    FlowMap &text(const char *key, const QString &value)
    {
        return value.isEmpty() ? *this : add(key, YamlScalar::quoted(value));
    }
    FlowMap &flag(const char *key, bool value)
    {
        return value ? add(key, QStringLiteral("true")) : *this;
    }
    QString toString() const { return QLatin1Char('{') + m_parts.join(QStringLiteral(", ")) + QLatin1Char('}'); }

private:
    QStringList m_parts;
};

QString flowList(const QStringList &items)
{
    QStringList quoted;
    quoted.reserve(items.size());
    for (const QString &item : items)
        quoted << YamlScalar::quoted(item);
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
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
    map.text("renamed_from", column.renamedFrom).text("comment", column.comment);
    return map.toString();
}

QString indexLine(const Index &index)
{
    FlowMap map;
    map.text("name", index.name);
    if (!index.columns.isEmpty())
        map.add("columns", flowList(index.columns));
    map.text("expression", index.expression).flag("unique", index.unique);
    map.text("where", index.where).text("method", index.method);
    return map.toString();
}

QString uniqueLine(const UniqueConstraint &unique)
{
    FlowMap map;
    map.text("name", unique.name).add("columns", flowList(unique.columns));
    map.flag("deferrable", unique.deferrable).flag("initially_deferred", unique.initiallyDeferred);
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
void writeList(QString &out, const char *key, const List &items, Format format)
{
    if (items.isEmpty())
        return;
    out += QStringLiteral("    ") + QLatin1String(key) + QStringLiteral(":\n");
    for (const auto &item : items)
        out += QStringLiteral("      - ") + format(item) + QLatin1Char('\n');
}

void writeTable(QString &out, const Table &table)
{
    out += QStringLiteral("  - name: ") + YamlScalar::quoted(table.name) + QLatin1Char('\n');
    const auto scalar = [&out](const char *key, const QString &value) {
        if (!value.isEmpty())
            out += QStringLiteral("    ") + QLatin1String(key) + QStringLiteral(": ") + YamlScalar::quoted(value) + QLatin1Char('\n');
    };
    scalar("renamed_from", table.renamedFrom);
    scalar("comment", table.comment);
    scalar("partition_by", table.partitionBy);
    writeList(out, "columns", table.columns, [&table](const Column &c) { return columnLine(c, table); });
    if (!table.primaryKey.isEmpty() && !keyOnColumn(table)) {
        QString key = flowList(table.primaryKey.columns);
        if (!isDefaultKeyName(table))
            key = FlowMap().text("name", table.primaryKey.name).add("columns", key).toString();
        out += QStringLiteral("    primary_key: ") + key + QLatin1Char('\n');
    }
    writeList(out, "indexes", table.indexes, indexLine);
    writeList(out, "unique_constraints", table.uniqueConstraints, uniqueLine);
    writeList(out, "foreign_keys", table.foreignKeys, foreignKeyLine);
    writeList(out, "checks", table.checks, checkLine);
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
            out += QStringLiteral("  - ")
                   + FlowMap().text("name", e.name).add("values", flowList(e.values)).toString() + QLatin1Char('\n');
        }
    }
    if (schema.tables.isEmpty()) {
        out += QStringLiteral("tables: []\n");
    } else {
        out += QStringLiteral("tables:\n");
        for (qsizetype i = 0; i < schema.tables.size(); ++i) {
            if (i > 0)
                out += QLatin1Char('\n');
            writeTable(out, schema.tables.at(i));
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
