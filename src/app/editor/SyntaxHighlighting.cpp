// Picks the highlighting backend the build has.

#include "SyntaxHighlighting.h"

#include "KSyntaxHighlightingBackend.h"
#include "SqlHighlighter.h"
#include "YamlHighlighter.h"

namespace sd::app {

std::unique_ptr<QSyntaxHighlighter> SyntaxHighlighting::create(Language language, QTextDocument *document,
                                                               const QPalette &palette)
{
    if (language == Language::None || !document)
        return {};
#ifdef SCHEMADESK_HAVE_KSYNTAXHIGHLIGHTING
    if (auto highlighter = KSyntaxHighlightingBackend::create(language, document, palette))
        return highlighter;
#endif
    switch (language) {
    case Language::Yaml:
        return std::make_unique<YamlHighlighter>(document, palette);
    case Language::SqlPostgres:
        return std::make_unique<SqlHighlighter>(DialectKind::PostgreSQL, document, palette);
    case Language::SqlSqlite:
        return std::make_unique<SqlHighlighter>(DialectKind::Sqlite, document, palette);
    case Language::None:
        break;
    }
    return {};
}

QString SyntaxHighlighting::backendName()
{
#ifdef SCHEMADESK_HAVE_KSYNTAXHIGHLIGHTING
    return QStringLiteral("KSyntaxHighlighting");
#else
    return QStringLiteral("built-in");
#endif
}

} // namespace sd::app
