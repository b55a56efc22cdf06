#pragma once
// Writes a Migration as a migration file in the documented style (DESIGN.md
// section 4; the forms are listed in MigrationReader.h): one flow-style line
// per small operation, block style for create_table (and for drop_table
// with its definition), each Operation::note as a `# ...` comment line right
// above its operation. MigrationReader reads the result back to the same
// Migration. Also names new migration files and makes new revision ids.

#include "Error.h"
#include "Migration.h"

#include <QByteArray>
#include <QString>

namespace sd {

class MigrationWriter
{
public:
    static QByteArray toYaml(const Migration &migration);
    static Result<void> writeFile(const Migration &migration, const QString &path);

    // The items of an `upgrade:` / `downgrade:` list, each line starting
    // with `indent` ("  " in a file); "[]"-free: empty for no operations.
    static QString operationsYaml(const Operations &operations, const QString &indent = QStringLiteral("  "));

    // `<revision>_<slug>.yaml`, or `<revision>.yaml` when the slug is empty.
    static QString fileName(const QString &revision, const QString &message);
    // Lowercase ASCII letters and digits, every other run of characters one
    // `_`, no `_` at either end, at most 40 characters; accents are dropped
    // ("Add café table!" gives "add_cafe_table").
    static QString slug(const QString &message);
    // 12 random lowercase hex digits from the system's secure generator.
    static QString newRevisionId();
};

} // namespace sd
