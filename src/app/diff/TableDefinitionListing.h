#pragma once
// A table's definition on both sides of the diff as aligned lines for a
// side-by-side view: each line holds the database's and the configuration's
// version of one part (name, comment, a column, the primary key, an index,
// a constraint) written as schema.yaml writes it (SchemaWriter's pieces),
// with the status the differences give that part. A part present on one
// side only leaves the other side's line empty.

#include "DiffStatusStyle.h"
#include "diff/Difference.h"

#include <QList>
#include <QString>

namespace sd::app {

struct DefinitionLine
{
    QString live;               // the database's text; empty when absent there
    QString configured;         // the configuration's text; empty when absent there
    bool inLive = false;
    bool inConfigured = false;
    DiffStatus status = DiffStatus::Unchanged; // Unchanged: no difference touches the line
    bool destructive = false;
};

class TableDefinitionListing
{
public:
    // `live` or `configured` is nullptr when the table is on one side only.
    // `differences` are the table's (SchemaDiffModel::tableDifferences).
    static QList<DefinitionLine> lines(const Table *live, const Table *configured, const Differences &differences);
};

} // namespace sd::app
