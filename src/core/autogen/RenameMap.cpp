// Collects the TableRenamed and ColumnRenamed differences and applies them
// to foreign keys' references.

#include "RenameMap.h"

namespace sd {

RenameMap::RenameMap(const Differences &differences)
{
    for (const Difference &d : differences) {
        if (d.kind == Difference::Kind::TableRenamed)
            m_tables.insert(d.oldName, d.name);
        else if (d.kind == Difference::Kind::ColumnRenamed)
            m_columns[d.table].insert(d.oldName, d.name);
    }
}

QString RenameMap::table(const QString &liveName) const
{
    return m_tables.value(liveName, liveName);
}

ForeignKey RenameMap::foreignKey(ForeignKey fk) const
{
    fk.referencedTable = table(fk.referencedTable);
    const auto columns = m_columns.constFind(fk.referencedTable);
    if (columns != m_columns.cend()) {
        for (QString &c : fk.referencedColumns)
            c = columns->value(c, c);
    }
    return fk;
}

Table RenameMap::withReferencesRenamed(Table t) const
{
    if (isEmpty())
        return t;
    for (ForeignKey &fk : t.foreignKeys)
        fk = foreignKey(fk);
    return t;
}

} // namespace sd
