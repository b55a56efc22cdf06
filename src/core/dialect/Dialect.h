#pragma once
// One class per database dialect behind this interface: how types are
// spelled and compared, how defaults compare, and the DDL that creates a
// schema. SQLite's table rebuild lives apart (issue: migration engine).

#include "model/Schema.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace sd {

class Dialect
{
public:
    virtual ~Dialect() = default;

    virtual DialectKind kind() const = 0;
    QString key() const { return dialectKey(kind()); }

    static const Dialect &get(DialectKind kind);

    // "name" with embedded quotes doubled; both dialects use double quotes.
    QString quoteIdentifier(const QString &name) const;
    QString quoteIdentifiers(const QStringList &names) const; // "a", "b"
    static QString quoteString(const QString &value);         // 'it''s'

    // The schema as this dialect stores it: what it cannot represent is
    // rewritten (SQLite: enums become text with a CHECK, comments and
    // PostgreSQL-only options dropped, integer autoincrement keys INTEGER).
    // The diff compares the lowered configuration with the live database,
    // and the DDL renders the lowered schema.
    Schema lowered(const Schema &schema) const;
    // The same, one table at a time: `schema` supplies the enums the table's
    // columns name. It is the two steps below.
    Table loweredTable(const Table &table, const Schema &schema) const;
    // loweredTable() in two steps, so that the diff copies nothing the
    // dialect keeps as it is: the table with everything lowered but its
    // columns, which stay as configured (std::nullopt when nothing else
    // changes), and one column of `table` lowered (std::nullopt when the
    // column is kept as configured). The diff lowers each column as it
    // compares it and never copies a table's list of columns.
    virtual std::optional<Table> loweredExceptColumns(const Table &table, const Schema &schema) const = 0;
    virtual std::optional<Column> loweredColumn(const Column &column, const Table &table) const;
    // The enums as this dialect keeps them (SQLite: none).
    virtual QList<EnumType> loweredEnums(const Schema &schema) const;
    // A table's or an object's name as the database stores it (PostgreSQL
    // cuts long names); the diff pairs tables by it.
    virtual QString storedName(const QString &name) const { return name; }

    // A key under which two types that are the same in this dialect compare
    // equal ("int8" and "bigint"; "character varying(20)" and "varchar(20)").
    virtual QString typeKey(const ColumnType &type) const = 0;
    // Whether the configured and the live column have the same type here.
    virtual bool sameType(const Column &configured, const Column &live) const;
    // Whether changing a column from `from` to `to` can lose data.
    virtual bool isNarrowing(const ColumnType &from, const ColumnType &to) const;

    // A canonical default for comparison under the column's type: numbers
    // without needless zeros, booleans for 1/0 on a boolean column, casts
    // and parentheses gone, `now()` as CURRENT_TIMESTAMP, NULL as none.
    virtual DefaultValue canonicalDefault(const DefaultValue &value, const ColumnType &type) const;
    bool sameDefault(const Column &configured, const Column &live) const;

    // The type as written in this dialect's DDL.
    virtual QString renderType(const Column &column) const = 0;
    // A column as CREATE TABLE and ALTER TABLE ... ADD COLUMN declare it:
    // name, type, collation, generation or identity, NOT NULL, default.
    // `column` must be lowered.
    virtual QString columnDefinition(const Column &column) const = 0;
    // Whether two collations are the same here (SQLite: names in any case,
    // BINARY the default).
    virtual bool sameCollation(const QString &configured, const QString &live) const { return configured == live; }
    virtual QString renderDefault(const DefaultValue &value) const;

    // Statements that create the schema in an empty database, in an order
    // that runs (enums, tables, foreign keys, indexes, comments).
    virtual QStringList createSchema(const Schema &schema) const = 0;
    virtual QStringList createTable(const Table &table, bool withForeignKeys = true) const = 0;
    QString createIndex(const Table &table, const Index &index) const;
    // `CONSTRAINT "name" FOREIGN KEY (...) REFERENCES ...` as in CREATE TABLE,
    // for ALTER TABLE ... ADD (the operation renderers).
    QString foreignKeyClause(const ForeignKey &fk) const { return foreignKeySql(fk); }

protected:
    QString columnListSql(const QStringList &columns) const;
    QString foreignKeySql(const ForeignKey &fk) const;
};

} // namespace sd
