// PaletteTone: light or dark.

#include "PaletteTone.h"

#include <QPalette>

namespace sd::app {

bool PaletteTone::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QString PaletteTone::dangerLabelStyle(const QPalette &palette)
{
    const bool darkWindow = palette.color(QPalette::Window).lightnessF() < 0.5;
    return QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(darkWindow ? QStringLiteral("#ff8a80") : QStringLiteral("#b71c1c"));
}

} // namespace sd::app
