#pragma once
// Asks the processor for the memory of the tables the diff compares next,
// while it compares the current one. The diff reaches every string through
// a chain of pointers (table, list of columns, column, string). Once the
// two schemas outgrow the processor's cache (about 12 MiB at 1,000 tables,
// 60 MiB at 5,000), each link is a wait for main memory that the processor
// cannot start early, since it learns the address only from the link
// before. So the steps below run for tables further and further ahead, each
// reading only pointers that an earlier step has brought in: the table
// itself four pairs ahead, its lists three ahead, their strings two ahead,
// the names in those lists for the next pair (Schedule).
//
// A prefetch is a hint: it changes no result, and it does nothing on a
// compiler without __builtin_prefetch. Every function here is always
// inlined: GCC drops a call to a function that only prefetches, since such
// a call has no effect it must keep.

#include "model/Schema.h"

#include <algorithm>
#include <vector>

namespace sd::prefetch {

Q_ALWAYS_INLINE void line(const void *address)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    Q_UNUSED(address);
#endif
}

// Every cache line (64 bytes on the processors we run on) of `count`
// objects from `first`.
template<typename T>
Q_ALWAYS_INLINE void lines(const T *first, qsizetype count)
{
    const char *end = reinterpret_cast<const char *>(first + count);
    for (const char *p = reinterpret_cast<const char *>(first); p < end; p += 64)
        line(p);
}

template<typename T>
Q_ALWAYS_INLINE void elements(const QList<T> &list)
{
    lines(list.constData(), list.size());
}

Q_ALWAYS_INLINE void text(const QString &s)
{
    if (!s.isEmpty())
        line(s.constData());
}

Q_ALWAYS_INLINE void texts(const QStringList &list)
{
    for (const QString &s : list)
        text(s);
}

// The name of the table `distance` places after `index`, for the loops that
// look tables up by name and read nothing else of them.
Q_ALWAYS_INLINE void nameAhead(const QList<Table> &tables, qsizetype index, qsizetype distance = 16)
{
    if (index + distance < tables.size())
        text(tables[index + distance].name);
}

// 1. The table itself.
Q_ALWAYS_INLINE void table(const Table &t)
{
    lines(&t, 1);
}

// 2. Its key, indexes, constraints and checks (the columns: columnLines()).
Q_ALWAYS_INLINE void lists(const Table &t)
{
    elements(t.primaryKey.columns);
    elements(t.indexes);
    elements(t.uniqueConstraints);
    elements(t.foreignKeys);
    elements(t.checks);
}

// 3. Their strings and the lists of names they hold (the columns'
// strings: columnStrings()).
Q_ALWAYS_INLINE void strings(const Table &t)
{
    texts(t.primaryKey.columns);
    for (const Index &i : t.indexes) {
        text(i.name);
        elements(i.columns);
        text(i.expression);
        text(i.where);
        text(i.method);
    }
    for (const UniqueConstraint &u : t.uniqueConstraints) {
        text(u.name);
        elements(u.columns);
    }
    for (const ForeignKey &f : t.foreignKeys) {
        text(f.name);
        elements(f.columns);
        text(f.referencedTable);
        elements(f.referencedColumns);
    }
    for (const Check &c : t.checks) {
        text(c.name);
        text(c.expression);
    }
}

// 4. The names in those lists.
Q_ALWAYS_INLINE void names(const Table &t)
{
    for (const Index &i : t.indexes)
        texts(i.columns);
    for (const UniqueConstraint &u : t.uniqueConstraints)
        texts(u.columns);
    for (const ForeignKey &f : t.foreignKeys) {
        texts(f.columns);
        texts(f.referencedColumns);
    }
}

// Steps 2 and 3 for one column of `t` (which may be null).
Q_ALWAYS_INLINE void columnLines(const Table *t, qsizetype position)
{
    if (t && position < t->columns.size())
        lines(t->columns.constData() + position, 1);
}

Q_ALWAYS_INLINE void columnStrings(const Table *t, qsizetype position)
{
    if (t && position < t->columns.size()) {
        const Column &c = t->columns.constData()[position];
        text(c.name);
        text(c.defaultValue.text);
        text(c.generated);
        text(c.comment);
    }
}

// A configured table and the live table of its name, if there is one.
struct Pair
{
    const Table *configured = nullptr;
    const Table *live = nullptr;
};

// The steps for the pairs after the one at `index` of `pairs`, spread over
// the comparison of that pair's columns: the processor keeps only so many
// requests to memory open at once, and a burst of some two hundred at the
// start of each table stalled it (the generated 5,000-table schema took 8
// to 9 ms so, 6 to 7 ms spread). Column by column come the column of the
// pair three ahead and the strings of the column of the pair two ahead; the
// other steps come at fixed columns. Comparing one table takes several
// trips to main memory, so one pair between two steps is enough; longer
// distances measured the same.
class Schedule
{
public:
    Schedule(const std::vector<Pair> &pairs, size_t index)
        : m_table(pair(pairs, index + 4))
        , m_lists(pair(pairs, index + 3))
        , m_strings(pair(pairs, index + 2))
        , m_names(pair(pairs, index + 1))
    {
    }

    // As column `position` of the current table is compared.
    Q_ALWAYS_INLINE void at(qsizetype position) const
    {
        if (m_lists) {
            columnLines(m_lists->configured, position);
            columnLines(m_lists->live, position);
        }
        if (m_strings) {
            columnStrings(m_strings->configured, position);
            columnStrings(m_strings->live, position);
        }
        switch (position) {
        case 1:
            if (m_table) {
                table(*m_table->configured);
                if (m_table->live)
                    table(*m_table->live);
            }
            break;
        case 3:
            if (m_lists) {
                lists(*m_lists->configured);
                if (m_lists->live)
                    lists(*m_lists->live);
            }
            break;
        case 6:
            if (m_strings) {
                strings(*m_strings->configured);
                if (m_strings->live)
                    strings(*m_strings->live);
            }
            break;
        case 9:
            if (m_names) {
                names(*m_names->configured);
                if (m_names->live)
                    names(*m_names->live);
            }
            break;
        default:
            break;
        }
    }

    // The positions from `from` on, which the comparison did not reach (all
    // of them for a table that is not compared).
    Q_ALWAYS_INLINE void finish(qsizetype from) const
    {
        qsizetype end = std::max(from, qsizetype(10));
        for (const Pair *p : {m_lists, m_strings}) {
            if (p) {
                end = std::max(end, p->configured->columns.size());
                if (p->live)
                    end = std::max(end, p->live->columns.size());
            }
        }
        for (qsizetype position = from; position < end; ++position)
            at(position);
    }

private:
    static const Pair *pair(const std::vector<Pair> &pairs, size_t index)
    {
        return index < pairs.size() ? &pairs[index] : nullptr;
    }

    const Pair *m_table;
    const Pair *m_lists;
    const Pair *m_strings;
    const Pair *m_names;
};

} // namespace sd::prefetch
