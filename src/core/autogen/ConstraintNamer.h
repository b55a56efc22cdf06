#pragma once
// Names for the indexes and constraints autogenerate adds without one
// (an unnamed check in the configuration, the CHECK that stands for an enum
// on SQLite): a drop in the downgrade must name what it drops. Names follow
// the configuration's habit (`ix_`, `uq_`, `fk_`, `ck_` + table + columns)
// and never repeat a name of either schema or one given before.

#include "model/Schema.h"

#include <QSet>

namespace sd {

class ConstraintNamer
{
public:
    ConstraintNamer(const Schema &configured, const Schema &live);

    // The object itself when it has a name; else with a new one.
    Index index(const QString &table, Index index);
    UniqueConstraint unique(const QString &table, UniqueConstraint unique);
    ForeignKey foreignKey(const QString &table, ForeignKey foreignKey);
    Check check(const QString &table, Check check);

private:
    QString unused(const QString &table, const QString &base);
    void collect(const Schema &schema);

    QSet<QString> m_taken; // "table \n name"; indexes under an empty table (one namespace per schema)
};

} // namespace sd
