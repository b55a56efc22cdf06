#include "MigrationState.h"

#include "dialect/SqlExpression.h"
#include "dialect/SqliteDialect.h"
#include "migration/SchemaEvolver.h"
#include "revision/RevisionGraph.h"

#include <QCoreApplication>

namespace sd {

Result<Schema> MigrationState::evolved(const RevisionGraph &graph, const QStringList &heads, bool bestEffort)
{
    Schema state;
    for (const QString &id : graph.ordered(graph.closure(heads))) {
        const Migration *migration = graph.revision(id);
        for (const Operation &operation : migration->upgrade) {
            if (auto applied = SchemaEvolver::apply(state, operation); !applied && !bestEffort) {
                const QString file = graph.displayPath(id);
                return std::unexpected(Error::input(QCoreApplication::translate("MigrationState", "revision %1, %2: %3")
                                                        .arg(id, operation.key(), applied.error().message),
                                                    file.isEmpty() ? migration->filePath : file, operation.line, operation.column));
            }
        }
    }
    return state;
}

void MigrationState::restoreEnums(Schema &live, const Schema &evolved)
{
    if (evolved.enums.isEmpty())
        return;
    live.enums = evolved.enums;
    const auto &sqlite = static_cast<const SqliteDialect &>(Dialect::get(DialectKind::Sqlite));
    for (const Table &configured : evolved.tables) {
        Table *table = live.table(configured.name);
        if (!table)
            continue;
        for (const Column &column : configured.columns) {
            if (column.type.kind != ColumnType::Kind::Enum)
                continue;
            const EnumType *type = evolved.enumType(column.type.enumName);
            Column *actual = table->column(column.name);
            if (!type || !actual)
                continue;
            const QString key = SqlExpression::comparisonKey(sqlite.enumCheckExpression(column.name, type->values));
            const auto check = std::find_if(table->checks.begin(), table->checks.end(), [&](const Check &c) {
                return SqlExpression::comparisonKey(c.expression) == key;
            });
            if (check == table->checks.end())
                continue; // the database holds something else: leave it as it is
            table->checks.erase(check);
            actual->type = column.type;
        }
    }
}

} // namespace sd
