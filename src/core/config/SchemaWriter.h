#pragma once
// Writes a Schema as config/schema.yaml in the documented style: one block
// mapping per table, one flow-mapping line per column, index and constraint.
// SchemaReader reads the result back to the same Schema.

#include "Error.h"
#include "model/Schema.h"

#include <QByteArray>
#include <QString>

namespace sd {

class SchemaWriter
{
public:
    static QByteArray toYaml(const Schema &schema);
    static Result<void> writeFile(const Schema &schema, const QString &path);

    // The pieces of schema.yaml, for writers of other files: a migration
    // writes its tables, columns and constraints exactly like this.
    static QString columnYaml(const Column &column); // {name: locale, type: varchar(16)}
    static QString typeYaml(const ColumnType &type); // bigint, "numeric(10,2)", {postgresql: tsvector}
    static QString defaultYaml(const DefaultValue &value); // 'x', 42, true, null, {sql: ...}; empty for none
    static QString indexYaml(const Index &index);
    static QString uniqueYaml(const UniqueConstraint &unique);
    static QString foreignKeyYaml(const ForeignKey &foreignKey);
    static QString checkYaml(const Check &check);
    static QString enumYaml(const EnumType &type); // {name: mood, values: [sad, ok]}
    // A table as a block mapping: the first line starts with `firstPrefix`
    // ("  - " in schema.yaml's list), the others with `indent`.
    static QString tableYaml(const Table &table, const QString &firstPrefix, const QString &indent);
};

} // namespace sd
