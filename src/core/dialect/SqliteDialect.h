#pragma once
// SQLite: declared type names kept as written, enums as text with a CHECK,
// INTEGER PRIMARY KEY AUTOINCREMENT, no comments.

#include "Dialect.h"

namespace sd {

class SqliteDialect final : public Dialect
{
public:
    DialectKind kind() const override { return DialectKind::Sqlite; }

    // A declared type as SQLite keeps it: portable where it is one, else
    // native with the declared spelling ("DATETIME", "").
    static ColumnType typeFromDeclared(const QString &declared);

    // A column's type affinity, by SQLite's rules for a declared type
    // (https://www.sqlite.org/datatype3.html, 3.1): "INT" anywhere in it:
    // Integer; else "CHAR", "CLOB" or "TEXT": Text; else "BLOB" or no type:
    // Blob; else "REAL", "FLOA" or "DOUB": Real; else Numeric. So
    // "FLOATING POINT" is Integer and "STRING" Numeric, as SQLite has it.
    enum class Affinity { Integer, Text, Blob, Real, Numeric };
    static Affinity affinity(const QString &declared);
    // A column type as SQLite declares it ("text" for an enum); none for a
    // type without a SQLite spelling. renderType() adds that a lowered
    // autoincrement column is INTEGER.
    static std::optional<QString> declaredType(const ColumnType &type);

    // SQLite converts stored values only where the affinity changes, and
    // never to fit a declared length or precision: varchar(100) to
    // varchar(50) or bigint to smallint loses nothing here. What does is a
    // conversion that changes values: text to a numeric affinity ('007'
    // becomes 7), an integer to REAL (beyond 2^53), a number to text (a REAL
    // keeps 15 significant digits, and an INTEGER or NUMERIC column may
    // hold REALs), and anything from a column without a type. (A STRICT
    // table's ANY column keeps values as given; its affinity here is
    // NUMERIC, so a change from it is judged as from NUMERIC.)
    bool isNarrowing(const ColumnType &from, const ColumnType &to) const override;

    // The CHECK that stands for an enum column on SQLite.
    QString enumCheckExpression(const QString &column, const QStringList &values) const;

    std::optional<Table> loweredExceptColumns(const Table &table, const Schema &schema) const override;
    std::optional<Column> loweredColumn(const Column &column, const Table &table) const override;
    QList<EnumType> loweredEnums(const Schema &schema) const override;
    QString typeKey(const ColumnType &type) const override;
    QString renderType(const Column &column) const override;
    QString columnDefinition(const Column &column) const override;
    bool sameCollation(const QString &configured, const QString &live) const override;
    QString renderDefault(const DefaultValue &value) const override;
    QStringList createSchema(const Schema &schema) const override;
    // `table` must be lowered (see lowered()); SQLite declares foreign keys
    // inside CREATE TABLE, so withForeignKeys is always honoured as true.
    QStringList createTable(const Table &table, bool withForeignKeys = true) const override;
};

} // namespace sd
