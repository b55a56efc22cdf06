// Autogenerate: differences to operations, phase by phase (see the header
// for the order and for what becomes a warning), then the downgrade as the
// inverse of the upgrade.

#include "Autogenerator.h"

#include "ConstraintNamer.h"
#include "RenameMap.h"
#include "TableOrder.h"
#include "dialect/Dialect.h"
#include "dialect/SqliteDialect.h"
#include "migration/OperationInverse.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace sd {

namespace {

using K = Difference::Kind;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Autogenerator)
};

template<typename T>
const T *side(const Difference::Object &object)
{
    return std::get_if<T>(&object);
}

QString destroysData(const QString &reason)
{
    return Tr::tr("destroys data: %1").arg(reason);
}

Operation operation(OperationData data, const QString &note = {})
{
    Operation op;
    op.data = std::move(data);
    op.note = note;
    return op;
}

QSet<QString> columnSet(const QStringList &columns)
{
    return QSet<QString>(columns.cbegin(), columns.cend());
}

class Generator
{
public:
    Generator(const Schema &configured, const Schema &live, DialectKind dialect, const Differences &differences)
        : m_configured(configured)
        , m_dialect(Dialect::get(dialect))
        , m_renames(differences)
        , m_names(configured, live)
    {
        for (const Table &t : configured.tables)
            m_configuredTables.insert(t.name, &t);
        for (const Table &t : live.tables)
            m_liveTables.insert(m_renames.table(t.name), &t);
        for (const Difference &d : differences) {
            if (d.kind == K::TableAdded)
                m_newTableNames.insert(d.name);
        }
    }

    AutogenerateResult run(const Differences &differences)
    {
        for (const Difference &d : differences)
            add(d);
        createTables();
        dropTables();

        AutogenerateResult result;
        for (const Operations *phase : {&m_tableRenames, &m_columnRenames, &m_dropForeignKeys, &m_dropConstraints,
                                        &m_enums, &m_addColumns, &m_alterColumns, &m_dropColumns, &m_dropTables,
                                        &m_createTables, &m_dropEnums, &m_addConstraints, &m_addForeignKeys})
            result.upgrade << *phase;
        result.downgrade = downgrade(result.upgrade, result.warnings);
        result.warnings = m_warnings + result.warnings;
        return result;
    }

private:
    bool isSqlite() const { return m_dialect.kind() == DialectKind::Sqlite; }

    void notGenerated(const Difference &d, const QString &why)
    {
        m_warnings << Tr::tr("not generated: %1 (%2)")
                          .arg(d.table.isEmpty() || d.kind == K::TableCommentChanged || d.kind == K::PartitioningChanged
                                           || d.kind == K::TableOptionsChanged
                                   ? d.description()
                                   : d.table + QStringLiteral(": ") + d.description(),
                               why);
    }

    // The configuration's column (not lowered), as this dialect holds an
    // enum column: text on SQLite, where its CHECK is a difference of its own.
    Column portableColumn(const QString &table, const QString &name, const Column &fallback) const
    {
        Column c = fallback;
        if (const Table *t = m_configuredTables.value(table)) {
            if (const Column *configured = t->column(name))
                c = *configured;
        }
        c.renamedFrom.clear();
        if (isSqlite() && c.type.kind == ColumnType::Kind::Enum)
            c.type = ColumnType::of(ColumnType::Kind::Text);
        return c;
    }

    // The configuration's table for create_table; on SQLite its enum
    // columns become text with the CHECK that stands for the enum.
    Table portableTable(const QString &name, const Table &fallback) const
    {
        const Table *configured = m_configuredTables.value(name);
        Table t = configured ? *configured : fallback;
        t.renamedFrom.clear();
        for (Column &c : t.columns) {
            c.renamedFrom.clear();
            if (isSqlite() && c.type.kind == ColumnType::Kind::Enum) {
                if (const EnumType *e = m_configured.enumType(c.type.enumName)) {
                    const auto &sqlite = static_cast<const SqliteDialect &>(m_dialect);
                    t.checks.append(Check{QString(), sqlite.enumCheckExpression(c.name, e->values), false});
                }
                c.type = ColumnType::of(ColumnType::Kind::Text);
            }
        }
        return t;
    }

    void add(const Difference &d)
    {
        const QString note = d.destructive ? destroysData(d.reason) : QString();
        switch (d.kind) {
        case K::EnumAdded:
            m_enums << operation(CreateEnumOp{*side<EnumType>(d.configured)});
            return;
        case K::EnumRemoved:
            m_dropEnums << operation(DropEnumOp{d.name, *side<EnumType>(d.live)}, note);
            return;
        case K::EnumChanged:
            enumChanged(d);
            return;
        case K::TableAdded:
            m_newTables << portableTable(d.name, *side<Table>(d.configured));
            return;
        case K::TableRemoved:
            m_removedTables << m_renames.withReferencesRenamed(*side<Table>(d.live));
            m_removedNotes.insert(d.name, note);
            return;
        case K::TableRenamed:
            m_tableRenames << operation(RenameTableOp{d.oldName, d.name});
            return;
        case K::TableCommentChanged:
            notGenerated(d, Tr::tr("no operation changes a table's comment; write it as sql"));
            return;
        case K::PartitioningChanged:
            notGenerated(d, Tr::tr("a table's partitioning changes only by recreating it; write it as sql"));
            return;
        case K::TableOptionsChanged:
            notGenerated(d, Tr::tr("SQLite changes WITHOUT ROWID or STRICT only by recreating the table; write it as sql"));
            return;
        case K::ColumnAdded:
            m_addColumns << operation(AddColumnOp{d.table, portableColumn(d.table, d.name, *side<Column>(d.configured))});
            return;
        case K::ColumnRemoved: {
            const Column &column = *side<Column>(d.live);
            m_dropColumns << operation(DropColumnOp{d.table, d.name, column}, note);
            return;
        }
        case K::ColumnRenamed: {
            AlterColumnOp op;
            op.table = d.table;
            op.column = d.oldName;
            op.newName = d.name;
            m_columnRenames << operation(op);
            return;
        }
        case K::ColumnTypeChanged:
        case K::ColumnNullabilityChanged:
        case K::ColumnDefaultChanged:
        case K::ColumnCommentChanged:
            alterColumn(d, note);
            return;
        case K::ColumnAutoincrementChanged:
            notGenerated(d, Tr::tr("no operation changes autoincrement; write it as sql"));
            return;
        case K::ColumnGeneratedChanged:
            notGenerated(d, Tr::tr("no operation changes a generated column's expression; write it as sql"));
            return;
        case K::ColumnCollationChanged:
            notGenerated(d, Tr::tr("no operation changes a column's collation; write it as sql"));
            return;
        case K::PrimaryKeyChanged:
            notGenerated(d, Tr::tr("no operation changes a primary key; write it as sql"));
            return;
        case K::IndexAdded:
            m_addConstraints << operation(CreateIndexOp{d.table, m_names.index(d.table, *side<Index>(d.configured)), false});
            return;
        case K::IndexRemoved:
            m_dropConstraints << operation(DropIndexOp{d.table, d.name, *side<Index>(d.live), false});
            return;
        case K::IndexChanged: {
            const Index &live = *side<Index>(d.live);
            Index configured = *side<Index>(d.configured);
            if (configured.name.isEmpty())
                configured.name = live.name;
            m_dropConstraints << operation(DropIndexOp{d.table, live.name, live, false});
            m_addConstraints << operation(CreateIndexOp{d.table, configured, false});
            return;
        }
        case K::UniqueAdded:
            m_addConstraints << operation(AddUniqueOp{d.table, m_names.unique(d.table, *side<UniqueConstraint>(d.configured))});
            return;
        case K::UniqueRemoved: {
            const auto &live = *side<UniqueConstraint>(d.live);
            m_dropConstraints << operation(DropUniqueOp{d.table, live.name, live});
            return;
        }
        case K::UniqueChanged: {
            const auto &live = *side<UniqueConstraint>(d.live);
            UniqueConstraint configured = *side<UniqueConstraint>(d.configured);
            if (configured.name.isEmpty())
                configured.name = live.name;
            m_dropConstraints << operation(DropUniqueOp{d.table, live.name, live});
            m_addConstraints << operation(AddUniqueOp{d.table, m_names.unique(d.table, configured)});
            return;
        }
        case K::ForeignKeyAdded:
            m_addForeignKeys << operation(AddForeignKeyOp{d.table, m_names.foreignKey(d.table, *side<ForeignKey>(d.configured))});
            return;
        case K::ForeignKeyRemoved: {
            const ForeignKey live = m_renames.foreignKey(*side<ForeignKey>(d.live));
            m_dropForeignKeys << operation(DropForeignKeyOp{d.table, live.name, live});
            return;
        }
        case K::ForeignKeyChanged:
            foreignKeyChanged(d);
            return;
        case K::CheckAdded:
            m_addConstraints << operation(AddCheckOp{d.table, m_names.check(d.table, *side<Check>(d.configured))});
            return;
        case K::CheckRemoved: {
            const Check &live = *side<Check>(d.live);
            m_dropConstraints << operation(DropCheckOp{d.table, live.name, live});
            return;
        }
        case K::CheckChanged: {
            const Check &live = *side<Check>(d.live);
            Check configured = *side<Check>(d.configured);
            if (configured.name.isEmpty())
                configured.name = live.name;
            m_dropConstraints << operation(DropCheckOp{d.table, live.name, live});
            m_addConstraints << operation(AddCheckOp{d.table, m_names.check(d.table, configured)});
            return;
        }
        }
    }

    // Values only added (the old ones kept, in their order): add_enum_value
    // for each, placed before the next old value or at the end. Anything
    // else needs the type recreated.
    void enumChanged(const Difference &d)
    {
        const QStringList &before = side<EnumType>(d.live)->values;
        const QStringList &after = side<EnumType>(d.configured)->values;
        QStringList kept;
        for (const QString &v : after) {
            if (before.contains(v))
                kept << v;
        }
        if (kept != before) {
            notGenerated(d, Tr::tr("removing or reordering enum values needs the type recreated; write it as sql"));
            return;
        }
        for (qsizetype i = 0; i < after.size(); ++i) {
            if (before.contains(after[i]))
                continue;
            AddEnumValueOp op{d.name, after[i], {}, {}};
            for (qsizetype j = i + 1; j < after.size(); ++j) {
                if (before.contains(after[j])) {
                    op.before = after[j];
                    break;
                }
            }
            m_enums << operation(op);
        }
    }

    // One alter_column per column, whatever of type, nullability, default
    // and comment changes; existing_type and existing_nullable always (the
    // SQLite rebuild and the inverse read them), existing_default and
    // existing_comment where they matter.
    void alterColumn(const Difference &d, const QString &note)
    {
        const Column &live = *side<Column>(d.live);
        const Column configured = portableColumn(d.table, d.name, *side<Column>(d.configured));
        const QString key = d.table + QLatin1Char('\n') + d.name;
        qsizetype at = m_alterIndex.value(key, -1);
        if (at < 0) {
            AlterColumnOp op;
            op.table = d.table;
            op.column = d.name;
            op.existingType = live.type;
            op.existingNullable = live.nullable;
            if (live.defaultValue.isSet())
                op.existingDefault = live.defaultValue;
            at = m_alterColumns.size();
            m_alterIndex.insert(key, at);
            m_alterColumns << operation(op);
        }
        Operation &operation = m_alterColumns[at];
        auto &op = std::get<AlterColumnOp>(operation.data);
        switch (d.kind) {
        case K::ColumnTypeChanged: op.type = configured.type; break;
        case K::ColumnNullabilityChanged: op.nullable = configured.nullable; break;
        case K::ColumnDefaultChanged:
            op.defaultValue = configured.defaultValue;
            op.existingDefault = live.defaultValue;
            break;
        case K::ColumnCommentChanged:
            op.comment = configured.comment;
            op.existingComment = live.comment;
            break;
        default: break;
        }
        if (!note.isEmpty())
            operation.note = operation.note.isEmpty() ? note : operation.note + QStringLiteral("; ") + note;
    }

    void foreignKeyChanged(const Difference &d)
    {
        const ForeignKey live = m_renames.foreignKey(*side<ForeignKey>(d.live));
        ForeignKey configured = *side<ForeignKey>(d.configured);
        if (configured.name.isEmpty())
            configured.name = live.name;
        // Renaming a table or column rewrites the keys that reference it:
        // once the renames have run, the database may hold this key already.
        if (live == configured)
            return;
        m_dropForeignKeys << operation(DropForeignKeyOp{d.table, live.name, live});
        m_addForeignKeys << operation(AddForeignKeyOp{d.table, m_names.foreignKey(d.table, configured)});
    }

    // Whether the database will hold, when the new tables are created, the
    // primary key or unique constraint a new table's foreign key needs on
    // an existing table.
    bool referenceReady(const ForeignKey &fk) const
    {
        const Table *target = m_liveTables.value(fk.referencedTable);
        if (!target)
            return false;
        const QSet<QString> wanted = columnSet(fk.referencedColumns);
        if (columnSet(target->primaryKey.columns) == wanted)
            return true;
        const auto kept = [&](const QString &kind, const QString &name) {
            return !m_droppedConstraints.contains(kind + QLatin1Char('\n') + fk.referencedTable + QLatin1Char('\n') + name);
        };
        for (const UniqueConstraint &u : target->uniqueConstraints) {
            if (columnSet(u.columns) == wanted && kept(QStringLiteral("unique"), u.name))
                return true;
        }
        for (const Index &i : target->indexes) {
            if (i.unique && i.where.isEmpty() && columnSet(i.columns) == wanted && kept(QStringLiteral("index"), i.name))
                return true;
        }
        return false;
    }

    void createTables()
    {
        if (m_newTables.isEmpty())
            return;
        for (const Operation &op : std::as_const(m_dropConstraints)) {
            if (const auto *u = op.as<DropUniqueOp>())
                m_droppedConstraints.insert(QStringLiteral("unique\n") + u->table + QLatin1Char('\n') + u->name);
            else if (const auto *i = op.as<DropIndexOp>())
                m_droppedConstraints.insert(QStringLiteral("index\n") + i->table + QLatin1Char('\n') + i->name);
        }
        const TableCreationOrder order = TableOrder::creationOrder(m_newTables);
        QHash<QString, Table> byName;
        for (const Table &t : std::as_const(m_newTables))
            byName.insert(t.name, t);
        QList<DeferredForeignKey> deferred = order.deferred;
        for (const QString &name : order.tables) {
            Table &t = byName[name];
            t.foreignKeys.removeIf([&](const ForeignKey &fk) {
                const bool cycle = std::any_of(deferred.cbegin(), deferred.cend(), [&](const DeferredForeignKey &k) {
                    return k.table == name && k.foreignKey == fk;
                });
                if (cycle)
                    return true;
                if (m_newTableNames.contains(fk.referencedTable) || fk.referencedTable.contains(QLatin1Char('.'))
                    || referenceReady(fk))
                    return false;
                deferred.append(DeferredForeignKey{name, fk}); // its key is added in this migration
                return true;
            });
            m_createTables << operation(CreateTableOp{t});
        }
        for (const DeferredForeignKey &k : std::as_const(deferred))
            m_addForeignKeys << operation(AddForeignKeyOp{k.table, m_names.foreignKey(k.table, k.foreignKey)});
    }

    void dropTables()
    {
        if (m_removedTables.isEmpty())
            return;
        const TableCreationOrder order = TableOrder::creationOrder(m_removedTables);
        QHash<QString, Table> byName;
        for (const Table &t : std::as_const(m_removedTables))
            byName.insert(t.name, t);
        // Keys that close a cycle go first, where they have a name to drop
        // them by; the tables' definitions then lack them.
        for (const DeferredForeignKey &k : order.deferred) {
            if (k.foreignKey.name.isEmpty())
                continue;
            m_dropTables << operation(DropForeignKeyOp{k.table, k.foreignKey.name, k.foreignKey});
            byName[k.table].foreignKeys.removeAll(k.foreignKey);
        }
        for (auto it = order.tables.crbegin(); it != order.tables.crend(); ++it)
            m_dropTables << operation(DropTableOp{*it, byName.value(*it)}, m_removedNotes.value(*it));
    }

    // The inverse of each operation, last first; an operation without one
    // leaves a warning instead. Drops in the downgrade are noted as the
    // upgrade's are.
    Operations downgrade(const Operations &upgrade, QStringList &warnings) const
    {
        Operations result;
        for (auto it = upgrade.crbegin(); it != upgrade.crend(); ++it) {
            auto inverse = OperationInverse::of(*it);
            if (!inverse) {
                warnings << Tr::tr("no downgrade for: %1 (%2)").arg(it->description(), inverse.error());
                continue;
            }
            inverse->note = downgradeNote(*inverse);
            if (const auto *add = inverse->as<AddColumnOp>(); add && needsPlaceholder(add->column)) {
                // A dropped NOT NULL column without a default cannot come back
                // on a table with rows: it comes back with a placeholder
                // default that is dropped at once, so the schema is exactly
                // the old one and the rows hold the placeholder.
                const std::optional<DefaultValue> placeholder = placeholderFor(add->column.type);
                if (!placeholder) {
                    warnings << Tr::tr("the downgrade re-adds %1.%2 NOT NULL without a default: it fails on a table with rows")
                                    .arg(add->table, add->column.name);
                    result << *inverse;
                    continue;
                }
                AddColumnOp withDefault = *add;
                withDefault.column.defaultValue = *placeholder;
                result << Operation::of(withDefault, Tr::tr("the dropped values cannot come back: rows get %1").arg(placeholder->display()));
                AlterColumnOp dropDefault;
                dropDefault.table = add->table;
                dropDefault.column = add->column.name;
                dropDefault.defaultValue = DefaultValue();
                dropDefault.existingType = add->column.type;
                dropDefault.existingNullable = false;
                dropDefault.existingDefault = *placeholder;
                result << Operation::of(dropDefault);
                continue;
            }
            result << *inverse;
        }
        return result;
    }

    static bool needsPlaceholder(const Column &c)
    {
        return !c.nullable && !c.defaultValue.isSet() && c.autoincrement == Autoincrement::No && c.generated.isEmpty();
    }

    // A value every column of the type accepts, for rows that must hold one.
    static std::optional<DefaultValue> placeholderFor(const ColumnType &type)
    {
        using Kind = ColumnType::Kind;
        switch (type.kind) {
        case Kind::SmallInt: case Kind::Integer: case Kind::BigInt: case Kind::Real: case Kind::Double: case Kind::Numeric:
            return DefaultValue::number(QStringLiteral("0"));
        case Kind::Boolean:
            return DefaultValue::boolean(false);
        case Kind::Varchar: case Kind::Char: case Kind::Text: case Kind::Blob:
            return DefaultValue::string(QString());
        case Kind::Date:
            return DefaultValue::string(QStringLiteral("1970-01-01"));
        case Kind::Time:
            return DefaultValue::string(QStringLiteral("00:00:00"));
        case Kind::Timestamp:
            return DefaultValue::string(QStringLiteral("1970-01-01 00:00:00"));
        case Kind::TimestampTz:
            return DefaultValue::string(QStringLiteral("1970-01-01 00:00:00+00"));
        case Kind::Json:
            return DefaultValue::string(QStringLiteral("{}"));
        case Kind::Uuid:
            return DefaultValue::string(QStringLiteral("00000000-0000-0000-0000-000000000000"));
        case Kind::Invalid: case Kind::Enum: case Kind::Native:
            return std::nullopt;
        }
        return std::nullopt;
    }

    QString downgradeNote(const Operation &op) const
    {
        if (const auto *drop = op.as<DropTableOp>())
            return destroysData(Tr::tr("drops table %1 and every row in it").arg(drop->name));
        if (const auto *drop = op.as<DropColumnOp>())
            return destroysData(Tr::tr("drops column %1.%2 and the values it holds").arg(drop->table, drop->column));
        if (const auto *alter = op.as<AlterColumnOp>()) {
            QStringList reasons;
            if (alter->type && alter->existingType && m_dialect.isNarrowing(*alter->existingType, *alter->type))
                reasons << Tr::tr("narrows %1.%2 from %3 to %4: values that do not fit are lost or refused")
                               .arg(alter->table, alter->column, alter->existingType->spelling(m_dialect.kind()),
                                    alter->type->spelling(m_dialect.kind()));
            if (alter->nullable && !*alter->nullable && alter->existingNullable.value_or(true))
                reasons << Tr::tr("makes %1.%2 NOT NULL: rows holding NULL there must change or the change fails")
                               .arg(alter->table, alter->column);
            QStringList notes;
            for (const QString &r : std::as_const(reasons))
                notes << destroysData(r);
            return notes.join(QStringLiteral("; "));
        }
        return {};
    }

    const Schema &m_configured;
    const Dialect &m_dialect;
    const RenameMap m_renames;
    ConstraintNamer m_names;
    QHash<QString, const Table *> m_configuredTables;
    QHash<QString, const Table *> m_liveTables; // by the name after the renames
    QSet<QString> m_newTableNames;
    QSet<QString> m_droppedConstraints;         // "unique|index \n table \n name"

    QList<Table> m_newTables;
    QList<Table> m_removedTables;
    QHash<QString, QString> m_removedNotes;
    QHash<QString, qsizetype> m_alterIndex;     // "table \n column" -> position in m_alterColumns
    QStringList m_warnings;

    Operations m_tableRenames, m_columnRenames, m_dropForeignKeys, m_dropConstraints, m_enums, m_addColumns,
        m_alterColumns, m_createTables, m_dropColumns, m_dropTables, m_dropEnums, m_addConstraints, m_addForeignKeys;
};

} // namespace

AutogenerateResult Autogenerator::generate(const Differences &differences, const Schema &configured, const Schema &live,
                                           DialectKind dialect)
{
    Generator generator(configured, live, dialect, differences);
    return generator.run(differences);
}

} // namespace sd
