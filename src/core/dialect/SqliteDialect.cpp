#include "SqliteDialect.h"

#include <algorithm>

namespace sd {

ColumnType SqliteDialect::typeFromDeclared(const QString &declared)
{
    if (auto portable = ColumnType::parsePortable(declared))
        return *portable;
    return ColumnType::native(DialectKind::Sqlite, declared.trimmed());
}

SqliteDialect::Affinity SqliteDialect::affinity(const QString &declared)
{
    const auto has = [&](const char *part) { return declared.contains(QLatin1String(part), Qt::CaseInsensitive); };
    if (has("INT"))
        return Affinity::Integer;
    if (has("CHAR") || has("CLOB") || has("TEXT"))
        return Affinity::Text;
    if (has("BLOB") || declared.trimmed().isEmpty())
        return Affinity::Blob;
    if (has("REAL") || has("FLOA") || has("DOUB"))
        return Affinity::Real;
    return Affinity::Numeric;
}

std::optional<QString> SqliteDialect::declaredType(const ColumnType &type)
{
    switch (type.kind) {
    case ColumnType::Kind::Invalid:
        return std::nullopt;
    case ColumnType::Kind::Enum:
        return QStringLiteral("text");
    case ColumnType::Kind::Native: {
        const auto spelling = type.nativeSpellings.constFind(dialectKey(DialectKind::Sqlite));
        if (spelling == type.nativeSpellings.cend())
            return std::nullopt;
        return *spelling;
    }
    default:
        return type.spelling();
    }
}

bool SqliteDialect::isNarrowing(const ColumnType &from, const ColumnType &to) const
{
    // A type with no SQLite spelling cannot be declared here: judge it as
    // any dialect would.
    const std::optional<QString> declaredFrom = declaredType(from);
    const std::optional<QString> declaredTo = declaredType(to);
    if (!declaredFrom || !declaredTo)
        return Dialect::isNarrowing(from, to);
    const Affinity a = affinity(*declaredFrom);
    const Affinity b = affinity(*declaredTo);
    if (a == b || b == Affinity::Blob)
        return false;
    switch (a) {
    case Affinity::Integer:
    case Affinity::Numeric:
    case Affinity::Real:
        // INTEGER and NUMERIC store values alike (they differ only in CAST):
        // integers, and REALs that are not whole, which lose digits as text;
        // integers beyond 2^53 lose them as REAL. A REAL that is a whole
        // number becomes an equal integer under either.
        return b != Affinity::Integer && b != Affinity::Numeric;
    case Affinity::Text:
    case Affinity::Blob:
        return true;
    }
    return true;
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
    if (std::optional<QString> declared = declaredType(column.type))
        return *declared;
    return column.type.kind == ColumnType::Kind::Native ? QString() : column.type.spelling(); // "<invalid>"
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

std::optional<Table> SqliteDialect::loweredExceptColumns(const Table &source, const Schema &schema) const
{
    const auto isEnum = [](const Column &c) { return c.type.kind == ColumnType::Kind::Enum; };
    const bool enums = std::any_of(source.columns.cbegin(), source.columns.cend(), isEnum);
    // SQLite has no index methods or storage parameters, no deferrable
    // unique constraints, and always takes NULLs as distinct.
    const bool indexOptions = std::any_of(source.indexes.cbegin(), source.indexes.cend(),
                                          [](const Index &i) { return !i.method.isEmpty() || i.nullsNotDistinct || !i.storageParameters.isEmpty(); });
    const bool uniqueOptions = std::any_of(source.uniqueConstraints.cbegin(), source.uniqueConstraints.cend(), [](const UniqueConstraint &u) {
        return u.deferrable || u.initiallyDeferred || u.nullsNotDistinct;
    });
    const bool foreignKeysNotValid = std::any_of(source.foreignKeys.cbegin(), source.foreignKeys.cend(),
                                                 [](const ForeignKey &f) { return f.notValid; });
    const bool checksNotValid = std::any_of(source.checks.cbegin(), source.checks.cend(),
                                            [](const Check &c) { return c.notValid; });
    if (source.comment.isEmpty() && source.partitionBy.isEmpty() && !enums && !indexOptions && !uniqueOptions
        && !foreignKeysNotValid && !checksNotValid)
        return std::nullopt;

    Table table = source; // implicitly shared: only the lists that change are copied
    table.comment.clear();
    table.partitionBy.clear();
    if (indexOptions) {
        for (Index &index : table.indexes) {
            index.method.clear();
            index.nullsNotDistinct = false;
            index.storageParameters.clear();
        }
    }
    if (uniqueOptions) {
        for (UniqueConstraint &u : table.uniqueConstraints)
            u.deferrable = u.initiallyDeferred = u.nullsNotDistinct = false;
    }
    if (foreignKeysNotValid) {
        for (ForeignKey &fk : table.foreignKeys)
            fk.notValid = false;
    }
    if (checksNotValid) {
        for (Check &ck : table.checks)
            ck.notValid = false;
    }
    if (enums) {
        for (const Column &c : source.columns) {
            if (!isEnum(c))
                continue;
            if (const EnumType *e = schema.enumType(c.type.enumName))
                table.checks.append(Check{QString(), enumCheckExpression(c.name, e->values), false});
        }
    }
    return table;
}

std::optional<Column> SqliteDialect::loweredColumn(const Column &column, const Table &table) const
{
    // Most columns: no comment, no enum, no autoincrement.
    if (column.comment.isEmpty() && column.type.kind != ColumnType::Kind::Enum
        && column.autoincrement == Autoincrement::No)
        return std::nullopt;
    // The one column of a single-column key, the only one that can be
    // INTEGER PRIMARY KEY AUTOINCREMENT.
    const QStringView singleKey = table.primaryKey.columns.size() == 1 ? QStringView(table.primaryKey.columns.constFirst())
                                                                       : QStringView();
    const ColumnType integer = ColumnType::of(ColumnType::Kind::Integer);
    const bool keptAutoincrement = column.autoincrement == Autoincrement::Yes && column.name == singleKey
                                   && column.type == integer;
    if (column.comment.isEmpty() && column.type.kind != ColumnType::Kind::Enum && keptAutoincrement)
        return std::nullopt;

    Column c = column;
    c.comment.clear();
    if (c.type.kind == ColumnType::Kind::Enum)
        c.type = ColumnType::of(ColumnType::Kind::Text); // and a CHECK: loweredExceptColumns()
    if (c.autoincrement != Autoincrement::No) {
        if (!singleKey.isEmpty() && c.name == singleKey && c.type.isIntegral()) {
            c.type = integer;
            c.autoincrement = Autoincrement::Yes;
        } else {
            c.autoincrement = Autoincrement::No;
        }
    }
    return c;
}

QList<EnumType> SqliteDialect::loweredEnums(const Schema &) const
{
    return {};
}

QString SqliteDialect::columnDefinition(const Column &c) const
{
    QString def = quoteIdentifier(c.name) + QLatin1Char(' ') + renderType(c);
    if (!c.collation.isEmpty())
        def += QStringLiteral(" COLLATE ") + quoteIdentifier(c.collation);
    // Lowered, an autoincrement column is the table's INTEGER key.
    if (c.autoincrement != Autoincrement::No)
        def += QStringLiteral(" PRIMARY KEY AUTOINCREMENT");
    if (!c.nullable && c.autoincrement == Autoincrement::No)
        def += QStringLiteral(" NOT NULL");
    if (!c.generated.isEmpty())
        def += QStringLiteral(" GENERATED ALWAYS AS (") + c.generated
               + (c.generatedStored ? QStringLiteral(") STORED") : QStringLiteral(") VIRTUAL"));
    else if (c.defaultValue.isSet())
        def += QStringLiteral(" DEFAULT ") + renderDefault(c.defaultValue);
    return def;
}

bool SqliteDialect::sameCollation(const QString &configured, const QString &live) const
{
    const auto binaryIfEmpty = [](const QString &name) { return name.isEmpty() ? QStringLiteral("BINARY") : name; };
    return binaryIfEmpty(configured).compare(binaryIfEmpty(live), Qt::CaseInsensitive) == 0;
}

QStringList SqliteDialect::createTable(const Table &table, bool) const
{
    QStringList definitions;
    bool keyInline = false;
    for (const Column &c : table.columns) {
        keyInline = keyInline || c.autoincrement != Autoincrement::No;
        definitions << columnDefinition(c);
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

    const QStringList options = table.sqliteOptions();
    QStringList statements{QStringLiteral("CREATE TABLE ") + quoteIdentifier(table.name) + QStringLiteral(" (\n    ")
                           + definitions.join(QStringLiteral(",\n    ")) + QStringLiteral("\n)")
                           + (options.isEmpty() ? QString() : QLatin1Char(' ') + options.join(QStringLiteral(", ")))};
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
