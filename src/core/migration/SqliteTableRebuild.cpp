#include "SqliteTableRebuild.h"

#include "SchemaEvolver.h"
#include "dialect/SqliteDialect.h"

#include <algorithm>

namespace sd {

namespace {

bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool containsName(const QStringList &names, const QString &name)
{
    return names.contains(name, Qt::CaseInsensitive);
}

bool mentionsAny(const QString &sql, const QStringList &names)
{
    return std::any_of(names.cbegin(), names.cend(), [&](const QString &n) { return SchemaEvolver::mentions(sql, n); });
}

Statement make(const QString &sql, const QString &table, Hazards hazards = {})
{
    Statement s = Statement::of(sql);
    s.table = table;
    s.hazards = hazards;
    return s;
}

bool hasAutoincrement(const Table &table)
{
    return std::any_of(table.columns.cbegin(), table.columns.cend(),
                       [](const Column &c) { return c.autoincrement != Autoincrement::No; });
}

// The views and triggers the rebuild must drop and create again.
struct Dependents
{
    QList<UnmanagedObject> views;        // in an order that creates (a view after the views it reads)
    QList<UnmanagedObject> triggers;     // every trigger to create again
    QList<UnmanagedObject> dropTriggers; // those DROP TABLE / DROP VIEW does not drop
};

Dependents dependents(const Schema &after, const QStringList &tables)
{
    const auto isView = [](const UnmanagedObject &o) { return o.kind == QLatin1String("view"); };
    const auto isTrigger = [](const UnmanagedObject &o) { return o.kind == QLatin1String("trigger"); };

    // Views that read a rebuilt table, and the views that read those.
    QStringList touched = tables;
    QStringList viewNames;
    for (bool grew = true; grew;) {
        grew = false;
        for (const UnmanagedObject &o : after.unmanaged) {
            if (isView(o) && !containsName(viewNames, o.name) && mentionsAny(o.definition, touched)) {
                viewNames << o.name;
                touched << o.name;
                grew = true;
            }
        }
    }

    Dependents result;
    // Creation order: a view once every dropped view it reads exists.
    QList<UnmanagedObject> pending;
    for (const UnmanagedObject &o : after.unmanaged) {
        if (isView(o) && containsName(viewNames, o.name))
            pending << o;
    }
    QStringList created;
    while (!pending.isEmpty()) {
        qsizetype next = 0;
        for (qsizetype i = 0; i < pending.size(); ++i) {
            QStringList waitingFor = viewNames;
            waitingFor.removeIf([&](const QString &v) { return containsName(created, v) || sameName(v, pending[i].name); });
            if (!mentionsAny(pending[i].definition, waitingFor)) {
                next = i;
                break;
            }
        }
        created << pending[next].name;
        result.views << pending.takeAt(next);
    }

    for (const UnmanagedObject &o : after.unmanaged) {
        if (!isTrigger(o))
            continue;
        const bool onDropped = containsName(touched, o.table);
        if (onDropped || mentionsAny(o.definition, touched)) {
            result.triggers << o;
            if (!onDropped)
                result.dropTriggers << o;
        }
    }
    return result;
}

} // namespace

QString SqliteTableRebuild::temporaryName(const Schema &schema, const QString &table)
{
    const auto taken = [&](const QString &name) {
        return std::any_of(schema.tables.cbegin(), schema.tables.cend(), [&](const Table &t) { return sameName(t.name, name); })
               || std::any_of(schema.unmanaged.cbegin(), schema.unmanaged.cend(),
                              [&](const UnmanagedObject &o) { return sameName(o.name, name); });
    };
    QString name = QStringLiteral("new_") + table;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("new_%1_%2").arg(table).arg(n);
    return name;
}

Statements SqliteTableRebuild::render(const Schema &before, const Schema &after, const QStringList &tables,
                                      const QHash<QString, QString> &renamedColumns, Hazards dataHazards)
{
    const SqliteDialect &d = static_cast<const SqliteDialect &>(Dialect::get(DialectKind::Sqlite));
    const auto q = [&d](const QString &name) -> QString { return d.quoteIdentifier(name); };
    const QString firstTable = tables.value(0);

    Statements out;
    Statement off = make(QStringLiteral("PRAGMA foreign_keys=OFF"), firstTable);
    off.placement = Statement::Placement::BeforeTransaction;
    out << off;

    const Dependents deps = dependents(after, tables);
    for (const UnmanagedObject &trigger : deps.dropTriggers)
        out << make(QStringLiteral("DROP TRIGGER ") + q(trigger.name), trigger.table);
    for (auto it = deps.views.crbegin(); it != deps.views.crend(); ++it)
        out << make(QStringLiteral("DROP VIEW ") + q(it->name), firstTable);

    QHash<QString, QString> sourceOf; // new column -> old column
    for (auto it = renamedColumns.cbegin(); it != renamedColumns.cend(); ++it)
        sourceOf.insert(it.value(), it.key());

    Schema scratch = after; // for temporary names that collide with nothing
    for (const QString &name : tables) {
        const Table *oldTable = before.table(name);
        const Table *newTable = after.table(name);
        if (!oldTable || !newTable)
            continue;
        const Table oldLowered = d.loweredTable(*oldTable, before);
        Table created = d.loweredTable(*newTable, after);
        const QString temporary = temporaryName(scratch, name);
        Table temporaryTable;
        temporaryTable.name = temporary;
        scratch.tables << temporaryTable;

        Table definition = created;
        definition.name = temporary;
        definition.indexes.clear();
        out << make(d.createTable(definition).constFirst(), name);

        QStringList targets;
        QStringList sources;
        for (const Column &c : std::as_const(created.columns)) {
            if (!c.generated.isEmpty())
                continue;
            const Column *source = oldLowered.column(sourceOf.value(c.name, c.name));
            if (!source || !source->generated.isEmpty())
                continue;
            targets << c.name;
            sources << source->name;
        }
        if (!targets.isEmpty()) {
            out << make(QStringLiteral("INSERT INTO ") + q(temporary) + QStringLiteral(" (") + d.quoteIdentifiers(targets)
                            + QStringLiteral(") SELECT ") + d.quoteIdentifiers(sources) + QStringLiteral(" FROM ") + q(name),
                        name, Hazard::RewritesTable | dataHazards);
        }
        if (hasAutoincrement(oldLowered) && hasAutoincrement(created)) {
            // Keep AUTOINCREMENT's high-water mark: ids of deleted rows stay unused.
            out << make(QStringLiteral("DELETE FROM \"sqlite_sequence\" WHERE \"name\" = ") + Dialect::quoteString(temporary), name);
            out << make(QStringLiteral("INSERT INTO \"sqlite_sequence\" (\"name\", \"seq\") SELECT ") + Dialect::quoteString(temporary)
                            + QStringLiteral(", \"seq\" FROM \"sqlite_sequence\" WHERE \"name\" = ") + Dialect::quoteString(name),
                        name);
        }
        out << make(QStringLiteral("DROP TABLE ") + q(name), name);
        out << make(QStringLiteral("ALTER TABLE ") + q(temporary) + QStringLiteral(" RENAME TO ") + q(name), name);
        for (const Index &index : std::as_const(created.indexes))
            out << make(d.createIndex(created, index), name);
    }

    for (const UnmanagedObject &view : deps.views)
        out << make(view.definition, firstTable);
    for (const UnmanagedObject &trigger : deps.triggers)
        out << make(trigger.definition, trigger.table);

    Statement check = make(QStringLiteral("PRAGMA foreign_key_check"), firstTable);
    check.kind = Statement::Kind::MustReturnNoRows;
    out << check;
    Statement on = make(QStringLiteral("PRAGMA foreign_keys=ON"), firstTable);
    on.placement = Statement::Placement::AfterTransaction;
    out << on;
    return out;
}

} // namespace sd
