#pragma once
// Fills Statement::estimatedRows of a plan's risky statements from the live
// database, so a reviewer sees "drops column users.email (about 1.2M rows)".
// PostgreSQL: one catalog query for every table (pg_class.reltuples, exact
// count(*) only for a never-analysed table of under 1,000 pages). SQLite has
// no statistics: count(*) of each table a risky statement touches.

#include "Error.h"
#include "MigrationPlan.h"

#include <QHash>
#include <QSet>

namespace sd {

class Connection;

class RowEstimates
{
public:
    static Result<void> annotate(const Connection &connection, MigrationPlan &plan,
                                 const QString &postgresSchema = QStringLiteral("public"));
    // The rows of each of `tables` that exists (the diff view's "drops
    // column with N rows"), by the same rules.
    static Result<QHash<QString, qint64>> forTables(const Connection &connection, const QSet<QString> &tables,
                                                    const QString &postgresSchema = QStringLiteral("public"));
};

} // namespace sd
