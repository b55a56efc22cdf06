#include "Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace sd {

QString Translations::directory()
{
    return QStringLiteral(":/i18n");
}

QString Translations::baseName()
{
    return QStringLiteral("schemadesk");
}

QTranslator *Translations::install(QCoreApplication &app, const QLocale &locale)
{
    auto *translator = new QTranslator(&app);
    const QString prefix = QStringLiteral("_");
    if (!translator->load(locale, baseName(), prefix, directory())
        && !translator->load(QLocale(QLocale::English), baseName(), prefix, directory())) {
        delete translator;
        return nullptr;
    }
    QCoreApplication::installTranslator(translator);
    return translator;
}

} // namespace sd
