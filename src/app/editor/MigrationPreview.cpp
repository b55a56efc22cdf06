// Lays out the core's parse and render results as preview SQL and
// diagnostics.

#include "MigrationPreview.h"

#include "config/SchemaReader.h"
#include "dialect/Dialect.h"
#include "migration/MigrationReader.h"
#include "migration/OperationRenderer.h"
#include "migration/SchemaEvolver.h"
#include "runtime/MigrationScript.h"

#include <QCoreApplication>

namespace sd::app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MigrationPreview)
};

QString terminated(const QString &sql)
{
    return sql.trimmed().endsWith(QLatin1Char(';')) ? sql : sql + QLatin1Char(';');
}

// "-- text" for each line of `text`.
QString commented(const QString &text)
{
    QString out;
    for (const QString &line : text.split(QLatin1Char('\n')))
        out += QStringLiteral("-- ") + line + QLatin1Char('\n');
    return out;
}

EditorDiagnostic diagnosticOf(const Error &error)
{
    return EditorDiagnostic{error.line, error.column, error.message, EditorDiagnostic::Severity::Error};
}

// Renders `operations` in turn, evolving `state`; an operation that fails
// becomes a comment and a diagnostic at its line, and leaves `state` as it was.
QString renderOperations(const Operations &operations, const OperationRenderer &renderer, Schema &state,
                         EditorDiagnostics &diagnostics)
{
    QString out;
    for (const Operation &op : operations) {
        out += QStringLiteral("\n-- ") + op.description() + QLatin1Char('\n');
        const Result<Statements> statements = renderer.render(op, state);
        if (!statements) {
            out += commented(Tr::tr("error: %1").arg(statements.error().message));
            diagnostics.append({op.line, op.column, statements.error().message, EditorDiagnostic::Severity::Error});
            continue;
        }
        for (const Statement &s : *statements)
            out += MigrationScript::statementBlock(s);
        if (const Result<void> applied = SchemaEvolver::apply(state, op); !applied) {
            out += commented(Tr::tr("error: %1").arg(applied.error().message));
            diagnostics.append({op.line, op.column, applied.error().message, EditorDiagnostic::Severity::Error});
        }
    }
    return out;
}

} // namespace

MigrationPreview::FileKind MigrationPreview::kindOf(const QByteArray &text)
{
    return MigrationReader::declaredRevision(text).has_value() ? FileKind::Migration : FileKind::Schema;
}

MigrationPreview MigrationPreview::build(const QByteArray &text, const QString &displayPath, DialectKind dialect,
                                         const Schema &baseSchema)
{
    MigrationPreview preview;
    preview.kind = kindOf(text);
    const QString header = QStringLiteral("-- ") + Tr::tr("SchemaDesk preview for %1").arg(dialectKey(dialect)) + QLatin1Char('\n');

    auto fail = [&](const Errors &errors) {
        preview.parseErrors = errors;
        for (const Error &e : errors)
            preview.diagnostics.append(diagnosticOf(e));
        preview.sql = header + commented(Tr::tr("the file does not parse:"));
        for (const Error &e : errors)
            preview.sql += commented(e.toString());
    };

    if (preview.kind == FileKind::Schema) {
        const MultiResult<Schema> schema = SchemaReader::readString(text, displayPath);
        if (!schema) {
            fail(schema.error());
            return preview;
        }
        QStringList statements;
        for (const QString &statement : Dialect::get(dialect).createSchema(*schema))
            statements.append(terminated(statement) + QLatin1Char('\n'));
        preview.sql = header + QLatin1Char('\n') + statements.join(QLatin1Char('\n'));
        return preview;
    }

    const MultiResult<Migration> migration = MigrationReader::read(text, displayPath);
    if (!migration) {
        fail(migration.error());
        return preview;
    }
    const OperationRenderer &renderer = OperationRenderer::get(dialect);
    Schema state = baseSchema;
    preview.sql = header + QStringLiteral("\n-- ")
                  + Tr::tr("upgrade %1: %2").arg(migration->revision, migration->message) + QLatin1Char('\n')
                  + renderOperations(migration->upgrade, renderer, state, preview.diagnostics);
    preview.sql += QStringLiteral("\n-- ") + Tr::tr("downgrade %1").arg(migration->revision) + QLatin1Char('\n')
                   + renderOperations(migration->downgrade, renderer, state, preview.diagnostics);
    return preview;
}

} // namespace sd::app
