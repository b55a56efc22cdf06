#include "SqliteOperationRenderer.h"

#include "SchemaEvolver.h"
#include "SqliteTableRebuild.h"
#include "dialect/SqliteDialect.h"

#include <algorithm>

namespace sd {

namespace {

Hazards irreversibleUnless(bool hasDefinition)
{
    return hasDefinition ? Hazards() : Hazards(Hazard::Irreversible);
}

Statement make(const QString &sql, const QString &table, Hazards hazards = {})
{
    Statement s = Statement::of(sql);
    s.table = table;
    s.hazards = hazards;
    return s;
}

class Renderer
{
public:
    Renderer(const SqliteDialect &dialect, const Schema &before, const Schema &after)
        : d(dialect)
        , m_before(before)
        , m_after(after)
    {
    }

    Statements operator()(const CreateTableOp &op) const
    {
        Statements out;
        for (const QString &sql : d.createTable(d.loweredTable(op.table, m_after)))
            out << make(sql, op.table.name);
        return out;
    }
    Statements operator()(const DropTableOp &op) const
    {
        return {make(QStringLiteral("DROP TABLE ") + q(op.name), op.name,
                     Hazard::DestroysData | irreversibleUnless(op.definition.has_value()))};
    }
    Statements operator()(const RenameTableOp &op) const
    {
        // Since 3.26 the rename carries into foreign keys, triggers and views.
        return {make(QStringLiteral("ALTER TABLE ") + q(op.from) + QStringLiteral(" RENAME TO ") + q(op.to), op.from)};
    }
    Statements operator()(const AddColumnOp &op) const;
    Statements operator()(const DropColumnOp &op) const;
    Statements operator()(const AlterColumnOp &op) const;
    Statements operator()(const CreateIndexOp &op) const
    {
        Table table;
        table.name = op.table;
        return {make(d.createIndex(table, op.index), op.table)};
    }
    Statements operator()(const DropIndexOp &op) const
    {
        return {make(QStringLiteral("DROP INDEX ") + q(op.name), op.table, irreversibleUnless(op.definition.has_value()))};
    }
    Statements operator()(const AddForeignKeyOp &op) const { return rebuild(op.table); }
    Statements operator()(const DropForeignKeyOp &op) const
    {
        return rebuild(op.table, {}, irreversibleUnless(op.definition.has_value()));
    }
    Statements operator()(const AddUniqueOp &op) const { return rebuild(op.table); }
    Statements operator()(const DropUniqueOp &op) const
    {
        return rebuild(op.table, {}, irreversibleUnless(op.definition.has_value()));
    }
    Statements operator()(const AddCheckOp &op) const { return rebuild(op.table); }
    Statements operator()(const DropCheckOp &op) const
    {
        return rebuild(op.table, {}, irreversibleUnless(op.definition.has_value()));
    }
    Statements operator()(const CreateEnumOp &) const { return {}; }
    Statements operator()(const DropEnumOp &) const { return {}; }
    Statements operator()(const AddEnumValueOp &op) const
    {
        // The enum's values are in the CHECK of every column of its type.
        QStringList tables;
        for (const Table &t : m_before.tables) {
            if (std::any_of(t.columns.cbegin(), t.columns.cend(), [&](const Column &c) {
                    return c.type.kind == ColumnType::Kind::Enum && c.type.enumName == op.enumName;
                }))
                tables << t.name;
        }
        if (tables.isEmpty())
            return {};
        return SqliteTableRebuild::render(m_before, m_after, tables);
    }
    Statements operator()(const SqlOp &) const { return {}; } // rendered by OperationRenderer::renderSql

private:
    QString q(const QString &name) const { return d.quoteIdentifier(name); }
    Statements rebuild(const QString &table, const QHash<QString, QString> &renames = {}, Hazards hazards = {}) const
    {
        return SqliteTableRebuild::render(m_before, m_after, {table}, renames, hazards);
    }
    bool canAddDirectly(const Column &c) const;
    bool canDropDirectly(const Table &table, const QString &column) const;

    const SqliteDialect &d;
    const Schema &m_before;
    const Schema &m_after;
};

// ALTER TABLE ADD COLUMN's documented limits.
bool Renderer::canAddDirectly(const Column &c) const
{
    if (c.autoincrement != Autoincrement::No)
        return false; // a key column
    if (!c.generated.isEmpty())
        return !c.generatedStored && c.nullable;
    if (c.defaultValue.kind == DefaultValue::Kind::Expression)
        return false; // CURRENT_TIMESTAMP or (expression)
    const bool nonNullDefault = c.defaultValue.isSet() && c.defaultValue.kind != DefaultValue::Kind::Null;
    return c.nullable || nonNullDefault;
}

// ALTER TABLE DROP COLUMN's documented limits; a view or trigger that
// merely mentions the name (perhaps another table's column) also takes the
// rebuild, which works whenever the object does not really use the column.
bool Renderer::canDropDirectly(const Table &table, const QString &column) const
{
    const auto named = [&](const QStringList &columns) { return columns.contains(column, Qt::CaseInsensitive); };
    const Table lowered = d.loweredTable(table, m_before);
    if (named(lowered.primaryKey.columns))
        return false;
    for (const UniqueConstraint &u : lowered.uniqueConstraints) {
        if (named(u.columns))
            return false;
    }
    for (const Index &i : lowered.indexes) {
        if (named(i.columns) || SchemaEvolver::mentions(i.expression, column) || SchemaEvolver::mentions(i.where, column))
            return false;
    }
    for (const ForeignKey &fk : lowered.foreignKeys) {
        if (named(fk.columns))
            return false;
    }
    for (const Check &c : lowered.checks) {
        if (SchemaEvolver::mentions(c.expression, column))
            return false;
    }
    for (const Column &c : lowered.columns) {
        if (SchemaEvolver::mentions(c.generated, column))
            return false;
    }
    for (const Table &other : m_before.tables) {
        for (const ForeignKey &fk : other.foreignKeys) {
            if (fk.referencedTable.compare(table.name, Qt::CaseInsensitive) == 0 && named(fk.referencedColumns))
                return false;
        }
    }
    for (const UnmanagedObject &o : m_before.unmanaged) {
        if ((o.kind == QLatin1String("view") || o.kind == QLatin1String("trigger"))
            && SchemaEvolver::mentions(o.definition, column)
            && (o.table.compare(table.name, Qt::CaseInsensitive) == 0 || SchemaEvolver::mentions(o.definition, table.name)))
            return false;
    }
    return true;
}

Statements Renderer::operator()(const AddColumnOp &op) const
{
    if (!canAddDirectly(op.column))
        return rebuild(op.table);
    const Table lowered = d.loweredTable(*m_after.table(op.table), m_after);
    const Column &c = *lowered.column(op.column.name);
    // canAddDirectly(): no autoincrement, no stored generated column here.
    QString sql = QStringLiteral("ALTER TABLE ") + q(op.table) + QStringLiteral(" ADD COLUMN ") + d.columnDefinition(c);
    if (op.column.type.kind == ColumnType::Kind::Enum) {
        if (const EnumType *e = m_after.enumType(op.column.type.enumName))
            sql += QStringLiteral(" CHECK (") + d.enumCheckExpression(c.name, e->values) + QLatin1Char(')');
    }
    return {make(sql, op.table)};
}

Statements Renderer::operator()(const DropColumnOp &op) const
{
    const Hazards hazards = Hazard::DestroysData | irreversibleUnless(op.definition.has_value());
    if (!canDropDirectly(*m_before.table(op.table), op.column))
        return rebuild(op.table, {}, hazards);
    return {make(QStringLiteral("ALTER TABLE ") + q(op.table) + QStringLiteral(" DROP COLUMN ") + q(op.column), op.table, hazards)};
}

Statements Renderer::operator()(const AlterColumnOp &op) const
{
    const bool renames = !op.newName.isEmpty() && op.newName != op.column;
    // The table as SQLite stores it, with only the rename applied: when that
    // is the new table, RENAME COLUMN (or nothing) does it.
    Schema renamedOnly;
    renamedOnly.tables << d.loweredTable(*m_before.table(op.table), m_before);
    if (renames) {
        AlterColumnOp rename;
        rename.table = op.table;
        rename.column = op.column;
        rename.newName = op.newName;
        Operation renameOnly;
        renameOnly.data = rename;
        if (auto ok = SchemaEvolver::apply(renamedOnly, renameOnly); !ok)
            return {}; // cannot happen: the full operation applied
    }
    const Table after = d.loweredTable(*m_after.table(op.table), m_after);
    if (renamedOnly.tables.constFirst() == after) {
        if (!renames)
            return {}; // a comment, or no change SQLite can tell
        return {make(QStringLiteral("ALTER TABLE ") + q(op.table) + QStringLiteral(" RENAME COLUMN ") + q(op.column)
                         + QStringLiteral(" TO ") + q(op.newName),
                     op.table)};
    }
    Hazards hazards;
    const Column *current = m_before.table(op.table)->column(op.column);
    if (op.type && d.isNarrowing(current->type, *op.type))
        hazards |= Hazard::DestroysData;
    QHash<QString, QString> renamed;
    if (renames)
        renamed.insert(op.column, op.newName);
    return rebuild(op.table, renamed, hazards);
}

} // namespace

Result<Statements> SqliteOperationRenderer::render(const Operation &operation, const Schema &stateBefore) const
{
    Schema after = stateBefore;
    if (auto valid = SchemaEvolver::apply(after, operation); !valid)
        return std::unexpected(valid.error());
    if (const auto *sql = operation.as<SqlOp>())
        return renderSql(*sql);
    const Renderer renderer(static_cast<const SqliteDialect &>(dialect()), stateBefore, after);
    return std::visit(renderer, operation.data);
}

} // namespace sd
