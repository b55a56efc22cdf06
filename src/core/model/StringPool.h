#pragma once
// One copy of each string that recurs from table to table, shared by every
// schema read in the process: column names ("id", "created_at"), the names
// of referenced tables and columns, types and defaults. The YAML
// configuration and the live database's introspection both keep theirs
// here, so the two sides of a diff point at the same text wherever they
// agree: comparing two equal names compares two pointers (QString checks
// for the same data first) and never waits on main memory for the
// characters, and a name repeated in a thousand tables is kept once.
//
// Strings unique to one table (its own name, the names of its indexes and
// constraints, its comment, check expressions) are left where they are:
// pooling them would only grow the pool.
//
// The readers pool a table right after building it, while it is still in
// the processor's cache. A string nothing refers to any more leaves the
// pool as the pool grows. Thread-safe: the app reads the database on its
// database thread while the GUI thread loads the configuration.

#include <QString>

namespace sd {

struct EnumType;
struct Table;

class StringPool
{
public:
    // The pooled copy of `text`: equal strings come back sharing one buffer.
    static QString intern(const QString &text);

    // Replaces the recurring strings of `table` or of `type` by their pooled
    // copies. Changes no value, only where the characters are kept.
    static void intern(Table &table);
    static void intern(EnumType &type);

    // Drops the strings only the pool still refers to; returns how many are left.
    static qsizetype purge();

    // How many strings the pool holds, whether still in use or not.
    static qsizetype size();
};

} // namespace sd
