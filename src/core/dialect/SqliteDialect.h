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

    // The CHECK that stands for an enum column on SQLite.
    QString enumCheckExpression(const QString &column, const QStringList &values) const;

    std::optional<Table> loweredExceptColumns(const Table &table, const Schema &schema) const override;
    std::optional<Column> loweredColumn(const Column &column, const Table &table) const override;
    QList<EnumType> loweredEnums(const Schema &schema) const override;
    QString typeKey(const ColumnType &type) const override;
    QString renderType(const Column &column) const override;
    QString renderDefault(const DefaultValue &value) const override;
    QStringList createSchema(const Schema &schema) const override;
    // `table` must be lowered (see lowered()); SQLite declares foreign keys
    // inside CREATE TABLE, so withForeignKeys is always honoured as true.
    QStringList createTable(const Table &table, bool withForeignKeys = true) const override;
};

} // namespace sd
