#pragma once
// Loads a migrations folder into a RevisionGraph: every *.yaml and *.yml
// file directly in it (hidden files and other files are skipped), each read
// by MigrationReader. Every problem is reported, typed: a file that cannot
// be read, a YAML file that is no migration, each error of a migration
// (file:line:column), then the graph's own (duplicate ids, missing
// down_revisions, cycles). A folder that does not exist is an empty graph.

#include "RevisionGraph.h"

namespace sd {

class RevisionGraphLoader
{
public:
    // Files are named in errors as `displayDirectory`/name (default: `directory`).
    static std::expected<RevisionGraph, RevisionGraphErrors> load(const QString &directory,
                                                                  const QString &displayDirectory = {});
    // The migration files of `directory`, by name.
    static QStringList migrationFiles(const QString &directory);
};

} // namespace sd
