#pragma once
// The PostgreSQL server a test talks to: the cluster the CTest fixture
// `pgcluster` started (SCHEMADESK_TEST_PG_DIR), or, for a test run by hand,
// a private throwaway cluster started by tests/pgcluster.sh and stopped in
// the destructor. Databases made with createDatabase() are dropped again.

#include "Error.h"
#include "db/DatabaseUrl.h"

#include <QString>
#include <QStringList>
#include <QTest>

#include <memory>

class QTemporaryDir;

namespace sd {
class Connection;
}

namespace sd::testing {

class PostgresTestServer
{
public:
    explicit PostgresTestServer();
    ~PostgresTestServer();
    PostgresTestServer(const PostgresTestServer &) = delete;
    PostgresTestServer &operator=(const PostgresTestServer &) = delete;

    bool isAvailable() const { return m_available; }
    // Why no server could be reached (script output, connection error).
    QString unavailableReason() const { return m_reason; }

    // The superuser `postgres` on the database `postgres`, over 127.0.0.1.
    DatabaseUrl adminUrl() const { return m_adminUrl; }
    int port() const { return m_adminUrl.port; }

    // CREATE DATABASE <prefix>_<random>; its URL (as the superuser). The
    // destructor drops it WITH (FORCE).
    Result<DatabaseUrl> createDatabase(const QString &prefix);

    // Runs a statement as the superuser on the database `postgres`.
    Result<void> execAdmin(const QString &sql);

private:
    bool startPrivateCluster();
    void stopPrivateCluster();
    Result<Connection *> admin();

    bool m_available = false;
    QString m_reason;
    DatabaseUrl m_adminUrl;
    std::unique_ptr<QTemporaryDir> m_privateDir; // set when this object started the cluster
    std::unique_ptr<Connection> m_admin;
    QStringList m_databases;
};

} // namespace sd::testing

// In initTestCase() of every PostgreSQL test: without a server the test is
// skipped, except in CI (CI=true), where a PostgreSQL test never skips.
#define SD_REQUIRE_POSTGRES(server)                                                                   \
    do {                                                                                              \
        if (!(server).isAvailable()) {                                                                \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                  \
                QFAIL(qPrintable(QStringLiteral("PostgreSQL is required in CI: ") + (server).unavailableReason())); \
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL server: ") + (server).unavailableReason())); \
        }                                                                                             \
    } while (false)
