// Colours derived from the palette: hues fixed, lightness chosen against
// the palette's base so that text keeps its contrast in dark palettes.

#include "EditorTheme.h"
#include "PaletteTone.h"

#include <QFont>

namespace sd::app {

namespace {

// A colour of `hue` (degrees) readable as text on the palette's base.
QColor textHue(int hue, qreal saturation, const QPalette &palette)
{
    const bool dark = PaletteTone::isDark(palette);
    return QColor::fromHslF(hue / 360.0, saturation, dark ? 0.72 : 0.34);
}

} // namespace

QColor EditorTheme::mix(const QColor &a, const QColor &b, qreal amount)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * amount),
                            float(x.greenF() + (y.greenF() - x.greenF()) * amount),
                            float(x.blueF() + (y.blueF() - x.blueF()) * amount));
}

QColor EditorTheme::currentLine(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), PaletteTone::isDark(palette) ? 0.22 : 0.12);
}

QColor EditorTheme::gutterBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.05);
}

QColor EditorTheme::gutterText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

QColor EditorTheme::findMatch(const QPalette &palette, bool current)
{
    const QColor yellow = QColor::fromHslF(50 / 360.0, 0.9, 0.5);
    return mix(palette.color(QPalette::Base), yellow, current ? (PaletteTone::isDark(palette) ? 0.55 : 0.75) : (PaletteTone::isDark(palette) ? 0.3 : 0.4));
}

QColor EditorTheme::severity(EditorDiagnostic::Severity severity, const QPalette &palette)
{
    const bool dark = PaletteTone::isDark(palette);
    switch (severity) {
    case EditorDiagnostic::Severity::Error:
        return QColor::fromHslF(0.0, 0.85, dark ? 0.62 : 0.45);
    case EditorDiagnostic::Severity::Warning:
        return QColor::fromHslF(35 / 360.0, 0.95, dark ? 0.58 : 0.42);
    case EditorDiagnostic::Severity::Information:
        break;
    }
    return QColor::fromHslF(210 / 360.0, 0.8, dark ? 0.65 : 0.45);
}

QTextCharFormat EditorTheme::format(TextCategory::Kind category, const QPalette &palette)
{
    QTextCharFormat f;
    f.setProperty(TextCategory::property(), int(category));
    switch (category) {
    case TextCategory::None:
        break;
    case TextCategory::Keyword:
        f.setForeground(textHue(225, 0.75, palette));
        f.setFontWeight(QFont::Bold);
        break;
    case TextCategory::Type:
        f.setForeground(textHue(280, 0.55, palette));
        break;
    case TextCategory::String:
        f.setForeground(textHue(120, 0.55, palette));
        break;
    case TextCategory::Number:
        f.setForeground(textHue(28, 0.85, palette));
        break;
    case TextCategory::Comment:
        f.setForeground(mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45));
        f.setFontItalic(true);
        break;
    case TextCategory::Key:
        f.setForeground(textHue(200, 0.8, palette));
        break;
    case TextCategory::Identifier:
        f.setForeground(textHue(175, 0.6, palette));
        break;
    case TextCategory::Anchor:
        f.setForeground(textHue(300, 0.55, palette));
        break;
    case TextCategory::Punctuation:
        f.setForeground(mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.3));
        break;
    case TextCategory::Literal:
        f.setForeground(textHue(330, 0.65, palette));
        f.setFontWeight(QFont::DemiBold);
        break;
    case TextCategory::Directive:
        f.setForeground(textHue(0, 0.6, palette));
        f.setFontWeight(QFont::Bold);
        break;
    }
    return f;
}

} // namespace sd::app
