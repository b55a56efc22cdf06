#include "Dialect.h"

#include "PostgresDialect.h"
#include "SqlExpression.h"
#include "SqliteDialect.h"
#include "model/StorageParameters.h"

namespace sd {

const Dialect &Dialect::get(DialectKind kind)
{
    static const SqliteDialect sqlite;
    static const PostgresDialect postgres;
    if (kind == DialectKind::Sqlite)
        return sqlite;
    return postgres;
}

QString Dialect::quoteIdentifier(const QString &name) const
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString Dialect::quoteIdentifiers(const QStringList &names) const
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString &n : names)
        quoted << quoteIdentifier(n);
    return quoted.join(QStringLiteral(", "));
}

QString Dialect::quoteString(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

Schema Dialect::lowered(const Schema &schema) const
{
    Schema result;
    result.enums = loweredEnums(schema);
    result.tables.reserve(schema.tables.size());
    for (const Table &table : schema.tables)
        result.tables.append(loweredTable(table, schema));
    result.unmanaged = schema.unmanaged;
    return result;
}

Table Dialect::loweredTable(const Table &table, const Schema &schema) const
{
    Table result = loweredExceptColumns(table, schema).value_or(table);
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        if (std::optional<Column> column = loweredColumn(table.columns[i], table))
            result.columns[i] = std::move(*column); // the list is copied at the first column that changes
    }
    return result;
}

std::optional<Column> Dialect::loweredColumn(const Column &, const Table &) const
{
    return std::nullopt;
}

QList<EnumType> Dialect::loweredEnums(const Schema &schema) const
{
    return schema.enums;
}

QString Dialect::columnListSql(const QStringList &columns) const
{
    return QLatin1Char('(') + quoteIdentifiers(columns) + QLatin1Char(')');
}

} // namespace sd

namespace sd {

namespace {

int integerRank(ColumnType::Kind kind)
{
    switch (kind) {
    case ColumnType::Kind::SmallInt: return 1;
    case ColumnType::Kind::Integer: return 2;
    case ColumnType::Kind::BigInt: return 3;
    default: return 0;
    }
}

bool isNumericFamily(const ColumnType &t)
{
    return t.isIntegral() || t.kind == ColumnType::Kind::Real || t.kind == ColumnType::Kind::Double
           || t.kind == ColumnType::Kind::Numeric;
}

QString canonicalNumber(QString text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('+')))
        text.remove(0, 1);
    bool negative = text.startsWith(QLatin1Char('-'));
    if (negative)
        text.remove(0, 1);
    if (text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')) && !text.contains(QLatin1Char('E'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    while (text.size() > 1 && text.startsWith(QLatin1Char('0')) && text.at(1) != QLatin1Char('.'))
        text.remove(0, 1);
    if (text.isEmpty() || text.startsWith(QLatin1Char('.')))
        text.prepend(QLatin1Char('0'));
    if (text == QLatin1String("0"))
        negative = false;
    return negative ? QLatin1Char('-') + text : text;
}

bool looksNumeric(const QString &text)
{
    bool ok = false;
    text.trimmed().toDouble(&ok);
    return ok;
}

} // namespace

bool Dialect::sameType(const Column &configured, const Column &live) const
{
    return typeKey(configured.type) == typeKey(live.type);
}

bool Dialect::isNarrowing(const ColumnType &from, const ColumnType &to) const
{
    using K = ColumnType::Kind;
    if (typeKey(from) == typeKey(to))
        return false;
    if (to.kind == K::Text)
        return false; // everything reads back as text
    if (from.isIntegral() && to.isIntegral())
        return integerRank(to.kind) < integerRank(from.kind);
    if (from.isIntegral() && (to.kind == K::Double || (to.kind == K::Numeric && to.precision < 0)))
        return false;
    if (from.isIntegral() && to.kind == K::Numeric)
        return to.precision - qMax(0, to.scale) < (from.kind == K::BigInt ? 19 : from.kind == K::Integer ? 10 : 5);
    if (from.kind == K::Real && to.kind == K::Double)
        return false;
    if (from.kind == K::Numeric && to.kind == K::Numeric) {
        if (to.precision < 0)
            return false;
        if (from.precision < 0)
            return true;
        return to.precision - qMax(0, to.scale) < from.precision - qMax(0, from.scale) || to.scale < from.scale;
    }
    if ((from.kind == K::Varchar || from.kind == K::Char) && (to.kind == K::Varchar || to.kind == K::Char))
        return to.length < from.length;
    if (from.kind == K::Timestamp && to.kind == K::TimestampTz)
        return false;
    if (from.kind == K::Date && (to.kind == K::Timestamp || to.kind == K::TimestampTz))
        return false;
    // Other changes convert between families (text to integer, timestamptz
    // to date, json to uuid): values may fail to convert or lose detail.
    return true;
}

DefaultValue Dialect::canonicalDefault(const DefaultValue &value, const ColumnType &type) const
{
    DefaultValue v = value;
    if (v.kind == DefaultValue::Kind::Expression) {
        const DefaultValue literal = SqlExpression::defaultFromSql(v.text);
        if (literal.kind != DefaultValue::Kind::Expression)
            v = literal;
    }
    switch (v.kind) {
    case DefaultValue::Kind::None:
    case DefaultValue::Kind::Null:
        return {};
    case DefaultValue::Kind::Expression:
        return DefaultValue::expression(SqlExpression::comparisonKey(v.text));
    case DefaultValue::Kind::Boolean:
        return v;
    case DefaultValue::Kind::Number:
        if (type.kind == ColumnType::Kind::Boolean && (v.text == QLatin1String("0") || v.text == QLatin1String("1")))
            return DefaultValue::boolean(v.text == QLatin1String("1"));
        return DefaultValue::number(canonicalNumber(v.text));
    case DefaultValue::Kind::String:
        if (type.kind == ColumnType::Kind::Boolean) {
            const QString t = v.text.trimmed().toLower();
            if (t == QLatin1String("t") || t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes") || t == QLatin1String("on"))
                return DefaultValue::boolean(true);
            if (t == QLatin1String("f") || t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no") || t == QLatin1String("off"))
                return DefaultValue::boolean(false);
        }
        if (isNumericFamily(type) && looksNumeric(v.text))
            return DefaultValue::number(canonicalNumber(v.text));
        return v;
    }
    return v;
}

bool Dialect::sameDefault(const Column &configured, const Column &live) const
{
    if (configured.defaultValue == live.defaultValue)
        return true;
    return canonicalDefault(configured.defaultValue, configured.type) == canonicalDefault(live.defaultValue, live.type);
}

QString Dialect::renderDefault(const DefaultValue &value) const
{
    switch (value.kind) {
    case DefaultValue::Kind::None: return {};
    case DefaultValue::Kind::String: return quoteString(value.text);
    case DefaultValue::Kind::Number: return value.text;
    case DefaultValue::Kind::Boolean: return value.text == QLatin1String("true") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case DefaultValue::Kind::Null: return QStringLiteral("NULL");
    case DefaultValue::Kind::Expression: return value.text;
    }
    return {};
}

QString Dialect::foreignKeySql(const ForeignKey &fk) const
{
    QString sql;
    if (!fk.name.isEmpty())
        sql += QStringLiteral("CONSTRAINT ") + quoteIdentifier(fk.name) + QLatin1Char(' ');
    QString target;
    const int dot = int(fk.referencedTable.indexOf(QLatin1Char('.')));
    if (kind() == DialectKind::PostgreSQL && dot > 0)
        target = quoteIdentifier(fk.referencedTable.left(dot)) + QLatin1Char('.') + quoteIdentifier(fk.referencedTable.mid(dot + 1));
    else
        target = quoteIdentifier(fk.referencedTable);
    sql += QStringLiteral("FOREIGN KEY ") + columnListSql(fk.columns) + QStringLiteral(" REFERENCES ") + target
           + QLatin1Char(' ') + columnListSql(fk.referencedColumns);
    if (fk.onDelete != ReferentialAction::NoAction)
        sql += QStringLiteral(" ON DELETE ") + referentialActionKey(fk.onDelete).toUpper();
    if (fk.onUpdate != ReferentialAction::NoAction)
        sql += QStringLiteral(" ON UPDATE ") + referentialActionKey(fk.onUpdate).toUpper();
    if (fk.deferrable)
        sql += fk.initiallyDeferred ? QStringLiteral(" DEFERRABLE INITIALLY DEFERRED") : QStringLiteral(" DEFERRABLE");
    return sql;
}

QString Dialect::createIndex(const Table &table, const Index &index) const
{
    QString sql = index.unique ? QStringLiteral("CREATE UNIQUE INDEX ") : QStringLiteral("CREATE INDEX ");
    sql += quoteIdentifier(index.name) + QStringLiteral(" ON ") + quoteIdentifier(table.name);
    if (kind() == DialectKind::PostgreSQL && !index.method.isEmpty())
        sql += QStringLiteral(" USING ") + index.method;
    sql += QLatin1Char(' ');
    sql += index.columns.isEmpty() ? QLatin1Char('(') + index.expression + QLatin1Char(')') : columnListSql(index.columns);
    if (kind() == DialectKind::PostgreSQL && index.nullsNotDistinct)
        sql += QStringLiteral(" NULLS NOT DISTINCT");
    if (kind() == DialectKind::PostgreSQL && !index.storageParameters.isEmpty()) {
        QStringList parameters;
        for (const QString &p : index.storageParameters)
            parameters << quoteIdentifier(StorageParameters::name(p)) + QStringLiteral(" = ") + quoteString(StorageParameters::value(p));
        sql += QStringLiteral(" WITH (") + parameters.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (!index.where.isEmpty())
        sql += QStringLiteral(" WHERE ") + index.where;
    return sql;
}

} // namespace sd
