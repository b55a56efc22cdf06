#pragma once
// Where a PostgreSQL password may be kept at the user's request: the
// desktop keychain through QtKeychain when the build has it
// (SCHEMADESK_HAVE_KEYCHAIN), else nowhere. Passwords are never written to
// a file in clear. Keys are the connection's display URL (no password).
//
// On Linux QtKeychain talks to the freedesktop Secret Service (GNOME
// Keyring, KeePassXC, ...) through libsecret, which it loads at run time;
// under KDE Plasma it asks KWallet first.

#include "Error.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <functional>

namespace sd::app {

class PasswordStore
{
    Q_DECLARE_TR_FUNCTIONS(PasswordStore)

public:
    // How long a call waits for the keychain: time enough to type the
    // keyring's password into the desktop's unlock prompt, not so long that
    // a keychain that never answers holds the window for good.
    static constexpr std::chrono::milliseconds defaultTimeout{20000};

    // Whether the build has a keychain at all; whether the desktop has one
    // running is only known when a call below fails.
    static bool isAvailable();
    // Available and not turned off by SCHEMADESK_NO_KEYCHAIN (the tests
    // that must not touch a keyring): when the app reads and stores.
    static bool isEnabled();

    // Each call waits for the keychain in a local event loop that leaves
    // user input aside, for at most `timeout`. A call that timed out may
    // still land later; until it has, every call fails at once (the
    // keychain runs one request at a time). Errors carry the keychain's
    // own text.
    static Result<void> store(const QString &key, const QString &password,
                              std::chrono::milliseconds timeout = defaultTimeout);
    // The password kept for `key`, or an empty string when none is.
    static Result<QString> load(const QString &key, std::chrono::milliseconds timeout = defaultTimeout);
    // store() without waiting: `done` runs later on `context`'s thread.
    static void storeLater(const QString &key, const QString &password, QObject *context,
                           std::function<void(const Result<void> &)> done, std::chrono::milliseconds timeout = defaultTimeout);
    // load() without waiting: `done` runs later on `context`'s thread
    // (never if `context` is gone), with the password or the error.
    static void loadLater(const QString &key, QObject *context, std::function<void(const Result<QString> &)> done,
                          std::chrono::milliseconds timeout = defaultTimeout);
    // Forgets the password of `key`; forgetting one never kept succeeds.
    static Result<void> remove(const QString &key, std::chrono::milliseconds timeout = defaultTimeout);
};

} // namespace sd::app
