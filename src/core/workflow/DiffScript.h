#pragma once
// `diff --format sql`: the SQL that would bring the connected database to
// the schema configuration, for a person to read (as Atlas's `schema diff`
// or migra print it). The statements are autogenerate's upgrade rendered
// for the dialect, exactly what `revision --autogenerate` would write and
// `upgrade` would run, framed by the transaction the migrator would use,
// each risky statement preceded by a comment naming its hazards. It does
// not touch the version tables: a script like this, run by hand, leaves
// the database's revision where it was.

#include "Error.h"
#include "workflow/ProjectComparison.h"

namespace sd {

class DiffScript
{
public:
    // The script for `comparison` (the configuration against a database of
    // `dialect`); one comment line when there is no difference.
    static Result<QString> render(const ProjectComparison &comparison, DialectKind dialect);
};

} // namespace sd
