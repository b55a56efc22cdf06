#pragma once
// One difference between the schema configuration and the live database,
// as a typed value: what kind, where, both sides' definitions, and whether
// applying it (moving the database to the configuration) can lose data.

#include "model/Schema.h"

#include <QString>

#include <variant>

namespace sd {

struct Difference
{
    enum class Kind {
        EnumAdded, EnumRemoved, EnumChanged,
        TableAdded, TableRemoved, TableRenamed, TableCommentChanged, PartitioningChanged, TableOptionsChanged,
        ColumnAdded, ColumnRemoved, ColumnRenamed, ColumnTypeChanged, ColumnNullabilityChanged,
        ColumnDefaultChanged, ColumnAutoincrementChanged, ColumnGeneratedChanged, ColumnCollationChanged, ColumnCommentChanged,
        PrimaryKeyChanged,
        IndexAdded, IndexRemoved, IndexChanged,
        UniqueAdded, UniqueRemoved, UniqueChanged,
        ForeignKeyAdded, ForeignKeyRemoved, ForeignKeyChanged,
        CheckAdded, CheckRemoved, CheckChanged,
    };

    // A side's definition of the object concerned (monostate when the
    // object is absent on that side; QString for comments and partitioning).
    using Object = std::variant<std::monostate, EnumType, Table, Column, PrimaryKey, Index,
                                UniqueConstraint, ForeignKey, Check, QString>;

    Kind kind;
    QString table;     // the table concerned (empty for enums)
    QString name;      // column, index, constraint or enum name; the new name of a rename
    QString oldName;   // renames: the name in the database
    Object live;       // what the database has
    Object configured; // what the configuration asks for
    bool destructive = false;
    QString reason;    // why it can lose data, when destructive

    // "column_type_changed": the key used in JSON output.
    static QString kindKey(Kind kind);
    // One line saying what applying the difference does:
    // "change type of column email from varchar(100) to varchar(50)".
    QString description() const;

    bool operator==(const Difference &) const = default;
};

using Differences = QList<Difference>;

} // namespace sd
