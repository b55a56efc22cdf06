// The connection dialog (ui/ConnectionDialog.ui): SQLite and PostgreSQL
// fields, the project's environments, "Test connection" reporting the
// server version or the exact error, the protected warning.

#include "ShellTestSupport.h"
#include "WindowTestSupport.h"
#include "TestResult.h"
#include "config/ProjectFile.h"
#include "shell/ConnectionDialog.h"
#include "shell/DatabaseThread.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sd;
using namespace sd::app;
using namespace sd::testing;

namespace {

// Fills the PostgreSQL fields with a server on 127.0.0.1:`port`.
void pointAtPostgres(ConnectionDialog &dialog, quint16 port)
{
    dialog.findChild<QComboBox *>(QStringLiteral("typeCombo"))->setCurrentIndex(1);
    dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(QStringLiteral("127.0.0.1"));
    dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(port);
    dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(QStringLiteral("nothing"));
    dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(QStringLiteral("nobody"));
}

// The threads of connection tests still running or not yet deleted.
QList<DatabaseThread *> connectionTests()
{
    return QCoreApplication::instance()->findChildren<DatabaseThread *>(QStringLiteral("SchemaDesk connection test"),
                                                                        Qt::FindDirectChildrenOnly);
}

} // namespace

class tst_ConnectionDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sqliteFileRelativeToProject();
    void testConnectionReportsVersion();
    void testConnectionReportsTheExactError();
    void testingASilentServerKeepsTheDialogResponsive();
    void closingTheDialogDuringATestDoesNotWaitNorLeaveTheThread();
    void environmentFillsPostgresFields();
    void protectedEnvironmentWarns();
    void savedConnectionsFillTheFields();
    void urlParametersTheFieldsDoNotShowAreKept();
    void editingAFieldMakesACustomConnection();
    void okWithIncompleteFieldsStaysOpen();

private:
    QTemporaryDir m_dir;
    Project m_project;
};

void tst_ConnectionDialog::initTestCase()
{
    qputenv("SCHEMADESK_NO_KEYCHAIN", "1");
    QVERIFY(copyDemo(m_dir.filePath(QStringLiteral("demo"))));
    auto project = ProjectFile::load(m_dir.filePath(QStringLiteral("demo")));
    QVERIFY(project.has_value());
    m_project = *project;
}

void tst_ConnectionDialog::sqliteFileRelativeToProject()
{
    ConnectionDialog dialog(&m_project);
    dialog.findChild<QComboBox *>(QStringLiteral("typeCombo"))->setCurrentIndex(0);
    dialog.findChild<QLineEdit *>(QStringLiteral("sqlitePathEdit"))->setText(QStringLiteral("other.db"));
    auto url = dialog.url();
    SD_VERIFY_RESULT(url);
    QCOMPARE(url->dialect, DialectKind::Sqlite);
    QCOMPARE(url->path, m_dir.filePath(QStringLiteral("demo/other.db")));
    QCOMPARE(dialog.environment(), QString());
}

void tst_ConnectionDialog::testConnectionReportsVersion()
{
    ConnectionDialog dialog(&m_project);
    QVERIFY(dialog.selectEnvironment(QStringLiteral(":default")));
    auto url = dialog.url();
    SD_VERIFY_RESULT(url);
    QCOMPARE(url->path, m_dir.filePath(QStringLiteral("demo/demo.db")));
    const QString text = testConnectionAndWait(dialog);
    QVERIFY2(text.startsWith(QLatin1String("Connected: SQLite 3.")), qPrintable(text));
    QVERIFY(!QFile::exists(url->path)); // testing never creates the file
}

void tst_ConnectionDialog::testConnectionReportsTheExactError()
{
    ConnectionDialog dialog(&m_project);
    dialog.findChild<QComboBox *>(QStringLiteral("typeCombo"))->setCurrentIndex(1);
    dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(QStringLiteral("127.0.0.1"));
    dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(1); // nothing listens there
    dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(QStringLiteral("nowhere"));
    dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(QStringLiteral("nobody"));
    const QString text = testConnectionAndWait(dialog);
    QVERIFY2(!text.startsWith(QLatin1String("Connected")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("127.0.0.1")), qPrintable(text));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("testResultLabel"))->text(), text);

    dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->clear();
    QVERIFY(!dialog.url().has_value());
}

void tst_ConnectionDialog::testingASilentServerKeepsTheDialogResponsive()
{
    QTcpServer silent; // accepts, never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Project project = m_project;
    project.connectTimeoutSeconds = 1;
    ConnectionDialog dialog(&project);
    pointAtPostgres(dialog, silent.serverPort());
    auto *testButton = dialog.findChild<QPushButton *>(QStringLiteral("testButton"));
    QVERIFY(testButton);

    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    EventLoopProbe probe;
    probe.start();
    dialog.testConnection();
    QVERIFY(dialog.isTesting());
    QVERIFY(!testButton->isEnabled()); // one test at a time
    QVERIFY(dialog.testResult().startsWith(QLatin1String("Connecting to ")));
    QVERIFY(finished.wait(15000));
    probe.stop();
    QVERIFY2(probe.maxGapMs() < 100, qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(probe.maxGapMs())));
    const QString text = finished.first().first().toString();
    QVERIFY2(text.contains(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort())), qPrintable(text));
    QVERIFY(testButton->isEnabled());
    QVERIFY(!dialog.isTesting());
    QTRY_VERIFY(connectionTests().isEmpty());
}

void tst_ConnectionDialog::closingTheDialogDuringATestDoesNotWaitNorLeaveTheThread()
{
    QTcpServer silent; // accepts, never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Project project = m_project;
    project.connectTimeoutSeconds = 1;
    auto dialog = std::make_unique<ConnectionDialog>(&project);
    pointAtPostgres(*dialog, silent.serverPort());
    QVERIFY(connectionTests().isEmpty());
    dialog->testConnection();
    QVERIFY(dialog->isTesting());

    // The test runs on a thread the application owns, so that quitting
    // waits for it; closing the dialog does not.
    QCOMPARE(connectionTests().size(), 1);
    const QThread *thread = connectionTests().first()->findChild<QThread *>();
    QVERIFY(thread);
    QVERIFY(thread->isRunning());
    QElapsedTimer closing;
    closing.start();
    dialog.reset();
    QVERIFY2(closing.elapsed() < 500, qPrintable(QStringLiteral("closing took %1 ms").arg(closing.elapsed())));
    QVERIFY(!connectionTests().isEmpty()); // still waiting for the server

    // At the connect timeout the thread ends, nobody is told, and it is deleted.
    QTRY_VERIFY_WITH_TIMEOUT(connectionTests().isEmpty(), 15000);
}

void tst_ConnectionDialog::environmentFillsPostgresFields()
{
    ConnectionDialog dialog(&m_project);
    QVERIFY(dialog.selectEnvironment(QStringLiteral("staging")));
    QCOMPARE(dialog.environment(), QStringLiteral("staging"));
    auto url = dialog.url();
    SD_VERIFY_RESULT(url);
    QCOMPARE(url->dialect, DialectKind::PostgreSQL);
    QCOMPARE(url->host, QStringLiteral("127.0.0.1"));
    QCOMPARE(url->database, QStringLiteral("demo"));
    QCOMPARE(url->user, QStringLiteral("schemadesk"));
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("pw"));
    QCOMPARE(dialog.url()->password, QStringLiteral("pw"));
    QVERIFY(!dialog.url()->display().contains(QLatin1String("pw")));
    QVERIFY(!dialog.selectEnvironment(QStringLiteral("nope")));
}

void tst_ConnectionDialog::urlParametersTheFieldsDoNotShowAreKept()
{
    ConnectionDialog dialog(&m_project);
    auto url = DatabaseUrl::parse(QStringLiteral("postgresql://app@db.internal:6432/app?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=3"));
    SD_VERIFY_RESULT(url);
    dialog.setUrl(*url);
    auto back = dialog.url();
    SD_VERIFY_RESULT(back);
    QCOMPARE(back->display(), url->display());
    QCOMPARE(back->parameters, url->parameters);
}

void tst_ConnectionDialog::editingAFieldMakesACustomConnection()
{
    ConnectionDialog dialog(&m_project);
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("protectedLabel"));
    auto *database = dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"));
    QVERIFY(dialog.selectEnvironment(QStringLiteral("production")));
    QVERIFY(label->isVisibleTo(&dialog));
    // Another database typed over production's is not production any more...
    database->selectAll();
    QTest::keyClicks(database, QStringLiteral("bookshop_copy"));
    QCOMPARE(dialog.environment(), QString());
    QVERIFY(!label->isVisibleTo(&dialog));
    // ... and production's database typed as a custom connection is.
    database->selectAll();
    QTest::keyClicks(database, QStringLiteral("bookshop"));
    QCOMPARE(dialog.environment(), QString());
    QVERIFY(label->isVisibleTo(&dialog));
    QVERIFY2(label->text().contains(QLatin1String("\"production\"")), qPrintable(label->text()));
}

void tst_ConnectionDialog::okWithIncompleteFieldsStaysOpen()
{
    ConnectionDialog dialog(&m_project);
    dialog.show();
    dialog.findChild<QComboBox *>(QStringLiteral("typeCombo"))->setCurrentIndex(1);
    dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->clear();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.testResult().contains(QLatin1String("host and a database")), qPrintable(dialog.testResult()));
    dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(QStringLiteral("app"));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_ConnectionDialog::protectedEnvironmentWarns()
{
    ConnectionDialog dialog(&m_project);
    dialog.show();
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("protectedLabel"));
    QVERIFY(!label->isVisible());
    QVERIFY(dialog.selectEnvironment(QStringLiteral("production")));
    QVERIFY(label->isVisible());
    QCOMPARE(dialog.url()->parameters.value(QStringLiteral("sslmode")), QStringLiteral("require"));
    QVERIFY(dialog.selectEnvironment(QStringLiteral("staging")));
    QVERIFY(!label->isVisible());
}

void tst_ConnectionDialog::savedConnectionsFillTheFields()
{
    ConnectionDialog dialog(&m_project);
    SavedConnection sqlite;
    sqlite.name = sqlite.url = QStringLiteral("sqlite:////tmp/elsewhere.db");
    SavedConnection staging;
    staging.name = staging.environment = QStringLiteral("staging");
    staging.url = QStringLiteral("postgresql://schemadesk@127.0.0.1:5432/demo");
    dialog.setSavedConnections({sqlite, staging});
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("savedCombo"));
    QCOMPARE(combo->count(), 3);
    combo->setCurrentIndex(1);
    QCOMPARE(dialog.url()->path, QStringLiteral("/tmp/elsewhere.db"));
    QCOMPARE(dialog.environment(), QString());
    combo->setCurrentIndex(2);
    QCOMPARE(dialog.environment(), QStringLiteral("staging"));
    QCOMPARE(dialog.url()->database, QStringLiteral("demo"));
}

QTEST_MAIN(tst_ConnectionDialog)
#include "tst_connectiondialog.moc"
