#include "StringPool.h"

#include "Schema.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSet>

#include <algorithm>

namespace sd {

namespace {

// One copy of each value (a string, or a list of names), handed out shared.
template<typename T>
class SharedValues
{
public:
    explicit SharedValues(qsizetype minimumPurgeSize)
        : m_minimumPurgeSize(minimumPurgeSize)
        , m_purgeAt(minimumPurgeSize)
    {
    }

    // Makes `value` the pooled copy when there is one.
    bool share(T &value) const
    {
        const auto found = m_values.constFind(value);
        if (found == m_values.cend())
            return false;
        value = *found;
        return true;
    }

    void add(const T &value)
    {
        // Purging when the set has doubled keeps the work per value
        // constant and the set within twice what is in use.
        if (m_values.size() >= m_purgeAt)
            purge();
        m_values.insert(value);
    }

    void purge()
    {
        // A value whose buffer only the pool holds is detached. Nothing can
        // start sharing it meanwhile: every other copy comes from the pool,
        // under its lock. A literal (no heap buffer) is never detached and
        // costs nothing to keep.
        m_values.removeIf([](const T &v) { return v.isDetached(); });
        m_purgeAt = std::max(m_minimumPurgeSize, 2 * m_values.size());
    }

    qsizetype size() const { return m_values.size(); }

private:
    QSet<T> m_values;
    const qsizetype m_minimumPurgeSize;
    qsizetype m_purgeAt;
};

// The pool. Every member but lock() expects the caller to hold the lock, so
// a whole table is pooled under one lock.
class Pool
{
public:
    QMutexLocker<QMutex> lock() { return QMutexLocker(&m_mutex); }

    void intern(QString &text)
    {
        if (!text.isEmpty() && !m_strings.share(text))
            m_strings.add(text);
    }

    // The names first, then the list itself: equal lists of names (["id"],
    // ["user_id"]) share one array, so comparing them compares pointers.
    void intern(QStringList &list)
    {
        internList(list, m_lists, [this](QString &s) { intern(s); });
    }

    // Lists first: a string that only dead lists held is then free too.
    void purge()
    {
        m_indexLists.purge();
        m_uniqueLists.purge();
        m_foreignKeyLists.purge();
        m_checkLists.purge();
        m_lists.purge();
        m_strings.purge();
    }

    void intern(Column &c)
    {
        intern(c.name);
        intern(c.type.enumName);
        forEachIn(c.type.nativeSpellings, [this](QString &spelling) { intern(spelling); });
        intern(c.defaultValue.text);
        intern(c.generated);
        intern(c.renamedFrom);
    }

    void intern(Table &t)
    {
        intern(t.name);
        forEachIn(t.columns, [this](Column &c) { intern(c); });
        intern(t.primaryKey.columns);
        // A table's indexes, unique constraints, keys and checks: equal
        // lists on both sides of a diff share one array.
        internList(t.indexes, m_indexLists, [this](Index &i) {
            intern(i.name);
            intern(i.columns);
            intern(i.method);
        });
        internList(t.uniqueConstraints, m_uniqueLists, [this](UniqueConstraint &u) {
            intern(u.name);
            intern(u.columns);
        });
        internList(t.foreignKeys, m_foreignKeyLists, [this](ForeignKey &f) {
            intern(f.name);
            intern(f.columns);
            intern(f.referencedTable);
            intern(f.referencedColumns);
        });
        internList(t.checks, m_checkLists, [this](Check &c) {
            intern(c.name);
            intern(c.expression);
        });
    }

    void intern(EnumType &e)
    {
        intern(e.name); // what a column's enumName points at
        intern(e.values);
    }

    qsizetype size() const { return m_strings.size(); }

private:
    // The pooled copy of `list` if there is one; otherwise its elements'
    // names pooled, and the list becomes the pooled copy.
    template<typename T, typename Fn>
    static void internList(QList<T> &list, SharedValues<QList<T>> &pooled, Fn &&internNames)
    {
        if (list.isEmpty() || pooled.share(list))
            return;
        for (T &item : list)
            internNames(item);
        pooled.add(list);
    }

    // Walks a container only when it holds something: a non-const walk of
    // an empty Qt container gives it a buffer of its own (a detach), which
    // costs memory and makes two empty containers no longer share.
    template<typename Container, typename Fn>
    static void forEachIn(Container &items, Fn &&fn)
    {
        if (items.isEmpty())
            return;
        for (auto &item : items)
            fn(item);
    }

    QMutex m_mutex;
    SharedValues<QString> m_strings{4096};
    SharedValues<QStringList> m_lists{4096};
    SharedValues<QList<Index>> m_indexLists{256};
    SharedValues<QList<UniqueConstraint>> m_uniqueLists{256};
    SharedValues<QList<ForeignKey>> m_foreignKeyLists{256};
    SharedValues<QList<Check>> m_checkLists{256};
};

Pool &pool()
{
    static Pool instance;
    return instance;
}

// Pools `value` in place, under the pool's lock.
template<typename T>
void internLocked(T &value)
{
    Pool &p = pool();
    const auto lock = p.lock();
    p.intern(value);
}

} // namespace

QString StringPool::intern(const QString &text)
{
    QString pooled = text;
    internLocked(pooled);
    return pooled;
}

QStringList StringPool::intern(const QStringList &names)
{
    QStringList pooled = names;
    internLocked(pooled);
    return pooled;
}

void StringPool::intern(Table &table)
{
    internLocked(table);
}

void StringPool::intern(EnumType &type)
{
    internLocked(type);
}

qsizetype StringPool::purge()
{
    Pool &p = pool();
    const auto lock = p.lock();
    p.purge();
    return p.size();
}

qsizetype StringPool::size()
{
    Pool &p = pool();
    const auto lock = p.lock();
    return p.size();
}

} // namespace sd
