#pragma once
// The order in which a set of tables can be created so that every foreign
// key names a table that exists: referenced tables first (a topological
// order over the foreign keys between tables of the set). A cycle of
// foreign keys has no such order: the keys that close it are set apart, to
// be added once every table of the set exists. Dropping the set runs the
// other way: those keys first, then the tables in reverse order.

#include "model/Schema.h"

#include <QList>
#include <QStringList>

namespace sd {

struct DeferredForeignKey
{
    QString table;
    ForeignKey foreignKey;
    bool operator==(const DeferredForeignKey &) const = default;
};

struct TableCreationOrder
{
    QStringList tables;                   // creation order
    QList<DeferredForeignKey> deferred;   // keys left out of their CREATE TABLE
};

class TableOrder
{
public:
    // Deterministic: among tables free to go, the one listed first in
    // `tables` goes first; a cycle is broken at its earliest-listed table,
    // whose keys to tables not yet placed are deferred. Keys to tables
    // outside the set and a table's keys to itself never constrain.
    static TableCreationOrder creationOrder(const QList<Table> &tables);
};

} // namespace sd
