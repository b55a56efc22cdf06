#pragma once
// The one place that loads a project's schema configuration, reads the
// connected database and diffs them; the CLI's diff/status and the app's
// diff view call it alike.

#include "Error.h"
#include "config/ProjectFile.h"
#include "diff/Difference.h"
#include "model/Schema.h"

namespace sd {

class Connection;

struct ProjectComparison
{
    Schema configured;
    Schema live;
    Differences differences;

    // The schema configuration with errors naming file:line:column
    // relative to the project folder.
    static MultiResult<Schema> loadConfiguredSchema(const Project &project);
    static Result<Schema> readLive(const Project &project, const Connection &connection);
    static MultiResult<ProjectComparison> run(const Project &project, const Connection &connection);
};

} // namespace sd
