#pragma once
// The colours of the code editors and the built-in highlighters, derived
// from a QPalette so that they read well on light and dark palettes alike:
// nothing here is a fixed black-on-white colour.

#include "EditorDiagnostic.h"
#include "TextCategory.h"

#include <QColor>
#include <QPalette>
#include <QTextCharFormat>

namespace sd::app {

class EditorTheme
{
public:
    // `a` moved towards `b` by `amount` (0: a, 1: b).
    static QColor mix(const QColor &a, const QColor &b, qreal amount);

    // The background of the line holding the cursor.
    static QColor currentLine(const QPalette &palette);
    static QColor gutterBackground(const QPalette &palette);
    static QColor gutterText(const QPalette &palette);
    // Background of find matches; the current match is stronger.
    static QColor findMatch(const QPalette &palette, bool current);
    // Wavy underline and gutter marker of a diagnostic.
    static QColor severity(EditorDiagnostic::Severity severity, const QPalette &palette);

    // The character format of a highlighted category, with the category
    // stored in the format (TextCategory::property()).
    static QTextCharFormat format(TextCategory::Kind category, const QPalette &palette);
};

} // namespace sd::app
