#include "ColumnType.h"

#include <QRegularExpression>

namespace sd {

QString dialectKey(DialectKind kind)
{
    return kind == DialectKind::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

std::optional<DialectKind> dialectFromKey(const QString &key)
{
    if (key == QLatin1String("sqlite"))
        return DialectKind::Sqlite;
    if (key == QLatin1String("postgresql"))
        return DialectKind::PostgreSQL;
    return std::nullopt;
}

ColumnType ColumnType::of(Kind kind, int length)
{
    ColumnType t;
    t.kind = kind;
    t.length = length;
    return t;
}

ColumnType ColumnType::numeric(int precision, int scale)
{
    ColumnType t;
    t.kind = Kind::Numeric;
    t.precision = precision;
    t.scale = precision < 0 ? -1 : scale;
    return t;
}

ColumnType ColumnType::enumeration(const QString &name)
{
    ColumnType t;
    t.kind = Kind::Enum;
    t.enumName = name;
    return t;
}

ColumnType ColumnType::native(DialectKind dialect, const QString &spelling)
{
    return native(QMap<QString, QString>{{dialectKey(dialect), spelling}});
}

ColumnType ColumnType::native(QMap<QString, QString> spellings)
{
    ColumnType t;
    t.kind = Kind::Native;
    t.nativeSpellings = std::move(spellings);
    return t;
}

namespace {

struct Synonym
{
    const char *name;
    ColumnType::Kind kind;
};

// Names without arguments. Keys are lower case with single spaces.
constexpr Synonym plainNames[] = {
    {"smallint", ColumnType::Kind::SmallInt},
    {"int2", ColumnType::Kind::SmallInt},
    {"integer", ColumnType::Kind::Integer},
    {"int", ColumnType::Kind::Integer},
    {"int4", ColumnType::Kind::Integer},
    {"bigint", ColumnType::Kind::BigInt},
    {"int8", ColumnType::Kind::BigInt},
    {"boolean", ColumnType::Kind::Boolean},
    {"bool", ColumnType::Kind::Boolean},
    {"real", ColumnType::Kind::Real},
    {"float4", ColumnType::Kind::Real},
    {"double", ColumnType::Kind::Double},
    {"double precision", ColumnType::Kind::Double},
    {"float8", ColumnType::Kind::Double},
    {"float", ColumnType::Kind::Double}, // PostgreSQL's float is float8; SQLite's FLOAT is REAL affinity
    {"text", ColumnType::Kind::Text},
    {"date", ColumnType::Kind::Date},
    {"time", ColumnType::Kind::Time},
    {"time without time zone", ColumnType::Kind::Time},
    {"timestamp", ColumnType::Kind::Timestamp},
    {"timestamp without time zone", ColumnType::Kind::Timestamp},
    {"timestamptz", ColumnType::Kind::TimestampTz},
    {"timestamp with time zone", ColumnType::Kind::TimestampTz},
    {"blob", ColumnType::Kind::Blob},
    {"bytea", ColumnType::Kind::Blob},
    {"json", ColumnType::Kind::Json},
    {"jsonb", ColumnType::Kind::Json},
    {"uuid", ColumnType::Kind::Uuid},
};

} // namespace

std::optional<ColumnType> ColumnType::parsePortable(const QString &spelling)
{
    static const QRegularExpression withArgs(QStringLiteral(
        R"(^([a-z ]+?)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$)"));

    const QString s = spelling.simplified().toLower();
    if (s.isEmpty())
        return std::nullopt;

    for (const Synonym &syn : plainNames) {
        if (s == QLatin1String(syn.name))
            return of(syn.kind);
    }
    if (s == QLatin1String("numeric") || s == QLatin1String("decimal"))
        return numeric();

    const auto m = withArgs.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QString base = m.captured(1);
    const int first = m.captured(2).toInt();
    const bool hasSecond = m.capturedLength(3) > 0;
    const int second = hasSecond ? m.captured(3).toInt() : -1;

    if (base == QLatin1String("numeric") || base == QLatin1String("decimal"))
        return numeric(first, hasSecond ? second : 0);
    if (hasSecond)
        return std::nullopt;
    if (base == QLatin1String("varchar") || base == QLatin1String("character varying"))
        return of(Kind::Varchar, first);
    if (base == QLatin1String("char") || base == QLatin1String("character") || base == QLatin1String("bpchar"))
        return of(Kind::Char, first);
    return std::nullopt;
}

QString ColumnType::spelling() const
{
    switch (kind) {
    case Kind::Invalid: return QStringLiteral("<invalid>");
    case Kind::SmallInt: return QStringLiteral("smallint");
    case Kind::Integer: return QStringLiteral("integer");
    case Kind::BigInt: return QStringLiteral("bigint");
    case Kind::Boolean: return QStringLiteral("boolean");
    case Kind::Real: return QStringLiteral("real");
    case Kind::Double: return QStringLiteral("double");
    case Kind::Numeric:
        if (precision < 0)
            return QStringLiteral("numeric");
        return QStringLiteral("numeric(%1,%2)").arg(precision).arg(scale < 0 ? 0 : scale);
    case Kind::Varchar: return QStringLiteral("varchar(%1)").arg(length);
    case Kind::Char: return QStringLiteral("char(%1)").arg(length);
    case Kind::Text: return QStringLiteral("text");
    case Kind::Date: return QStringLiteral("date");
    case Kind::Time: return QStringLiteral("time");
    case Kind::Timestamp: return QStringLiteral("timestamp");
    case Kind::TimestampTz: return QStringLiteral("timestamptz");
    case Kind::Blob: return QStringLiteral("blob");
    case Kind::Json: return QStringLiteral("json");
    case Kind::Uuid: return QStringLiteral("uuid");
    case Kind::Enum: return enumName;
    case Kind::Native: {
        QStringList parts;
        for (auto it = nativeSpellings.cbegin(); it != nativeSpellings.cend(); ++it)
            parts << it.key() + QStringLiteral(": ") + it.value();
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    }
    return {};
}

QString ColumnType::spelling(DialectKind dialect) const
{
    if (kind == Kind::Native)
        return nativeSpellings.value(dialectKey(dialect));
    return spelling();
}

QStringList portableTypeNames()
{
    return {QStringLiteral("smallint"), QStringLiteral("integer"), QStringLiteral("bigint"),
            QStringLiteral("boolean"), QStringLiteral("real"), QStringLiteral("double"),
            QStringLiteral("numeric(p,s)"), QStringLiteral("varchar(n)"), QStringLiteral("char(n)"),
            QStringLiteral("text"), QStringLiteral("date"), QStringLiteral("time"),
            QStringLiteral("timestamp"), QStringLiteral("timestamptz"), QStringLiteral("blob"),
            QStringLiteral("json"), QStringLiteral("uuid")};
}

} // namespace sd
