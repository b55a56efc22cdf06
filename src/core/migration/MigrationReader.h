#pragma once
// Reads one migration file (DESIGN.md section 4) into a Migration,
// reporting every error in it with file:line:column.
//
// The file is a mapping of `revision` (12 lowercase hex digits),
// `down_revision` (null for a first revision, one id, or a list of ids for a
// merge; the key must be there), `message`, `created` (ISO-8601 with a time
// zone, e.g. 2026-11-24T10:15:00Z; kept in UTC) and the `upgrade` and
// `downgrade` lists of operations. Each list item holds one operation key:
//
//   - create_table: {TABLE as in schema.yaml}          (block style)
//   - drop_table: {name: t, definition: {TABLE}}        definition optional
//   - rename_table: {from: a, to: b}
//   - add_column: {table: t, column: {COLUMN as in schema.yaml}}
//   - drop_column: {table: t, column: c, definition: {COLUMN}}
//   - alter_column: {table: t, column: c, type: T, using: EXPR, nullable: B,
//                    default: V, comment: S, new_name: n, existing_type: T,
//                    existing_nullable: B, existing_default: V, existing_comment: S}
//       `default: null` drops the default, `default: {sql: "NULL"}` sets
//       DEFAULT NULL; `comment: null` removes the comment. existing_* say
//       what the column was (for the inverse and SQLite's rebuild).
//   - create_index: {table: t, name: ix, columns: [a] | expression: SQL,
//                    unique: B, where: SQL, method: m, concurrently: B}
//   - drop_index: {table: t, name: ix, concurrently: B, definition: {INDEX}}
//   - add_foreign_key: {table: t, name: fk, columns: [...], references: {...}, on_delete: ...}
//   - add_unique: {table: t, name: uq, columns: [...], deferrable: B}
//   - add_check: {table: t, name: ck, expression: SQL}
//   - drop_foreign_key / drop_unique / drop_check: {table: t, name: n, definition: {...}}
//   - create_enum: {name: mood, values: [sad, ok]}
//   - drop_enum: {name: mood, definition: {name: mood, values: [...]}}
//   - add_enum_value: {enum: mood, value: meh, before: ok | after: sad}
//   - sql: "STATEMENT"  or  sql: {postgresql: "...", sqlite: "..."}
//     with `transactional: false` as a sibling key of `sql:` in the same
//     list item for statements that cannot run in a transaction:
//       - sql: "CREATE INDEX CONCURRENTLY ix_a ON t (a)"
//         transactional: false
//
// The add_* constraint operations need a name (so that a drop can undo
// them). Index and constraint lists name columns the reader cannot check:
// the migration does not know the table.
//
// Enum types: a column may use an enum that an earlier migration created,
// which this file does not show. A bare type name that is not a portable
// type is therefore taken as an enum when it is created or dropped in this
// file, or when it is a plain identifier that is neither a PostgreSQL
// built-in type (tsvector, inet, ...) nor within typo distance of a
// portable type (ColumnReader::couldBeEnumName). So `bigitn` is still
// reported with "did you mean 'bigint'", and `tsvector` asks for the
// per-dialect form. An enum from an earlier migration whose name is a
// near-miss of a portable type (e.g. `data`, one edit from `date`) is
// reported too: give such an enum another name.

#include "Error.h"
#include "Migration.h"

#include <QByteArray>
#include <QString>

namespace sd {

// A migration with where its graph keys stand, for the revision graph's errors.
struct MigrationSource
{
    struct Position
    {
        int line = 0;
        int column = 0;
    };
    Migration migration;
    Position revision;             // the value of `revision:`
    QList<Position> downRevisions; // each id of `down_revision:`, in order
};

class MigrationReader
{
public:
    // Reads `path`; errors name `displayPath` (default: `path`). Fills
    // filePath (absolute) and checksum (Checksum::of the bytes).
    static MultiResult<Migration> readFile(const QString &path, const QString &displayPath = {});
    // Reads `yaml`; fills checksum, leaves filePath empty.
    static MultiResult<Migration> read(const QByteArray &yaml, const QString &displayPath);
    static MultiResult<MigrationSource> readSource(const QByteArray &yaml, const QString &displayPath);

    // The text of the `revision` key when `yaml` is a mapping that has one
    // (a migration, maybe with errors; empty text when the value is no
    // scalar); std::nullopt for anything else (some other YAML file).
    static std::optional<QString> declaredRevision(const QByteArray &yaml);

    // 12 lowercase hex digits.
    static bool isRevisionId(const QString &text);
    static QStringList keys(); // revision, down_revision, message, created, upgrade, downgrade
};

} // namespace sd
