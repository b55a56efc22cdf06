#include "StartupPolicy.h"

#include <QCoreApplication>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(StartupPolicy)
};

} // namespace

QString StartupDecision::description() const
{
    switch (action) {
    case Action::UpToDate:
        return Tr::tr("up to date");
    case Action::ApplyAll:
        return Tr::tr("new database: applies all %n migration(s) on open", nullptr, pending);
    case Action::ApplyPending:
        return Tr::tr("applies %n pending migration(s) on open (auto_upgrade)", nullptr, pending);
    case Action::ReportPending:
        return Tr::tr("%n migration(s) pending; auto_upgrade is off, run 'upgrade' to apply them", nullptr, pending);
    case Action::RecommendUpgrade:
        return Tr::tr("%n migration(s) pending; PostgreSQL is never migrated on open, run 'upgrade' to apply them", nullptr, pending);
    case Action::ProtectedPending:
        return Tr::tr("%n migration(s) pending; a protected environment is never migrated on open, run 'upgrade' to apply them",
                      nullptr, pending);
    }
    return {};
}

StartupDecision StartupPolicy::decide(const DatabaseUrl &url, bool fileExists, bool autoUpgrade, int pending, bool protectedDatabase)
{
    using Action = StartupDecision::Action;
    if (pending <= 0)
        return {Action::UpToDate, 0};
    if (url.dialect == DialectKind::PostgreSQL)
        return {Action::RecommendUpgrade, pending};
    if (url.inMemory() || !fileExists)
        return {Action::ApplyAll, pending}; // nothing in it to lose
    if (protectedDatabase)
        return {Action::ProtectedPending, pending};
    return {autoUpgrade ? Action::ApplyPending : Action::ReportPending, pending};
}

} // namespace sd
