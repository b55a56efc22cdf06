#include "Operation.h"

#include "Overloaded.h"

#include <QCoreApplication>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Operation)
};

QString qualified(const QString &table, const QString &name)
{
    return table + QLatin1Char('.') + name;
}

} // namespace

QStringList operationKeys()
{
    return {QStringLiteral("create_table"), QStringLiteral("drop_table"), QStringLiteral("rename_table"),
            QStringLiteral("add_column"), QStringLiteral("drop_column"), QStringLiteral("alter_column"),
            QStringLiteral("create_index"), QStringLiteral("drop_index"), QStringLiteral("add_foreign_key"),
            QStringLiteral("drop_foreign_key"), QStringLiteral("add_unique"), QStringLiteral("drop_unique"),
            QStringLiteral("add_check"), QStringLiteral("drop_check"), QStringLiteral("create_enum"),
            QStringLiteral("drop_enum"), QStringLiteral("add_enum_value"), QStringLiteral("sql")};
}

QString Operation::key() const
{
    // operationKeys() is in the variant's order.
    return operationKeys().at(int(data.index()));
}

QString Operation::table() const
{
    return std::visit(Overloaded{
                          [](const CreateTableOp &op) { return op.table.name; },
                          [](const DropTableOp &op) { return op.name; },
                          [](const RenameTableOp &op) { return op.to; },
                          [](const CreateEnumOp &) { return QString(); },
                          [](const DropEnumOp &) { return QString(); },
                          [](const AddEnumValueOp &) { return QString(); },
                          [](const SqlOp &) { return QString(); },
                          [](const auto &op) { return op.table; },
                      },
                      data);
}

QString Operation::description() const
{
    return std::visit(
        Overloaded{
            [](const CreateTableOp &op) -> QString { return Tr::tr("create table %1").arg(op.table.name); },
            [](const DropTableOp &op) -> QString { return Tr::tr("drop table %1").arg(op.name); },
            [](const RenameTableOp &op) -> QString { return Tr::tr("rename table %1 to %2").arg(op.from, op.to); },
            [](const AddColumnOp &op) -> QString {
                return Tr::tr("add column %1 %2").arg(qualified(op.table, op.column.name), op.column.type.spelling());
            },
            [](const DropColumnOp &op) -> QString { return Tr::tr("drop column %1").arg(qualified(op.table, op.column)); },
            [](const AlterColumnOp &op) -> QString {
                QStringList parts;
                if (op.type)
                    parts << Tr::tr("type %1").arg(op.type->spelling());
                if (op.nullable)
                    parts << (*op.nullable ? Tr::tr("nullable") : Tr::tr("not null"));
                if (op.defaultValue)
                    parts << (op.defaultValue->isSet() ? Tr::tr("default %1").arg(op.defaultValue->display())
                                                       : Tr::tr("no default"));
                if (op.comment)
                    parts << Tr::tr("comment");
                if (!op.newName.isEmpty())
                    parts << Tr::tr("rename to %1").arg(op.newName);
                return Tr::tr("alter column %1: %2").arg(qualified(op.table, op.column), parts.join(QStringLiteral(", ")));
            },
            [](const CreateIndexOp &op) -> QString { return Tr::tr("create index %1 on %2").arg(op.index.name, op.table); },
            [](const DropIndexOp &op) -> QString { return Tr::tr("drop index %1 on %2").arg(op.name, op.table); },
            [](const AddForeignKeyOp &op) -> QString {
                return Tr::tr("add foreign key %1 on %2 to %3")
                    .arg(op.foreignKey.name, op.table, op.foreignKey.referencedTable);
            },
            [](const DropForeignKeyOp &op) -> QString { return Tr::tr("drop foreign key %1 on %2").arg(op.name, op.table); },
            [](const AddUniqueOp &op) -> QString { return Tr::tr("add unique %1 on %2").arg(op.unique.name, op.table); },
            [](const DropUniqueOp &op) -> QString { return Tr::tr("drop unique %1 on %2").arg(op.name, op.table); },
            [](const AddCheckOp &op) -> QString { return Tr::tr("add check %1 on %2").arg(op.check.name, op.table); },
            [](const DropCheckOp &op) -> QString { return Tr::tr("drop check %1 on %2").arg(op.name, op.table); },
            [](const CreateEnumOp &op) -> QString { return Tr::tr("create enum %1").arg(op.type.name); },
            [](const DropEnumOp &op) -> QString { return Tr::tr("drop enum %1").arg(op.name); },
            [](const AddEnumValueOp &op) -> QString { return Tr::tr("add value '%1' to enum %2").arg(op.value, op.enumName); },
            [](const SqlOp &op) -> QString {
                QString sql = op.perDialect.isEmpty() ? op.sql : op.perDialect.first();
                sql = sql.simplified();
                if (sql.size() > 60)
                    sql = sql.left(57) + QStringLiteral("...");
                return Tr::tr("sql: %1").arg(sql);
            },
        },
        data);
}

} // namespace sd
