#pragma once
// The diff cases every diff test runs: a live schema, a configured one,
// and the differences expected, as "kind table.name" with " !" for the
// ones that can lose data. tst_schemadiff runs them on model values,
// tst_diffsqlite and tst_diffpostgres on real databases.

#include "diff/Difference.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sd::testing {

struct DiffCase
{
    const char *name;
    QString liveYaml;
    QString configuredYaml;
    QStringList expected;
    bool postgresOnly = false;
};

QList<DiffCase> diffCases();

// "column_type_changed users.email !"
QString describeDifference(const Difference &difference);
QStringList describeDifferences(const Differences &differences);

// The columns live, configured, expected and one row per case; rows that
// need PostgreSQL only when `withPostgresOnly`.
void addDiffCaseRows(bool withPostgresOnly);

} // namespace sd::testing
