#include "SchemaCompare.h"

#include "config/SchemaWriter.h"

namespace sd::testing {

namespace {

QString columnDifference(const Column &a, const Column &e)
{
    if (a.name != e.name) return QStringLiteral("name '%1' / '%2'").arg(a.name, e.name);
    if (!(a.type == e.type)) return QStringLiteral("type %1 / %2").arg(a.type.spelling(), e.type.spelling());
    if (a.nullable != e.nullable) return QStringLiteral("nullable %1 / %2").arg(a.nullable).arg(e.nullable);
    if (!(a.defaultValue == e.defaultValue))
        return QStringLiteral("default %1 (kind %2) / %3 (kind %4)")
            .arg(a.defaultValue.display()).arg(int(a.defaultValue.kind))
            .arg(e.defaultValue.display()).arg(int(e.defaultValue.kind));
    if (a.autoincrement != e.autoincrement) return QStringLiteral("autoincrement %1 / %2").arg(int(a.autoincrement)).arg(int(e.autoincrement));
    if (a.generated != e.generated || a.generatedStored != e.generatedStored)
        return QStringLiteral("generated '%1' stored %2 / '%3' stored %4")
            .arg(a.generated).arg(a.generatedStored).arg(e.generated).arg(e.generatedStored);
    if (a.comment != e.comment) return QStringLiteral("comment '%1' / '%2'").arg(a.comment, e.comment);
    return QStringLiteral("renamed_from '%1' / '%2'").arg(a.renamedFrom, e.renamedFrom);
}

QString tableDifference(const Table &a, const Table &e)
{
    if (a.columns.size() != e.columns.size())
        return QStringLiteral("%1 columns / %2 columns").arg(a.columns.size()).arg(e.columns.size());
    for (qsizetype i = 0; i < a.columns.size(); ++i) {
        if (!(a.columns[i] == e.columns[i]))
            return QStringLiteral("column %1: %2").arg(e.columns[i].name, columnDifference(a.columns[i], e.columns[i]));
    }
    if (!(a.primaryKey == e.primaryKey))
        return QStringLiteral("primary key %1(%2) / %3(%4)")
            .arg(a.primaryKey.name, a.primaryKey.columns.join(QLatin1Char(',')), e.primaryKey.name,
                 e.primaryKey.columns.join(QLatin1Char(',')));
    if (a.indexes != e.indexes) return QStringLiteral("indexes");
    if (a.uniqueConstraints != e.uniqueConstraints) return QStringLiteral("unique constraints");
    if (a.foreignKeys != e.foreignKeys) return QStringLiteral("foreign keys");
    if (a.checks != e.checks) return QStringLiteral("checks");
    return QStringLiteral("name, comment, partition_by or renamed_from");
}

} // namespace

QString schemaDifference(const Schema &actual, const Schema &expected)
{
    if (actual == expected)
        return {};
    const QStringList a = QString::fromUtf8(SchemaWriter::toYaml(actual)).split(QLatin1Char('\n'));
    const QStringList e = QString::fromUtf8(SchemaWriter::toYaml(expected)).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        const QString left = a.value(i, QStringLiteral("<end>"));
        const QString right = e.value(i, QStringLiteral("<end>"));
        if (left != right) {
            return QStringLiteral("schema.yaml line %1:\n   actual: %2\n expected: %3").arg(i + 1).arg(left, right);
        }
    }
    // Same YAML: the difference is in something the YAML does not hold.
    if (actual.enums != expected.enums)
        return QStringLiteral("enums differ");
    if (actual.tables.size() != expected.tables.size())
        return QStringLiteral("%1 tables / %2 tables").arg(actual.tables.size()).arg(expected.tables.size());
    for (qsizetype i = 0; i < actual.tables.size(); ++i) {
        if (!(actual.tables[i] == expected.tables[i]))
            return QStringLiteral("table %1: %2").arg(expected.tables[i].name, tableDifference(actual.tables[i], expected.tables[i]));
    }
    return QStringLiteral("unmanaged objects differ");
}

} // namespace sd::testing
