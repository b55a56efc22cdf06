#pragma once
// Whether a palette is dark: every colour the app derives (diff status,
// revision lanes, editor and highlighting themes) asks this one question.

#include <QString>

class QPalette;

namespace sd::app {

class PaletteTone
{
public:
    // A dark text base (the colour views paint their items on).
    static bool isDark(const QPalette &palette);
    // A style sheet for text that warns of danger, readable on the palette's window.
    static QString dangerLabelStyle(const QPalette &palette);
};

} // namespace sd::app
