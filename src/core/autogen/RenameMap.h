#pragma once
// The renames a diff found (tables and columns, through `renamed_from`),
// and what they do to foreign keys elsewhere: a server that renames a table
// or a column also rewrites every foreign key that references it. A live
// foreign key seen through the renames is what the database holds once the
// renames have run.

#include "diff/Difference.h"

#include <QHash>

namespace sd {

class RenameMap
{
public:
    explicit RenameMap(const Differences &differences);

    bool isEmpty() const { return m_tables.isEmpty() && m_columns.isEmpty(); }
    // The table's name after the renames (the name itself when not renamed).
    QString table(const QString &liveName) const;
    // `fk` (of some table) with its referenced table and columns renamed.
    ForeignKey foreignKey(ForeignKey fk) const;
    // `table` with the foreign keys renamed as above.
    Table withReferencesRenamed(Table table) const;

private:
    QHash<QString, QString> m_tables;                   // live name -> new name
    QHash<QString, QHash<QString, QString>> m_columns;  // new table name -> (live column -> new column)
};

} // namespace sd
