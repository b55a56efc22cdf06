// Kahn's algorithm over the foreign keys between the tables of a set, with
// a min-heap on the listing position so that the order is stable, and
// cycle breaking at the earliest-listed table still waiting.

#include "TableOrder.h"

#include <QHash>

#include <set>
#include <vector>

namespace sd {

TableCreationOrder TableOrder::creationOrder(const QList<Table> &tables)
{
    const qsizetype n = tables.size();
    QHash<QString, qsizetype> position;
    position.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        position.insert(tables[i].name, i);

    // waitingOn[i]: distinct tables of the set that i references, not yet placed.
    std::vector<std::set<qsizetype>> waitingOn(static_cast<size_t>(n));
    std::vector<std::vector<qsizetype>> dependents(static_cast<size_t>(n));
    for (qsizetype i = 0; i < n; ++i) {
        for (const ForeignKey &fk : tables[i].foreignKeys) {
            const qsizetype target = position.value(fk.referencedTable, -1);
            if (target < 0 || target == i)
                continue;
            if (waitingOn[size_t(i)].insert(target).second)
                dependents[size_t(target)].push_back(i);
        }
    }

    TableCreationOrder order;
    std::vector<bool> placed(static_cast<size_t>(n), false);
    std::set<qsizetype> ready;
    std::set<qsizetype> waiting;
    for (qsizetype i = 0; i < n; ++i) {
        if (waitingOn[size_t(i)].empty())
            ready.insert(i);
        else
            waiting.insert(i);
    }
    while (qsizetype(order.tables.size()) < n) {
        if (ready.empty()) {
            // A cycle: the earliest-listed waiting table goes now, without
            // its keys to the tables still unplaced.
            const qsizetype breaker = *waiting.begin();
            for (const ForeignKey &fk : tables[breaker].foreignKeys) {
                const qsizetype target = position.value(fk.referencedTable, -1);
                if (target >= 0 && target != breaker && !placed[size_t(target)])
                    order.deferred.append(DeferredForeignKey{tables[breaker].name, fk});
            }
            waitingOn[size_t(breaker)].clear();
            waiting.erase(breaker);
            ready.insert(breaker);
        }
        const qsizetype next = *ready.begin();
        ready.erase(ready.begin());
        placed[size_t(next)] = true;
        order.tables.append(tables[next].name);
        for (const qsizetype dependent : dependents[size_t(next)]) {
            auto &deps = waitingOn[size_t(dependent)];
            if (deps.erase(next) && deps.empty() && waiting.erase(dependent))
                ready.insert(dependent);
        }
    }
    return order;
}

} // namespace sd
