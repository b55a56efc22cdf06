#include "SchemaDiff.h"

#include "TablePrefetch.h"
#include "concurrency/ParallelWork.h"
#include "dialect/Dialect.h"
#include "dialect/PostgresDialect.h"
#include "dialect/SqlExpression.h"
#include "model/StorageParameters.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <optional>
#include <vector>

namespace sd {

namespace {

using K = Difference::Kind;

// The fewest pairs of tables worth a part of their own: some 100 us of
// comparing (about 0.8 us a table), against the tens of microseconds
// starting a thread takes.
constexpr qsizetype tablesPerPart = 128;

// Pairs configured objects with live ones: first by name, then the
// remaining ones by definition, so an unnamed constraint in the
// configuration matches the name the server gave it. Tables hold a handful
// of each kind, so the lists live on the stack and the name search tries
// the same position first (both sides usually list objects in one order).
template<typename T>
struct Matching
{
    QVarLengthArray<std::pair<const T *, const T *>, 16> pairs; // configured, live
    QVarLengthArray<const T *, 8> onlyConfigured;
    QVarLengthArray<const T *, 8> onlyLive;
};

// The same list on both sides (StringPool shares equal lists): nothing in
// it can differ, since no comparison tells an object from itself.
template<typename T>
bool sameList(const QList<T> &configured, const QList<T> &live)
{
    return configured.constData() == live.constData() && configured.size() == live.size();
}

template<typename T, typename KeyFn>
Matching<T> match(const QList<T> &configured, const QList<T> &live, KeyFn definitionKey)
{
    Matching<T> m;
    QVarLengthArray<bool, 32> liveUsed(live.size(), false);
    QVarLengthArray<const T *, 8> unmatched;
    for (qsizetype position = 0; position < configured.size(); ++position) {
        const T &c = configured[position];
        qsizetype found = -1;
        if (!c.name.isEmpty()) {
            if (position < live.size() && !liveUsed[position] && live[position].name == c.name) {
                found = position;
            } else {
                for (qsizetype i = 0; i < live.size(); ++i) {
                    if (!liveUsed[i] && live[i].name == c.name) {
                        found = i;
                        break;
                    }
                }
            }
        }
        if (found >= 0) {
            liveUsed[found] = true;
            m.pairs.append(std::make_pair(&c, &live[found]));
        } else {
            unmatched.append(&c);
        }
    }
    for (const T *c : unmatched) {
        qsizetype found = -1;
        const QString key = definitionKey(*c);
        for (qsizetype i = 0; i < live.size(); ++i) {
            if (!liveUsed[i] && definitionKey(live[i]) == key) {
                found = i;
                break;
            }
        }
        if (found >= 0) {
            liveUsed[found] = true;
            m.pairs.append(std::make_pair(c, &live[found]));
        } else {
            m.onlyConfigured.append(c);
        }
    }
    for (qsizetype i = 0; i < live.size(); ++i) {
        if (!liveUsed[i])
            m.onlyLive.append(&live[i]);
    }
    return m;
}

// The column named `name`, looked for at `position` first.
const Column *columnNear(const Table &table, const QString &name, qsizetype position)
{
    if (position < table.columns.size() && table.columns[position].name == name)
        return &table.columns[position];
    return table.column(name);
}

// Two spellings of one expression: equal text needs no tokenizing.
bool sameSql(const QString &a, const QString &b)
{
    return a == b || SqlExpression::comparisonKey(a) == SqlExpression::comparisonKey(b);
}

// Names differ in a way that matters: the configuration names the object
// and the database calls it something else.
template<typename T>
bool namesDiffer(const T &configured, const T &live)
{
    return !configured.name.isEmpty() && configured.name != live.name;
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaDiff)
};

class TableComparer
{
public:
    TableComparer(const Dialect &dialect, Differences &out)
        : m_dialect(dialect)
        , m_out(out)
    {
    }

    // `cfg` is lowered except for its columns (Dialect::loweredExceptColumns()):
    // each column is lowered as it is compared.
    void compare(const Table &cfg, const Table &liveTable, const prefetch::Schedule &prefetches)
    {
        m_prefetches = &prefetches;
        m_table = &cfg.name;
        // Constraints and indexes of the database are compared as they will
        // be once the renames are applied: a renamed column carries them.
        // Without renames the live table is compared as it is, uncopied.
        std::optional<Table> renamed = withRenamesApplied(cfg, liveTable);
        const Table &live = renamed ? *renamed : liveTable;
        if (cfg.comment != live.comment)
            add(K::TableCommentChanged, cfg.name, live.comment, cfg.comment);
        if (!sameSql(cfg.partitionBy, live.partitionBy))
            add(K::PartitioningChanged, cfg.name, live.partitionBy, cfg.partitionBy);
        if (cfg.withoutRowid != live.withoutRowid || cfg.strict != live.strict)
            add(K::TableOptionsChanged, cfg.name, live.sqliteOptions().join(QStringLiteral(", ")),
                cfg.sqliteOptions().join(QStringLiteral(", ")));
        compareColumns(cfg, live);
        comparePrimaryKey(cfg, live);
        compareIndexes(cfg, live);
        compareUniques(cfg, live);
        compareForeignKeys(cfg, live);
        compareChecks(cfg, live);
    }

private:
    // `cfg`'s columns are not lowered yet: the names are compared as the
    // database stores them (PostgreSQL cuts long ones).
    std::optional<Table> withRenamesApplied(const Table &cfg, const Table &liveTable) const
    {
        QHash<QString, QString> renames;
        for (const Column &c : cfg.columns) {
            if (c.renamedFrom.isEmpty())
                continue;
            const QString name = m_dialect.storedName(c.name);
            const QString from = m_dialect.storedName(c.renamedFrom);
            if (!liveTable.column(name) && liveTable.column(from) && !cfg.column(c.renamedFrom))
                renames.insert(from, name);
        }
        if (renames.isEmpty())
            return std::nullopt;
        Table live = liveTable;
        auto renameList = [&](QStringList &names) {
            for (QString &n : names)
                n = renames.value(n, n);
        };
        auto renameSql = [&](QString &sql) { sql = SqlExpression::renameIdentifiers(sql, renames); };
        renameList(live.primaryKey.columns);
        for (Index &i : live.indexes) {
            renameList(i.columns);
            renameSql(i.expression);
            renameSql(i.where);
        }
        for (UniqueConstraint &u : live.uniqueConstraints)
            renameList(u.columns);
        for (ForeignKey &f : live.foreignKeys)
            renameList(f.columns);
        for (Check &ck : live.checks)
            renameSql(ck.expression);
        for (Column &c : live.columns)
            renameSql(c.generated);
        return live;
    }

    Difference &add(K kind, const QString &name, Difference::Object liveSide, Difference::Object cfgSide)
    {
        m_out.append(Difference{kind, *m_table, name, {}, std::move(liveSide), std::move(cfgSide), false, {}});
        return m_out.last();
    }

    void compareColumns(const Table &cfg, const Table &live)
    {
        // Tables hold a handful of columns: a scan beats a hash here, and
        // the cost stays per table.
        QVarLengthArray<const Column *, 32> liveMatched;
        for (qsizetype position = 0; position < cfg.columns.size(); ++position) {
            m_prefetches->at(position);
            // Lowered on its own, and only when the dialect changes it.
            const std::optional<Column> lowered = m_dialect.loweredColumn(cfg.columns[position], cfg);
            const Column &c = lowered ? *lowered : cfg.columns[position];
            const Column *l = columnNear(live, c.name, position);
            if (!l && !c.renamedFrom.isEmpty() && !cfg.column(c.renamedFrom)) {
                l = live.column(c.renamedFrom);
                if (l) {
                    Difference &d = add(K::ColumnRenamed, c.name, *l, c);
                    d.oldName = l->name;
                }
            }
            if (!l) {
                add(K::ColumnAdded, c.name, {}, c);
                continue;
            }
            liveMatched.append(l);
            compareColumn(c, *l);
        }
        m_prefetches->finish(cfg.columns.size());
        for (const Column &l : live.columns) {
            if (std::find(liveMatched.cbegin(), liveMatched.cend(), &l) != liveMatched.cend())
                continue;
            Difference &d = add(K::ColumnRemoved, l.name, l, {});
            d.destructive = true;
            d.reason = Tr::tr("drops column %1.%2 and the values it holds").arg(*m_table, l.name);
        }
    }

    void compareColumn(const Column &c, const Column &l)
    {
        if (c.type != l.type && !m_dialect.sameType(c, l)) {
            Difference &d = add(K::ColumnTypeChanged, c.name, l, c);
            if (m_dialect.isNarrowing(l.type, c.type)) {
                d.destructive = true;
                d.reason = Tr::tr("narrows %1.%2 from %3 to %4: values that do not fit are lost or refused")
                               .arg(*m_table, c.name, l.type.spelling(m_dialect.kind()), c.type.spelling(m_dialect.kind()));
            }
        }
        if (c.nullable != l.nullable) {
            Difference &d = add(K::ColumnNullabilityChanged, c.name, l, c);
            if (!c.nullable) {
                d.destructive = true;
                d.reason = Tr::tr("makes %1.%2 NOT NULL: rows holding NULL there must change or the change fails")
                               .arg(*m_table, c.name);
            }
        }
        const bool computed = c.autoincrement != Autoincrement::No || l.autoincrement != Autoincrement::No
                              || !c.generated.isEmpty() || !l.generated.isEmpty();
        if (!computed && !m_dialect.sameDefault(c, l))
            add(K::ColumnDefaultChanged, c.name, l, c);
        if (c.autoincrement != l.autoincrement)
            add(K::ColumnAutoincrementChanged, c.name, l, c);
        if (!sameSql(c.generated, l.generated)
            || (!c.generated.isEmpty() && c.generatedStored != l.generatedStored))
            add(K::ColumnGeneratedChanged, c.name, l, c);
        if (c.collation != l.collation && !m_dialect.sameCollation(c.collation, l.collation))
            add(K::ColumnCollationChanged, c.name, l, c);
        if (c.comment != l.comment)
            add(K::ColumnCommentChanged, c.name, l, c);
    }

    void comparePrimaryKey(const Table &cfg, const Table &live)
    {
        bool differ = cfg.primaryKey.columns != live.primaryKey.columns;
        if (!differ && !cfg.primaryKey.name.isEmpty() && !live.primaryKey.name.isEmpty())
            differ = cfg.primaryKey.name != live.primaryKey.name;
        if (!differ && !cfg.primaryKey.name.isEmpty() && live.primaryKey.name.isEmpty()
            && m_dialect.kind() == DialectKind::PostgreSQL)
            differ = cfg.primaryKey.name != PostgresDialect::defaultPrimaryKeyName(cfg.name);
        if (differ)
            add(K::PrimaryKeyChanged, cfg.primaryKey.name, live.primaryKey, cfg.primaryKey); // the live name is in `live`
    }

    QString indexElementsKey(const Index &i) const
    {
        return SqlExpression::comparisonKey(i.columns.isEmpty() ? i.expression : m_dialect.quoteIdentifiers(i.columns));
    }

    void compareIndexes(const Table &cfg, const Table &live)
    {
        if (sameList(cfg.indexes, live.indexes))
            return;
        const auto m = match(cfg.indexes, live.indexes, [this](const Index &i) -> QString {
            return QString::number(i.unique) + QLatin1Char('|') + indexElementsKey(i) + QLatin1Char('|')
                   + SqlExpression::comparisonKey(i.where) + QLatin1Char('|') + i.method.toLower();
        });
        for (const auto &[c, l] : m.pairs) {
            const bool sameElements = (c->columns == l->columns && c->expression == l->expression)
                                      || indexElementsKey(*c) == indexElementsKey(*l);
            if (namesDiffer(*c, *l) || c->unique != l->unique || !sameElements || !sameSql(c->where, l->where)
                || (c->method != l->method && c->method.toLower() != l->method.toLower())
                || c->nullsNotDistinct != l->nullsNotDistinct
                || !StorageParameters::same(c->storageParameters, l->storageParameters))
                add(K::IndexChanged, c->name, *l, *c);
        }
        for (const Index *c : m.onlyConfigured)
            add(K::IndexAdded, c->name, {}, *c);
        for (const Index *l : m.onlyLive)
            add(K::IndexRemoved, l->name, *l, {});
    }

    void compareUniques(const Table &cfg, const Table &live)
    {
        if (sameList(cfg.uniqueConstraints, live.uniqueConstraints))
            return;
        const auto m = match(cfg.uniqueConstraints, live.uniqueConstraints,
                             [](const UniqueConstraint &u) -> QString { return u.columns.join(QLatin1Char(',')); });
        for (const auto &[c, l] : m.pairs) {
            if (namesDiffer(*c, *l) || c->columns != l->columns || c->deferrable != l->deferrable
                || c->initiallyDeferred != l->initiallyDeferred || c->nullsNotDistinct != l->nullsNotDistinct)
                add(K::UniqueChanged, c->name.isEmpty() ? l->name : c->name, *l, *c);
        }
        for (const UniqueConstraint *c : m.onlyConfigured)
            add(K::UniqueAdded, c->name, {}, *c);
        for (const UniqueConstraint *l : m.onlyLive)
            add(K::UniqueRemoved, l->name, *l, {});
    }

    void compareForeignKeys(const Table &cfg, const Table &live)
    {
        if (sameList(cfg.foreignKeys, live.foreignKeys))
            return;
        const auto m = match(cfg.foreignKeys, live.foreignKeys, [](const ForeignKey &f) -> QString {
            return f.columns.join(QLatin1Char(',')) + QLatin1Char('>') + f.referencedTable + QLatin1Char('.')
                   + f.referencedColumns.join(QLatin1Char(','));
        });
        for (const auto &[c, l] : m.pairs) {
            if (namesDiffer(*c, *l) || c->columns != l->columns || c->referencedTable != l->referencedTable
                || c->referencedColumns != l->referencedColumns || c->onDelete != l->onDelete
                || c->onUpdate != l->onUpdate || c->deferrable != l->deferrable
                || c->initiallyDeferred != l->initiallyDeferred || c->notValid != l->notValid)
                add(K::ForeignKeyChanged, c->name.isEmpty() ? l->name : c->name, *l, *c);
        }
        for (const ForeignKey *c : m.onlyConfigured)
            add(K::ForeignKeyAdded, c->name, {}, *c);
        for (const ForeignKey *l : m.onlyLive)
            add(K::ForeignKeyRemoved, l->name, *l, {});
    }

    void compareChecks(const Table &cfg, const Table &live)
    {
        if (sameList(cfg.checks, live.checks))
            return;
        const auto m = match(cfg.checks, live.checks,
                             [](const Check &c) -> QString { return SqlExpression::comparisonKey(c.expression); });
        for (const auto &[c, l] : m.pairs) {
            if (namesDiffer(*c, *l)
                || !sameSql(c->expression, l->expression)
                || c->notValid != l->notValid)
                add(K::CheckChanged, c->name.isEmpty() ? l->name : c->name, *l, *c);
        }
        for (const Check *c : m.onlyConfigured)
            add(K::CheckAdded, c->name, {}, *c);
        for (const Check *l : m.onlyLive)
            add(K::CheckRemoved, l->name, *l, {});
    }

    const Dialect &m_dialect;
    Differences &m_out;
    const QString *m_table = nullptr; // the configured table's name
    const prefetch::Schedule *m_prefetches = nullptr; // for the tables compared next
};

void compareEnums(const QList<EnumType> &cfg, const QList<EnumType> &live, Differences &out)
{
    QHash<QString, const EnumType *> liveByName;
    liveByName.reserve(live.size());
    for (const EnumType &l : live)
        liveByName.insert(l.name, &l);
    QSet<QString> configuredNames;
    configuredNames.reserve(cfg.size());
    for (const EnumType &c : cfg) {
        configuredNames.insert(c.name);
        const EnumType *l = liveByName.value(c.name);
        if (!l) {
            out.append(Difference{K::EnumAdded, {}, c.name, {}, {}, c, false, {}});
        } else if (c.values != l->values) {
            Difference d{K::EnumChanged, {}, c.name, {}, *l, c, false, {}};
            QStringList dropped;
            for (const QString &v : l->values) {
                if (!c.values.contains(v))
                    dropped << v;
            }
            if (!dropped.isEmpty()) {
                d.destructive = true;
                d.reason = Tr::tr("removes value(s) %1 from enum %2: rows holding them must change", nullptr, int(dropped.size()))
                               .arg(dropped.join(QStringLiteral(", ")), c.name);
            }
            out.append(d);
        }
    }
    for (const EnumType &l : live) {
        if (!configuredNames.contains(l.name))
            out.append(Difference{K::EnumRemoved, {}, l.name, {}, l, {}, false, {}});
    }
}

} // namespace

Differences SchemaDiff::compare(const Schema &configured, const Schema &live, const Dialect &dialect,
                                const DiffOptions &options)
{
    // Linear in the size of both schemas, and light on memory: lookups by
    // name go through hashes of views (no string is copied), and the
    // configuration is lowered one table at a time right before that table
    // is compared, never copied whole; a table or a column the dialect
    // keeps as configured is not copied at all.
    const auto ignored = [&](const Table &t) { return options.isIgnored && options.isIgnored(t.name); };

    Differences out;
    compareEnums(dialect.loweredEnums(configured), live.enums, out);

    // Both sides usually list the tables in one order (a configuration that
    // inspect wrote, a database created from one): the live table at the
    // same position is tried first, a comparison of two pointers where the
    // names are pooled, and the live tables are hashed by name only once a
    // table is not at its position. The hash is complete before the parts
    // below read it.
    QHash<QStringView, qsizetype> liveByName;
    bool liveHashed = false;
    const auto liveTable = [&](const QString &name) -> qsizetype {
        Q_ASSERT(liveHashed);
        return liveByName.value(name, -1);
    };
    const auto hashLive = [&] {
        liveByName.reserve(live.tables.size());
        for (qsizetype i = 0; i < live.tables.size(); ++i) {
            prefetch::nameAhead(live.tables, i);
            if (!ignored(live.tables[i]))
                liveByName.insert(live.tables[i].name, i);
        }
        liveHashed = true;
    };
    // Only a rename hint needs the set of configured names.
    QSet<QStringView> configuredNames;
    if (std::any_of(configured.tables.cbegin(), configured.tables.cend(),
                    [](const Table &t) { return !t.renamedFrom.isEmpty(); })) {
        configuredNames.reserve(configured.tables.size());
        for (const Table &t : configured.tables) {
            if (!ignored(t))
                configuredNames.insert(t.name);
        }
    }

    // The tables to compare, each with the live table of its name, found
    // first: the loop below then knows which tables come next and asks for
    // their memory while it compares the current one (TablePrefetch.h).
    std::vector<prefetch::Pair> pairs;
    pairs.reserve(size_t(configured.tables.size()));
    for (qsizetype i = 0; i < configured.tables.size(); ++i) {
        prefetch::nameAhead(configured.tables, i);
        const Table &source = configured.tables[i];
        if (ignored(source))
            continue;
        // Of one name, so not ignored either.
        qsizetype l = i < live.tables.size() && live.tables[i].name == source.name ? i : -1;
        if (l < 0) {
            if (!liveHashed)
                hashLive();
            l = liveTable(source.name);
            if (l < 0) {
                // The database may keep the name shorter (PostgreSQL cuts at 63 bytes).
                if (const QString stored = dialect.storedName(source.name); stored != source.name)
                    l = liveTable(stored);
            }
        }
        pairs.push_back({&source, l >= 0 ? &live.tables[l] : nullptr});
    }

    // The pairs are compared in parts, on as many cores as the schema is
    // worth (ParallelWork.h): once the schemas outgrow the processor's
    // cache, each core keeps its own requests to memory open. Each part
    // lists its differences on its own, and the lists are joined in the
    // parts' order, so the result is that of one pass from first to last.
    // A part writes only its own list and the live tables its pairs found
    // by a rename hint; the rest is read only.
    const int parts = ParallelWork::partCount(qsizetype(pairs.size()), tablesPerPart, options.threads);
    std::vector<Differences> partDifferences(static_cast<size_t>(parts));
    std::vector<const Table *> renamedFrom(pairs.size(), nullptr);
    const auto comparePart = [&](int part) {
        Differences &partOut = partDifferences[size_t(part)];
        TableComparer comparer(dialect, partOut);
        const size_t end = pairs.size() * size_t(part + 1) / size_t(parts);
        for (size_t index = pairs.size() * size_t(part) / size_t(parts); index < end; ++index) {
            const prefetch::Schedule prefetches(pairs, index);
            const Table &source = *pairs[index].configured;
            const std::optional<Table> lowered = dialect.loweredExceptColumns(source, configured);
            const Table &c = lowered ? *lowered : source;
            const Table *l = pairs[index].live;
            if (!l && !c.renamedFrom.isEmpty() && !configuredNames.contains(source.renamedFrom)) {
                if (const qsizetype renamed = liveTable(c.renamedFrom); renamed >= 0) {
                    l = renamedFrom[index] = &live.tables[renamed];
                    partOut.append(Difference{K::TableRenamed, c.name, c.name, l->name, {}, {}, false, {}});
                }
            }
            if (!l) {
                partOut.append(Difference{K::TableAdded, c.name, c.name, {}, {}, dialect.loweredTable(source, configured), false, {}});
                prefetches.finish(0);
                continue;
            }
            comparer.compare(c, *l, prefetches);
        }
    };
    ParallelWork::run(parts, comparePart, options.threads);
    for (Differences &d : partDifferences)
        out.append(std::move(d));

    std::vector<bool> liveMatched(size_t(live.tables.size()), false);
    for (size_t index = 0; index < pairs.size(); ++index) {
        if (const Table *l = pairs[index].live ? pairs[index].live : renamedFrom[index])
            liveMatched[size_t(l - live.tables.constData())] = true;
    }
    for (qsizetype i = 0; i < live.tables.size(); ++i) {
        const Table &l = live.tables[i];
        if (liveMatched[size_t(i)] || ignored(l))
            continue;
        out.append(Difference{K::TableRemoved, l.name, l.name, {}, l, {}, true,
                              Tr::tr("drops table %1 and every row in it").arg(l.name)});
    }
    return out;
}

} // namespace sd
