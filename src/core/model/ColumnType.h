#pragma once
// A column's type: one of the portable types of DESIGN.md section 3, a
// reference to an enum of the schema, or a type spelled per dialect
// (`{postgresql: tsvector, sqlite: text}`).

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace sd {

enum class DialectKind { Sqlite, PostgreSQL };

// "sqlite" / "postgresql": the keys used in YAML and URLs.
QString dialectKey(DialectKind kind);
std::optional<DialectKind> dialectFromKey(const QString &key);

class ColumnType
{
public:
    enum class Kind {
        Invalid,
        SmallInt, Integer, BigInt, Boolean, Real, Double, Numeric,
        Varchar, Char, Text, Date, Time, Timestamp, TimestampTz,
        Blob, Json, Uuid,
        Enum,   // enumName names an entry of Schema::enums
        Native, // nativeSpellings holds the spelling per dialect key
    };

    Kind kind = Kind::Invalid;
    int length = -1;    // varchar(n), char(n)
    int precision = -1; // numeric(p[,s])
    int scale = -1;
    QString enumName;
    QMap<QString, QString> nativeSpellings; // dialect key -> spelling

    static ColumnType of(Kind kind, int length = -1);
    static ColumnType numeric(int precision = -1, int scale = -1);
    static ColumnType enumeration(const QString &name);
    static ColumnType native(DialectKind dialect, const QString &spelling);
    static ColumnType native(QMap<QString, QString> spellings);

    // Parses a portable name or a well-known synonym, case-insensitively:
    // "int8" and "bigint" give BigInt, "character varying(20)" gives
    // varchar(20), "timestamp with time zone" gives timestamptz. A type
    // that needs a length written without one ("varchar") or an unknown
    // name gives std::nullopt.
    static std::optional<ColumnType> parsePortable(const QString &spelling);

    // The portable spelling: "bigint", "varchar(255)", "numeric(10,2)", the
    // enum's name, or for Native the spelling of `dialect` if any.
    QString spelling() const;
    QString spelling(DialectKind dialect) const;

    bool isValid() const { return kind != Kind::Invalid; }
    bool isPortable() const { return kind != Kind::Invalid && kind != Kind::Enum && kind != Kind::Native; }
    bool isIntegral() const { return kind == Kind::SmallInt || kind == Kind::Integer || kind == Kind::BigInt; }
    bool isCharacter() const { return kind == Kind::Varchar || kind == Kind::Char || kind == Kind::Text; }

    bool operator==(const ColumnType &) const = default;
};

// The names of the portable types, for messages and "did you mean".
QStringList portableTypeNames();

} // namespace sd
