// The app's side of translations and resources: with the catalogue
// installed as main.cpp installs it, the app's own %n strings read "0
// columns", "1 column", "2 columns"; the window icon comes from the
// compiled-in resources at every size. (tst_translations covers the
// catalogue itself and the CLI.)

#include "browser/SchemaTreeModel.h"
#include "editor/FindBar.h"
#include "i18n/Translations.h"
#include "shell/ApplicationIcon.h"

#include <QApplication>
#include <QTest>
#include <QTranslator>

using namespace sd;
using namespace sd::app;

class tst_AppTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void schemaBrowser_data();
    void schemaBrowser();
    void findBar_data();
    void findBar();
    void applicationIcon();
};

void tst_AppTranslations::initTestCase()
{
    QTranslator *translator = Translations::install(*QCoreApplication::instance());
    QVERIFY(translator);
    QCOMPARE(translator->filePath(), QStringLiteral(":/i18n/schemadesk_en.qm"));
}

void tst_AppTranslations::schemaBrowser_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0 columns") << 0 << "0 columns";
    QTest::newRow("1 column") << 1 << "1 column";
    QTest::newRow("2 columns") << 2 << "2 columns";
}

// A table without a comment shows its column count beside its name.
void tst_AppTranslations::schemaBrowser()
{
    QFETCH(int, columns);
    QFETCH(QString, expected);
    Table table;
    table.name = QStringLiteral("t");
    for (int i = 0; i < columns; ++i) {
        Column column;
        column.name = QStringLiteral("c%1").arg(i);
        table.columns.append(column);
    }
    Schema schema;
    schema.tables.append(table);
    SchemaTreeModel model;
    model.setSchema(schema);
    const QModelIndex index = model.tableIndex(QStringLiteral("t"));
    QVERIFY(index.isValid());
    QCOMPARE(index.siblingAtColumn(SchemaTreeModel::DetailsColumn).data().toString(), expected);
}

void tst_AppTranslations::findBar_data()
{
    QTest::addColumn<int>("matches");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0 matches") << 0 << "No matches";
    QTest::newRow("1 match") << 1 << "1 match";
    QTest::newRow("2 matches") << 2 << "2 matches";
}

// The cursor away from any match: the find bar counts them.
void tst_AppTranslations::findBar()
{
    QFETCH(int, matches);
    QFETCH(QString, expected);
    FindBar bar;
    bar.setText(QStringLiteral("users"));
    bar.setStatus(0, matches);
    QCOMPARE(bar.statusText(), expected);
}

void tst_AppTranslations::applicationIcon()
{
    const QIcon icon = sd::app::applicationIcon();
    QVERIFY(!icon.isNull());
    const QList<QSize> sizes = icon.availableSizes();
    for (const int size : {16, 32, 48, 64, 128, 256})
        QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(QStringLiteral("no %1 px icon").arg(size)));
    QVERIFY(!icon.pixmap(QSize(48, 48)).isNull());
}

QTEST_MAIN(tst_AppTranslations)
#include "tst_apptranslations.moc"
