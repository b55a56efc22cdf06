// SchemaDiff on model values: every difference kind, destructive flags,
// renames, matching of unnamed constraints, ignore patterns, renderings.

#include "DiffCases.h"
#include "ModelBuilders.h"
#include "SchemaGenerator.h"
#include "TestDatabase.h"
#include "TestResult.h"
#include "dialect/Dialect.h"
#include "diff/DiffRenderer.h"
#include "diff/SchemaDiff.h"
#include "i18n/Translations.h"

#include <QJsonArray>

#include <algorithm>
#include <QTest>

using namespace sd;
using namespace sd::testing;

namespace {

Schema parse(const QString &yaml)
{
    auto s = schemaFromYaml(yaml);
    if (!s)
        qFatal("%s", qPrintable(joinErrors(s.error())));
    return *s;
}

} // namespace

class tst_SchemaDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sd::Translations::install(*QCoreApplication::instance())); // English plurals, as the CLI and the app print them
    }

    void cases_data() { addDiffCaseRows(DialectKind::PostgreSQL); }

    void cases()
    {
        QFETCH(QString, live);
        QFETCH(QString, configured);
        QFETCH(QStringList, expected);
        const Differences diffs = SchemaDiff::compare(parse(configured), parse(live), Dialect::get(DialectKind::PostgreSQL));
        QCOMPARE(describeDifferences(diffs), expected);
    }

    void unnamedConstraintsMatchByDefinition()
    {
        // The configuration names nothing; the server named everything.
        const Schema configured = parse(QStringLiteral(
            "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: a, type: integer}\n    unique_constraints:\n      - {columns: [a]}\n"
            "    checks:\n      - {expression: \"a > 0\"}\n"));
        Schema live = configured;
        live.tables[0].uniqueConstraints[0].name = QStringLiteral("t_a_key");
        live.tables[0].checks[0].name = QStringLiteral("t_a_check");
        live.tables[0].checks[0].expression = QStringLiteral("(a > 0)");
        live.tables[0].primaryKey.name = QStringLiteral("t_pkey");
        QVERIFY(SchemaDiff::compare(configured, live, Dialect::get(DialectKind::PostgreSQL)).isEmpty());
    }

    void sharedListsAreStillLowered()
    {
        // Both sides hold the very same list of indexes, as StringPool
        // makes equal lists. The diff takes one list for no difference only
        // after lowering: SQLite has no index methods, so the configured
        // index loses its own, and the database's, which says hash, differs.
        const Schema configured = parse(QStringLiteral(
            "tables:\n  - name: t\n    columns:\n      - {name: a, type: integer}\n"
            "    indexes:\n      - {name: ix_a, columns: [a], method: hash}\n"));
        const Schema live = configured;
        QCOMPARE(configured.tables[0].indexes.constData(), live.tables[0].indexes.constData());
        QCOMPARE(describeDifferences(SchemaDiff::compare(configured, live, Dialect::get(DialectKind::Sqlite))),
                 QStringList{QStringLiteral("index_changed t.ix_a")});
        QVERIFY(SchemaDiff::compare(configured, live, Dialect::get(DialectKind::PostgreSQL)).isEmpty());
    }

    void renameHintIgnoredWhenOldNameStillConfigured()
    {
        const Schema live = parse(QStringLiteral("tables:\n  - name: t\n    columns:\n      - {name: a, type: text}\n"));
        const Schema configured = parse(QStringLiteral(
            "tables:\n  - name: t\n    columns:\n      - {name: a, type: text}\n      - {name: b, type: text, renamed_from: a}\n"));
        QCOMPARE(describeDifferences(SchemaDiff::compare(configured, live, Dialect::get(DialectKind::PostgreSQL))),
                 QStringList{QStringLiteral("column_added t.b")});
    }

    void ignoredTablesLeftOut()
    {
        const Schema live = parse(QStringLiteral(
            "tables:\n  - name: tmp_import\n    columns:\n      - {name: a, type: text}\n"
            "  - name: spatial_ref_sys\n    columns:\n      - {name: a, type: text}\n"));
        DiffOptions options;
        options.isIgnored = [](const QString &t) { return t.startsWith(QLatin1String("tmp_")) || t == QLatin1String("spatial_ref_sys"); };
        QVERIFY(SchemaDiff::compare(Schema{}, live, Dialect::get(DialectKind::PostgreSQL), options).isEmpty());
    }

    void sqliteEnumIsACheck()
    {
        // On SQLite an enum column is text with a CHECK; changing the enum's
        // values changes that check.
        const QString table = QStringLiteral("tables:\n  - name: t\n    columns:\n      - {name: m, type: mood}\n");
        const Schema configured = parse(QStringLiteral("enums:\n  - {name: mood, values: [ok, sad, happy]}\n") + table);
        const Schema old = parse(QStringLiteral("enums:\n  - {name: mood, values: [ok, sad]}\n") + table);
        const Dialect &sqlite = Dialect::get(DialectKind::Sqlite);
        QVERIFY(SchemaDiff::compare(old, sqlite.lowered(old), sqlite).isEmpty());
        QCOMPARE(describeDifferences(SchemaDiff::compare(configured, sqlite.lowered(old), sqlite)),
                 (QStringList{QStringLiteral("check_added t."), QStringLiteral("check_removed t.")}));
    }

    // A large schema's tables are compared in parts on several cores: the
    // differences, and their order, are those of one pass from the first
    // table to the last, wherever the changes fall (every 37th table, so
    // next to every boundary between parts), with tables added, removed and
    // renamed, and with the database listing its tables in the order of
    // the configuration (found by position) or in another (found by name).
    void partsGiveTheDifferencesOfOnePass_data()
    {
        QTest::addColumn<bool>("liveReversed");
        QTest::newRow("same order") << false;
        QTest::newRow("live tables in reverse order") << true;
    }

    void partsGiveTheDifferencesOfOnePass()
    {
        QFETCH(bool, liveReversed);
        Schema live = generateSchema(1000);
        Schema configured = live;
        for (qsizetype i = 0; i < configured.tables.size(); i += 37) {
            Table &t = configured.tables[i];
            switch (i % 5) {
            case 0: t.columns[2].type.length = 500; break;
            case 1: t.columns << column(QStringLiteral("extra"), ColumnType::of(ColumnType::Kind::Text)); break;
            case 2: t.columns.removeIf([](const Column &c) { return c.name == QLatin1String("ratio"); }); break;
            case 3: t.indexes.removeLast(); break;
            case 4: t.columns[3].nullable = false; break;
            }
        }
        configured.tables.last().comment = QStringLiteral("the last table");
        configured.tables[650].renamedFrom = configured.tables[650].name;
        configured.tables[650].name += QStringLiteral("_renamed");
        configured.tables.removeAt(500);
        Table added = configured.tables[0];
        added.name = QStringLiteral("added_table");
        configured.tables.insert(300, added);
        if (liveReversed)
            std::reverse(live.tables.begin(), live.tables.end());

        const Dialect &postgres = Dialect::get(DialectKind::PostgreSQL);
        DiffOptions onePass;
        onePass.threads = 1;
        const Differences expected = SchemaDiff::compare(configured, live, postgres, onePass);
        const QStringList described = describeDifferences(expected);
        const auto count = [&](const QString &prefix) {
            return std::count_if(described.cbegin(), described.cend(), [&](const QString &d) { return d.startsWith(prefix); });
        };
        // 28 tables changed (0, 37, ..., 999), with i % 5 going 0, 2, 4, 1, 3.
        QCOMPARE(count(QStringLiteral("column_type_changed ")), 6);
        QCOMPARE(count(QStringLiteral("column_removed ")), 6);
        QCOMPARE(count(QStringLiteral("column_nullability_changed ")), 6);
        QCOMPARE(count(QStringLiteral("column_added ")), 5);
        QCOMPARE(count(QStringLiteral("index_removed ")), 5);
        QCOMPARE(count(QStringLiteral("table_comment_changed ")), 1);
        QCOMPARE(count(QStringLiteral("table_added ")), 1);
        QCOMPARE(count(QStringLiteral("table_renamed ")), 1);
        QCOMPARE(count(QStringLiteral("table_removed ")), 1);
        QCOMPARE(described.size(), 32);
        QCOMPARE(described.first(), QStringLiteral("column_type_changed t0001.name"));
        QCOMPARE(described.last(), QStringLiteral("table_removed t0501.t0501 !"));

        for (int threads : {2, 3, 4, 8}) {
            DiffOptions inParts;
            inParts.threads = threads;
            for (int round = 0; round < 5; ++round) {
                const Differences differences = SchemaDiff::compare(configured, live, postgres, inParts);
                QCOMPARE(describeDifferences(differences), described);
                QVERIFY(differences == expected);
            }
        }
    }

    void textRendering()
    {
        const DiffCase narrowed = diffCases().at(8);
        QCOMPARE(QLatin1String(narrowed.name), QLatin1String("column type narrowed"));
        const Differences diffs = SchemaDiff::compare(parse(narrowed.configuredYaml + QStringLiteral(
                                                                "  - name: extra\n    columns:\n      - {name: id, type: integer}\n")),
                                                      parse(narrowed.liveYaml), Dialect::get(DialectKind::PostgreSQL));
        const QString expected = QStringLiteral(
            "table users\n"
            "  ~ change type of column email from varchar(100) to varchar(50)\n"
            "      ! can lose data: narrows users.email from varchar(100) to varchar(50): values that do not fit are lost or refused\n"
            "\n"
            "+ create table extra (1 column)\n"
            "\n"
            "2 differences, 1 can lose data\n");
        QCOMPARE(DiffRenderer::text(diffs), expected);
        QVERIFY(DiffRenderer::text(diffs, true).contains(QStringLiteral("\x1b[")));
        QCOMPARE(DiffRenderer::text({}), QStringLiteral("No differences: the database matches the schema configuration.\n"));
    }

    void jsonRendering()
    {
        const DiffCase removed = diffCases().at(5);
        QCOMPARE(QLatin1String(removed.name), QLatin1String("column removed"));
        const Differences diffs = SchemaDiff::compare(parse(removed.configuredYaml), parse(removed.liveYaml),
                                                      Dialect::get(DialectKind::PostgreSQL));
        const QJsonObject json = DiffRenderer::json(diffs);
        QCOMPARE(json.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("destructive")).toInt(), 1);
        const QJsonObject item = json.value(QStringLiteral("differences")).toArray().at(0).toObject();
        QCOMPARE(item.value(QStringLiteral("kind")).toString(), QStringLiteral("column_removed"));
        QCOMPARE(item.value(QStringLiteral("table")).toString(), QStringLiteral("users"));
        QCOMPARE(item.value(QStringLiteral("name")).toString(), QStringLiteral("legacy_flag"));
        QVERIFY(item.value(QStringLiteral("destructive")).toBool());
        QCOMPARE(item.value(QStringLiteral("live")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("boolean"));
        QVERIFY(!item.contains(QStringLiteral("configured")));
    }
};

QTEST_GUILESS_MAIN(tst_SchemaDiff)
#include "tst_schemadiff.moc"
