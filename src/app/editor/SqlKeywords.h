#pragma once
// The keywords and type names the built-in SQL highlighter knows, per
// dialect: PostgreSQL's key words (reserved and the common non-reserved
// ones, from the manual's appendix C) and SQLite's 147 keywords. Lookups
// ignore case.

#include "model/ColumnType.h"

#include <QString>

namespace sd::app {

class SqlKeywords
{
public:
    static bool isKeyword(DialectKind dialect, const QString &word);
    static bool isType(DialectKind dialect, const QString &word);
};

} // namespace sd::app
