#pragma once
// The operations of a migration file (DESIGN.md section 4) as plain values.
// Each `drop_*` may carry the full definition of what it drops, so that its
// inverse can be computed; an alter_column carries the column's previous
// state (`existing_*`) for the same reason.

#include "model/Schema.h"

#include <QMap>
#include <QString>

#include <optional>
#include <variant>

namespace sd {

struct CreateTableOp
{
    Table table; // columns, primary key, unique constraints, foreign keys, checks, indexes
    bool operator==(const CreateTableOp &) const = default;
};

struct DropTableOp
{
    QString name;
    std::optional<Table> definition; // what is dropped, for the inverse
    bool operator==(const DropTableOp &) const = default;
};

struct RenameTableOp
{
    QString from;
    QString to;
    bool operator==(const RenameTableOp &) const = default;
};

struct AddColumnOp
{
    QString table;
    Column column;
    bool operator==(const AddColumnOp &) const = default;
};

struct DropColumnOp
{
    QString table;
    QString column;
    std::optional<Column> definition;
    bool operator==(const DropColumnOp &) const = default;
};

// alter_column: any of type, nullable, default, comment and new_name. A
// `default: null` in YAML drops the default: defaultValue is set and holds
// a DefaultValue of Kind::None.
struct AlterColumnOp
{
    QString table;
    QString column;
    std::optional<ColumnType> type;
    QString usingExpression;                 // PostgreSQL USING for a type change; empty for none
    std::optional<bool> nullable;
    std::optional<DefaultValue> defaultValue;
    std::optional<QString> comment;
    QString newName;                         // empty: no rename

    // The column before the change, for the inverse and for SQLite's rebuild.
    std::optional<ColumnType> existingType;
    std::optional<bool> existingNullable;
    std::optional<DefaultValue> existingDefault;
    std::optional<QString> existingComment;

    bool operator==(const AlterColumnOp &) const = default;
};

struct CreateIndexOp
{
    QString table;
    Index index;
    bool concurrently = false; // PostgreSQL CREATE INDEX CONCURRENTLY (runs outside the transaction)
    bool operator==(const CreateIndexOp &) const = default;
};

struct DropIndexOp
{
    QString table;
    QString name;
    std::optional<Index> definition;
    bool concurrently = false;
    bool operator==(const DropIndexOp &) const = default;
};

struct AddForeignKeyOp
{
    QString table;
    ForeignKey foreignKey;
    bool operator==(const AddForeignKeyOp &) const = default;
};

struct DropForeignKeyOp
{
    QString table;
    QString name;
    std::optional<ForeignKey> definition;
    bool operator==(const DropForeignKeyOp &) const = default;
};

struct AddUniqueOp
{
    QString table;
    UniqueConstraint unique;
    bool operator==(const AddUniqueOp &) const = default;
};

struct DropUniqueOp
{
    QString table;
    QString name;
    std::optional<UniqueConstraint> definition;
    bool operator==(const DropUniqueOp &) const = default;
};

struct AddCheckOp
{
    QString table;
    Check check;
    bool operator==(const AddCheckOp &) const = default;
};

struct DropCheckOp
{
    QString table;
    QString name;
    std::optional<Check> definition;
    bool operator==(const DropCheckOp &) const = default;
};

struct CreateEnumOp
{
    EnumType type;
    bool operator==(const CreateEnumOp &) const = default;
};

struct DropEnumOp
{
    QString name;
    std::optional<EnumType> definition;
    bool operator==(const DropEnumOp &) const = default;
};

// PostgreSQL cannot add an enum value inside a transaction block before 12
// and cannot use it in the same transaction after 12: it always runs as its
// own autocommit step. On SQLite it rebuilds the CHECK of every column of
// the enum's type.
struct AddEnumValueOp
{
    QString enumName;
    QString value;
    QString before; // place before this value ...
    QString after;  // ... or after this one; both empty: at the end
    bool operator==(const AddEnumValueOp &) const = default;
};

// Raw SQL: one string for every dialect, or one per dialect key
// ("postgresql", "sqlite"); a dialect without an entry runs nothing.
struct SqlOp
{
    QString sql;                          // for every dialect, when perDialect is empty
    QMap<QString, QString> perDialect;    // dialect key -> SQL
    bool transactional = true;            // false: runs outside the revision's transaction
    bool operator==(const SqlOp &) const = default;
};

using OperationData = std::variant<CreateTableOp, DropTableOp, RenameTableOp, AddColumnOp, DropColumnOp,
                                   AlterColumnOp, CreateIndexOp, DropIndexOp, AddForeignKeyOp,
                                   DropForeignKeyOp, AddUniqueOp, DropUniqueOp, AddCheckOp, DropCheckOp,
                                   CreateEnumOp, DropEnumOp, AddEnumValueOp, SqlOp>;

struct Operation
{
    OperationData data;
    // Where the operation starts in its file (1-based; 0 when built in code).
    int line = 0;
    int column = 0;
    // Written as a YAML comment above the operation by the writer, e.g.
    // "destroys data: drops column users.legacy_flag". Not read back.
    QString note;

    static Operation of(OperationData data, QString note = {})
    {
        Operation op;
        op.data = std::move(data);
        op.note = std::move(note);
        return op;
    }

    // "create_table", "add_column", ...: the YAML key.
    QString key() const;
    // The table the operation works on (the new name for rename_table;
    // empty for enum and sql operations).
    QString table() const;
    // One line for people: "add column users.locale varchar(16)".
    QString description() const;

    template<typename T>
    const T *as() const { return std::get_if<T>(&data); }
    template<typename T>
    bool is() const { return std::holds_alternative<T>(data); }

    // Equal operations; `line`, `column` and `note` are not compared.
    bool operator==(const Operation &other) const { return data == other.data; }
};

using Operations = QList<Operation>;

// The YAML keys of every operation, in DESIGN.md's order.
QStringList operationKeys();

} // namespace sd
