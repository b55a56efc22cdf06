#include "DiffScript.h"

#include "autogen/Autogenerator.h"
#include "migration/OperationRenderer.h"
#include "runtime/MigrationPlan.h"
#include "runtime/MigrationScript.h"

#include <QCoreApplication>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DiffScript)
};

} // namespace

Result<QString> DiffScript::render(const ProjectComparison &comparison, DialectKind dialect)
{
    if (comparison.differences.isEmpty())
        return QStringLiteral("-- ") + Tr::tr("No differences: the database matches the schema configuration.") + QLatin1Char('\n');

    const AutogenerateResult generated =
        Autogenerator::generate(comparison.differences, comparison.configured, comparison.live, dialect);
    Schema state = comparison.live;
    auto statements = OperationRenderer::get(dialect).renderAll(generated.upgrade, state);
    if (!statements)
        return std::unexpected(statements.error());

    QString out = QStringLiteral("-- ") + Tr::tr("The SQL that brings the database to the schema configuration.") + QLatin1Char('\n')
                  + QStringLiteral("-- ") + Tr::tr("It does not record a revision: to apply it as one, run 'revision --autogenerate'.")
                  + QLatin1Char('\n');
    for (const QString &warning : generated.warnings)
        out += QStringLiteral("-- ") + warning + QLatin1Char('\n');
    if (statements->isEmpty())
        return out;
    out += QLatin1Char('\n');
    for (const Statement &s : PlannedRevision::inTransaction(*statements))
        out += MigrationScript::statementBlock(s);
    return out;
}

} // namespace sd
