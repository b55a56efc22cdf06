#pragma once
// How the diff view marks a table or object as unchanged, added, removed or
// changed: a word, a symbol (=, +, −, ~) drawn into the icon, and a colour
// from a colour-blind safe set (Okabe-Ito hues) made light or dark to read
// on the palette's base. Shape and word carry the meaning; colour helps.

#include <QCoreApplication>
#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace sd::app {

enum class DiffStatus { Unchanged, Added, Removed, Changed };

class DiffStatusStyle
{
    Q_DECLARE_TR_FUNCTIONS(DiffStatusStyle)

public:
    // "unchanged", "added", "removed", "changed".
    static QString text(DiffStatus status);
    // "=", "+", "−", "~": the mark in front of lines of the definitions.
    static QString symbol(DiffStatus status);

    // Text colour for the status, readable on palette.base().
    static QColor colour(DiffStatus status, const QPalette &palette);
    // A background for a highlighted line, blended into palette.base();
    // stronger for a destructive difference.
    static QColor lineBackground(DiffStatus status, const QPalette &palette, bool destructive = false);
    // A 16-pixel badge: the status colour with its symbol drawn as shapes.
    static QIcon icon(DiffStatus status, const QPalette &palette);
};

} // namespace sd::app
