#pragma once
// One line per rendered statement for exact comparisons in tests:
//   SQL  -- [table] hazards, placement, kind
// e.g. `ALTER TABLE "users" DROP COLUMN "email"  -- [users] destroys data, ACCESS EXCLUSIVE lock`.

#include "migration/Statement.h"

#include <QStringList>

namespace sd::testing {

inline QString describeStatement(const Statement &s)
{
    QStringList notes = hazardDescriptions(s.hazards);
    switch (s.placement) {
    case Statement::Placement::Transaction: break;
    case Statement::Placement::Autocommit: notes << QStringLiteral("autocommit"); break;
    case Statement::Placement::BeforeTransaction: notes << QStringLiteral("before transaction"); break;
    case Statement::Placement::AfterTransaction: notes << QStringLiteral("after transaction"); break;
    }
    if (s.kind == Statement::Kind::MustReturnNoRows)
        notes << QStringLiteral("must return no rows");
    QString line = s.sql + QStringLiteral("  -- [") + s.table + QLatin1Char(']');
    if (!notes.isEmpty())
        line += QLatin1Char(' ') + notes.join(QStringLiteral(", "));
    return line;
}

inline QStringList describeStatements(const Statements &statements)
{
    QStringList lines;
    for (const Statement &s : statements)
        lines << describeStatement(s);
    return lines;
}

} // namespace sd::testing
