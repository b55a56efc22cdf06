#include "StartupPolicy.h"

#include <QCoreApplication>

namespace sd {

QString StartupDecision::description() const
{
    auto tr = [this](const char *text) { return QCoreApplication::translate("StartupPolicy", text, nullptr, pending); };
    switch (action) {
    case Action::UpToDate:
        return tr("up to date");
    case Action::ApplyAll:
        return tr("new database: applies all %n migration(s) on open");
    case Action::ApplyPending:
        return tr("applies %n pending migration(s) on open (auto_upgrade)");
    case Action::ReportPending:
        return tr("%n migration(s) pending; auto_upgrade is off, run 'upgrade' to apply them");
    case Action::RecommendUpgrade:
        return tr("%n migration(s) pending; PostgreSQL is never migrated on open, run 'upgrade' to apply them");
    }
    return {};
}

StartupDecision StartupPolicy::decide(const DatabaseUrl &url, bool fileExists, bool autoUpgrade, int pending)
{
    using Action = StartupDecision::Action;
    if (pending <= 0)
        return {Action::UpToDate, 0};
    if (url.dialect == DialectKind::PostgreSQL)
        return {Action::RecommendUpgrade, pending};
    if (url.inMemory() || !fileExists)
        return {Action::ApplyAll, pending};
    return {autoUpgrade ? Action::ApplyPending : Action::ReportPending, pending};
}

} // namespace sd
