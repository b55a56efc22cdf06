#pragma once
// Splits a script of several SQL statements into single statements at the
// semicolons that end them: not inside strings, quoted identifiers,
// comments or dollar-quoted bodies, nor between a trigger's BEGIN and END.
// QSQLITE runs only the first statement of a string (QPSQL runs all), so a
// multi-statement `sql` operation reaches the driver one statement at a time.

#include <QStringList>

namespace sd {

class SqlScript
{
public:
    // The statements, trimmed, without their final semicolon; comments
    // between statements are dropped, comments inside one are kept.
    static QStringList split(const QString &script);
};

} // namespace sd
