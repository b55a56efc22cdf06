#pragma once
// Highlighting through KDE's KSyntaxHighlighting, for builds that found
// KF6SyntaxHighlighting (SCHEMADESK_HAVE_KSYNTAXHIGHLIGHTING). Only
// SyntaxHighlighting uses it; elsewhere this header declares nothing.

#ifdef SCHEMADESK_HAVE_KSYNTAXHIGHLIGHTING

#include "SyntaxHighlighting.h"

#include <QPalette>

#include <memory>

class QSyntaxHighlighter;
class QTextDocument;

namespace sd::app {

class KSyntaxHighlightingBackend
{
public:
    // A highlighter with the definition for `language` ("YAML",
    // "SQL (PostgreSQL)", "SQL") and the theme matching the palette's
    // lightness; nullptr when the repository lacks the definition.
    static std::unique_ptr<QSyntaxHighlighter> create(SyntaxHighlighting::Language language, QTextDocument *document,
                                                      const QPalette &palette);
};

} // namespace sd::app

#endif
