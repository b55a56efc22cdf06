#include "OperationReplay.h"

#include "SchemaCompare.h"
#include "StatementRunner.h"
#include "TestResult.h"
#include "db/Connection.h"
#include "dialect/Dialect.h"
#include "introspect/Introspector.h"
#include "migration/OperationRenderer.h"
#include "migration/SchemaEvolver.h"

#include <algorithm>

namespace sd::testing {

namespace {

template<typename T>
void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

// Fails the current test (as QFAIL) when the live schema is not `expected`.
void verifySame(const Connection &connection, const Schema &expected, const QString &context, const QString &postgresSchema)
{
    IntrospectOptions options;
    options.postgresSchema = postgresSchema;
    auto live = Introspector::read(connection, options);
    SD_VERIFY_RESULT(live);
    const Dialect &dialect = Dialect::get(connection.dialect());
    const QString difference = schemaDifference(comparable(*live), comparable(dialect.lowered(expected)));
    if (!difference.isEmpty())
        QFAIL(qPrintable(QStringLiteral("after %1: the database and SchemaEvolver differ: %2").arg(context, difference)));
}

} // namespace

Schema comparable(Schema schema)
{
    sortByName(schema.enums);
    sortByName(schema.tables);
    for (Table &t : schema.tables) {
        t.primaryKey.name.clear();
        sortByName(t.indexes);
        sortByName(t.uniqueConstraints);
        sortByName(t.foreignKeys);
        std::sort(t.checks.begin(), t.checks.end(), [](const Check &a, const Check &b) {
            return a.name != b.name ? a.name < b.name : a.expression < b.expression;
        });
    }
    schema.unmanaged.clear();
    return schema;
}

void replayAndCompare(const Connection &connection, const Operations &operations, const QString &postgresSchema)
{
    IntrospectOptions options;
    options.postgresSchema = postgresSchema;
    auto initial = Introspector::read(connection, options);
    SD_VERIFY_RESULT(initial);
    // The model state keeps what the database cannot show (enums on
    // SQLite), so the operations should create the enums they use.
    Schema state = *initial;
    const OperationRenderer &renderer = OperationRenderer::get(connection.dialect());
    for (const Operation &operation : operations) {
        const QString context = operation.description();
        auto statements = renderer.render(operation, state);
        if (!statements)
            QFAIL(qPrintable(context + QStringLiteral(": ") + statements.error().toString()));
        if (auto ran = StatementRunner::run(connection, *statements); !ran)
            QFAIL(qPrintable(context + QStringLiteral(": ") + ran.error().toString()));
        if (auto applied = SchemaEvolver::apply(state, operation); !applied)
            QFAIL(qPrintable(context + QStringLiteral(": ") + applied.error().toString()));
        verifySame(connection, state, context, postgresSchema);
        if (QTest::currentTestFailed())
            return;
        // Keep the views and triggers as the database now has them.
        if (auto live = Introspector::read(connection, options))
            state.unmanaged = live->unmanaged;
    }
}

} // namespace sd::testing
