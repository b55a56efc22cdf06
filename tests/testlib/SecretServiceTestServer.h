#pragma once
// The Secret Service a keychain test talks to: a private D-Bus session bus
// with a gnome-keyring-daemon on it, unlocked with a known password
// (tests/secretservice.sh). It is the one the CTest fixture `secretservice`
// started (SCHEMADESK_TEST_SECRETS_DIR) or, for a test run by hand, a
// private one started here and stopped in the destructor. The constructor
// points this process's DBUS_SESSION_BUS_ADDRESS at it, before anything
// connects to a session bus; the user's own keyring is never touched.

#include <QString>
#include <QTest>

#include <memory>

class QTemporaryDir;

namespace sd::testing {

class SecretServiceTestServer
{
public:
    explicit SecretServiceTestServer();
    ~SecretServiceTestServer();
    SecretServiceTestServer(const SecretServiceTestServer &) = delete;
    SecretServiceTestServer &operator=(const SecretServiceTestServer &) = delete;

    bool isAvailable() const { return m_available; }
    // Why no Secret Service could be started (the script's output).
    QString unavailableReason() const { return m_reason; }

    // The bus's address, as set in DBUS_SESSION_BUS_ADDRESS.
    QString busAddress() const { return m_address; }

    // Stops the keyring daemon with SIGSTOP: it keeps its name on the bus
    // but answers nothing, as a hung keychain does. resume() (or the
    // destructor) lets it go on.
    bool freeze();
    bool resume();

private:
    bool startPrivate();
    void stopPrivate();
    bool signalKeyring(int signal);

    bool m_available = false;
    bool m_frozen = false;
    QString m_reason;
    QString m_dir;
    QString m_address;
    std::unique_ptr<QTemporaryDir> m_privateDir; // set when this object started the service
};

} // namespace sd::testing

// In initTestCase() of every keychain test: without a Secret Service the
// test is skipped, except in CI (CI=true), where it fails with the reason.
#define SD_REQUIRE_SECRET_SERVICE(server)                                                              \
    do {                                                                                               \
        if (!(server).isAvailable()) {                                                                 \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                   \
                QFAIL(qPrintable(QStringLiteral("a Secret Service is required in CI: ") + (server).unavailableReason())); \
            QSKIP(qPrintable(QStringLiteral("no Secret Service: ") + (server).unavailableReason()));    \
        }                                                                                              \
    } while (false)
