// PaletteTone: light or dark.

#include "PaletteTone.h"

#include <QPalette>

namespace sd::app {

bool PaletteTone::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace sd::app
