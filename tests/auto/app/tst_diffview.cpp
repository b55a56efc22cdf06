// The diff view on the offscreen platform, with the demo's schema against a
// database that differs from it: selecting a table shows both definitions
// with the differing lines highlighted and the destructive differences'
// warnings; the filter and search reach the tree; the "Renamed?" question
// writes renamed_from into a temporary schema.yaml and tells the host; the
// Refresh and Generate buttons are signals. With SCHEMADESK_SCREENSHOT_DIR
// set, screenshots at 1280x800 in a light and a dark palette go there.

#include "ShellTestSupport.h"
#include "TestResult.h"
#include "config/SchemaReader.h"
#include "diff/DefinitionComparison.h"
#include "diff/DiffFilterProxyModel.h"
#include "diff/DiffView.h"
#include "diff/RenameSuggestionBar.h"
#include "diff/SchemaDiff.h"
#include "diff/SchemaDiffModel.h"
#include "dialect/Dialect.h"
#include "i18n/Translations.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace sd;
using namespace sd::app;
using namespace sd::testing;

namespace {

QString demoSchemaPath()
{
    return QDir(QString::fromLocal8Bit(qgetenv("SCHEMADESK_SOURCE_DIR"))).filePath(QStringLiteral("examples/demo/config/schema.yaml"));
}

Schema demoSchema()
{
    const MultiResult<Schema> schema = SchemaReader::readFile(demoSchemaPath());
    if (!schema)
        qWarning("%s", qPrintable(joinErrors(schema.error())));
    return schema.value_or(Schema());
}

// The demo database as PostgreSQL would hold it, changed the way a
// database drifts: users.email is still called mail, display_name is wider,
// books has an old column and lacks an index, orders is missing, an old
// audit table is still there.
Schema driftedDatabase(const Schema &configured)
{
    const Dialect &pg = Dialect::get(DialectKind::PostgreSQL);
    Schema live = pg.lowered(configured);
    Table *users = live.table(QStringLiteral("users"));
    users->column(QStringLiteral("email"))->name = QStringLiteral("mail");
    users->indexes[0].columns = {QStringLiteral("mail")};
    users->checks[0].expression = QStringLiteral("mail LIKE '%@%'");
    users->column(QStringLiteral("display_name"))->type = ColumnType::of(ColumnType::Kind::Varchar, 200);

    Table *books = live.table(QStringLiteral("books"));
    Column legacy;
    legacy.name = QStringLiteral("legacy_code");
    legacy.type = ColumnType::of(ColumnType::Kind::Varchar, 20);
    books->columns << legacy;
    books->indexes.removeIf([](const Index &i) { return i.name == QLatin1String("ix_books_title"); });

    live.tables.removeIf([](const Table &t) { return t.name == QLatin1String("orders"); });
    Table audit;
    audit.name = QStringLiteral("audit_log");
    Column id;
    id.name = QStringLiteral("id");
    id.type = ColumnType::of(ColumnType::Kind::BigInt);
    id.nullable = false;
    Column what;
    what.name = QStringLiteral("what");
    what.type = ColumnType::of(ColumnType::Kind::Text);
    audit.columns << id << what;
    audit.primaryKey.columns = {QStringLiteral("id")};
    live.tables << audit;
    return live;
}

// The row of the definitions whose configured (or live) text contains `text`.
int lineWith(const DefinitionComparison &comparison, DefinitionComparison::Side side, const QString &text)
{
    const QList<DefinitionLine> &lines = comparison.lines();
    for (int i = 0; i < lines.size(); ++i) {
        if ((side == DefinitionComparison::Live ? lines.at(i).live : lines.at(i).configured).contains(text))
            return i;
    }
    return -1;
}


} // namespace

class tst_DiffView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selectTableShowsBothSides();
    void addedAndRemovedTables();
    void destructiveWarnings();
    void filterAndSearch();
    void renamePromptWritesHint();
    void renameRejected();
    void renameWithoutFile();
    void buttons();
    void keepsSelectionOnRefresh();
    void sqliteOptionsAndCollationShown();
    void screenshots();

private:
    Schema m_configured;
    Schema m_live;
    Differences m_differences;
};

void tst_DiffView::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(sd::Translations::install(*QCoreApplication::instance()));
    m_configured = demoSchema();
    QVERIFY(!m_configured.tables.isEmpty());
    m_live = driftedDatabase(m_configured);
    m_differences = SchemaDiff::compare(m_configured, m_live, Dialect::get(DialectKind::PostgreSQL));
    QVERIFY(!m_differences.isEmpty());
    // Unchanged tables of the demo stay unchanged once lowered.
    for (const Difference &d : std::as_const(m_differences)) {
        QVERIFY2(QStringList({"users", "books", "orders", "audit_log"}).contains(d.table), qPrintable(d.description()));
    }
}

void tst_DiffView::selectTableShowsBothSides()
{
    DiffView view;
    view.resize(1280, 800);
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    view.setSchemaFile(demoSchemaPath(), QStringLiteral("config/schema.yaml"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QSignalSpy selected(&view, &DiffView::tableSelected);
    view.selectTable(QStringLiteral("users"));
    QCOMPARE(view.currentTable(), QStringLiteral("users"));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().toString(), QStringLiteral("users"));
    QCOMPARE(view.treeView()->currentIndex().data().toString(), QStringLiteral("users"));

    const DefinitionComparison &c = *view.definitionComparison();
    using S = DefinitionComparison;
    // Both sides show the table, aligned part by part.
    QCOMPARE(c.lineText(S::Live, 0), QStringLiteral("name: users"));
    QCOMPARE(c.lineText(S::Configured, 0), QStringLiteral("name: users"));
    QVERIFY(!c.isHighlighted(S::Live, 0));

    // display_name differs in type: one line, both sides, highlighted.
    const int displayName = lineWith(c, S::Configured, QStringLiteral("{name: display_name"));
    QVERIFY(displayName > 0);
    QCOMPARE(c.lineText(S::Live, displayName), QStringLiteral("  - {name: display_name, type: varchar(200), nullable: false}"));
    QCOMPARE(c.lineText(S::Configured, displayName), QStringLiteral("  - {name: display_name, type: varchar(100), nullable: false}"));
    QVERIFY(c.isHighlighted(S::Live, displayName));
    QVERIFY(c.isHighlighted(S::Configured, displayName));
    QCOMPARE(c.lines().at(displayName).status, DiffStatus::Changed);
    QVERIFY(c.lines().at(displayName).destructive); // narrows the type

    // The unchanged column beside it is not highlighted.
    const int isAdmin = lineWith(c, S::Configured, QStringLiteral("{name: is_admin"));
    QVERIFY(isAdmin > 0);
    QCOMPARE(c.lineText(S::Live, isAdmin), c.lineText(S::Configured, isAdmin));
    QVERIFY(!c.isHighlighted(S::Live, isAdmin));
    QVERIFY(!c.isHighlighted(S::Configured, isAdmin));

    // mail (database only) and email (configuration only) each get a line.
    const int mail = lineWith(c, S::Live, QStringLiteral("{name: mail,"));
    const int email = lineWith(c, S::Configured, QStringLiteral("{name: email,"));
    QVERIFY(mail > 0 && email > 0 && mail != email);
    QCOMPARE(c.lines().at(mail).status, DiffStatus::Removed);
    QCOMPARE(c.lineText(S::Configured, mail), QString());
    QCOMPARE(c.lines().at(email).status, DiffStatus::Added);
    QVERIFY(c.isHighlighted(S::Live, mail));
    QVERIFY(!c.isHighlighted(S::Configured, mail)); // nothing there
    QVERIFY(c.isHighlighted(S::Configured, email));
    QVERIFY(c.document()->toPlainText().contains(QStringLiteral("Configuration (config/schema.yaml)")));

    // Selecting a child row shows its table.
    view.selectTable(QStringLiteral("books"));
    QCOMPARE(view.currentTable(), QStringLiteral("books"));
    const QModelIndex usersRow = view.filterModel()->mapFromSource(view.model()->tableIndex(QStringLiteral("users")));
    view.treeView()->setCurrentIndex(view.treeView()->model()->index(0, 0, usersRow));
    QCOMPARE(view.currentTable(), QStringLiteral("users"));
}

void tst_DiffView::addedAndRemovedTables()
{
    DiffView view;
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    using S = DefinitionComparison;
    const DefinitionComparison &c = *view.definitionComparison();

    view.selectTable(QStringLiteral("orders"));
    QVERIFY(!c.lines().isEmpty());
    for (int i = 0; i < c.lines().size(); ++i) {
        QCOMPARE(c.lineText(S::Live, i), QString());
        QCOMPARE(c.lines().at(i).status, DiffStatus::Added);
    }
    QCOMPARE(c.lineText(S::Configured, 0), QStringLiteral("name: orders"));

    view.selectTable(QStringLiteral("audit_log"));
    QCOMPARE(c.lineText(S::Live, 0), QStringLiteral("name: audit_log"));
    QCOMPARE(c.lineText(S::Configured, 0), QString());
    QVERIFY(c.lines().at(0).destructive);
    QCOMPARE(view.currentWarnings(), QStringList{QStringLiteral("drops table audit_log and every row in it")});
}

void tst_DiffView::destructiveWarnings()
{
    DiffView view;
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    view.setRowCounts({{QStringLiteral("books"), 1500}, {QStringLiteral("users"), 12}});
    view.selectTable(QStringLiteral("books"));
    QCOMPARE(view.currentWarnings(),
             QStringList{QStringLiteral("drops column books.legacy_code and the values it holds: 1,500 rows")});
    QVERIFY(view.findChild<QFrame *>(QStringLiteral("diffWarnings"))->isVisibleTo(&view));

    view.selectTable(QStringLiteral("users"));
    QStringList warnings = view.currentWarnings();
    QCOMPARE(warnings.size(), 2);
    QVERIFY(warnings.at(0).startsWith(QStringLiteral("narrows users.display_name from varchar(200) to varchar(100)")));
    QVERIFY(warnings.at(0).endsWith(QStringLiteral(": 12 rows")));
    QVERIFY(warnings.at(1).startsWith(QStringLiteral("drops column users.mail")));

    view.selectTable(QStringLiteral("tags"));
    QVERIFY(view.currentWarnings().isEmpty());
    QVERIFY(!view.findChild<QFrame *>(QStringLiteral("diffWarnings"))->isVisibleTo(&view));
}

void tst_DiffView::filterAndSearch()
{
    DiffView view;
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    QAbstractItemModel *tree = view.treeView()->model();
    QCOMPARE(tree->rowCount(), m_configured.tables.size() + 1); // audit_log only in the database

    view.setDifferencesOnly(true);
    QStringList shown;
    for (int row = 0; row < tree->rowCount(); ++row)
        shown << tree->index(row, 0).data().toString();
    QCOMPARE(shown, (QStringList{"audit_log", "books", "orders", "users"}));
    QVERIFY(view.treeView()->isExpanded(tree->index(3, 0)));

    view.setSearchText(QStringLiteral("legacy"));
    QCOMPARE(tree->rowCount(), 1);
    QCOMPARE(tree->index(0, 0).data().toString(), QStringLiteral("books"));
    QCOMPARE(tree->rowCount(tree->index(0, 0)), 1);
    QCOMPARE(tree->index(0, 0, tree->index(0, 0)).data().toString(), QStringLiteral("column legacy_code"));

    view.setDifferencesOnly(false);
    view.setSearchText(QStringLiteral("TAG"));
    shown.clear();
    for (int row = 0; row < tree->rowCount(); ++row)
        shown << tree->index(row, 0).data().toString();
    QCOMPARE(shown, (QStringList{"book_tags", "tags"}));
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("diffSummary"))->text(),
             QStringLiteral("13 items: 2 changed, 1 added, 1 removed, 9 unchanged"));
}

void tst_DiffView::renamePromptWritesHint()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("schema.yaml"));
    QVERIFY(QFile::copy(demoSchemaPath(), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();

    DiffView view;
    view.resize(1280, 800);
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    view.setSchemaFile(path, QStringLiteral("config/schema.yaml"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectTable(QStringLiteral("users"));

    RenameSuggestionBar *bar = view.renameSuggestionBar();
    QVERIFY(bar->isVisible());
    // mail varchar(255) removed, email varchar(255) added: a rename; display_name is no candidate.
    QCOMPARE(bar->candidates().size(), 1);
    QCOMPARE(bar->currentCandidate().from, QStringLiteral("mail"));
    QCOMPARE(bar->currentCandidate().to, QStringLiteral("email"));

    QSignalSpy written(&view, &DiffView::renameHintWritten);
    QSignalSpy changed(&view, &DiffView::schemaFileChanged);
    auto *yes = bar->findChild<QPushButton *>(QStringLiteral("renameYesButton"));
    QVERIFY(yes && yes->isVisible() && yes->isEnabled());
    QTest::mouseClick(yes, Qt::LeftButton);

    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first(), (QVariantList{QStringLiteral("users"), QStringLiteral("mail"), QStringLiteral("email")}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), path);

    QFile edited(path);
    QVERIFY(edited.open(QIODevice::ReadOnly));
    const QByteArray after = edited.readAll();
    const QByteArray line = "      - {name: email, type: varchar(255), nullable: false}\n";
    QByteArray expected = before;
    expected.replace(before.indexOf(line), line.size(), "      - {name: email, type: varchar(255), nullable: false, renamed_from: mail}\n");
    QCOMPARE(after, expected);

    // The host refreshes: the diff now holds a rename, and no question.
    const MultiResult<Schema> reread = SchemaReader::readFile(path);
    SD_VERIFY_RESULT(reread);
    const Differences differences = SchemaDiff::compare(*reread, m_live, Dialect::get(DialectKind::PostgreSQL));
    view.setComparison(*reread, m_live, differences, DialectKind::PostgreSQL);
    QCOMPARE(view.currentTable(), QStringLiteral("users"));
    QVERIFY(!bar->isVisible());
    const QModelIndex users = view.model()->tableIndex(QStringLiteral("users"));
    QStringList children;
    for (int row = 0; row < view.model()->rowCount(users); ++row)
        children << view.model()->index(row, 0, users).data().toString();
    QCOMPARE(children, (QStringList{"column email (was mail)", "column display_name"}));
    // The renamed column's two sides share a line now.
    const DefinitionComparison &c = *view.definitionComparison();
    const int email = lineWith(c, DefinitionComparison::Configured, QStringLiteral("{name: email,"));
    QVERIFY(c.lineText(DefinitionComparison::Live, email).contains(QStringLiteral("{name: mail,")));
}

void tst_DiffView::renameRejected()
{
    DiffView view;
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    view.setSchemaFile(QStringLiteral("/nonexistent/schema.yaml"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectTable(QStringLiteral("users"));
    RenameSuggestionBar *bar = view.renameSuggestionBar();
    QVERIFY(bar->isVisible());
    QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("renameNoButton")), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    view.selectTable(QStringLiteral("books"));
    view.selectTable(QStringLiteral("users"));
    QVERIFY(!bar->isVisible()); // not asked again

    // A write that fails says so, with the file.
    DiffView other;
    other.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    other.setSchemaFile(QStringLiteral("/nonexistent/schema.yaml"), QStringLiteral("config/schema.yaml"));
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    other.selectTable(QStringLiteral("users"));
    QSignalSpy errors(&other, &DiffView::errorOccurred);
    QTest::mouseClick(other.renameSuggestionBar()->findChild<QPushButton *>(QStringLiteral("renameYesButton")), Qt::LeftButton);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().first().toString().startsWith(QStringLiteral("config/schema.yaml: cannot read")),
             qPrintable(errors.first().first().toString()));
}

void tst_DiffView::renameWithoutFile()
{
    DiffView view;
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectTable(QStringLiteral("users"));
    QVERIFY(view.renameSuggestionBar()->isVisible());
    QVERIFY(!view.renameSuggestionBar()->findChild<QPushButton *>(QStringLiteral("renameYesButton"))->isEnabled());
}

void tst_DiffView::buttons()
{
    DiffView view;
    QSignalSpy refresh(&view, &DiffView::refreshRequested);
    QSignalSpy generate(&view, &DiffView::generateMigrationRequested);
    auto *generateButton = view.findChild<QPushButton *>(QStringLiteral("generateMigrationButton"));
    QVERIFY(!generateButton->isEnabled()); // nothing to generate yet
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    QVERIFY(generateButton->isEnabled());
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("refreshButton")), Qt::LeftButton);
    QTest::mouseClick(generateButton, Qt::LeftButton);
    QCOMPARE(refresh.size(), 1);
    QCOMPARE(generate.size(), 1);

    // No differences: nothing to generate.
    view.setComparison(m_configured, Dialect::get(DialectKind::PostgreSQL).lowered(m_configured), {}, DialectKind::PostgreSQL);
    QVERIFY(!generateButton->isEnabled());
}

void tst_DiffView::keepsSelectionOnRefresh()
{
    DiffView view;
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    view.selectTable(QStringLiteral("books"));
    view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
    QCOMPARE(view.currentTable(), QStringLiteral("books"));
    view.clear();
    QCOMPARE(view.currentTable(), QString());
    QCOMPARE(view.model()->rowCount(), 0);
}

void tst_DiffView::sqliteOptionsAndCollationShown()
{
    // A table that SQLite holds as WITHOUT ROWID, STRICT with a NOCASE
    // column, configured without either: both differences have their line.
    Table live;
    live.name = QStringLiteral("settings");
    live.withoutRowid = live.strict = true;
    Column key;
    key.name = QStringLiteral("key");
    key.type = ColumnType::of(ColumnType::Kind::Text);
    key.nullable = false;
    key.collation = QStringLiteral("NOCASE");
    live.columns << key;
    live.primaryKey.columns = {key.name};
    Table configured = live;
    configured.withoutRowid = configured.strict = false;
    configured.columns[0].collation.clear();
    Schema liveSchema, configuredSchema;
    liveSchema.tables << live;
    configuredSchema.tables << configured;
    const Differences differences = SchemaDiff::compare(configuredSchema, liveSchema, Dialect::get(DialectKind::Sqlite));
    QCOMPARE(differences.size(), 2);

    DiffView view;
    view.resize(1280, 500);
    view.setComparison(configuredSchema, liveSchema, differences, DialectKind::Sqlite);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectTable(QStringLiteral("settings"));
    const DefinitionComparison &c = *view.definitionComparison();
    using S = DefinitionComparison;
    // As schema.yaml writes them, one line each.
    for (const QString &option : {QStringLiteral("without_rowid: true"), QStringLiteral("strict: true")}) {
        const int line = lineWith(c, S::Live, option);
        QVERIFY2(line > 0, qPrintable(option));
        QCOMPARE(c.lineText(S::Live, line), option);
        QCOMPARE(c.lineText(S::Configured, line), QString());
        QVERIFY(c.isHighlighted(S::Live, line));
    }
    const int column = lineWith(c, S::Live, QStringLiteral("{name: key"));
    QVERIFY(column > 0);
    QVERIFY2(c.lineText(S::Live, column).contains(QStringLiteral("collation: NOCASE")), qPrintable(c.lineText(S::Live, column)));
    QVERIFY(!c.lineText(S::Configured, column).contains(QStringLiteral("collation")));
    QVERIFY(c.isHighlighted(S::Configured, column));

    const QString directory = QString::fromLocal8Bit(qgetenv("SCHEMADESK_SCREENSHOT_DIR"));
    if (!directory.isEmpty())
        QVERIFY(view.grab().save(QDir(directory).filePath(QStringLiteral("diffview-sqlite-options.png"))));
}

void tst_DiffView::screenshots()
{
    const QString directory = QString::fromLocal8Bit(qgetenv("SCHEMADESK_SCREENSHOT_DIR"));
    if (directory.isEmpty())
        QSKIP("set SCHEMADESK_SCREENSHOT_DIR to write screenshots");
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette light = QApplication::style()->standardPalette();
    for (const auto &[name, palette] : {std::pair{QStringLiteral("light"), light}, std::pair{QStringLiteral("dark"), darkPalette()}}) {
        QApplication::setPalette(palette);
        DiffView view;
        view.resize(1280, 800);
        view.setComparison(m_configured, m_live, m_differences, DialectKind::PostgreSQL);
        view.setSchemaFile(demoSchemaPath(), QStringLiteral("config/schema.yaml"));
        view.setRowCounts({{QStringLiteral("users"), 12}, {QStringLiteral("books"), 1500}, {QStringLiteral("audit_log"), 48210}});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectTable(QStringLiteral("users"));
        QCoreApplication::processEvents();
        const QString file = QDir(directory).filePath(QStringLiteral("diffview-%1.png").arg(name));
        QVERIFY(view.grab().save(file));
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(tst_DiffView)
#include "tst_diffview.moc"
