#pragma once
// Asks the processor for the memory of the tables the diff compares next,
// while it compares the current one. The diff reaches a table's columns,
// indexes and constraints through a chain of pointers (table, list,
// element). Once the two schemas outgrow the processor's cache (about
// 12 MiB at 1,000 tables, 60 MiB at 5,000), each link is a wait for main
// memory that the processor cannot start early, since it learns the address
// only from the link before. So the steps below run for tables further
// ahead, each reading only pointers that an earlier step has brought in:
// the table itself four pairs ahead, its lists three ahead (Schedule).
// Names and lists of names are not fetched: both sides share them
// (StringPool), so the diff compares their pointers and never reads them.
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

// 2. Its indexes, constraints and checks (the columns: columnLines()).
Q_ALWAYS_INLINE void lists(const Table &t)
{
    elements(t.indexes);
    elements(t.uniqueConstraints);
    elements(t.foreignKeys);
    elements(t.checks);
}

// Step 2 for one column of `t` (which may be null).
Q_ALWAYS_INLINE void columnLines(const Table *t, qsizetype position)
{
    if (t && position < t->columns.size())
        lines(t->columns.constData() + position, 1);
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
// to 9 ms so, 6 to 7 ms spread). Column by column comes the column of the
// pair three ahead; the table and its other lists come at fixed columns.
// Comparing one table takes several trips to main memory, so one pair
// between two steps is enough; longer distances measured the same.
class Schedule
{
public:
    Schedule(const std::vector<Pair> &pairs, size_t index)
        : m_table(pair(pairs, index + 4))
        , m_lists(pair(pairs, index + 3))
    {
    }

    // As column `position` of the current table is compared.
    Q_ALWAYS_INLINE void at(qsizetype position) const
    {
        if (m_lists) {
            columnLines(m_lists->configured, position);
            columnLines(m_lists->live, position);
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
        default:
            break;
        }
    }

    // The positions from `from` on, which the comparison did not reach (all
    // of them for a table that is not compared).
    Q_ALWAYS_INLINE void finish(qsizetype from) const
    {
        qsizetype end = std::max(from, qsizetype(4));
        if (m_lists) {
            end = std::max(end, m_lists->configured->columns.size());
            if (m_lists->live)
                end = std::max(end, m_lists->live->columns.size());
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
};

} // namespace sd::prefetch
