#pragma once
// Translations: SchemaDesk's compiled translation catalogues
// (translations/schemadesk_<lang>.ts, embedded under :/i18n), installed for
// the user's language with English as the fallback. English needs one too:
// it holds the singular and plural of every "%n ...(s)" message, so that
// the CLI and the app print "1 migration pending" and "3 migrations pending".

#include <QLocale>
#include <QString>

class QCoreApplication;
class QTranslator;

namespace sd {

class Translations
{
public:
    // Loads the catalogue for `locale` (its UI languages in order, then
    // English) and installs it on `app`, which owns it. Null when no
    // catalogue loads, which leaves the source texts in place.
    static QTranslator *install(QCoreApplication &app, const QLocale &locale = QLocale());

    // ":/i18n", where the build embeds the catalogues.
    static QString directory();
    // "schemadesk": catalogues are <directory>/<baseName>_<lang>.qm.
    static QString baseName();
};

} // namespace sd
