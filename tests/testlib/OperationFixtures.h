#pragma once
// The schema the operation tests start from (renderers and evolver alike):
// two tables with an index, an expression index, a unique constraint, a
// foreign key and a check, and two enums.

#include <QString>

namespace sd::testing {

inline QString operationBaseSchemaYaml()
{
    return QStringLiteral(R"(enums:
  - {name: mood, values: [sad, ok, happy]}
  - {name: spare, values: [a, b]}
tables:
  - name: orgs
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: name, type: varchar(100), nullable: false}
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: varchar(100), nullable: false}
      - {name: age, type: integer, default: 0}
      - {name: org_id, type: bigint}
      - {name: mood, type: mood}
    indexes:
      - {name: ix_users_email, columns: [email]}
      - {name: ix_users_lower_email, expression: lower(email)}
    unique_constraints:
      - {name: uq_users_email_org, columns: [email, org_id]}
    foreign_keys:
      - {name: fk_users_org, columns: [org_id], references: {table: orgs, columns: [id]}}
    checks:
      - {name: ck_users_age, expression: "age >= 0"}
)");
}

} // namespace sd::testing
