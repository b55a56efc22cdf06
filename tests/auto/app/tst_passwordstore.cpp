// PasswordStore against a real keychain: a private D-Bus session bus with a
// gnome-keyring-daemon on it (SecretServiceTestServer), never the user's
// own. QtKeychain reaches it through libsecret. Without a Secret Service
// (in a child process of this test, as D-Bus state is per process) every
// call fails on its own, fast, with a text the window can show; a keychain
// that never answers is cut off by PasswordStore's timeout.

#include "SecretServiceTestServer.h"
#include "ShellTestSupport.h"
#include "TestResult.h"
#include "db/DatabaseUrl.h"
#include "shell/PasswordStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#ifdef SCHEMADESK_TEST_HAVE_QTDBUS
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#endif

#include <memory>

using namespace std::chrono_literals;
using namespace sd;
using namespace sd::app;
using namespace sd::testing;

namespace {

// A key as the app makes it: a connection's display URL. Each run gets its
// own database names, so runs never see each other's entries.
QString keyFor(const QString &url)
{
    static const QString run = QString::number(QRandomGenerator::global()->generate(), 36);
    auto parsed = DatabaseUrl::parse(url + QLatin1Char('_') + run);
    return parsed ? parsed->display() : QString();
}

// Where the probe child runs without a Secret Service: store, load and
// remove once each, one line per call: "NAME ok|error MILLISECONDS TEXT".
constexpr char probeArgument[] = "--probe-without-keychain";

int probeWithoutKeychain()
{
    QTextStream out(stdout);
    const QString key = QStringLiteral("postgresql://probe@127.0.0.1:5432/nokeychain");
    const auto report = [&out](const char *name, const auto &result, qint64 ms) {
        out << name << ' ' << (result ? "ok" : "error") << ' ' << ms << ' '
            << (result ? QString() : result.error().toString()) << Qt::endl;
    };
    QElapsedTimer timer;
    timer.start();
    const auto stored = PasswordStore::store(key, QStringLiteral("secret"));
    report("store", stored, timer.restart());
    const auto loaded = PasswordStore::load(key);
    report("load", loaded, timer.restart());
    const auto removed = PasswordStore::remove(key);
    report("remove", removed, timer.restart());
    return 0;
}

} // namespace

class tst_PasswordStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void isAvailable();
    void storeThenLoad_data();
    void storeThenLoad();
    void overwriteKeepsTheNewPassword();
    void removeForgets();
    void unknownKeyLoadsEmpty();
    void keysStaySeparate_data();
    void keysStaySeparate();
    void keptInTheSecretService();
    void keychainThatNeverAnswersTimesOut();
    void storeAndLoadLaterKeepTheEventLoopGoing();
    void withoutSecretService_data();
    void withoutSecretService();

private:
    QString use(const QString &url);

    std::unique_ptr<SecretServiceTestServer> m_server;
    QStringList m_keys; // removed after each test
};

void tst_PasswordStore::initTestCase()
{
    // Before anything in this process connects to a session bus.
    m_server = std::make_unique<SecretServiceTestServer>();
    if (m_server->isAvailable())
        qInfo("Secret Service on %s", qPrintable(m_server->busAddress()));
}

void tst_PasswordStore::init()
{
    const QByteArray test = QTest::currentTestFunction();
    if (test == "isAvailable")
        return; // about the build alone
    if (!PasswordStore::isAvailable()) {
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL("this build has no QtKeychain (qtkeychain-qt6-dev), so no password can be kept");
        QSKIP("this build has no QtKeychain (qtkeychain-qt6-dev)");
    }
    if (test != "withoutSecretService") // needs none
        SD_REQUIRE_SECRET_SERVICE(*m_server);
}

void tst_PasswordStore::cleanup()
{
    if (m_server && m_server->isAvailable()) {
        m_server->resume(); // should a test have failed with the keyring frozen
        for (const QString &key : std::as_const(m_keys))
            if (auto removed = PasswordStore::remove(key); !removed)
                qWarning("could not remove %s: %s", qPrintable(key), qPrintable(removed.error().toString()));
    }
    m_keys.clear();
}

void tst_PasswordStore::cleanupTestCase()
{
    m_server.reset(); // stops a private Secret Service
}

QString tst_PasswordStore::use(const QString &url)
{
    const QString key = keyFor(url);
    m_keys << key;
    return key;
}

void tst_PasswordStore::isAvailable()
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    QVERIFY(PasswordStore::isAvailable());
#else
    QVERIFY(!PasswordStore::isAvailable());
#endif
}

void tst_PasswordStore::storeThenLoad_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("plain") << QStringLiteral("s3cret");
    QTest::newRow("unicode and quotes")
        << QStringLiteral("pä\u00dfw\u00f6rd \u5bc6\u7801 \U0001F511 'single' \"double\" `back` \\ $HOME %1");
    QTest::newRow("spaces kept at both ends") << QStringLiteral("  spaced out  ");
    QTest::newRow("long") << QString(2000, QLatin1Char('x'));
}

void tst_PasswordStore::storeThenLoad()
{
    QFETCH(QString, password);
    const QString key = use(QStringLiteral("postgresql://alice@db.example.com:5432/app"));
    SD_VERIFY_RESULT(PasswordStore::store(key, password));
    const auto loaded = PasswordStore::load(key);
    SD_VERIFY_RESULT(loaded);
    QCOMPARE(*loaded, password);
}

void tst_PasswordStore::overwriteKeepsTheNewPassword()
{
    const QString key = use(QStringLiteral("postgresql://alice@db.example.com:5432/app"));
    SD_VERIFY_RESULT(PasswordStore::store(key, QStringLiteral("first")));
    SD_VERIFY_RESULT(PasswordStore::store(key, QStringLiteral("second")));
    const auto loaded = PasswordStore::load(key);
    SD_VERIFY_RESULT(loaded);
    QCOMPARE(*loaded, QStringLiteral("second"));
}

void tst_PasswordStore::removeForgets()
{
    const QString key = use(QStringLiteral("postgresql://alice@db.example.com:5432/app"));
    SD_VERIFY_RESULT(PasswordStore::store(key, QStringLiteral("s3cret")));
    SD_VERIFY_RESULT(PasswordStore::remove(key));
    const auto loaded = PasswordStore::load(key);
    SD_VERIFY_RESULT(loaded);
    QCOMPARE(*loaded, QString());
    // Forgetting what is not kept is no error.
    SD_VERIFY_RESULT(PasswordStore::remove(key));
}

void tst_PasswordStore::unknownKeyLoadsEmpty()
{
    const auto loaded = PasswordStore::load(keyFor(QStringLiteral("postgresql://nobody@db.example.com:5432/never")));
    SD_VERIFY_RESULT(loaded);
    QCOMPARE(*loaded, QString());
}

void tst_PasswordStore::keysStaySeparate_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("database differs") << QStringLiteral("postgresql://alice@db.example.com:5432/app")
                                      << QStringLiteral("postgresql://alice@db.example.com:5432/app2");
    QTest::newRow("user differs") << QStringLiteral("postgresql://alice@db.example.com:5432/app")
                                  << QStringLiteral("postgresql://bob@db.example.com:5432/app");
    QTest::newRow("port differs") << QStringLiteral("postgresql://alice@db.example.com:5432/app")
                                  << QStringLiteral("postgresql://alice@db.example.com:5433/app");
}

void tst_PasswordStore::keysStaySeparate()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const QString firstKey = use(first);
    const QString secondKey = use(second);
    QVERIFY2(firstKey != secondKey, qPrintable(firstKey));
    SD_VERIFY_RESULT(PasswordStore::store(firstKey, QStringLiteral("one")));
    SD_VERIFY_RESULT(PasswordStore::store(secondKey, QStringLiteral("two")));
    auto loaded = PasswordStore::load(firstKey);
    SD_VERIFY_RESULT(loaded);
    QCOMPARE(*loaded, QStringLiteral("one"));
    loaded = PasswordStore::load(secondKey);
    SD_VERIFY_RESULT(loaded);
    QCOMPARE(*loaded, QStringLiteral("two"));

    SD_VERIFY_RESULT(PasswordStore::remove(firstKey));
    loaded = PasswordStore::load(firstKey);
    SD_VERIFY_RESULT(loaded);
    QCOMPARE(*loaded, QString());
    loaded = PasswordStore::load(secondKey);
    SD_VERIFY_RESULT(loaded);
    QCOMPARE(*loaded, QStringLiteral("two"));
}

// The password really is in the keyring on the test bus (the Secret
// Service backend), one item per key, gone after remove().
void tst_PasswordStore::keptInTheSecretService()
{
#ifdef SCHEMADESK_TEST_HAVE_QTDBUS
    using Attributes = QMap<QString, QString>;
    qDBusRegisterMetaType<Attributes>();
    const auto itemsFor = [](const QString &key) -> QList<QDBusObjectPath> {
        QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
        call << QVariant::fromValue(Attributes{{QStringLiteral("server"), QStringLiteral("SchemaDesk")},
                                               {QStringLiteral("user"), key}});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 10000);
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
            qWarning("SearchItems failed: %s", qPrintable(reply.errorMessage()));
            return {{QDBusObjectPath(QStringLiteral("/error"))}, {QDBusObjectPath(QStringLiteral("/error"))}};
        }
        return qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0))
               + qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1));
    };

    const QString key = use(QStringLiteral("postgresql://alice@db.example.com:5432/app"));
    QCOMPARE(itemsFor(key).size(), 0);
    SD_VERIFY_RESULT(PasswordStore::store(key, QStringLiteral("first")));
    const auto items = itemsFor(key);
    QCOMPARE(items.size(), 1);
    QVERIFY2(items.first().path().startsWith(QLatin1String("/org/freedesktop/secrets/collection/login/")),
             qPrintable(items.first().path()));
    SD_VERIFY_RESULT(PasswordStore::store(key, QStringLiteral("second")));
    QCOMPARE(itemsFor(key).size(), 1);
    SD_VERIFY_RESULT(PasswordStore::remove(key));
    QCOMPARE(itemsFor(key).size(), 0);
#else
    QSKIP("built without Qt D-Bus: the keyring cannot be looked at directly");
#endif
}

// The keyring daemon stopped with SIGSTOP keeps its bus name and answers
// nothing (libsecret alone would wait about 50 s per call).
void tst_PasswordStore::keychainThatNeverAnswersTimesOut()
{
    const QString key = use(QStringLiteral("postgresql://alice@db.example.com:5432/hung"));
    QVERIFY(m_server->freeze());

    QElapsedTimer timer;
    timer.start();
    const auto stored = PasswordStore::store(key, QStringLiteral("late"), 1000ms);
    const qint64 storeMs = timer.restart();
    QVERIFY(!stored);
    qInfo("store on a keychain that does not answer failed after %lld ms: %s", storeMs,
          qPrintable(stored.error().toString()));
    QVERIFY2(storeMs >= 900 && storeMs < 5000, qPrintable(QString::number(storeMs)));
    QVERIFY2(stored.error().message.contains(QLatin1String("did not answer")), qPrintable(stored.error().toString()));

    // The abandoned store still holds the keychain: later calls fail at once.
    const auto loaded = PasswordStore::load(key, 1000ms);
    const qint64 loadMs = timer.restart();
    QVERIFY(!loaded);
    qInfo("load meanwhile failed after %lld ms: %s", loadMs, qPrintable(loaded.error().toString()));
    QVERIFY2(loadMs < 500, qPrintable(QString::number(loadMs)));
    QVERIFY2(loaded.error().message.contains(QLatin1String("earlier request")), qPrintable(loaded.error().toString()));

    // Once the keychain answers, the abandoned store lands and calls work again.
    QVERIFY(m_server->resume());
    QTRY_VERIFY_WITH_TIMEOUT(PasswordStore::load(key).value_or(QString()) == QLatin1String("late"), 20000);
    qInfo("after the keychain answered again: the late store landed after %lld ms", timer.elapsed());
}

// storeLater and loadLater (what ConnectFlow uses): the answer arrives by callback while
// the event loop goes on, also when the keychain never answers.
void tst_PasswordStore::storeAndLoadLaterKeepTheEventLoopGoing()
{
    const QString key = use(QStringLiteral("postgresql://carol@db.example.com:5432/later"));
    QObject context;
    std::optional<Result<void>> stored;
    PasswordStore::storeLater(key, QStringLiteral("s3cret"), &context, [&](const Result<void> &result) { stored = result; });
    QTRY_VERIFY(stored.has_value());
    SD_VERIFY_RESULT(*stored);
    std::optional<Result<QString>> loaded;
    PasswordStore::loadLater(key, &context, [&](const Result<QString> &result) { loaded = result; });
    QTRY_VERIFY(loaded.has_value());
    SD_VERIFY_RESULT(*loaded);
    QCOMPARE(**loaded, QStringLiteral("s3cret"));

    QVERIFY(m_server->freeze());
    loaded.reset();
    EventLoopProbe probe;
    QElapsedTimer timer;
    timer.start();
    probe.start();
    PasswordStore::loadLater(key, &context, [&](const Result<QString> &result) { loaded = result; }, 1000ms);
    QVERIFY(!loaded.has_value()); // not answered inside the call
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 5000);
    probe.stop();
    QVERIFY(!*loaded);
    QVERIFY2(loaded->error().message.contains(QLatin1String("did not answer")), qPrintable(loaded->error().toString()));
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(probe.maxGapMs() < 100, qPrintable(QStringLiteral("event loop blocked for %1 ms").arg(probe.maxGapMs())));
    QVERIFY(m_server->resume());
    // The abandoned read ends; the keychain works again.
    QTRY_VERIFY_WITH_TIMEOUT(PasswordStore::load(key).value_or(QString()) == QLatin1String("s3cret"), 20000);

    // A context that is gone never gets the answer.
    bool called = false;
    {
        QObject shortLived;
        PasswordStore::loadLater(key, &shortLived, [&](const Result<QString> &) { called = true; });
    }
    QTest::qWait(300);
    QVERIFY(!called);
}

void tst_PasswordStore::withoutSecretService_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("bus address leads nowhere") << QStringLiteral("nowhere");
    QTest::newRow("no bus address and no display") << QStringLiteral("unset");
    QTest::newRow("a bus without a keychain on it") << QStringLiteral("empty bus");
}

void tst_PasswordStore::withoutSecretService()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION", "KDE_SESSION_VERSION"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path()); // no `bus` socket there
    env.insert(QStringLiteral("HOME"), dir.path());

    QProcess bus; // the empty bus: this test's own, stopped with it
    if (kind == QLatin1String("nowhere")) {
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus")));
    } else if (kind == QLatin1String("unset")) {
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    } else {
        QFile config(dir.filePath(QStringLiteral("bus.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                     " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type><listen>unix:path="
                     + dir.filePath(QStringLiteral("bus")).toHtmlEscaped().toUtf8()
                     + "</listen><auth>EXTERNAL</auth>"
                       // The policy of Debian's session.conf: without the
                       // bare eavesdrop rule libsecret waits 25 s for a reply.
                       "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                       "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>"
                       "</busconfig>\n");
        config.close();
        bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                                                  QStringLiteral("--config-file=") + config.fileName()});
        QVERIFY2(bus.waitForStarted(10000), qPrintable(bus.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), 10000);
        const QString address = QString::fromUtf8(bus.readLine()).trimmed();
        QVERIFY2(address.startsWith(QLatin1String("unix:")), qPrintable(address));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    }

    QProcess probe;
    probe.setProcessEnvironment(env);
    probe.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    probe.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(probeArgument)});
    QVERIFY2(probe.waitForStarted(10000), qPrintable(probe.errorString()));
    // Three calls of at most PasswordStore::defaultTimeout each, and some.
    QVERIFY2(probe.waitForFinished(120000), "the probe without a keychain did not finish within 120 s");
    const qint64 total = timer.elapsed();
    QCOMPARE(probe.exitStatus(), QProcess::NormalExit);
    QCOMPARE(probe.exitCode(), 0);
    if (bus.state() != QProcess::NotRunning) {
        bus.terminate();
        if (!bus.waitForFinished(5000))
            bus.kill();
    }

    const QStringList lines = QString::fromUtf8(probe.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QStringList names{QStringLiteral("store"), QStringLiteral("load"), QStringLiteral("remove")};
    for (int i = 0; i < lines.size(); ++i) {
        qInfo("%s", qPrintable(lines.at(i)));
        const QStringList fields = lines.at(i).split(QLatin1Char(' '));
        QVERIFY2(fields.size() >= 4, qPrintable(lines.at(i)));
        QCOMPARE(fields.at(0), names.at(i));
        // Each call fails and says why, so the window can tell the user ...
        QCOMPARE(fields.at(1), QStringLiteral("error"));
        QVERIFY2(!fields.mid(3).join(QLatin1Char(' ')).trimmed().isEmpty(), qPrintable(lines.at(i)));
        // ... on its own and fast, long before the timeout.
        QVERIFY2(fields.at(2).toLongLong() < 5000, qPrintable(lines.at(i)));
    }
    qInfo("the probe process took %lld ms in all", total);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (QCoreApplication::arguments().contains(QString::fromLatin1(probeArgument)))
        return probeWithoutKeychain();
    tst_PasswordStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_passwordstore.moc"
