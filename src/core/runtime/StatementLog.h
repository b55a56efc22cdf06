#pragma once
// One statement as it ran, for the app's log dock and verbose CLI output.

#include <QString>

#include <functional>

namespace sd {

struct ExecutedStatement
{
    QString sql;
    QString revision;    // empty for statements outside a revision (locks, version tables)
    qint64 durationMs = 0;
    bool ok = true;
    QString error;       // the server's message when !ok
};

using StatementLog = std::function<void(const ExecutedStatement &)>;

} // namespace sd
