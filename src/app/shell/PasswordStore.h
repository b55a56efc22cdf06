#pragma once
// Where a PostgreSQL password may be kept at the user's request: the
// desktop keychain through QtKeychain when the build has it
// (SCHEMADESK_HAVE_KEYCHAIN), else nowhere. Passwords are never written to
// a file in clear. Keys are the connection's display URL (no password).

#include <QString>

namespace sd::app {

class PasswordStore
{
public:
    static bool isAvailable();
    // Each waits for the keychain in a local event loop; false / empty on failure.
    static bool store(const QString &key, const QString &password);
    static QString load(const QString &key);
    static bool remove(const QString &key);
};

} // namespace sd::app
