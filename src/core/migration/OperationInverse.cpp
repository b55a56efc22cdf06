#include "OperationInverse.h"

#include "Overloaded.h"

#include <QCoreApplication>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OperationInverse)
};

using Inverse = std::expected<OperationData, QString>;

Inverse noDefinition(const QString &what, const QString &name)
{
    return std::unexpected(Tr::tr("the drop of %1 '%2' has no definition of what it drops: add 'definition' to make it reversible")
                               .arg(what, name));
}

Inverse alterInverse(const AlterColumnOp &op)
{
    const QString column = op.table + QLatin1Char('.') + op.column;
    const auto missing = [&column](const char *existingKey, const char *changed) -> Inverse {
        return std::unexpected(Tr::tr("alter_column of %1 changes its %2 without '%3': the previous value is unknown")
                                   .arg(column, QLatin1String(changed), QLatin1String(existingKey)));
    };
    AlterColumnOp inverse;
    inverse.table = op.table;
    inverse.column = op.newName.isEmpty() ? op.column : op.newName;
    inverse.newName = op.newName.isEmpty() ? QString() : op.column;

    // What is not changed stays as it was described.
    inverse.existingType = op.existingType;
    inverse.existingNullable = op.existingNullable;
    inverse.existingDefault = op.existingDefault;
    inverse.existingComment = op.existingComment;

    if (op.type) {
        if (!op.existingType)
            return missing("existing_type", "type");
        inverse.type = op.existingType;
        inverse.existingType = op.type;
    }
    if (op.nullable) {
        if (!op.existingNullable)
            return missing("existing_nullable", "nullability");
        inverse.nullable = op.existingNullable;
        inverse.existingNullable = op.nullable;
    }
    if (op.defaultValue) {
        if (!op.existingDefault)
            return missing("existing_default", "default");
        inverse.defaultValue = op.existingDefault;
        inverse.existingDefault = op.defaultValue;
    }
    if (op.comment) {
        if (!op.existingComment)
            return missing("existing_comment", "comment");
        inverse.comment = op.existingComment;
        inverse.existingComment = op.comment;
    }
    return inverse;
}

Inverse inverseData(const OperationData &data)
{
    return std::visit(
        Overloaded{
            [](const CreateTableOp &op) -> Inverse { return DropTableOp{op.table.name, op.table}; },
            [](const DropTableOp &op) -> Inverse {
                if (!op.definition)
                    return noDefinition(Tr::tr("table"), op.name);
                return CreateTableOp{*op.definition};
            },
            [](const RenameTableOp &op) -> Inverse { return RenameTableOp{op.to, op.from}; },
            [](const AddColumnOp &op) -> Inverse { return DropColumnOp{op.table, op.column.name, op.column}; },
            [](const DropColumnOp &op) -> Inverse {
                if (!op.definition)
                    return noDefinition(Tr::tr("column"), op.table + QLatin1Char('.') + op.column);
                return AddColumnOp{op.table, *op.definition};
            },
            [](const AlterColumnOp &op) -> Inverse { return alterInverse(op); },
            [](const CreateIndexOp &op) -> Inverse {
                return DropIndexOp{op.table, op.index.name, op.index, op.concurrently};
            },
            [](const DropIndexOp &op) -> Inverse {
                if (!op.definition)
                    return noDefinition(Tr::tr("index"), op.name);
                return CreateIndexOp{op.table, *op.definition, op.concurrently};
            },
            [](const AddForeignKeyOp &op) -> Inverse {
                if (op.foreignKey.name.isEmpty())
                    return std::unexpected(Tr::tr("the foreign key added to %1 has no name: a drop cannot name it").arg(op.table));
                return DropForeignKeyOp{op.table, op.foreignKey.name, op.foreignKey};
            },
            [](const DropForeignKeyOp &op) -> Inverse {
                if (!op.definition)
                    return noDefinition(Tr::tr("foreign key"), op.name);
                return AddForeignKeyOp{op.table, *op.definition};
            },
            [](const AddUniqueOp &op) -> Inverse {
                if (op.unique.name.isEmpty())
                    return std::unexpected(Tr::tr("the unique constraint added to %1 has no name: a drop cannot name it").arg(op.table));
                return DropUniqueOp{op.table, op.unique.name, op.unique};
            },
            [](const DropUniqueOp &op) -> Inverse {
                if (!op.definition)
                    return noDefinition(Tr::tr("unique constraint"), op.name);
                return AddUniqueOp{op.table, *op.definition};
            },
            [](const AddCheckOp &op) -> Inverse {
                if (op.check.name.isEmpty())
                    return std::unexpected(Tr::tr("the check added to %1 has no name: a drop cannot name it").arg(op.table));
                return DropCheckOp{op.table, op.check.name, op.check};
            },
            [](const DropCheckOp &op) -> Inverse {
                if (!op.definition)
                    return noDefinition(Tr::tr("check"), op.name);
                return AddCheckOp{op.table, *op.definition};
            },
            [](const CreateEnumOp &op) -> Inverse { return DropEnumOp{op.type.name, op.type}; },
            [](const DropEnumOp &op) -> Inverse {
                if (!op.definition)
                    return noDefinition(Tr::tr("enum"), op.name);
                return CreateEnumOp{*op.definition};
            },
            [](const AddEnumValueOp &op) -> Inverse {
                return std::unexpected(Tr::tr("PostgreSQL cannot remove value '%1' from enum %2 again: "
                                              "write the downgrade by hand (recreate the type)")
                                           .arg(op.value, op.enumName));
            },
            [](const SqlOp &) -> Inverse {
                return std::unexpected(Tr::tr("raw SQL has no derivable inverse: write the downgrade by hand"));
            },
        },
        data);
}

} // namespace

std::expected<Operation, QString> OperationInverse::of(const Operation &operation)
{
    Inverse data = inverseData(operation.data);
    if (!data)
        return std::unexpected(data.error());
    Operation inverse;
    inverse.data = std::move(*data);
    return inverse;
}

std::expected<Operations, QStringList> OperationInverse::ofAll(const Operations &operations)
{
    Operations inverses;
    QStringList reasons;
    for (auto it = operations.crbegin(); it != operations.crend(); ++it) {
        std::expected<Operation, QString> inverse = of(*it);
        if (inverse)
            inverses.append(std::move(*inverse));
        else
            reasons.prepend(it->description() + QStringLiteral(": ") + inverse.error());
    }
    if (!reasons.isEmpty())
        return std::unexpected(reasons);
    return inverses;
}

} // namespace sd
