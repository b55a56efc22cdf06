// Every diff case on the real PostgreSQL server, each in a schema of its
// own: the live side is created with PostgreSQL DDL and introspected.

#include "DiffCases.h"
#include "PostgresTestServer.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "dialect/Dialect.h"
#include "dialect/PostgresDialect.h"
#include "diff/SchemaDiff.h"
#include "introspect/Introspector.h"

#include <QTest>

using namespace sd;
using namespace sd::testing;

class tst_DiffPostgres : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        SD_REQUIRE_POSTGRES(m_server);
        auto url = m_server.createDatabase(QStringLiteral("diff"));
        SD_VERIFY_RESULT(url);
        auto connection = Connection::open(*url);
        SD_VERIFY_RESULT(connection);
        m_connection = std::move(*connection);
    }

    void cases_data() { addDiffCaseRows(DialectKind::PostgreSQL); }

    void cases()
    {
        QFETCH(QString, live);
        QFETCH(QString, configured);
        QFETCH(QStringList, expected);

        auto liveSchema = schemaFromYaml(live);
        SD_VERIFY_RESULT(liveSchema);
        auto configuredSchema = schemaFromYaml(configured);
        SD_VERIFY_RESULT(configuredSchema);
        auto introspected = createAndRead(QStringLiteral("case_%1").arg(++m_case), *liveSchema);
        SD_VERIFY_RESULT(introspected);
        const Dialect &postgres = Dialect::get(DialectKind::PostgreSQL);
        QCOMPARE(describeDifferences(SchemaDiff::compare(*liveSchema, *introspected, postgres)), QStringList{});
        QCOMPARE(describeDifferences(SchemaDiff::compare(*configuredSchema, *introspected, postgres)), expected);
    }

    void namesLongerThanTheServerKeeps()
    {
        // PostgreSQL keeps 63 bytes of a name and drops the rest (NAMEDATALEN).
        // A configuration with longer names must compare equal to what the
        // server made of it: otherwise every diff would drop the column the
        // server truncated (and its data) and add the long one again.
        const QString longTable = QStringLiteral("customer_subscription_renewal_reminder_notification_delivery_attempts");
        const QString longColumn = QStringLiteral("number_of_delivery_attempts_before_the_notification_was_abandoned_x");
        const QString wideColumn = QString(40, QChar(0xe9)); // 40 × "é": 80 bytes, 31 characters are kept
        const QString yaml = QStringLiteral(R"(
enums:
  - {name: notification_delivery_channel_preference_for_the_subscription_owner, values: [email, sms]}
tables:
  - name: owners
    columns:
      - {name: id, type: bigint, primary_key: true}
  - name: %1
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: owner_id, type: bigint, nullable: false}
      - {name: %2, type: integer, nullable: false, default: 0}
      - {name: %3, type: text}
      - {name: channel, type: notification_delivery_channel_preference_for_the_subscription_owner}
    indexes:
      - {name: ix_customer_subscription_renewal_reminder_notification_delivery_attempts_owner, columns: [owner_id, %2]}
    unique_constraints:
      - {name: uq_customer_subscription_renewal_reminder_notification_delivery_attempts_col, columns: [%3]}
    foreign_keys:
      - {name: fk_customer_subscription_renewal_reminder_notification_delivery_attempts_owner, columns: [owner_id], references: {table: owners, columns: [id]}}
    checks:
      - {name: ck_customer_subscription_renewal_reminder_notification_delivery_attempts_count, expression: "%2 >= 0"}
)").arg(longTable, longColumn, wideColumn);
        auto configured = schemaFromYaml(yaml);
        SD_VERIFY_RESULT(configured);
        auto live = createAndRead(QStringLiteral("long_names"), *configured);
        SD_VERIFY_RESULT(live);
        QVERIFY(live->table(longTable.left(63)));
        QVERIFY(live->table(longTable.left(63))->column(wideColumn.left(31)));
        const Dialect &postgres = Dialect::get(DialectKind::PostgreSQL);
        QCOMPARE(describeDifferences(SchemaDiff::compare(*configured, *live, postgres)), QStringList{});

        // The server's own name for a long table's primary key is the one
        // the diff expects.
        const QString serverNamed = QStringLiteral("an_audit_trail_of_every_change_made_to_customer_subscription_plans");
        SD_VERIFY_RESULT(execAll(*m_connection, {QStringLiteral("CREATE TABLE %1 (id integer PRIMARY KEY)").arg(serverNamed)}));
        IntrospectOptions options;
        options.postgresSchema = QStringLiteral("long_names");
        auto withServerNamed = Introspector::read(*m_connection, options);
        SD_VERIFY_RESULT(withServerNamed);
        const Table *audit = withServerNamed->table(PostgresDialect::storedIdentifier(serverNamed));
        QVERIFY(audit);
        QCOMPARE(audit->primaryKey.name, PostgresDialect::defaultPrimaryKeyName(audit->name));

        // A real change to a long-named column is still seen, under the name
        // the server keeps.
        Schema changed = *configured;
        changed.table(longTable)->column(longColumn)->type = ColumnType::of(ColumnType::Kind::BigInt);
        const Differences differences = SchemaDiff::compare(changed, *live, postgres);
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.first().kind, Difference::Kind::ColumnTypeChanged);
        QCOMPARE(differences.first().table, longTable.left(63));
        QCOMPARE(differences.first().name, longColumn.left(63));
    }

    void renameToANameLongerThanTheServerKeeps()
    {
        // renamed_from onto a long name: one rename, to the name the server
        // will keep, never a drop of the old column.
        auto before = schemaFromYaml(QStringLiteral(R"(
tables:
  - name: shipments
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: tries, type: integer}
    indexes:
      - {name: ix_shipments_tries, columns: [tries]}
)"));
        SD_VERIFY_RESULT(before);
        auto live = createAndRead(QStringLiteral("long_rename"), *before);
        SD_VERIFY_RESULT(live);
        const QString longName = QStringLiteral("number_of_delivery_attempts_before_the_notification_was_abandoned_x");
        auto after = schemaFromYaml(QStringLiteral(R"(
tables:
  - name: shipments
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: %1, type: integer, renamed_from: tries}
    indexes:
      - {name: ix_shipments_tries, columns: [%1]}
)").arg(longName));
        SD_VERIFY_RESULT(after);
        const Differences differences = SchemaDiff::compare(*after, *live, Dialect::get(DialectKind::PostgreSQL));
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.first().kind, Difference::Kind::ColumnRenamed);
        QCOMPARE(differences.first().oldName, QStringLiteral("tries"));
        QCOMPARE(differences.first().name, longName.left(63));
    }

private:
    // `schema` created in a PostgreSQL schema of its own, and read back.
    Result<Schema> createAndRead(const QString &schemaName, const Schema &schema)
    {
        if (auto ok = execAll(*m_connection, {QStringLiteral("CREATE SCHEMA %1").arg(schemaName),
                                              QStringLiteral("SET search_path TO %1").arg(schemaName)});
            !ok)
            return std::unexpected(ok.error());
        if (auto ok = createSchema(*m_connection, schema); !ok)
            return std::unexpected(ok.error());
        IntrospectOptions options;
        options.postgresSchema = schemaName;
        return Introspector::read(*m_connection, options);
    }

    PostgresTestServer m_server;
    std::unique_ptr<Connection> m_connection;
    int m_case = 0;
};

QTEST_GUILESS_MAIN(tst_DiffPostgres)
#include "tst_diffpostgres.moc"
