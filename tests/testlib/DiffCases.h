#pragma once
// The diff cases every diff test runs: a live schema, a configured one,
// and the differences expected, as "kind table.name" with " !" for the
// ones that can lose data. tst_schemadiff runs them on model values,
// tst_diffsqlite and tst_diffpostgres on real databases.

#include "diff/Difference.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sd::testing {

struct DiffCase
{
    const char *name;
    QString liveYaml;
    QString configuredYaml;
    QStringList expected;
    bool postgresOnly = false;
    // Where SQLite differs from `expected` (it converts values only where
    // a column's affinity changes: narrowing a varchar loses nothing there).
    std::optional<QStringList> sqliteExpected = std::nullopt;

    // Whether `dialect` can hold the case's schemas.
    bool holdsOn(DialectKind dialect) const { return dialect == DialectKind::PostgreSQL || !postgresOnly; }
    QStringList expectedOn(DialectKind dialect) const
    {
        return dialect == DialectKind::Sqlite && sqliteExpected ? *sqliteExpected : expected;
    }
};

QList<DiffCase> diffCases();

// Kinds no operation expresses, which autogenerate reports as "not
// generated" and leaves in place: what an upgrade leaves behind.
bool isNotGeneratedKind(Difference::Kind kind);

// "column_type_changed users.email !"
QString describeDifference(const Difference &difference);
QStringList describeDifferences(const Differences &differences);

// The columns live, configured, expected and one row per case that
// `dialect` can hold, expecting what that dialect reports.
void addDiffCaseRows(DialectKind dialect);

} // namespace sd::testing
