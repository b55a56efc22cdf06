#pragma once
// What the migration editor shows for a file's text: whether it is a
// migration or a schema configuration, the SQL it means for one dialect,
// and its problems as editor diagnostics. Everything is computed by the
// core (MigrationReader, SchemaReader, OperationRenderer, SchemaEvolver,
// Dialect, MigrationScript); this class only lays the results out.

#include "EditorDiagnostic.h"
#include "Error.h"
#include "model/Schema.h"

#include <QByteArray>
#include <QString>

namespace sd::app {

struct MigrationPreview
{
    enum class FileKind { Migration, Schema };

    FileKind kind = FileKind::Schema;
    QString sql;                     // the preview; problems appear as SQL comments
    EditorDiagnostics diagnostics;   // parse errors and render errors, at their line
    Errors parseErrors;              // the file does not parse (Save refuses it)

    // A mapping with a `revision` key is a migration; anything else is read
    // as a schema configuration. A migration's operations are rendered
    // against `baseSchema` evolved operation by operation; its downgrade
    // against the state after the upgrade.
    static MigrationPreview build(const QByteArray &text, const QString &displayPath, DialectKind dialect,
                                  const Schema &baseSchema);
    static FileKind kindOf(const QByteArray &text);
};

} // namespace sd::app
