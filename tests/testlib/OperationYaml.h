#pragma once
// Operations written as in a migration file's `upgrade:` list, for short
// test rows: operationsFromYaml("- drop_table: {name: users}").

#include "Error.h"
#include "migration/MigrationReader.h"

namespace sd::testing {

inline MultiResult<Operations> operationsFromYaml(const QString &items)
{
    QString yaml = QStringLiteral("revision: aaaaaaaaaaaa\ndown_revision: null\nmessage: test\n"
                                  "created: 2026-01-01T00:00:00Z\ndowngrade: []\nupgrade:\n");
    for (const QString &line : items.split(QLatin1Char('\n')))
        yaml += QStringLiteral("  ") + line + QLatin1Char('\n');
    auto migration = MigrationReader::read(yaml.toUtf8(), QStringLiteral("test.yaml"));
    if (!migration)
        return std::unexpected(migration.error());
    return migration->upgrade;
}

} // namespace sd::testing
