#pragma once
// Renders a list of differences for people (text grouped by table, the ones
// that can lose data marked) and for programs (JSON).

#include "Difference.h"

#include <QByteArray>
#include <QJsonObject>

namespace sd {

class DiffRenderer
{
public:
    // `colour` adds ANSI colours (the CLI asks for it on a terminal only).
    static QString text(const Differences &differences, bool colour = false);
    static QJsonObject json(const Differences &differences);
    static QJsonValue objectJson(const Difference::Object &object);
};

} // namespace sd
