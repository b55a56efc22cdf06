#pragma once
// SQLite's table rebuild, following the twelve steps of "Making Other Kinds
// Of Table Schema Changes" (https://www.sqlite.org/lang_altertable.html):
// what ALTER TABLE cannot do (change a column's type, nullability or
// default, add or drop a constraint, drop a column an index uses) is done
// by creating the new table, copying every row, dropping the old table and
// renaming the new one into its place.
//
//   PRAGMA foreign_keys=OFF                       (before the transaction)
//   DROP TRIGGER / DROP VIEW of the triggers and views that mention the
//     table: after DROP TABLE they would name a missing table, and
//     ALTER TABLE ... RENAME checks every view and trigger of the schema
//     (since 3.26, unless PRAGMA legacy_alter_table=ON)
//   CREATE TABLE "new_<t>" (the new definition)
//   INSERT INTO "new_<t>" (...) SELECT ... FROM "<t>"      (RewritesTable)
//   DROP TABLE "<t>"           (its indexes and triggers go with it)
//   ALTER TABLE "new_<t>" RENAME TO "<t>"
//   CREATE INDEX ... (the new definition's indexes)
//   CREATE VIEW / CREATE TRIGGER again, from their SQL in the state
//   PRAGMA foreign_key_check                       (MustReturnNoRows)
//   PRAGMA foreign_keys=ON                         (after the transaction)
//
// Foreign keys must be off outside the transaction (the pragma is a no-op
// inside one): with them on, DROP TABLE would delete the rows of the
// tables that reference it (ON DELETE CASCADE) or fail. Foreign keys of
// other tables name the table by name and hold again after the rename.

#include "Statement.h"
#include "model/Schema.h"

#include <QHash>

namespace sd {

class SqliteTableRebuild
{
public:
    // Rebuilds each of `tables` (names in `before`) into its definition in
    // `after` (same name). `renamedColumns` maps an old column name to its
    // new one; a column of the new definition found in the old table under
    // its (old) name is copied, other new columns take their default.
    // `dataHazards` (DestroysData, Irreversible) go on the copy statement.
    // Both states may hold enums: tables are lowered here.
    static Statements render(const Schema &before, const Schema &after, const QStringList &tables,
                             const QHash<QString, QString> &renamedColumns = {}, Hazards dataHazards = {});

    // The name of the temporary new table: "new_<t>", or with a number when
    // `schema` has a table of that name.
    static QString temporaryName(const Schema &schema, const QString &table);
};

} // namespace sd
