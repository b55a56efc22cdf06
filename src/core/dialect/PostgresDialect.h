#pragma once
// PostgreSQL: portable types to their PostgreSQL names (blob is bytea,
// json is jsonb), identity columns, enums, comments, NOT VALID constraints.

#include "Dialect.h"

namespace sd {

class PostgresDialect final : public Dialect
{
public:
    DialectKind kind() const override { return DialectKind::PostgreSQL; }

    // A type as format_type() reports it: portable where it is one
    // ("character varying(20)" is varchar(20)), otherwise native. `json`
    // stays native (the portable json is jsonb).
    static ColumnType typeFromDatabase(const QString &formatted);

    std::optional<Table> loweredExceptColumns(const Table &table, const Schema &schema) const override;
    QString typeKey(const ColumnType &type) const override;
    QString renderType(const Column &column) const override;
    QStringList createSchema(const Schema &schema) const override;
    QStringList createTable(const Table &table, bool withForeignKeys = true) const override;

    static QString defaultPrimaryKeyName(const QString &table) { return table + QStringLiteral("_pkey"); }
};

} // namespace sd
