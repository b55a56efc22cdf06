// Connecting the window to a real PostgreSQL server through ConnectFlow:
// the server wants a password libpq cannot find, so the user is asked (the
// real QInputDialog once, a prompt function otherwise); a wrong or no
// answer gives the server's message and no second prompt; the password is
// never written to the recent projects nor the workspace; a server that
// accepts the TCP connection but never answers fails after the connect
// timeout while the GUI thread keeps ticking.

#include "PostgresTestServer.h"
#include "ShellTestSupport.h"
#include "TestResult.h"
#include "shell/ConnectFlow.h"
#include "shell/ProjectSession.h"
#include "shell/RecentProjects.h"
#include "shell/Workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace sd;
using namespace sd::app;
using namespace sd::testing;

class tst_ConnectFlowPostgres : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void promptedPassword_data();
    void promptedPassword();
    void realPasswordDialog();
    void silentServerTimesOutWithoutBlocking();

private:
    // Connects `url` and waits; the error text when it failed.
    std::optional<QString> connectAndWait(const DatabaseUrl &url, int timeoutMs = 30000);

    PostgresTestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_work;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<QWidget> m_parent;
    ProjectSession *m_session = nullptr;
    ConnectFlow *m_flow = nullptr;
    QString m_lastError;
};

void tst_ConnectFlowPostgres::initTestCase()
{
    SD_REQUIRE_POSTGRES(m_server);
    isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    qputenv("SCHEMADESK_NO_KEYCHAIN", "1");
    // libpq finds no password anywhere but in the URL.
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", m_dir.filePath(QStringLiteral("no-pgpass")).toLocal8Bit());
}

void tst_ConnectFlowPostgres::init()
{
    RecentProjects::clear();
    m_work = std::make_unique<QTemporaryDir>();
    const QString project = m_work->filePath(QStringLiteral("demo"));
    QVERIFY(copyDemo(project));
    auto workspace = Workspace::open(m_work->filePath(QStringLiteral("workspace.db")));
    SD_VERIFY_RESULT(workspace);
    m_workspace = std::move(*workspace);
    m_parent = std::make_unique<QWidget>();
    m_session = new ProjectSession(m_parent.get());
    SD_VERIFY_RESULT(m_session->openProject(project));
    m_flow = new ConnectFlow(m_session, m_workspace.get(), {}, m_parent.get());
    connect(m_flow, &ConnectFlow::failed, this, [this](const Error &error) { m_lastError = error.toString(); });
    m_lastError.clear();
}

void tst_ConnectFlowPostgres::cleanup()
{
    m_parent.reset(); // the session's database thread closes its connection
    m_workspace.reset();
}

std::optional<QString> tst_ConnectFlowPostgres::connectAndWait(const DatabaseUrl &url, int timeoutMs)
{
    QSignalSpy finished(m_flow, &ConnectFlow::finished);
    m_flow->connectTo(url);
    if (!finished.wait(timeoutMs))
        return QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    if (finished.first().first().toBool())
        return std::nullopt;
    return m_lastError;
}

void tst_ConnectFlowPostgres::promptedPassword_data()
{
    QTest::addColumn<QString>("answer"); // what the user types; "<cancel>" cancels
    QTest::addColumn<bool>("connects");
    QTest::addColumn<QString>("message"); // in the error when it does not connect

    QTest::newRow("right password") << QStringLiteral("postgres") << true << QString();
    QTest::newRow("wrong password") << QStringLiteral("not-the-password") << false << QStringLiteral("password authentication failed");
    QTest::newRow("cancelled") << QStringLiteral("<cancel>") << false << QStringLiteral("no password supplied");
}

void tst_ConnectFlowPostgres::promptedPassword()
{
    QFETCH(QString, answer);
    QFETCH(bool, connects);
    QFETCH(QString, message);

    auto url = m_server.createDatabase(QStringLiteral("prompt"));
    SD_VERIFY_RESULT(url);
    QCOMPARE(url->password, QStringLiteral("postgres"));
    DatabaseUrl withoutPassword = *url;
    withoutPassword.password.clear();

    QStringList asked;
    m_flow->setPasswordPrompt([&](const DatabaseUrl &prompted) -> std::optional<QString> {
        asked << prompted.display();
        if (answer == QLatin1String("<cancel>"))
            return std::nullopt;
        return answer;
    });
    const auto error = connectAndWait(withoutPassword);
    QCOMPARE(asked, QStringList{withoutPassword.display()}); // asked once, never again after a wrong answer
    QCOMPARE(m_session->isConnected(), connects);
    QCOMPARE(error.has_value(), !connects);
    if (error) {
        QVERIFY2(error->contains(message), qPrintable(*error));
        // One message naming the server.
        QVERIFY2(error->contains(QStringLiteral("127.0.0.1:%1").arg(url->port)), qPrintable(*error));
        return;
    }
    QCOMPARE(m_session->lastStartup()->decision.action, StartupDecision::Action::RecommendUpgrade);
    // Remembered without the password.
    const QString last = RecentProjects::lastConnection(m_session->project().directory).first;
    QCOMPARE(last, url->display());
    QVERIFY(!last.contains(QLatin1String(":postgres@"))); // user postgres, password postgres
    auto saved = m_workspace->savedConnections();
    SD_VERIFY_RESULT(saved);
    QCOMPARE(saved->size(), 1);
    QCOMPARE(saved->first().url, url->display());
    QFile file(m_work->filePath(QStringLiteral("workspace.db")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(":postgres@"));
}

void tst_ConnectFlowPostgres::realPasswordDialog()
{
    auto url = m_server.createDatabase(QStringLiteral("dialog"));
    SD_VERIFY_RESULT(url);
    DatabaseUrl withoutPassword = *url;
    withoutPassword.password.clear();
    // The default prompt: a QInputDialog in password mode. Answer it like a user.
    QString label;
    bool echoHidden = false;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer.stop();
        label = dialog->labelText();
        echoHidden = dialog->textEchoMode() == QLineEdit::Password;
        QLineEdit *edit = dialog->findChild<QLineEdit *>();
        QTest::keyClicks(edit, QStringLiteral("postgres"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    answer.start();
    const auto error = connectAndWait(withoutPassword);
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QVERIFY(m_session->isConnected());
    QVERIFY2(label.contains(withoutPassword.display()), qPrintable(label));
    QVERIFY(echoHidden);
}

void tst_ConnectFlowPostgres::silentServerTimesOutWithoutBlocking()
{
    // Accepts TCP connections and never says a word.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto url = DatabaseUrl::parse(QStringLiteral("postgresql://nobody:secret@127.0.0.1:%1/nothing?connect_timeout=2").arg(silent.serverPort()));
    SD_VERIFY_RESULT(url);

    EventLoopProbe probe;
    QElapsedTimer elapsed;
    elapsed.start();
    probe.start();
    const auto error = connectAndWait(*url, 20000);
    probe.stop();
    qInfo("failed after %lld ms; longest GUI-thread gap %lld ms over %d ticks", elapsed.elapsed(), probe.maxGapMs(), probe.ticks());
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort())), qPrintable(*error));
    QVERIFY2(elapsed.elapsed() >= 1500 && elapsed.elapsed() < 10000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(probe.maxGapMs() < 100, qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(probe.maxGapMs())));
    QVERIFY(probe.ticks() > 50);
    QVERIFY(!m_session->isConnected());
}

QTEST_MAIN(tst_ConnectFlowPostgres)
#include "tst_connectflowpostgres.moc"
