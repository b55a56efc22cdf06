#include "Difference.h"

#include <QCoreApplication>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Difference)
};

QString columnSummary(const Column &c)
{
    QString s = c.type.spelling();
    if (!c.nullable)
        s += QStringLiteral(" NOT NULL");
    if (c.defaultValue.isSet())
        s += QStringLiteral(" DEFAULT ") + c.defaultValue.display();
    if (c.autoincrement == Autoincrement::Yes)
        s += QStringLiteral(" autoincrement");
    else if (c.autoincrement == Autoincrement::Always)
        s += QStringLiteral(" autoincrement always");
    return s;
}

QString indexSummary(const Index &i)
{
    QString s = i.unique ? QStringLiteral("UNIQUE ") : QString();
    s += QLatin1Char('(') + (i.columns.isEmpty() ? i.expression : i.columns.join(QStringLiteral(", "))) + QLatin1Char(')');
    if (!i.method.isEmpty())
        s += QStringLiteral(" USING ") + i.method;
    if (i.nullsNotDistinct)
        s += QStringLiteral(" NULLS NOT DISTINCT");
    if (!i.storageParameters.isEmpty())
        s += QStringLiteral(" WITH (") + i.storageParameters.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!i.where.isEmpty())
        s += QStringLiteral(" WHERE ") + i.where;
    return s;
}

QString foreignKeySummary(const ForeignKey &f)
{
    QString s = QLatin1Char('(') + f.columns.join(QStringLiteral(", ")) + QStringLiteral(") -> ") + f.referencedTable
                + QLatin1Char('(') + f.referencedColumns.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (f.onDelete != ReferentialAction::NoAction)
        s += QStringLiteral(" on delete ") + referentialActionKey(f.onDelete);
    if (f.onUpdate != ReferentialAction::NoAction)
        s += QStringLiteral(" on update ") + referentialActionKey(f.onUpdate);
    if (f.deferrable)
        s += f.initiallyDeferred ? QStringLiteral(" deferrable initially deferred") : QStringLiteral(" deferrable");
    if (f.notValid)
        s += QStringLiteral(" not valid");
    return s;
}

QString defaultText(const DefaultValue &v)
{
    return v.isSet() ? v.display() : Tr::tr("no default");
}

template<typename T>
const T *side(const Difference::Object &o)
{
    return std::get_if<T>(&o);
}

QString named(const QString &what, const QString &name)
{
    return name.isEmpty() ? Tr::tr("unnamed %1").arg(what) : what + QLatin1Char(' ') + name;
}

} // namespace

QString Difference::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::EnumAdded: return QStringLiteral("enum_added");
    case Kind::EnumRemoved: return QStringLiteral("enum_removed");
    case Kind::EnumChanged: return QStringLiteral("enum_changed");
    case Kind::TableAdded: return QStringLiteral("table_added");
    case Kind::TableRemoved: return QStringLiteral("table_removed");
    case Kind::TableRenamed: return QStringLiteral("table_renamed");
    case Kind::TableCommentChanged: return QStringLiteral("table_comment_changed");
    case Kind::PartitioningChanged: return QStringLiteral("partitioning_changed");
    case Kind::TableOptionsChanged: return QStringLiteral("table_options_changed");
    case Kind::ColumnAdded: return QStringLiteral("column_added");
    case Kind::ColumnRemoved: return QStringLiteral("column_removed");
    case Kind::ColumnRenamed: return QStringLiteral("column_renamed");
    case Kind::ColumnTypeChanged: return QStringLiteral("column_type_changed");
    case Kind::ColumnNullabilityChanged: return QStringLiteral("column_nullability_changed");
    case Kind::ColumnDefaultChanged: return QStringLiteral("column_default_changed");
    case Kind::ColumnAutoincrementChanged: return QStringLiteral("column_autoincrement_changed");
    case Kind::ColumnGeneratedChanged: return QStringLiteral("column_generated_changed");
    case Kind::ColumnCollationChanged: return QStringLiteral("column_collation_changed");
    case Kind::ColumnCommentChanged: return QStringLiteral("column_comment_changed");
    case Kind::PrimaryKeyChanged: return QStringLiteral("primary_key_changed");
    case Kind::IndexAdded: return QStringLiteral("index_added");
    case Kind::IndexRemoved: return QStringLiteral("index_removed");
    case Kind::IndexChanged: return QStringLiteral("index_changed");
    case Kind::UniqueAdded: return QStringLiteral("unique_added");
    case Kind::UniqueRemoved: return QStringLiteral("unique_removed");
    case Kind::UniqueChanged: return QStringLiteral("unique_changed");
    case Kind::ForeignKeyAdded: return QStringLiteral("foreign_key_added");
    case Kind::ForeignKeyRemoved: return QStringLiteral("foreign_key_removed");
    case Kind::ForeignKeyChanged: return QStringLiteral("foreign_key_changed");
    case Kind::CheckAdded: return QStringLiteral("check_added");
    case Kind::CheckRemoved: return QStringLiteral("check_removed");
    case Kind::CheckChanged: return QStringLiteral("check_changed");
    }
    return {};
}

QString Difference::description() const
{
    switch (kind) {
    case Kind::EnumAdded:
        return Tr::tr("create enum %1 (%2)").arg(name, side<EnumType>(configured)->values.join(QStringLiteral(", ")));
    case Kind::EnumRemoved:
        return Tr::tr("drop enum %1").arg(name);
    case Kind::EnumChanged:
        return Tr::tr("change enum %1 values from (%2) to (%3)")
            .arg(name, side<EnumType>(live)->values.join(QStringLiteral(", ")),
                 side<EnumType>(configured)->values.join(QStringLiteral(", ")));
    case Kind::TableAdded:
        return Tr::tr("create table %1 (%n column(s))", nullptr, int(side<Table>(configured)->columns.size())).arg(name);
    case Kind::TableRemoved:
        return Tr::tr("drop table %1").arg(name);
    case Kind::TableRenamed:
        return Tr::tr("rename table %1 to %2").arg(oldName, name);
    case Kind::TableCommentChanged:
        return Tr::tr("change comment of table %1 to '%2'").arg(table, *side<QString>(configured));
    case Kind::PartitioningChanged:
        return Tr::tr("change partitioning of table %1 from '%2' to '%3'")
            .arg(table, *side<QString>(live), *side<QString>(configured));
    case Kind::TableOptionsChanged: {
        const auto options = [](const QString *text) { return text->isEmpty() ? Tr::tr("none") : *text; };
        return Tr::tr("change options of table %1 from %2 to %3")
            .arg(table, options(side<QString>(live)), options(side<QString>(configured)));
    }
    case Kind::ColumnAdded:
        return Tr::tr("add column %1 %2").arg(name, columnSummary(*side<Column>(configured)));
    case Kind::ColumnRemoved:
        return Tr::tr("drop column %1 %2").arg(name, columnSummary(*side<Column>(live)));
    case Kind::ColumnRenamed:
        return Tr::tr("rename column %1 to %2").arg(oldName, name);
    case Kind::ColumnTypeChanged:
        return Tr::tr("change type of column %1 from %2 to %3")
            .arg(name, side<Column>(live)->type.spelling(), side<Column>(configured)->type.spelling());
    case Kind::ColumnNullabilityChanged:
        return side<Column>(configured)->nullable ? Tr::tr("allow NULL in column %1").arg(name)
                                                  : Tr::tr("make column %1 NOT NULL").arg(name);
    case Kind::ColumnDefaultChanged:
        return Tr::tr("change default of column %1 from %2 to %3")
            .arg(name, defaultText(side<Column>(live)->defaultValue), defaultText(side<Column>(configured)->defaultValue));
    case Kind::ColumnAutoincrementChanged:
        return side<Column>(configured)->autoincrement == Autoincrement::No
                   ? Tr::tr("stop autoincrement on column %1").arg(name)
                   : Tr::tr("make column %1 autoincrement").arg(name);
    case Kind::ColumnGeneratedChanged:
        return Tr::tr("change generated expression of column %1 from '%2' to '%3'")
            .arg(name, side<Column>(live)->generated, side<Column>(configured)->generated);
    case Kind::ColumnCollationChanged: {
        const auto collation = [](const QString &name) { return name.isEmpty() ? Tr::tr("the default") : name; };
        return Tr::tr("change collation of column %1 from %2 to %3")
            .arg(name, collation(side<Column>(live)->collation), collation(side<Column>(configured)->collation));
    }
    case Kind::ColumnCommentChanged:
        return Tr::tr("change comment of column %1 to '%2'").arg(name, side<Column>(configured)->comment);
    case Kind::PrimaryKeyChanged:
        return Tr::tr("change primary key from (%1) to (%2)")
            .arg(side<PrimaryKey>(live)->columns.join(QStringLiteral(", ")),
                 side<PrimaryKey>(configured)->columns.join(QStringLiteral(", ")));
    case Kind::IndexAdded:
        return Tr::tr("create index %1 %2").arg(name, indexSummary(*side<Index>(configured)));
    case Kind::IndexRemoved:
        return Tr::tr("drop index %1 %2").arg(name, indexSummary(*side<Index>(live)));
    case Kind::IndexChanged:
        return Tr::tr("change index %1 from %2 to %3")
            .arg(name, indexSummary(*side<Index>(live)), indexSummary(*side<Index>(configured)));
    case Kind::UniqueAdded:
        return Tr::tr("add %1 (%2)").arg(named(Tr::tr("unique constraint"), name),
                                      side<UniqueConstraint>(configured)->columns.join(QStringLiteral(", ")));
    case Kind::UniqueRemoved:
        return Tr::tr("drop %1 (%2)").arg(named(Tr::tr("unique constraint"), name),
                                       side<UniqueConstraint>(live)->columns.join(QStringLiteral(", ")));
    case Kind::UniqueChanged:
        return Tr::tr("change %1").arg(named(Tr::tr("unique constraint"), name));
    case Kind::ForeignKeyAdded:
        return Tr::tr("add %1 %2").arg(named(Tr::tr("foreign key"), name), foreignKeySummary(*side<ForeignKey>(configured)));
    case Kind::ForeignKeyRemoved:
        return Tr::tr("drop %1 %2").arg(named(Tr::tr("foreign key"), name), foreignKeySummary(*side<ForeignKey>(live)));
    case Kind::ForeignKeyChanged:
        return Tr::tr("change %1 from %2 to %3")
            .arg(named(Tr::tr("foreign key"), name), foreignKeySummary(*side<ForeignKey>(live)),
                 foreignKeySummary(*side<ForeignKey>(configured)));
    case Kind::CheckAdded:
        return Tr::tr("add %1 (%2)").arg(named(Tr::tr("check"), name), side<Check>(configured)->expression);
    case Kind::CheckRemoved:
        return Tr::tr("drop %1 (%2)").arg(named(Tr::tr("check"), name), side<Check>(live)->expression);
    case Kind::CheckChanged:
        return Tr::tr("change %1 from (%2) to (%3)")
            .arg(named(Tr::tr("check"), name), side<Check>(live)->expression, side<Check>(configured)->expression);
    }
    return {};
}

} // namespace sd
