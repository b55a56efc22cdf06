#pragma once
// The one door to syntax highlighting. A build that found
// KF6SyntaxHighlighting (SCHEMADESK_HAVE_KSYNTAXHIGHLIGHTING) highlights
// through KSyntaxHighlighting's "YAML", "SQL (PostgreSQL)" and "SQL"
// definitions with the theme that matches the palette; any other build uses
// the built-in YamlHighlighter and SqlHighlighter.

#include <QPalette>
#include <QString>

#include <memory>

class QSyntaxHighlighter;
class QTextDocument;

namespace sd::app {

class SyntaxHighlighting
{
public:
    enum class Language { None, Yaml, SqlPostgres, SqlSqlite };

    // A highlighter attached to `document` (nullptr for Language::None).
    // The caller owns it and destroys it before the document.
    static std::unique_ptr<QSyntaxHighlighter> create(Language language, QTextDocument *document, const QPalette &palette);
    // "KSyntaxHighlighting" or "built-in".
    static QString backendName();
};

} // namespace sd::app
