#pragma once
// One copy of each name a schema holds, shared by every schema read in the
// process: table, column, index and constraint names, the names of
// referenced tables and columns, types, defaults and check expressions, the
// lists of column names keys, indexes and foreign keys hold, and each
// table's lists of indexes, unique constraints, foreign keys and checks.
// The YAML configuration and the live database's introspection both keep
// theirs here, so the two sides of a diff point at the same data wherever
// they agree: comparing two equal names, or two equal lists, compares two
// pointers (QString and QList check for the same data first) and never
// waits on main memory for what they hold, and the database's schema does
// not keep a second copy of it. That is what keeps the diff of thousands of
// tables close to linear once the schemas outgrow the processor's cache. A
// name repeated in many tables ("id", ["id"], "created_at") is kept once,
// which also saves memory. Comments are left where they are: long, rarely
// equal across tables, and compared by length first.
//
// The readers pool a table right after building it, while it is still in
// the processor's cache. A string or list nothing refers to any more leaves
// the pool as the pool grows. Thread-safe: the app reads the database on its
// database thread while the GUI thread loads the configuration.

#include <QString>
#include <QStringList>

namespace sd {

struct EnumType;
struct Table;

class StringPool
{
public:
    // The pooled copy of `text`: equal strings come back sharing one buffer.
    static QString intern(const QString &text);
    // The pooled copy of a list of names, its names pooled too.
    static QStringList intern(const QStringList &names);

    // Replaces the names of `table` or of `type` by their pooled copies.
    // Changes no value, only where the characters are kept.
    static void intern(Table &table);
    static void intern(EnumType &type);

    // Drops the strings and lists only the pool still refers to; returns how
    // many strings are left.
    static qsizetype purge();

    // How many strings the pool holds, whether still in use or not.
    static qsizetype size();
};

} // namespace sd
