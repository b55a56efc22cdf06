#include "PostgresOperationRenderer.h"

#include "SchemaEvolver.h"
#include "dialect/PostgresDialect.h"

#include "Overloaded.h"

#include <QCoreApplication>

namespace sd {

namespace {

using K = ColumnType::Kind;

enum class Family { Numeric, Character, DateTime, Other };

Family family(const ColumnType &t)
{
    switch (t.kind) {
    case K::SmallInt: case K::Integer: case K::BigInt: case K::Real: case K::Double: case K::Numeric:
        return Family::Numeric;
    case K::Varchar: case K::Char: case K::Text:
        return Family::Character;
    case K::Date: case K::Timestamp: case K::TimestampTz:
        return Family::DateTime;
    default:
        return Family::Other;
    }
}

// Functions whose value changes per row: a default calling one makes
// ADD COLUMN rewrite the table (PostgreSQL 11+ stores a non-volatile
// default once, in the catalog).
bool isVolatileDefault(const DefaultValue &value)
{
    if (value.kind != DefaultValue::Kind::Expression)
        return false;
    static const char *const volatileFunctions[] = {"random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
                                                    "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval",
                                                    "txid_current", "pg_current_xact_id"};
    for (const char *name : volatileFunctions) {
        if (SchemaEvolver::mentions(value.text, QLatin1String(name)))
            return true;
    }
    return false;
}

Hazards irreversibleUnless(bool hasDefinition)
{
    return hasDefinition ? Hazards() : Hazards(Hazard::Irreversible);
}

class Renderer
{
public:
    Renderer(const PostgresDialect &dialect, const Schema &before)
        : d(dialect)
        , m_before(before)
    {
    }

    Statements operator()(const CreateTableOp &op) const;
    Statements operator()(const DropTableOp &op) const
    {
        return {stmt(QStringLiteral("DROP TABLE ") + q(op.name), op.name,
                     Hazard::DestroysData | Hazard::ExclusiveLock | irreversibleUnless(op.definition.has_value()))};
    }
    Statements operator()(const RenameTableOp &op) const
    {
        return {stmt(alter(op.from) + QStringLiteral("RENAME TO ") + q(op.to), op.from, Hazard::ExclusiveLock)};
    }
    Statements operator()(const AddColumnOp &op) const;
    Statements operator()(const DropColumnOp &op) const
    {
        return {stmt(alter(op.table) + QStringLiteral("DROP COLUMN ") + q(op.column), op.table,
                     Hazard::DestroysData | Hazard::ExclusiveLock | irreversibleUnless(op.definition.has_value()))};
    }
    Statements operator()(const AlterColumnOp &op) const;
    Statements operator()(const CreateIndexOp &op) const;
    Statements operator()(const DropIndexOp &op) const;
    Statements operator()(const AddForeignKeyOp &op) const
    {
        // SHARE ROW EXCLUSIVE on both tables: writes wait, reads go on.
        return {stmt(alter(op.table) + QStringLiteral("ADD ") + d.foreignKeyClause(op.foreignKey)
                         + (op.foreignKey.notValid ? QStringLiteral(" NOT VALID") : QString()),
                     op.table)};
    }
    Statements operator()(const DropForeignKeyOp &op) const
    {
        return dropConstraint(op.table, op.name, op.definition.has_value());
    }
    Statements operator()(const AddUniqueOp &op) const
    {
        return {stmt(alter(op.table) + QStringLiteral("ADD ") + constraintName(op.unique.name) + d.uniqueClause(op.unique),
                     op.table, Hazard::ExclusiveLock)};
    }
    Statements operator()(const DropUniqueOp &op) const
    {
        return dropConstraint(op.table, op.name, op.definition.has_value());
    }
    Statements operator()(const AddCheckOp &op) const
    {
        return {stmt(alter(op.table) + QStringLiteral("ADD ") + constraintName(op.check.name) + QStringLiteral("CHECK (")
                         + op.check.expression + QLatin1Char(')') + (op.check.notValid ? QStringLiteral(" NOT VALID") : QString()),
                     op.table, Hazard::ExclusiveLock)};
    }
    Statements operator()(const DropCheckOp &op) const
    {
        return dropConstraint(op.table, op.name, op.definition.has_value());
    }
    Statements operator()(const CreateEnumOp &op) const
    {
        QStringList values;
        for (const QString &v : op.type.values)
            values << Dialect::quoteString(v);
        return {stmt(QStringLiteral("CREATE TYPE ") + q(op.type.name) + QStringLiteral(" AS ENUM (")
                         + values.join(QStringLiteral(", ")) + QLatin1Char(')'),
                     {})};
    }
    Statements operator()(const DropEnumOp &op) const
    {
        return {stmt(QStringLiteral("DROP TYPE ") + q(op.name), {},
                     Hazard::DestroysData | irreversibleUnless(op.definition.has_value()))};
    }
    Statements operator()(const AddEnumValueOp &op) const
    {
        QString sql = QStringLiteral("ALTER TYPE ") + q(op.enumName) + QStringLiteral(" ADD VALUE ") + Dialect::quoteString(op.value);
        if (!op.before.isEmpty())
            sql += QStringLiteral(" BEFORE ") + Dialect::quoteString(op.before);
        else if (!op.after.isEmpty())
            sql += QStringLiteral(" AFTER ") + Dialect::quoteString(op.after);
        Statement s = stmt(sql, {}, Hazard::NotTransactional);
        s.placement = Statement::Placement::Autocommit;
        return {s};
    }
    Statements operator()(const SqlOp &) const { return {}; } // rendered by OperationRenderer::renderSql

private:
    QString q(const QString &name) const { return d.quoteIdentifier(name); }
    QString alter(const QString &table) const { return QStringLiteral("ALTER TABLE ") + q(table) + QLatin1Char(' '); }
    QString alterColumn(const QString &table, const QString &column) const
    {
        return alter(table) + QStringLiteral("ALTER COLUMN ") + q(column) + QLatin1Char(' ');
    }
    QString constraintName(const QString &name) const
    {
        return name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT ") + q(name) + QLatin1Char(' ');
    }
    QString commentOn(const QString &table, const QString &column, const QString &comment) const
    {
        return QStringLiteral("COMMENT ON COLUMN ") + q(table) + QLatin1Char('.') + q(column) + QStringLiteral(" IS ")
               + (comment.isEmpty() ? QStringLiteral("NULL") : Dialect::quoteString(comment));
    }
    Statements dropConstraint(const QString &table, const QString &name, bool hasDefinition) const
    {
        return {stmt(alter(table) + QStringLiteral("DROP CONSTRAINT ") + q(name), table,
                     Hazard::ExclusiveLock | irreversibleUnless(hasDefinition))};
    }
    static Statement stmt(const QString &sql, const QString &table, Hazards hazards = {})
    {
        Statement s = Statement::of(sql);
        s.table = table;
        s.hazards = hazards;
        return s;
    }

    const PostgresDialect &d;
    const Schema &m_before;
};

Statements Renderer::operator()(const CreateTableOp &op) const
{
    Statements out;
    for (const QString &sql : d.createTable(d.loweredTable(op.table, m_before)))
        out << stmt(sql, op.table.name);
    return out;
}

Statements Renderer::operator()(const AddColumnOp &op) const
{
    const Column &c = op.column;
    const QString sql = alter(op.table) + QStringLiteral("ADD COLUMN ") + d.columnDefinition(c);

    Hazards hazards = Hazard::ExclusiveLock;
    if (!c.generated.isEmpty() || c.autoincrement != Autoincrement::No || isVolatileDefault(c.defaultValue))
        hazards |= Hazard::RewritesTable;
    Statements out{stmt(sql, op.table, hazards)};
    if (!c.comment.isEmpty())
        out << stmt(commentOn(op.table, c.name, c.comment), op.table);
    return out;
}

Statements Renderer::operator()(const AlterColumnOp &op) const
{
    const Table *table = m_before.table(op.table);
    const Column *current = table ? table->column(op.column) : nullptr;
    const std::optional<ColumnType> from = current ? std::optional<ColumnType>(current->type) : op.existingType;

    Statements out;
    const bool typeChanges = op.type && !(from && d.typeKey(*from) == d.typeKey(*op.type));
    const bool defaultChanges = op.defaultValue.has_value();
    if (typeChanges && defaultChanges && (!current || current->defaultValue.isSet())) {
        // The old default may not cast to the new type: drop it first.
        out << stmt(alterColumn(op.table, op.column) + QStringLiteral("DROP DEFAULT"), op.table, Hazard::ExclusiveLock);
    }
    if (typeChanges) {
        Column target;
        target.type = *op.type;
        QString sql = alterColumn(op.table, op.column) + QStringLiteral("TYPE ") + d.renderType(target);
        QString usingExpression = op.usingExpression;
        if (usingExpression.isEmpty() && from && PostgresOperationRenderer::needsExplicitCast(*from, *op.type)) {
            usingExpression = q(op.column) + (from->kind == K::Enum ? QStringLiteral("::text::") : QStringLiteral("::"))
                              + d.renderType(target);
        }
        if (!usingExpression.isEmpty())
            sql += QStringLiteral(" USING ") + usingExpression;
        Hazards hazards = Hazard::ExclusiveLock;
        if (!from || !op.usingExpression.isEmpty() || !PostgresOperationRenderer::isBinaryCoercible(*from, *op.type))
            hazards |= Hazard::RewritesTable;
        if (!from || d.isNarrowing(*from, *op.type))
            hazards |= Hazard::DestroysData;
        out << stmt(sql, op.table, hazards);
    }
    if (op.nullable) {
        out << stmt(alterColumn(op.table, op.column) + (*op.nullable ? QStringLiteral("DROP NOT NULL") : QStringLiteral("SET NOT NULL")),
                    op.table, Hazard::ExclusiveLock);
    }
    if (defaultChanges) {
        if (op.defaultValue->isSet() && op.defaultValue->kind != DefaultValue::Kind::Null) {
            out << stmt(alterColumn(op.table, op.column) + QStringLiteral("SET DEFAULT ") + d.renderDefault(*op.defaultValue),
                        op.table, Hazard::ExclusiveLock);
        } else if (!typeChanges || (current && !current->defaultValue.isSet())) {
            out << stmt(alterColumn(op.table, op.column) + QStringLiteral("DROP DEFAULT"), op.table, Hazard::ExclusiveLock);
        }
    }
    if (op.comment)
        out << stmt(commentOn(op.table, op.column, *op.comment), op.table);
    if (!op.newName.isEmpty() && op.newName != op.column) {
        out << stmt(alter(op.table) + QStringLiteral("RENAME COLUMN ") + q(op.column) + QStringLiteral(" TO ") + q(op.newName),
                    op.table, Hazard::ExclusiveLock);
    }
    return out;
}

Statements Renderer::operator()(const CreateIndexOp &op) const
{
    Table table;
    table.name = op.table;
    Index index = op.index;
    if (index.method.compare(QLatin1String("btree"), Qt::CaseInsensitive) == 0)
        index.method.clear();
    QString sql = d.createIndex(table, index);
    if (!op.concurrently)
        return {stmt(sql, op.table)}; // SHARE lock: blocks writes, not reads
    const QString head = index.unique ? QStringLiteral("CREATE UNIQUE INDEX ") : QStringLiteral("CREATE INDEX ");
    sql.insert(head.size(), QStringLiteral("CONCURRENTLY "));
    Statement s = stmt(sql, op.table, Hazard::NotTransactional);
    s.placement = Statement::Placement::Autocommit;
    return {s};
}

Statements Renderer::operator()(const DropIndexOp &op) const
{
    const Hazards reversible = irreversibleUnless(op.definition.has_value());
    if (!op.concurrently)
        return {stmt(QStringLiteral("DROP INDEX ") + q(op.name), op.table, Hazard::ExclusiveLock | reversible)};
    Statement s = stmt(QStringLiteral("DROP INDEX CONCURRENTLY ") + q(op.name), op.table, Hazard::NotTransactional | reversible);
    s.placement = Statement::Placement::Autocommit;
    return {s};
}

} // namespace

bool PostgresOperationRenderer::isBinaryCoercible(const ColumnType &from, const ColumnType &to)
{
    const PostgresDialect &d = static_cast<const PostgresDialect &>(Dialect::get(DialectKind::PostgreSQL));
    if (d.typeKey(from) == d.typeKey(to))
        return true;
    if (from.kind == K::Varchar && to.kind == K::Varchar)
        return to.length < 0 || (from.length >= 0 && to.length >= from.length);
    if (from.kind == K::Varchar && to.kind == K::Text)
        return true;
    if (from.kind == K::Numeric && to.kind == K::Numeric) {
        if (to.precision < 0)
            return true;
        return from.precision >= 0 && qMax(0, from.scale) == qMax(0, to.scale) && to.precision >= from.precision;
    }
    return false;
}

bool PostgresOperationRenderer::needsExplicitCast(const ColumnType &from, const ColumnType &to)
{
    const PostgresDialect &d = static_cast<const PostgresDialect &>(Dialect::get(DialectKind::PostgreSQL));
    if (d.typeKey(from) == d.typeKey(to))
        return false;
    // Every type has an assignment cast to the string types.
    if (family(to) == Family::Character)
        return false;
    if (from.kind == K::Enum || to.kind == K::Enum)
        return true;
    const Family f = family(from);
    return f == Family::Other || f != family(to);
}

Result<Statements> PostgresOperationRenderer::render(const Operation &operation, const Schema &stateBefore) const
{
    Schema after = stateBefore;
    if (auto valid = SchemaEvolver::apply(after, operation); !valid)
        return std::unexpected(valid.error());
    if (const auto *sql = operation.as<SqlOp>())
        return renderSql(*sql);
    const Renderer renderer(static_cast<const PostgresDialect &>(dialect()), stateBefore);
    return std::visit(renderer, operation.data);
}

} // namespace sd
