// Collects every index and constraint name of both schemas, then hands out
// names that collide with none of them.

#include "ConstraintNamer.h"

namespace sd {

namespace {

QString key(const QString &table, const QString &name)
{
    return table + QLatin1Char('\n') + name;
}

} // namespace

ConstraintNamer::ConstraintNamer(const Schema &configured, const Schema &live)
{
    collect(configured);
    collect(live);
}

void ConstraintNamer::collect(const Schema &schema)
{
    for (const Table &t : schema.tables) {
        for (const Index &i : t.indexes)
            m_taken.insert(key({}, i.name));
        m_taken.insert(key(t.name, t.primaryKey.name));
        for (const UniqueConstraint &u : t.uniqueConstraints) {
            m_taken.insert(key(t.name, u.name));
            m_taken.insert(key({}, u.name)); // PostgreSQL backs it with an index of that name
        }
        for (const ForeignKey &f : t.foreignKeys)
            m_taken.insert(key(t.name, f.name));
        for (const Check &c : t.checks)
            m_taken.insert(key(t.name, c.name));
    }
}

QString ConstraintNamer::unused(const QString &table, const QString &base)
{
    QString name = base;
    for (int n = 2; m_taken.contains(key(table, name)) || m_taken.contains(key({}, name)); ++n)
        name = base + QLatin1Char('_') + QString::number(n);
    m_taken.insert(key(table, name));
    return name;
}

Index ConstraintNamer::index(const QString &table, Index index)
{
    if (index.name.isEmpty()) {
        const QString columns = index.columns.isEmpty() ? QStringLiteral("expr") : index.columns.join(QLatin1Char('_'));
        index.name = unused({}, QStringLiteral("ix_") + table + QLatin1Char('_') + columns);
    }
    return index;
}

UniqueConstraint ConstraintNamer::unique(const QString &table, UniqueConstraint unique)
{
    if (unique.name.isEmpty()) {
        unique.name = unused(table, QStringLiteral("uq_") + table + QLatin1Char('_') + unique.columns.join(QLatin1Char('_')));
        m_taken.insert(key({}, unique.name));
    }
    return unique;
}

ForeignKey ConstraintNamer::foreignKey(const QString &table, ForeignKey foreignKey)
{
    if (foreignKey.name.isEmpty())
        foreignKey.name = unused(table, QStringLiteral("fk_") + table + QLatin1Char('_') + foreignKey.columns.join(QLatin1Char('_')));
    return foreignKey;
}

Check ConstraintNamer::check(const QString &table, Check check)
{
    if (check.name.isEmpty()) {
        // Checks are numbered: their expressions make poor names.
        int n = 1;
        while (m_taken.contains(key(table, QStringLiteral("ck_%1_%2").arg(table).arg(n))))
            ++n;
        check.name = QStringLiteral("ck_%1_%2").arg(table).arg(n);
        m_taken.insert(key(table, check.name));
    }
    return check;
}

} // namespace sd
