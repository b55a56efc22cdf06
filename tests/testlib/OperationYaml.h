#pragma once
// Operations written as in a migration file's `upgrade:` list, for short
// test rows: operationsFromYaml("- drop_table: {name: users}").

#include "Error.h"
#include "MigrationBuilders.h"
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

// A line of revisions `<stem>1`, `<stem>2`, ... (stems of 11 characters make
// 12-character revisions), each over the one before and a minute later,
// upgrading with the operations of each entry of `upgrades` in turn.
inline MultiResult<Migrations> linearMigrations(const QString &stem, const QStringList &upgrades)
{
    Migrations line;
    for (int i = 0; i < upgrades.size(); ++i) {
        auto operations = operationsFromYaml(upgrades[i]);
        if (!operations)
            return std::unexpected(operations.error());
        const QStringList parent = line.isEmpty() ? QStringList{} : QStringList{line.last().revision};
        line << migration(stem + QString::number(i + 1), parent, i + 1, {}, *operations);
    }
    return line;
}

} // namespace sd::testing
