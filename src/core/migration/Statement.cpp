#include "Statement.h"

#include <QCoreApplication>

namespace sd {

QStringList hazardDescriptions(Hazards hazards)
{
    static const struct
    {
        Hazard flag;
        const char *text;
    } names[] = {
        {Hazard::DestroysData, QT_TRANSLATE_NOOP("Hazard", "destroys data")},
        {Hazard::RewritesTable, QT_TRANSLATE_NOOP("Hazard", "rewrites table")},
        {Hazard::ExclusiveLock, QT_TRANSLATE_NOOP("Hazard", "ACCESS EXCLUSIVE lock")},
        {Hazard::NotTransactional, QT_TRANSLATE_NOOP("Hazard", "not transactional")},
        {Hazard::Irreversible, QT_TRANSLATE_NOOP("Hazard", "cannot be reversed")},
    };
    QStringList out;
    for (const auto &n : names) {
        if (hazards.testFlag(n.flag))
            out << QCoreApplication::translate("Hazard", n.text);
    }
    return out;
}

} // namespace sd
