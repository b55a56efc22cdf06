#include "SchemaEvolver.h"

#include "dialect/SqlExpression.h"
#include "dialect/SqlLexer.h"

#include "Overloaded.h"

#include <QCoreApplication>

#include <algorithm>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaEvolver)
};

std::unexpected<Error> fail(const QString &message)
{
    return std::unexpected(Error::input(message));
}

template<typename List>
auto findNamed(List &list, const QString &name) -> decltype(list.begin())
{
    return std::find_if(list.begin(), list.end(), [&](const auto &item) { return item.name == name; });
}

template<typename List>
bool removeNamed(List &list, const QString &name)
{
    const auto it = findNamed(list, name);
    if (it == list.end())
        return false;
    list.erase(it);
    return true;
}

// Evolves one schema; every step checks first, then changes, so that an
// error leaves the schema untouched.
class Evolver
{
public:
    Evolver(Schema &schema, const QString &key)
        : m_schema(schema)
        , m_key(key)
    {
    }

    Result<Table *> table(const QString &name) const
    {
        Table *t = m_schema.table(name);
        if (!t)
            return fail(Tr::tr("%1: table %2 does not exist").arg(m_key, name));
        return t;
    }

    Result<Column *> column(Table &table, const QString &name) const
    {
        Column *c = table.column(name);
        if (!c)
            return fail(Tr::tr("%1: table %2 has no column %3").arg(m_key, table.name, name));
        return c;
    }

    Result<void> noSuchTable(const QString &name) const
    {
        if (m_schema.table(name))
            return fail(Tr::tr("%1: table %2 already exists").arg(m_key, name));
        return {};
    }

    Result<void> noSuchIndex(const QString &name) const
    {
        for (const Table &t : std::as_const(m_schema.tables)) {
            if (t.index(name))
                return fail(Tr::tr("%1: an index named %2 already exists on table %3").arg(m_key, name, t.name));
        }
        return {};
    }

    Result<void> noSuchConstraint(const Table &table, const QString &name) const
    {
        if (name.isEmpty())
            return {};
        const auto named = [&](const auto &list) {
            return std::any_of(list.cbegin(), list.cend(), [&](const auto &item) { return item.name == name; });
        };
        if (table.primaryKey.name == name || named(table.foreignKeys) || named(table.uniqueConstraints)
            || named(table.checks))
            return fail(Tr::tr("%1: table %2 already has a constraint named %3").arg(m_key, table.name, name));
        return {};
    }

    Result<void> columnsExist(const Table &table, const QStringList &columns) const
    {
        for (const QString &c : columns) {
            if (!table.column(c))
                return fail(Tr::tr("%1: table %2 has no column %3").arg(m_key, table.name, c));
        }
        return {};
    }

    Result<EnumType *> enumType(const QString &name) const
    {
        const auto it = findNamed(m_schema.enums, name);
        if (it == m_schema.enums.end())
            return fail(Tr::tr("%1: enum %2 does not exist").arg(m_key, name));
        return &*it;
    }

    Result<void> operator()(const CreateTableOp &op);
    Result<void> operator()(const DropTableOp &op);
    Result<void> operator()(const RenameTableOp &op);
    Result<void> operator()(const AddColumnOp &op);
    Result<void> operator()(const DropColumnOp &op);
    Result<void> operator()(const AlterColumnOp &op);
    Result<void> operator()(const CreateIndexOp &op);
    Result<void> operator()(const DropIndexOp &op);
    Result<void> operator()(const AddForeignKeyOp &op);
    Result<void> operator()(const DropForeignKeyOp &op);
    Result<void> operator()(const AddUniqueOp &op);
    Result<void> operator()(const DropUniqueOp &op);
    Result<void> operator()(const AddCheckOp &op);
    Result<void> operator()(const DropCheckOp &op);
    Result<void> operator()(const CreateEnumOp &op);
    Result<void> operator()(const DropEnumOp &op);
    Result<void> operator()(const AddEnumValueOp &op);
    Result<void> operator()(const SqlOp &) { return {}; }

private:
    Result<void> referencedTableExists(const Table &table, const ForeignKey &fk) const
    {
        if (fk.referencedTable == table.name || fk.referencedTable.contains(QLatin1Char('.'))
            || m_schema.table(fk.referencedTable))
            return {};
        return fail(Tr::tr("%1: table %2 referenced by %3 does not exist").arg(m_key, fk.referencedTable, table.name));
    }

    void renameInUnmanaged(const QString &table, const QHash<QString, QString> &renames)
    {
        for (UnmanagedObject &object : m_schema.unmanaged) {
            if (object.table == table || SchemaEvolver::mentions(object.definition, table))
                object.definition = SqlExpression::renameIdentifiers(object.definition, renames);
        }
    }

    Schema &m_schema;
    QString m_key;
};

Result<void> Evolver::operator()(const CreateTableOp &op)
{
    if (op.table.name.isEmpty())
        return fail(Tr::tr("%1: the table has no name").arg(m_key));
    if (auto ok = noSuchTable(op.table.name); !ok)
        return ok;
    for (const Index &index : op.table.indexes) {
        if (auto ok = noSuchIndex(index.name); !ok)
            return ok;
    }
    for (const ForeignKey &fk : op.table.foreignKeys) {
        if (auto ok = referencedTableExists(op.table, fk); !ok)
            return ok;
    }
    m_schema.tables.append(op.table);
    return {};
}

Result<void> Evolver::operator()(const DropTableOp &op)
{
    if (auto t = table(op.name); !t)
        return std::unexpected(t.error());
    for (const Table &other : std::as_const(m_schema.tables)) {
        if (other.name == op.name)
            continue;
        for (const ForeignKey &fk : other.foreignKeys) {
            if (fk.referencedTable == op.name) {
                return fail(Tr::tr("%1: table %2 is still referenced by foreign key %3 of table %4")
                                .arg(m_key, op.name, fk.name.isEmpty() ? fk.columns.join(QStringLiteral(", ")) : fk.name,
                                     other.name));
            }
        }
    }
    removeNamed(m_schema.tables, op.name);
    m_schema.unmanaged.removeIf([&](const UnmanagedObject &o) {
        return o.kind == QLatin1String("trigger") && o.table == op.name;
    });
    return {};
}

Result<void> Evolver::operator()(const RenameTableOp &op)
{
    auto t = table(op.from);
    if (!t)
        return std::unexpected(t.error());
    if (auto ok = noSuchTable(op.to); !ok)
        return ok;
    (*t)->name = op.to;
    for (Table &other : m_schema.tables) {
        for (ForeignKey &fk : other.foreignKeys) {
            if (fk.referencedTable == op.from)
                fk.referencedTable = op.to;
        }
    }
    renameInUnmanaged(op.from, {{op.from, op.to}});
    for (UnmanagedObject &object : m_schema.unmanaged) {
        if (object.table == op.from)
            object.table = op.to;
    }
    return {};
}

Result<void> Evolver::operator()(const AddColumnOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if ((*t)->column(op.column.name))
        return fail(Tr::tr("%1: table %2 already has a column %3").arg(m_key, op.table, op.column.name));
    if (op.column.type.kind == ColumnType::Kind::Enum && !m_schema.enumType(op.column.type.enumName))
        return fail(Tr::tr("%1: enum %2 does not exist").arg(m_key, op.column.type.enumName));
    (*t)->columns.append(op.column);
    return {};
}

Result<void> Evolver::operator()(const DropColumnOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    Table &table = **t;
    if (auto c = column(table, op.column); !c)
        return std::unexpected(c.error());
    for (const Table &other : std::as_const(m_schema.tables)) {
        for (const ForeignKey &fk : other.foreignKeys) {
            if (fk.referencedTable == op.table && fk.referencedColumns.contains(op.column) && other.name != op.table) {
                return fail(Tr::tr("%1: column %2.%3 is referenced by foreign key %4 of table %5")
                                .arg(m_key, op.table, op.column, fk.name, other.name));
            }
        }
    }
    removeNamed(table.columns, op.column);
    const auto named = [&](const QStringList &columns) { return columns.contains(op.column); };
    if (named(table.primaryKey.columns))
        table.primaryKey = {};
    table.indexes.removeIf([&](const Index &i) {
        return named(i.columns) || SchemaEvolver::mentions(i.expression, op.column) || SchemaEvolver::mentions(i.where, op.column);
    });
    table.uniqueConstraints.removeIf([&](const UniqueConstraint &u) { return named(u.columns); });
    table.foreignKeys.removeIf([&](const ForeignKey &fk) { return named(fk.columns); });
    table.checks.removeIf([&](const Check &c) { return SchemaEvolver::mentions(c.expression, op.column); });
    return {};
}

Result<void> Evolver::operator()(const AlterColumnOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    Table &table = **t;
    auto c = column(table, op.column);
    if (!c)
        return std::unexpected(c.error());
    if (!op.newName.isEmpty() && op.newName != op.column && table.column(op.newName))
        return fail(Tr::tr("%1: table %2 already has a column %3").arg(m_key, op.table, op.newName));
    if (op.type && op.type->kind == ColumnType::Kind::Enum && !m_schema.enumType(op.type->enumName))
        return fail(Tr::tr("%1: enum %2 does not exist").arg(m_key, op.type->enumName));

    Column &col = **c;
    if (op.type)
        col.type = *op.type;
    if (op.nullable)
        col.nullable = *op.nullable;
    if (op.defaultValue) // `default: null` drops the default
        col.defaultValue = op.defaultValue->kind == DefaultValue::Kind::Null ? DefaultValue() : *op.defaultValue;
    if (op.comment)
        col.comment = *op.comment;
    if (op.newName.isEmpty() || op.newName == op.column)
        return {};

    col.name = op.newName;
    const QHash<QString, QString> renames{{op.column, op.newName}};
    const auto renameIn = [&](QStringList &columns) {
        for (QString &name : columns) {
            if (name == op.column)
                name = op.newName;
        }
    };
    renameIn(table.primaryKey.columns);
    for (Index &index : table.indexes) {
        renameIn(index.columns);
        index.expression = SqlExpression::renameIdentifiers(index.expression, renames);
        index.where = SqlExpression::renameIdentifiers(index.where, renames);
    }
    for (UniqueConstraint &u : table.uniqueConstraints)
        renameIn(u.columns);
    for (ForeignKey &fk : table.foreignKeys)
        renameIn(fk.columns);
    for (Check &check : table.checks)
        check.expression = SqlExpression::renameIdentifiers(check.expression, renames);
    for (Column &other : table.columns)
        other.generated = SqlExpression::renameIdentifiers(other.generated, renames);
    for (Table &other : m_schema.tables) {
        for (ForeignKey &fk : other.foreignKeys) {
            if (fk.referencedTable == table.name)
                renameIn(fk.referencedColumns);
        }
    }
    renameInUnmanaged(table.name, renames);
    return {};
}

Result<void> Evolver::operator()(const CreateIndexOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if (auto ok = noSuchIndex(op.index.name); !ok)
        return ok;
    if (auto ok = columnsExist(**t, op.index.columns); !ok)
        return ok;
    (*t)->indexes.append(op.index);
    return {};
}

Result<void> Evolver::operator()(const DropIndexOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if (!removeNamed((*t)->indexes, op.name))
        return fail(Tr::tr("%1: table %2 has no index %3").arg(m_key, op.table, op.name));
    return {};
}

Result<void> Evolver::operator()(const AddForeignKeyOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if (auto ok = noSuchConstraint(**t, op.foreignKey.name); !ok)
        return ok;
    if (auto ok = columnsExist(**t, op.foreignKey.columns); !ok)
        return ok;
    if (auto ok = referencedTableExists(**t, op.foreignKey); !ok)
        return ok;
    (*t)->foreignKeys.append(op.foreignKey);
    return {};
}

Result<void> Evolver::operator()(const DropForeignKeyOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if (!removeNamed((*t)->foreignKeys, op.name))
        return fail(Tr::tr("%1: table %2 has no foreign key %3").arg(m_key, op.table, op.name));
    return {};
}

Result<void> Evolver::operator()(const AddUniqueOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if (auto ok = noSuchConstraint(**t, op.unique.name); !ok)
        return ok;
    if (auto ok = columnsExist(**t, op.unique.columns); !ok)
        return ok;
    (*t)->uniqueConstraints.append(op.unique);
    return {};
}

Result<void> Evolver::operator()(const DropUniqueOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if (!removeNamed((*t)->uniqueConstraints, op.name))
        return fail(Tr::tr("%1: table %2 has no unique constraint %3").arg(m_key, op.table, op.name));
    return {};
}

Result<void> Evolver::operator()(const AddCheckOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if (auto ok = noSuchConstraint(**t, op.check.name); !ok)
        return ok;
    (*t)->checks.append(op.check);
    return {};
}

Result<void> Evolver::operator()(const DropCheckOp &op)
{
    auto t = table(op.table);
    if (!t)
        return std::unexpected(t.error());
    if (!removeNamed((*t)->checks, op.name))
        return fail(Tr::tr("%1: table %2 has no check %3").arg(m_key, op.table, op.name));
    return {};
}

Result<void> Evolver::operator()(const CreateEnumOp &op)
{
    if (m_schema.enumType(op.type.name))
        return fail(Tr::tr("%1: enum %2 already exists").arg(m_key, op.type.name));
    m_schema.enums.append(op.type);
    return {};
}

Result<void> Evolver::operator()(const DropEnumOp &op)
{
    if (auto e = enumType(op.name); !e)
        return std::unexpected(e.error());
    for (const Table &t : std::as_const(m_schema.tables)) {
        for (const Column &c : t.columns) {
            if (c.type.kind == ColumnType::Kind::Enum && c.type.enumName == op.name)
                return fail(Tr::tr("%1: enum %2 is still used by column %3.%4").arg(m_key, op.name, t.name, c.name));
        }
    }
    removeNamed(m_schema.enums, op.name);
    return {};
}

Result<void> Evolver::operator()(const AddEnumValueOp &op)
{
    auto e = enumType(op.enumName);
    if (!e)
        return std::unexpected(e.error());
    QStringList &values = (*e)->values;
    if (values.contains(op.value))
        return fail(Tr::tr("%1: enum %2 already has the value %3").arg(m_key, op.enumName, op.value));
    const QString &anchor = op.before.isEmpty() ? op.after : op.before;
    if (anchor.isEmpty()) {
        values.append(op.value);
        return {};
    }
    const qsizetype at = values.indexOf(anchor);
    if (at < 0)
        return fail(Tr::tr("%1: enum %2 has no value %3").arg(m_key, op.enumName, anchor));
    values.insert(op.before.isEmpty() ? at + 1 : at, op.value);
    return {};
}

} // namespace

Result<void> SchemaEvolver::apply(Schema &schema, const Operation &operation)
{
    // Work on a copy (implicitly shared lists: cheap) so that a failure
    // half-way leaves `schema` as it was.
    Schema next = schema;
    Evolver evolver(next, operation.key());
    auto done = std::visit(evolver, operation.data);
    if (!done)
        return done;
    schema = std::move(next);
    return {};
}

Result<Operation> SchemaEvolver::withDefinitions(const Operation &operation, const Schema &state)
{
    const QString key = operation.key();
    const auto table = [&](const QString &name) -> Result<const Table *> {
        const Table *t = state.table(name);
        if (!t)
            return fail(Tr::tr("%1: table %2 does not exist").arg(key, name));
        return t;
    };
    const auto missing = [&](const char *what, const QString &tableName, const QString &name) {
        return fail(Tr::tr("%1: table %2 has no %3 %4").arg(key, tableName, Tr::tr(what), name));
    };
    // Fills `definition` from the named item of `list`.
    const auto fill = [&](auto &definition, const auto &list, const char *what, const QString &tableName,
                          const QString &name) -> Result<void> {
        if (definition)
            return {};
        const auto it = std::find_if(list.cbegin(), list.cend(), [&](const auto &item) { return item.name == name; });
        if (it == list.cend())
            return missing(what, tableName, name);
        definition = *it;
        return {};
    };

    Operation result = operation;
    Result<void> done = std::visit(
        Overloaded{
            [&](DropTableOp &op) -> Result<void> {
                auto t = table(op.name);
                if (!t)
                    return std::unexpected(t.error());
                if (!op.definition)
                    op.definition = **t;
                return {};
            },
            [&](DropColumnOp &op) -> Result<void> {
                auto t = table(op.table);
                if (!t)
                    return std::unexpected(t.error());
                return fill(op.definition, (*t)->columns, QT_TRANSLATE_NOOP("SchemaEvolver", "column"), op.table, op.column);
            },
            [&](DropIndexOp &op) -> Result<void> {
                auto t = table(op.table);
                if (!t)
                    return std::unexpected(t.error());
                return fill(op.definition, (*t)->indexes, QT_TRANSLATE_NOOP("SchemaEvolver", "index"), op.table, op.name);
            },
            [&](DropForeignKeyOp &op) -> Result<void> {
                auto t = table(op.table);
                if (!t)
                    return std::unexpected(t.error());
                return fill(op.definition, (*t)->foreignKeys, QT_TRANSLATE_NOOP("SchemaEvolver", "foreign key"), op.table, op.name);
            },
            [&](DropUniqueOp &op) -> Result<void> {
                auto t = table(op.table);
                if (!t)
                    return std::unexpected(t.error());
                return fill(op.definition, (*t)->uniqueConstraints, QT_TRANSLATE_NOOP("SchemaEvolver", "unique constraint"),
                            op.table, op.name);
            },
            [&](DropCheckOp &op) -> Result<void> {
                auto t = table(op.table);
                if (!t)
                    return std::unexpected(t.error());
                return fill(op.definition, (*t)->checks, QT_TRANSLATE_NOOP("SchemaEvolver", "check"), op.table, op.name);
            },
            [&](DropEnumOp &op) -> Result<void> {
                if (op.definition)
                    return {};
                const EnumType *e = state.enumType(op.name);
                if (!e)
                    return fail(Tr::tr("%1: enum %2 does not exist").arg(key, op.name));
                op.definition = *e;
                return {};
            },
            [&](AlterColumnOp &op) -> Result<void> {
                auto t = table(op.table);
                if (!t)
                    return std::unexpected(t.error());
                const Column *c = (*t)->column(op.column);
                if (!c)
                    return missing(QT_TRANSLATE_NOOP("SchemaEvolver", "column"), op.table, op.column);
                if (op.type && !op.existingType)
                    op.existingType = c->type;
                if (op.nullable && !op.existingNullable)
                    op.existingNullable = c->nullable;
                if (op.defaultValue && !op.existingDefault)
                    op.existingDefault = c->defaultValue;
                if (op.comment && !op.existingComment)
                    op.existingComment = c->comment;
                return {};
            },
            [](auto &) -> Result<void> { return {}; },
        },
        result.data);
    if (!done)
        return std::unexpected(done.error());
    return result;
}

bool SchemaEvolver::mentions(const QString &sql, const QString &name)
{
    if (sql.isEmpty() || name.isEmpty() || !sql.contains(name, Qt::CaseInsensitive))
        return false;
    const QList<SqlToken> tokens = SqlLexer::tokenize(sql);
    return std::any_of(tokens.cbegin(), tokens.cend(), [&](const SqlToken &token) {
        return token.isName() && token.text.compare(name, Qt::CaseInsensitive) == 0;
    });
}

} // namespace sd
