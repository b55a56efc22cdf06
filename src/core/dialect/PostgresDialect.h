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

    // Names longer than the server keeps (63 bytes of UTF-8, NAMEDATALEN)
    // are lowered to what it keeps: the diff then compares a long name with
    // the one the server made of it, and the DDL says what the server does.
    std::optional<Table> loweredExceptColumns(const Table &table, const Schema &schema) const override;
    std::optional<Column> loweredColumn(const Column &column, const Table &table) const override;
    QList<EnumType> loweredEnums(const Schema &schema) const override;
    QString storedName(const QString &name) const override { return storedIdentifier(name); }
    QString typeKey(const ColumnType &type) const override;
    QString renderType(const Column &column) const override;
    QString columnDefinition(const Column &column) const override;
    QStringList createSchema(const Schema &schema) const override;
    QStringList createTable(const Table &table, bool withForeignKeys = true) const override;
    // UNIQUE [NULLS NOT DISTINCT] (columns) [DEFERRABLE ...], without its name.
    QString uniqueClause(const UniqueConstraint &unique) const;

    // The longest name the server keeps, in bytes of UTF-8 (NAMEDATALEN - 1).
    static constexpr int maxIdentifierBytes = 63;
    // `name` as the server stores it: cut to maxIdentifierBytes at a
    // character boundary, as PostgreSQL's truncate_identifier() does.
    static QString storedIdentifier(const QString &name);
    // The name the server gives a primary key: "<table>_pkey", the table's
    // name cut so that the whole fits (PostgreSQL's makeObjectName()).
    static QString defaultPrimaryKeyName(const QString &table);
};

} // namespace sd
