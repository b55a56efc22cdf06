#include "OperationRenderer.h"

#include "PostgresOperationRenderer.h"
#include "SchemaEvolver.h"
#include "SqliteOperationRenderer.h"
#include "dialect/Dialect.h"
#include "dialect/SqlScript.h"

namespace sd {

const OperationRenderer &OperationRenderer::get(DialectKind kind)
{
    static const SqliteOperationRenderer sqlite;
    static const PostgresOperationRenderer postgres;
    if (kind == DialectKind::Sqlite)
        return sqlite;
    return postgres;
}

const Dialect &OperationRenderer::dialect() const
{
    return Dialect::get(kind());
}

Result<Statements> OperationRenderer::renderAll(const Operations &operations, Schema &state) const
{
    Statements statements;
    for (const Operation &operation : operations) {
        auto rendered = render(operation, state);
        if (!rendered)
            return rendered;
        if (auto applied = SchemaEvolver::apply(state, operation); !applied)
            return std::unexpected(applied.error());
        statements << *rendered;
    }
    return statements;
}

Statements OperationRenderer::renderSql(const SqlOp &op) const
{
    const QString script = op.perDialect.isEmpty() ? op.sql : op.perDialect.value(dialectKey(kind()));
    Statements statements;
    for (const QString &sql : SqlScript::split(script)) {
        Statement s = statement(sql, {}, Hazard::Irreversible);
        if (!op.transactional) {
            s.placement = Statement::Placement::Autocommit;
            s.hazards |= Hazard::NotTransactional;
        }
        statements << s;
    }
    return statements;
}

Statement OperationRenderer::statement(const QString &sql, const QString &table, Hazards hazards)
{
    Statement s = Statement::of(sql);
    s.table = table;
    s.hazards = hazards;
    return s;
}

} // namespace sd
