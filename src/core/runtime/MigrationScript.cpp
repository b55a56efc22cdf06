#include "MigrationScript.h"

#include "VersionTable.h"
#include "dialect/Dialect.h"
#include "dialect/SqlLexer.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MigrationScript)
};

QString literal(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return value.toString();
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    default:
        return Dialect::quoteString(value.toString());
    }
}

QString terminated(const QString &sql)
{
    return sql.trimmed().endsWith(QLatin1Char(';')) ? sql : sql + QLatin1Char(';');
}

} // namespace

QString MigrationScript::statementBlock(const Statement &s)
{
    QString out;
    if (s.placement == Statement::Placement::Autocommit)
        out += QStringLiteral("-- ") + Tr::tr("runs outside the transaction: cannot be rolled back with the revision") + QLatin1Char('\n');
    if (const QString comment = hazardComment(s); !comment.isEmpty())
        out += comment + QLatin1Char('\n');
    if (s.kind == Statement::Kind::MustReturnNoRows)
        out += QStringLiteral("-- ") + Tr::tr("must return no rows") + QLatin1Char('\n');
    return out + terminated(inlineBindings(s)) + QLatin1Char('\n');
}

QString MigrationScript::inlineBindings(const Statement &statement)
{
    if (statement.bindings.isEmpty())
        return statement.sql;
    QString out;
    qsizetype from = 0;
    qsizetype next = 0;
    for (const SqlToken &t : SqlLexer::tokenize(statement.sql)) {
        if (t.kind != SqlToken::Kind::Parameter || t.text != QLatin1String("?") || next >= statement.bindings.size())
            continue;
        out += statement.sql.mid(from, t.position - from) + literal(statement.bindings.at(next++));
        from = t.position + t.length;
    }
    return out + statement.sql.mid(from);
}

QString MigrationScript::hazardComment(const Statement &statement)
{
    QStringList hazards = hazardDescriptions(statement.hazards);
    if (hazards.isEmpty())
        return {};
    QString text = QStringLiteral("-- ") + hazards.join(QStringLiteral(", "));
    if (!statement.table.isEmpty()) {
        text += QStringLiteral(": ") + statement.table;
        if (statement.estimatedRows >= 0)
            text += QStringLiteral(" (") + Tr::tr("about %1 rows").arg(QLocale(QLocale::English).toString(statement.estimatedRows)) + QLatin1Char(')');
    }
    return text;
}

QString MigrationScript::render(const MigrationPlan &plan, bool withVersionTables)
{
    QString out = QStringLiteral("-- SchemaDesk %1 (%2): %3 -> %4, ")
                      .arg(directionKey(plan.direction), dialectKey(plan.dialect), VersionTable::describe(plan.headsBefore), VersionTable::describe(plan.headsAfter))
                  + Tr::tr("%n revision(s)", nullptr, int(plan.revisions.size())) + QLatin1Char('\n');
    if (plan.isEmpty())
        return out + Tr::tr("-- nothing to do") + QLatin1Char('\n');
    for (const QString &warning : plan.warnings)
        out += QStringLiteral("-- ") + Tr::tr("WARNING: %1").arg(warning) + QLatin1Char('\n');
    if (withVersionTables) {
        out += QLatin1Char('\n');
        for (const Statement &s : VersionTable::createStatements(plan.dialect))
            out += terminated(s.sql) + QLatin1Char('\n');
    }
    // The same batches the migrator makes (PlannedRevision::isBatched).
    bool batchOpen = false;
    for (const PlannedRevision &r : plan.revisions) {
        const bool batched = r.isBatched(plan.dialect);
        if (batched && !batchOpen)
            out += QStringLiteral("\n-- ") + Tr::tr("revisions below, up to the COMMIT, share one transaction; each is a savepoint")
                   + QStringLiteral("\nBEGIN;\n");
        if (!batched && batchOpen)
            out += QStringLiteral("COMMIT;\n");
        batchOpen = batched;
        out += QStringLiteral("\n-- %1 %2: %3\n").arg(directionKey(r.direction), r.migration.revision, r.migration.message);
        if (!r.migration.filePath.isEmpty())
            out += QStringLiteral("-- ") + Tr::tr("file: %1").arg(QDir::toNativeSeparators(r.migration.filePath)) + QLatin1Char('\n');
        for (const Statement &s : r.executionOrder(plan.dialect, r.historyEntry(-1), batched)) {
            out += statementBlock(s);
        }
    }
    if (batchOpen)
        out += QStringLiteral("COMMIT;\n");
    return out;
}

} // namespace sd
