// SchemaDesk's translations: the English catalogue compiled into the core
// loads for English and as the fallback for any other language; every
// numerus message of translations/schemadesk_en.ts has its singular and
// plural; the .ts holds exactly the %n messages lupdate finds in src/ and
// ui/ (a new "%n ...(s)" string without its forms fails here, named); and
// the real schemadesk-cli prints "0 revisions", "1 revision", "2 revisions".

#include "CliRunner.h"
#include "i18n/Translations.h"
#include "runtime/StartupPolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

Q_DECLARE_METATYPE(sd::StartupDecision::Action)

using namespace sd;
using namespace sd::testing;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // the translation's type: empty when finished, else unfinished, vanished, obsolete
    QStringList forms;
};

// The messages of a Qt Linguist .ts file.
QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
            continue;
        }
        if (xml.name() != QLatin1String("message"))
            continue;
        TsMessage m;
        m.context = context;
        m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        while (xml.readNextStartElement()) { // the message's children
            if (xml.name() == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!m.numerus) {
                    m.forms << xml.readElementText();
                    continue;
                }
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        m.forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                xml.skipCurrentElement();
            }
        }
        messages << m;
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QString sourceDir()
{
    return qEnvironmentVariable("SCHEMADESK_SOURCE_DIR");
}

QString tsPath()
{
    return sourceDir() + QStringLiteral("/translations/schemadesk_en.ts");
}

QString key(const TsMessage &m)
{
    return m.context + QStringLiteral(": ") + m.source;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// A project of two revisions, a1a1a1a1a1a1 (creates t1) and b2b2b2b2b2b2
// (creates t2), whose configuration holds both tables.
bool writeTwoRevisionProject(const QString &dir)
{
    QDir().mkpath(dir + QStringLiteral("/config"));
    QDir().mkpath(dir + QStringLiteral("/migrations"));
    const auto migration = [](const char *revision, const char *down, const char *table) -> QByteArray {
        return QByteArray("revision: ") + revision + "\ndown_revision: " + down + "\nmessage: create " + table
            + "\ncreated: 2026-01-01T00:00:00Z\nupgrade:\n  - create_table:\n      name: " + table
            + "\n      columns:\n        - {name: id, type: integer, primary_key: true}\ndowngrade:\n  - drop_table: {name: " + table + "}\n";
    };
    return writeFile(dir + QStringLiteral("/schemadesk.yaml"),
                     "schema: config/schema.yaml\nmigrations: migrations\ndatabase: sqlite:///app.db\n")
        && writeFile(dir + QStringLiteral("/config/schema.yaml"),
                     "tables:\n"
                     "  - name: t1\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
                     "  - name: t2\n    columns:\n      - {name: id, type: integer, primary_key: true}\n")
        && writeFile(dir + QStringLiteral("/migrations/a1a1a1a1a1a1_create_t1.yaml"), migration("a1a1a1a1a1a1", "null", "t1"))
        && writeFile(dir + QStringLiteral("/migrations/b2b2b2b2b2b2_create_t2.yaml"), migration("b2b2b2b2b2b2", "a1a1a1a1a1a1", "t2"));
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void catalogueLoads_data();
    void catalogueLoads();
    void numerusForms_data();
    void numerusForms();
    void tsMatchesTheSources();
    void coreStrings_data();
    void coreStrings();
    void cli_data();
    void cli();

private:
    QList<TsMessage> m_ts;
};

void tst_Translations::initTestCase()
{
    QVERIFY2(!sourceDir().isEmpty(), "SCHEMADESK_SOURCE_DIR is not set (ctest sets it)");
    QString error;
    m_ts = readTs(tsPath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!m_ts.isEmpty());
}

void tst_Translations::catalogueLoads_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("English (United States)") << QLocale(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("English (United Kingdom)") << QLocale(QLocale::English, QLocale::UnitedKingdom);
    QTest::newRow("German falls back to English") << QLocale(QLocale::German, QLocale::Germany);
    QTest::newRow("Japanese falls back to English") << QLocale(QLocale::Japanese, QLocale::Japan);
    QTest::newRow("C locale falls back to English") << QLocale::c();
}

void tst_Translations::catalogueLoads()
{
    QFETCH(QLocale, locale);
    QVERIFY(QFile::exists(Translations::directory() + QStringLiteral("/schemadesk_en.qm")));
    QTranslator *translator = Translations::install(*QCoreApplication::instance(), locale);
    QVERIFY(translator);
    QCOMPARE(translator->filePath(), QStringLiteral(":/i18n/schemadesk_en.qm"));
    QCOMPARE(translator->language(), QStringLiteral("en"));
    QVERIFY(!translator->isEmpty());
    QCOMPARE(QCoreApplication::translate("DiffRenderer", "%n difference(s)", nullptr, 1), QStringLiteral("1 difference"));
    QCoreApplication::removeTranslator(translator);
    delete translator;
    QCOMPARE(QCoreApplication::translate("DiffRenderer", "%n difference(s)", nullptr, 1), QStringLiteral("1 difference(s)"));
}

void tst_Translations::numerusForms_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("numerus");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("forms");
    for (const TsMessage &m : std::as_const(m_ts))
        QTest::newRow(qPrintable(key(m).replace(QLatin1Char('\n'), QLatin1String("\\n")))) << m.source << m.numerus << m.type << m.forms;
}

// English has two forms, singular and plural; both must be written, and
// each keeps the %n (or %Ln) of its source.
void tst_Translations::numerusForms()
{
    QFETCH(QString, source);
    QFETCH(bool, numerus);
    QFETCH(QString, type);
    QFETCH(QStringList, forms);
    QVERIFY2(numerus, qPrintable(QStringLiteral("'%1' is not a %n message: schemadesk_en.ts holds plural forms only (lupdate -pluralonly)")
                                     .arg(source)));
    QVERIFY2(type.isEmpty(), qPrintable(QStringLiteral("'%1' is %2: write its singular and plural in translations/schemadesk_en.ts "
                                                       "and drop type=\"%2\"")
                                            .arg(source, type)));
    QCOMPARE(forms.size(), 2);
    for (const QString &form : std::as_const(forms)) {
        QVERIFY2(!form.isEmpty(), qPrintable(QStringLiteral("'%1' has an empty form").arg(source)));
        for (const QLatin1String placeholder : {QLatin1String("%n"), QLatin1String("%Ln")}) {
            if (source.contains(placeholder))
                QVERIFY2(form.contains(placeholder), qPrintable(QStringLiteral("'%1' lost its %2 in '%3'").arg(source, placeholder, form)));
        }
        QVERIFY2(!form.contains(QLatin1String("(s)")), qPrintable(form));
    }
}

// lupdate over the sources, as the schemadesk_lupdate target runs it (but
// keeping every message): each %n message must be in the checked-in .ts,
// and the .ts must hold nothing the sources no longer have.
void tst_Translations::tsMatchesTheSources()
{
    const QString lupdate = qEnvironmentVariable("SCHEMADESK_LUPDATE");
    QVERIFY2(QFile::exists(lupdate), "SCHEMADESK_LUPDATE does not name lupdate (ctest sets it)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("all_en.ts"));
    QProcess process;
    process.setWorkingDirectory(sourceDir());
    process.start(lupdate, {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-extensions"), QStringLiteral("cpp,h,ui"),
                            QStringLiteral("-source-language"), QStringLiteral("en"), QStringLiteral("-target-language"),
                            QStringLiteral("en"), QStringLiteral("src"), QStringLiteral("ui"), QStringLiteral("-ts"), fresh});
    QVERIFY(process.waitForFinished(120000));
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 0);
    // Warnings name a tr() lupdate cannot place in a context, whose text
    // would then never be translated.
    QVERIFY2(errors.isEmpty(), qPrintable(errors));

    QString error;
    const QList<TsMessage> all = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> inSources;
    QStringList withoutCount;
    for (const TsMessage &m : all) {
        if (m.numerus)
            inSources.insert(key(m));
        else if (m.source.contains(QLatin1String("%n")) || m.source.contains(QLatin1String("%Ln")))
            withoutCount << key(m);
    }
    QVERIFY2(withoutCount.isEmpty(), qPrintable(QStringLiteral("%n messages translated without a count (tr(text, nullptr, n)):\n  ")
                                                + withoutCount.join(QStringLiteral("\n  "))));
    QSet<QString> inTs;
    for (const TsMessage &m : std::as_const(m_ts))
        inTs.insert(key(m));
    QStringList missing = QSet<QString>(inSources).subtract(inTs).values();
    QStringList stale = QSet<QString>(inTs).subtract(inSources).values();
    missing.sort();
    stale.sort();
    const QString refresh = QStringLiteral("\nrun `cmake --build <build> --target schemadesk_lupdate`, then fill the new forms");
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%n messages missing from translations/schemadesk_en.ts:\n  ")
                                           + missing.join(QStringLiteral("\n  ")) + refresh));
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("messages in translations/schemadesk_en.ts the sources no longer have:\n  ")
                                         + stale.join(QStringLiteral("\n  ")) + refresh));
}

void tst_Translations::coreStrings_data()
{
    QTest::addColumn<StartupDecision::Action>("action");
    QTest::addColumn<int>("pending");
    QTest::addColumn<QString>("expected");
    using A = StartupDecision::Action;
    QTest::newRow("new database, 1 migration") << A::ApplyAll << 1 << "new database: applies its 1 migration on open";
    QTest::newRow("new database, 2 migrations") << A::ApplyAll << 2 << "new database: applies all 2 migrations on open";
    QTest::newRow("auto_upgrade, 1 migration") << A::ApplyPending << 1 << "applies 1 pending migration on open (auto_upgrade)";
    QTest::newRow("auto_upgrade, 2 migrations") << A::ApplyPending << 2 << "applies 2 pending migrations on open (auto_upgrade)";
    QTest::newRow("PostgreSQL, 0 migrations")
        << A::RecommendUpgrade << 0 << "0 migrations pending; PostgreSQL is never migrated on open, run 'upgrade' to apply them";
    QTest::newRow("PostgreSQL, 1 migration")
        << A::RecommendUpgrade << 1 << "1 migration pending; PostgreSQL is never migrated on open, run 'upgrade' to apply it";
    QTest::newRow("PostgreSQL, 2 migrations")
        << A::RecommendUpgrade << 2 << "2 migrations pending; PostgreSQL is never migrated on open, run 'upgrade' to apply them";
}

void tst_Translations::coreStrings()
{
    QFETCH(StartupDecision::Action, action);
    QFETCH(int, pending);
    QFETCH(QString, expected);
    QTranslator *translator = Translations::install(*QCoreApplication::instance());
    QVERIFY(translator);
    const QString text = StartupDecision{action, pending}.description();
    QCoreApplication::removeTranslator(translator);
    delete translator;
    QCOMPARE(text, expected);
}

void tst_Translations::cli_data()
{
    QTest::addColumn<QString>("setup"); // upgrade to this target first; empty: no database yet
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("locale"); // LC_ALL for the CLI; empty: the test's own
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // a line of the output (stdout, then stderr)

    const QString A = QStringLiteral("a1a1a1a1a1a1");
    const QString B = QStringLiteral("b2b2b2b2b2b2");
    const auto sql = [](const QString &from) -> QStringList {
        return {QStringLiteral("upgrade"), QStringLiteral("--sql"), QStringLiteral("--from"), from};
    };
    const auto beyond = [](const char *steps, const QString &from) -> QStringList {
        return {QStringLiteral("upgrade"), QString::fromLatin1(steps), QStringLiteral("--sql"), QStringLiteral("--from"), from};
    };
    const QStringList pending{QStringLiteral("pending")};
    const QStringList upgrade{QStringLiteral("upgrade")};
    const QStringList status{QStringLiteral("status")};
    const QStringList diff{QStringLiteral("diff")};

    QTest::newRow("upgrade --sql, 0 revisions") << QString() << sql(B) << QString() << 0
                                                << "-- SchemaDesk upgrade (sqlite): b2b2b2b2b2b2 -> b2b2b2b2b2b2, 0 revisions";
    QTest::newRow("upgrade --sql, 1 revision") << QString() << sql(A) << QString() << 0
                                               << "-- SchemaDesk upgrade (sqlite): a1a1a1a1a1a1 -> b2b2b2b2b2b2, 1 revision";
    QTest::newRow("upgrade --sql, 2 revisions") << QString() << sql(QStringLiteral("base")) << QString() << 0
                                                << "-- SchemaDesk upgrade (sqlite): base -> b2b2b2b2b2b2, 2 revisions";
    QTest::newRow("+1 past the head, 0 steps") << QString() << beyond("+1", B) << QString() << 2
                                               << "schemadesk-cli: +1 goes beyond the last revision: only 0 steps up from here";
    QTest::newRow("+2 past the head, 1 step") << QString() << beyond("+2", A) << QString() << 2
                                              << "schemadesk-cli: +2 goes beyond the last revision: only 1 step up from here";
    QTest::newRow("+3 past the head, 2 steps") << QString() << beyond("+3", QStringLiteral("base")) << QString() << 2
                                               << "schemadesk-cli: +3 goes beyond the last revision: only 2 steps up from here";
    QTest::newRow("pending, 1 revision") << A << pending << QString() << 0 << "1 revision pending";
    QTest::newRow("pending, 2 revisions") << QString() << pending << QString() << 0 << "2 revisions pending";
    QTest::newRow("upgrade, 1 revision") << A << upgrade << QString() << 0 << "the database is at b2b2b2b2b2b2 (1 revision, ";
    QTest::newRow("upgrade, 2 revisions") << QString() << upgrade << QString() << 0 << "the database is at b2b2b2b2b2b2 (2 revisions, ";
    QTest::newRow("status, 1 revision pending") << A << status << QString() << 0 << "pending    1 revision: b2b2b2b2b2b2";
    QTest::newRow("status, 2 revisions pending") << QString() << status << QString() << 0
                                                 << "pending    2 revisions: a1a1a1a1a1a1, b2b2b2b2b2b2";
    QTest::newRow("status, on open, 1 migration") << A << status << QString() << 0
                                                  << "on open    applies 1 pending migration on open (auto_upgrade)";
    QTest::newRow("status, on open, 2 migrations") << QString() << status << QString() << 0
                                                   << "on open    new database: applies all 2 migrations on open";
    QTest::newRow("diff, 1 difference") << A << diff << QString() << 1 << "1 difference";
    QTest::newRow("diff, 2 differences") << QString() << diff << QString() << 1 << "2 differences";
    QTest::newRow("German locale, English plurals") << A << pending << QStringLiteral("de_DE.UTF-8") << 0 << "1 revision pending";
    QTest::newRow("C locale, English plurals") << QString() << pending << QStringLiteral("C") << 0 << "2 revisions pending";
}

void tst_Translations::cli()
{
    QFETCH(QString, setup);
    QFETCH(QStringList, arguments);
    QFETCH(QString, locale);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeTwoRevisionProject(dir.path()));
    const QString project = QStringLiteral("--project=") + dir.path();
    if (!setup.isEmpty()) {
        const CliRun run = runCli({project, QStringLiteral("upgrade"), setup});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!locale.isEmpty()) {
        environment.insert(QStringLiteral("LC_ALL"), locale);
        environment.remove(QStringLiteral("LANGUAGE"));
    }
    const CliRun run = runCli(QStringList{project} + arguments, environment);
    const QString output = run.out + run.err;
    QVERIFY2(run.exitCode == exitCode, qPrintable(QStringLiteral("exit %1\n").arg(run.exitCode) + output));
    const QStringList lines = output.split(QLatin1Char('\n'));
    const bool found = std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.startsWith(expected); });
    QVERIFY2(found, qPrintable(QStringLiteral("no line starts with '%1' in:\n%2").arg(expected, output)));
    QVERIFY2(!output.contains(QLatin1String("(s)")), qPrintable(output));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
