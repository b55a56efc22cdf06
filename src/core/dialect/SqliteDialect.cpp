#include "SqliteDialect.h"

namespace sd {

ColumnType SqliteDialect::typeFromDeclared(const QString &declared)
{
    if (auto portable = ColumnType::parsePortable(declared))
        return *portable;
    return ColumnType::native(DialectKind::Sqlite, declared.trimmed());
}

QString SqliteDialect::enumCheckExpression(const QString &column, const QStringList &values) const
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << quoteString(v);
    return quoteIdentifier(column) + QStringLiteral(" IN (") + quoted.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString SqliteDialect::typeKey(const ColumnType &type) const
{
    switch (type.kind) {
    case ColumnType::Kind::Invalid:
        return QStringLiteral("<invalid>");
    case ColumnType::Kind::Enum:
        return QStringLiteral("text");
    case ColumnType::Kind::Native: {
        if (!type.nativeSpellings.contains(key()))
            return QStringLiteral("<no sqlite spelling: %1>").arg(type.spelling());
        const ColumnType t = typeFromDeclared(type.nativeSpellings.value(key()));
        if (t.kind != ColumnType::Kind::Native)
            return t.spelling();
        return t.nativeSpellings.value(key()).simplified().toLower();
    }
    default:
        return type.spelling();
    }
}

QString SqliteDialect::renderType(const Column &column) const
{
    if (column.autoincrement != Autoincrement::No)
        return QStringLiteral("INTEGER");
    if (column.type.kind == ColumnType::Kind::Native)
        return column.type.nativeSpellings.value(key());
    if (column.type.kind == ColumnType::Kind::Enum)
        return QStringLiteral("text");
    return column.type.spelling();
}

QString SqliteDialect::renderDefault(const DefaultValue &value) const
{
    if (value.kind != DefaultValue::Kind::Expression)
        return Dialect::renderDefault(value);
    const QString upper = value.text.trimmed().toUpper();
    if (upper == QLatin1String("CURRENT_TIMESTAMP") || upper == QLatin1String("CURRENT_DATE")
        || upper == QLatin1String("CURRENT_TIME"))
        return value.text.trimmed();
    return QLatin1Char('(') + value.text + QLatin1Char(')');
}

Schema SqliteDialect::lowered(const Schema &schema) const
{
    Schema result = schema;
    for (Table &table : result.tables) {
        table.comment.clear();
        table.partitionBy.clear();
        const bool singleKey = table.primaryKey.columns.size() == 1;
        for (Column &c : table.columns) {
            c.comment.clear();
            if (c.type.kind == ColumnType::Kind::Enum) {
                const EnumType *e = schema.enumType(c.type.enumName);
                c.type = ColumnType::of(ColumnType::Kind::Text);
                if (e)
                    table.checks.append(Check{QString(), enumCheckExpression(c.name, e->values), false});
            }
            if (c.autoincrement != Autoincrement::No) {
                if (singleKey && table.primaryKey.columns.constFirst() == c.name && c.type.isIntegral()) {
                    c.type = ColumnType::of(ColumnType::Kind::Integer);
                    c.autoincrement = Autoincrement::Yes;
                } else {
                    c.autoincrement = Autoincrement::No;
                }
            }
        }
        for (Index &index : table.indexes)
            index.method.clear();
        for (UniqueConstraint &u : table.uniqueConstraints)
            u.deferrable = u.initiallyDeferred = false;
        for (ForeignKey &fk : table.foreignKeys)
            fk.notValid = false;
        for (Check &ck : table.checks)
            ck.notValid = false;
    }
    result.enums.clear();
    return result;
}

QStringList SqliteDialect::createTable(const Table &table, bool) const
{
    QStringList definitions;
    bool keyInline = false;
    for (const Column &c : table.columns) {
        QString def = quoteIdentifier(c.name) + QLatin1Char(' ') + renderType(c);
        if (c.autoincrement != Autoincrement::No) {
            def += QStringLiteral(" PRIMARY KEY AUTOINCREMENT");
            keyInline = true;
        }
        if (!c.nullable && c.autoincrement == Autoincrement::No)
            def += QStringLiteral(" NOT NULL");
        if (!c.generated.isEmpty())
            def += QStringLiteral(" GENERATED ALWAYS AS (") + c.generated
                   + (c.generatedStored ? QStringLiteral(") STORED") : QStringLiteral(") VIRTUAL"));
        else if (c.defaultValue.isSet())
            def += QStringLiteral(" DEFAULT ") + renderDefault(c.defaultValue);
        definitions << def;
    }
    if (!table.primaryKey.isEmpty() && !keyInline) {
        QString def = table.primaryKey.name.isEmpty()
                          ? QString()
                          : QStringLiteral("CONSTRAINT ") + quoteIdentifier(table.primaryKey.name) + QLatin1Char(' ');
        definitions << def + QStringLiteral("PRIMARY KEY ") + columnListSql(table.primaryKey.columns);
    }
    for (const UniqueConstraint &u : table.uniqueConstraints) {
        QString def = u.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + quoteIdentifier(u.name) + QLatin1Char(' ');
        definitions << def + QStringLiteral("UNIQUE ") + columnListSql(u.columns);
    }
    for (const Check &ck : table.checks) {
        QString def = ck.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + quoteIdentifier(ck.name) + QLatin1Char(' ');
        definitions << def + QStringLiteral("CHECK (") + ck.expression + QLatin1Char(')');
    }
    for (const ForeignKey &fk : table.foreignKeys)
        definitions << foreignKeySql(fk);

    QStringList statements{QStringLiteral("CREATE TABLE ") + quoteIdentifier(table.name) + QStringLiteral(" (\n    ")
                           + definitions.join(QStringLiteral(",\n    ")) + QStringLiteral("\n)")};
    for (const Index &index : table.indexes)
        statements << createIndex(table, index);
    return statements;
}

QStringList SqliteDialect::createSchema(const Schema &schema) const
{
    const Schema s = lowered(schema);
    QStringList statements;
    for (const Table &t : s.tables)
        statements << createTable(t);
    return statements;
}

} // namespace sd
