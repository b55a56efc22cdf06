#pragma once
// `init`: writes a project skeleton (DESIGN.md section 2) that `upgrade`
// runs at once: schemadesk.yaml, an empty config/schema.yaml with a
// commented example, and an empty migrations folder. Never overwrites.

#include "Error.h"

namespace sd {

class ProjectInitializer
{
public:
    // `databaseUrl` goes into `database:`; empty gives sqlite:///app.db.
    // Fails, touching nothing, when `directory` already holds a project
    // file or a schema configuration.
    static Result<QStringList> create(const QString &directory, const QString &databaseUrl = {});
};

} // namespace sd
