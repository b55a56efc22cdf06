#pragma once
// Rename hints for columns: where a diff shows a column removed from a table
// and one of a compatible type added to it, the pair may be a rename. The
// desktop app asks the user, and on yes writes `renamed_from: old` into
// schema.yaml as a text edit of that one column's entry, so comments, order
// and formatting of the rest of the file stay byte for byte; the CLI then
// reaches the same migration from the same file.

#include "Error.h"
#include "diff/Difference.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace sd {

class Dialect;

struct RenameCandidate
{
    QString table;
    QString from; // the column the database has (ColumnRemoved)
    QString to;   // the column the configuration adds (ColumnAdded)
    ColumnType fromType;
    ColumnType toType;

    bool operator==(const RenameCandidate &) const = default;
};

class SchemaRenameHint
{
public:
    // Each pair of a removed and an added column of one table whose types
    // are the same in `dialect` (Dialect::typeKey) or widen from the removed
    // to the added one (not Dialect::isNarrowing), in the order of the diff.
    static QList<RenameCandidate> candidates(const Differences &differences, const Dialect &dialect);

    // `yaml` with `renamed_from: renamedFrom` added to column `column` of
    // table `table`: a flow mapping `- {name: c, ...}` gets
    // `, renamed_from: old` before its closing brace, a block mapping a line
    // of its own at the keys' indentation after its last entry. Nothing else
    // changes. A column that already says `renamed_from: renamedFrom` is left
    // as it is; one that names another column is an error. The result is
    // read back with SchemaReader and must be the schema before with only
    // that hint added. Errors name `displayPath` and a line.
    static Result<QByteArray> addColumnHint(const QByteArray &yaml, const QString &table, const QString &column,
                                            const QString &renamedFrom, const QString &displayPath);

    // The same on the file at `path`, written atomically (QSaveFile).
    // Errors name `displayPath` (default: `path`).
    static Result<void> addColumnHintToFile(const QString &path, const QString &table, const QString &column,
                                            const QString &renamedFrom, const QString &displayPath = {});
};

} // namespace sd
