#include "MigrationPlan.h"

namespace sd {

QString directionKey(Direction direction)
{
    return direction == Direction::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

Hazards PlannedRevision::hazards() const
{
    Hazards all;
    for (const Statement &s : statements)
        all |= s.hazards;
    return all;
}

bool PlannedRevision::hasAutocommitStatements() const
{
    return std::ranges::any_of(statements, [](const Statement &s) { return s.placement == Statement::Placement::Autocommit; });
}

} // namespace sd
