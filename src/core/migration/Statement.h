#pragma once
// One SQL statement an operation renders to, with the hazards the dialect
// computed for it. The migrator runs statements; `upgrade --sql`, `pending
// -v` and the app's apply plan print them with their hazards.

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace sd {

enum class Hazard {
    None = 0,
    DestroysData = 0x1,     // drops a table or column, narrows a type, drops an enum
    RewritesTable = 0x2,    // the server rewrites every row (type change, SQLite rebuild)
    ExclusiveLock = 0x4,    // takes ACCESS EXCLUSIVE (PostgreSQL) for its duration
    NotTransactional = 0x8, // cannot run in a transaction block
    Irreversible = 0x10,    // the operation has no inverse (raw SQL without downgrade, drop without definition)
};
Q_DECLARE_FLAGS(Hazards, Hazard)
Q_DECLARE_OPERATORS_FOR_FLAGS(Hazards)

// "destroys data", "rewrites table", ... for each flag set, in flag order.
QStringList hazardDescriptions(Hazards hazards);

struct Statement
{
    enum class Placement {
        Transaction,       // inside the revision's transaction (the default)
        Autocommit,        // on its own, outside any transaction (CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE)
        BeforeTransaction, // SQLite: PRAGMA foreign_keys=OFF ahead of a rebuild
        AfterTransaction,  // SQLite: PRAGMA foreign_keys=ON after it
    };
    enum class Kind {
        Execute,           // run it; failure aborts the revision
        MustReturnNoRows,  // a check (PRAGMA foreign_key_check): any row returned aborts the revision
        Begin,             // BEGIN and COMMIT of the revision's transaction, placed by
        Commit,            // PlannedRevision::executionOrder(), never by a renderer
    };

    QString sql;
    Placement placement = Placement::Transaction;
    Kind kind = Kind::Execute;
    Hazards hazards;
    QString table;            // the table affected, for row estimates; empty when none
    qint64 estimatedRows = -1; // filled from the live database when known (pg_class.reltuples)
    QVariantList bindings;     // values bound to the statement's `?` placeholders (version and history rows)

    // A plain statement in the transaction, without hazards.
    static Statement of(const QString &sql, const QVariantList &bindings = {})
    {
        Statement s;
        s.sql = sql;
        s.bindings = bindings;
        return s;
    }

    bool operator==(const Statement &) const = default;
};

using Statements = QList<Statement>;

} // namespace sd
