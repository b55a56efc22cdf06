#include "PostgresDialect.h"

#include "SqlExpression.h"

#include <QHash>

#include <algorithm>

namespace sd {

namespace {

QString portableKey(const ColumnType &t)
{
    using K = ColumnType::Kind;
    switch (t.kind) {
    case K::SmallInt: return QStringLiteral("smallint");
    case K::Integer: return QStringLiteral("integer");
    case K::BigInt: return QStringLiteral("bigint");
    case K::Boolean: return QStringLiteral("boolean");
    case K::Real: return QStringLiteral("real");
    case K::Double: return QStringLiteral("double precision");
    case K::Numeric:
        return t.precision < 0 ? QStringLiteral("numeric")
                               : QStringLiteral("numeric(%1,%2)").arg(t.precision).arg(qMax(0, t.scale));
    case K::Varchar: return QStringLiteral("character varying(%1)").arg(t.length);
    case K::Char: return QStringLiteral("character(%1)").arg(t.length);
    case K::Text: return QStringLiteral("text");
    case K::Date: return QStringLiteral("date");
    case K::Time: return QStringLiteral("time without time zone");
    case K::Timestamp: return QStringLiteral("timestamp without time zone");
    case K::TimestampTz: return QStringLiteral("timestamp with time zone");
    case K::Blob: return QStringLiteral("bytea");
    case K::Json: return QStringLiteral("jsonb");
    case K::Uuid: return QStringLiteral("uuid");
    default: return {};
    }
}

// How many UTF-16 units of `name` fit in `maxBytes` bytes of UTF-8, whole
// characters only (pg_mbcliplen()).
qsizetype unitsFitting(const QString &name, qsizetype maxBytes)
{
    qsizetype bytes = 0;
    qsizetype units = 0;
    while (units < name.size()) {
        const bool pair = QChar::isHighSurrogate(name[units].unicode()) && units + 1 < name.size()
                          && QChar::isLowSurrogate(name[units + 1].unicode());
        const char16_t unit = name[units].unicode();
        const qsizetype width = pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
        if (bytes + width > maxBytes)
            break;
        bytes += width;
        units += pair ? 2 : 1;
    }
    return units;
}

// Whether the server would cut `name`. At most 21 UTF-16 units cannot
// exceed 63 bytes, so the common short name is not measured.
bool isTooLong(const QString &name)
{
    return name.size() > PostgresDialect::maxIdentifierBytes / 3
           && unitsFitting(name, PostgresDialect::maxIdentifierBytes) < name.size();
}

bool anyTooLong(const QStringList &names)
{
    return std::any_of(names.cbegin(), names.cend(), isTooLong);
}

void cut(QString &name)
{
    if (isTooLong(name))
        name = PostgresDialect::storedIdentifier(name);
}

void cut(QStringList &names)
{
    if (anyTooLong(names)) {
        for (QString &name : names)
            cut(name);
    }
}

// The long names of `table`'s columns and what the server keeps of them,
// for the expressions that name them.
QHash<QString, QString> cutColumnNames(const Table &table)
{
    QHash<QString, QString> cuts;
    for (const Column &c : table.columns) {
        if (isTooLong(c.name))
            cuts.insert(c.name, PostgresDialect::storedIdentifier(c.name));
    }
    return cuts;
}

void cutIn(QString &sql, const QHash<QString, QString> &cuts)
{
    if (!cuts.isEmpty() && !sql.isEmpty())
        sql = SqlExpression::renameIdentifiers(sql, cuts);
}

bool hasLongName(const Table &t)
{
    const auto columnTooLong = [](const Column &c) { return isTooLong(c.name); };
    return isTooLong(t.name) || isTooLong(t.renamedFrom) || isTooLong(t.primaryKey.name)
           || anyTooLong(t.primaryKey.columns)
           || std::any_of(t.columns.cbegin(), t.columns.cend(), columnTooLong)
           || std::any_of(t.indexes.cbegin(), t.indexes.cend(),
                          [](const Index &i) { return isTooLong(i.name) || anyTooLong(i.columns); })
           || std::any_of(t.uniqueConstraints.cbegin(), t.uniqueConstraints.cend(),
                          [](const UniqueConstraint &u) { return isTooLong(u.name) || anyTooLong(u.columns); })
           || std::any_of(t.foreignKeys.cbegin(), t.foreignKeys.cend(),
                          [](const ForeignKey &f) {
                              return isTooLong(f.name) || anyTooLong(f.columns) || isTooLong(f.referencedTable)
                                     || anyTooLong(f.referencedColumns);
                          })
           || std::any_of(t.checks.cbegin(), t.checks.cend(), [](const Check &c) { return isTooLong(c.name); });
}

// Every name of `table` but its columns' as the server keeps it, and the
// long column names in its expressions likewise.
void cutNames(Table &table)
{
    const QHash<QString, QString> columnCuts = cutColumnNames(table);
    cut(table.name);
    cut(table.renamedFrom);
    cut(table.primaryKey.name);
    cut(table.primaryKey.columns);
    for (Index &i : table.indexes) {
        cut(i.name);
        cut(i.columns);
        cutIn(i.expression, columnCuts);
        cutIn(i.where, columnCuts);
    }
    for (UniqueConstraint &u : table.uniqueConstraints) {
        cut(u.name);
        cut(u.columns);
    }
    for (ForeignKey &f : table.foreignKeys) {
        cut(f.name);
        cut(f.columns);
        cut(f.referencedTable);
        cut(f.referencedColumns);
    }
    for (Check &c : table.checks) {
        cut(c.name);
        cutIn(c.expression, columnCuts);
    }
}

} // namespace

QString PostgresDialect::storedIdentifier(const QString &name)
{
    return isTooLong(name) ? name.left(unitsFitting(name, maxIdentifierBytes)) : name;
}

QString PostgresDialect::defaultPrimaryKeyName(const QString &table)
{
    const QString label = QStringLiteral("pkey");
    return table.left(unitsFitting(table, maxIdentifierBytes - label.size() - 1)) + QLatin1Char('_') + label;
}

std::optional<Column> PostgresDialect::loweredColumn(const Column &column, const Table &table) const
{
    const bool longName = isTooLong(column.name) || isTooLong(column.renamedFrom) || isTooLong(column.type.enumName);
    // A generated column's expression may name a long column.
    const QHash<QString, QString> cuts = column.generated.isEmpty() ? QHash<QString, QString>() : cutColumnNames(table);
    if (!longName && cuts.isEmpty())
        return std::nullopt;
    Column c = column;
    cut(c.name);
    cut(c.renamedFrom);
    cut(c.type.enumName);
    cutIn(c.generated, cuts);
    return c;
}

QList<EnumType> PostgresDialect::loweredEnums(const Schema &schema) const
{
    QList<EnumType> enums = schema.enums;
    if (std::any_of(enums.cbegin(), enums.cend(), [](const EnumType &e) { return isTooLong(e.name); })) {
        for (EnumType &e : enums)
            cut(e.name);
    }
    return enums;
}

ColumnType PostgresDialect::typeFromDatabase(const QString &formatted)
{
    const QString s = formatted.simplified();
    const QString lower = s.toLower();
    // Portable json is jsonb here; plain json is its own type.
    if (lower == QLatin1String("json"))
        return ColumnType::native(DialectKind::PostgreSQL, s);
    if (auto portable = ColumnType::parsePortable(s))
        return *portable;
    return ColumnType::native(DialectKind::PostgreSQL, s);
}

QString PostgresDialect::typeKey(const ColumnType &type) const
{
    switch (type.kind) {
    case ColumnType::Kind::Invalid:
        return QStringLiteral("<invalid>");
    case ColumnType::Kind::Enum:
        return type.enumName;
    case ColumnType::Kind::Native: {
        const QString spelling = type.nativeSpellings.value(key());
        if (spelling.isEmpty())
            return QStringLiteral("<no postgresql spelling: %1>").arg(type.spelling());
        const ColumnType t = typeFromDatabase(spelling);
        if (t.kind != ColumnType::Kind::Native)
            return typeKey(t);
        QString k = spelling.simplified().toLower();
        if (k.startsWith(QLatin1String("public.")))
            k = k.mid(7);
        k.remove(QLatin1Char('"'));
        return k;
    }
    default:
        return portableKey(type);
    }
}

QString PostgresDialect::renderType(const Column &column) const
{
    switch (column.type.kind) {
    case ColumnType::Kind::Enum:
        return quoteIdentifier(column.type.enumName);
    case ColumnType::Kind::Native:
        return column.type.nativeSpellings.value(key());
    default:
        return portableKey(column.type);
    }
}

std::optional<Table> PostgresDialect::loweredExceptColumns(const Table &source, const Schema &) const
{
    const auto isBtree = [](const Index &index) {
        return index.method.compare(QLatin1String("btree"), Qt::CaseInsensitive) == 0;
    };
    const bool btree = std::any_of(source.indexes.cbegin(), source.indexes.cend(), isBtree);
    const bool longName = hasLongName(source);
    const bool sqliteOptions = source.withoutRowid || source.strict;
    if (!btree && !longName && !sqliteOptions)
        return std::nullopt;
    Table table = source; // implicitly shared: only what changes is copied
    table.withoutRowid = table.strict = false; // SQLite's own
    if (btree) {
        for (Index &index : table.indexes) {
            if (isBtree(index))
                index.method.clear();
        }
    }
    if (longName)
        cutNames(table);
    return table;
}

QString PostgresDialect::columnDefinition(const Column &c) const
{
    QString def = quoteIdentifier(c.name) + QLatin1Char(' ') + renderType(c);
    if (!c.collation.isEmpty())
        def += QStringLiteral(" COLLATE ") + quoteIdentifier(c.collation);
    if (!c.generated.isEmpty())
        def += QStringLiteral(" GENERATED ALWAYS AS (") + c.generated + QStringLiteral(") STORED");
    if (c.autoincrement == Autoincrement::Yes)
        def += QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY");
    else if (c.autoincrement == Autoincrement::Always)
        def += QStringLiteral(" GENERATED ALWAYS AS IDENTITY");
    if (!c.nullable)
        def += QStringLiteral(" NOT NULL");
    if (c.defaultValue.isSet() && c.autoincrement == Autoincrement::No && c.generated.isEmpty())
        def += QStringLiteral(" DEFAULT ") + renderDefault(c.defaultValue);
    return def;
}

QString PostgresDialect::uniqueClause(const UniqueConstraint &unique) const
{
    QString sql = unique.nullsNotDistinct ? QStringLiteral("UNIQUE NULLS NOT DISTINCT ") : QStringLiteral("UNIQUE ");
    sql += columnListSql(unique.columns);
    if (unique.deferrable)
        sql += unique.initiallyDeferred ? QStringLiteral(" DEFERRABLE INITIALLY DEFERRED") : QStringLiteral(" DEFERRABLE");
    return sql;
}

QStringList PostgresDialect::createTable(const Table &table, bool withForeignKeys) const
{
    QStringList definitions;
    for (const Column &c : table.columns)
        definitions << columnDefinition(c);
    if (!table.primaryKey.isEmpty()) {
        const QString name = table.primaryKey.name.isEmpty() ? defaultPrimaryKeyName(table.name) : table.primaryKey.name;
        definitions << QStringLiteral("CONSTRAINT ") + quoteIdentifier(name) + QStringLiteral(" PRIMARY KEY ")
                           + columnListSql(table.primaryKey.columns);
    }
    for (const UniqueConstraint &u : table.uniqueConstraints) {
        const QString name = u.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + quoteIdentifier(u.name) + QLatin1Char(' ');
        definitions << name + uniqueClause(u);
    }
    QStringList after;
    const QString alterTable = QStringLiteral("ALTER TABLE ") + quoteIdentifier(table.name) + QStringLiteral(" ADD ");
    for (const Check &ck : table.checks) {
        QString def = ck.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + quoteIdentifier(ck.name) + QLatin1Char(' ');
        def += QStringLiteral("CHECK (") + ck.expression + QLatin1Char(')');
        if (ck.notValid)
            after << alterTable + def + QStringLiteral(" NOT VALID");
        else
            definitions << def;
    }
    if (withForeignKeys) {
        for (const ForeignKey &fk : table.foreignKeys) {
            if (fk.notValid)
                after << alterTable + foreignKeySql(fk) + QStringLiteral(" NOT VALID");
            else
                definitions << foreignKeySql(fk);
        }
    }
    QString create = QStringLiteral("CREATE TABLE ") + quoteIdentifier(table.name) + QStringLiteral(" (\n    ")
                     + definitions.join(QStringLiteral(",\n    ")) + QStringLiteral("\n)");
    if (!table.partitionBy.isEmpty())
        create += QStringLiteral(" PARTITION BY ") + table.partitionBy;

    QStringList statements{create};
    statements << after;
    for (const Index &index : table.indexes)
        statements << createIndex(table, index);
    if (!table.comment.isEmpty())
        statements << QStringLiteral("COMMENT ON TABLE ") + quoteIdentifier(table.name) + QStringLiteral(" IS ")
                          + quoteString(table.comment);
    for (const Column &c : table.columns) {
        if (!c.comment.isEmpty())
            statements << QStringLiteral("COMMENT ON COLUMN ") + quoteIdentifier(table.name) + QLatin1Char('.')
                              + quoteIdentifier(c.name) + QStringLiteral(" IS ") + quoteString(c.comment);
    }
    return statements;
}

QStringList PostgresDialect::createSchema(const Schema &schema) const
{
    const Schema s = lowered(schema);
    QStringList statements;
    for (const EnumType &e : s.enums) {
        QStringList values;
        for (const QString &v : e.values)
            values << quoteString(v);
        statements << QStringLiteral("CREATE TYPE ") + quoteIdentifier(e.name) + QStringLiteral(" AS ENUM (")
                          + values.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    for (const Table &t : s.tables)
        statements << createTable(t, false);
    for (const Table &t : s.tables) {
        for (const ForeignKey &fk : t.foreignKeys) {
            statements << QStringLiteral("ALTER TABLE ") + quoteIdentifier(t.name) + QStringLiteral(" ADD ")
                              + foreignKeySql(fk) + (fk.notValid ? QStringLiteral(" NOT VALID") : QString());
        }
    }
    return statements;
}

} // namespace sd
