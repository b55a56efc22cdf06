#include "PostgresTestServer.h"

#include "db/Connection.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace sd::testing {

namespace {

QString readUrlFile(const QString &dir)
{
    QFile file(QDir(dir).filePath(QStringLiteral("url")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

// Runs `pgcluster.sh ACTION DIR`; on failure, what it printed.
bool runClusterScript(const QString &action, const QString &dir, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("bash"), {QStringLiteral(SCHEMADESK_PGCLUSTER_SCRIPT), action, dir});
    if (!process.waitForStarted(10000)) {
        *output = QStringLiteral("could not run bash %1: %2").arg(QStringLiteral(SCHEMADESK_PGCLUSTER_SCRIPT), process.errorString());
        return false;
    }
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished(5000);
        *output = QStringLiteral("%1 %2 timed out").arg(QStringLiteral(SCHEMADESK_PGCLUSTER_SCRIPT), action);
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString quoteIdentifier(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

} // namespace

PostgresTestServer::PostgresTestServer()
{
    const QString sharedDir = qEnvironmentVariable("SCHEMADESK_TEST_PG_DIR");
    QString url = sharedDir.isEmpty() ? QString() : readUrlFile(sharedDir);
    if (url.isEmpty()) {
        if (!startPrivateCluster())
            return;
        url = readUrlFile(m_privateDir->path());
    }
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed) {
        m_reason = QStringLiteral("bad cluster URL '%1': %2").arg(url, parsed.error().toString());
        return;
    }
    m_adminUrl = *parsed;
    if (auto connection = admin(); !connection) {
        m_reason = connection.error().toString();
        return;
    }
    m_available = true;
}

PostgresTestServer::~PostgresTestServer()
{
    if (m_admin) {
        for (const QString &name : std::as_const(m_databases)) {
            auto dropped = m_admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdentifier(name)));
            if (!dropped)
                qWarning("PostgresTestServer: %s", qPrintable(dropped.error().toString()));
        }
        m_admin.reset();
    }
    stopPrivateCluster();
}

bool PostgresTestServer::startPrivateCluster()
{
    m_privateDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/schemadesk-pg-XXXXXX"));
    if (!m_privateDir->isValid()) {
        m_reason = QStringLiteral("could not create a temporary directory: %1").arg(m_privateDir->errorString());
        m_privateDir.reset();
        return false;
    }
    QString output;
    if (!runClusterScript(QStringLiteral("start"), m_privateDir->path(), &output)) {
        m_reason = QStringLiteral("could not start a private PostgreSQL cluster: %1").arg(output);
        stopPrivateCluster();
        return false;
    }
    return true;
}

void PostgresTestServer::stopPrivateCluster()
{
    if (!m_privateDir)
        return;
    QString output;
    if (!runClusterScript(QStringLiteral("stop"), m_privateDir->path(), &output))
        qWarning("PostgresTestServer: could not stop the private cluster: %s", qPrintable(output));
    m_privateDir.reset(); // removes the directory
}

Result<Connection *> PostgresTestServer::admin()
{
    if (!m_admin) {
        auto connection = Connection::open(m_adminUrl);
        if (!connection)
            return std::unexpected(connection.error());
        m_admin = std::move(*connection);
    }
    return m_admin.get();
}

Result<void> PostgresTestServer::execAdmin(const QString &sql)
{
    auto connection = admin();
    if (!connection)
        return std::unexpected(connection.error());
    auto done = (*connection)->exec(sql);
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Result<DatabaseUrl> PostgresTestServer::createDatabase(const QString &prefix)
{
    const QString name = prefix.toLower() + QLatin1Char('_')
                         + QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 16);
    if (auto created = execAdmin(QStringLiteral("CREATE DATABASE %1").arg(quoteIdentifier(name))); !created)
        return std::unexpected(created.error());
    m_databases << name;
    DatabaseUrl url = m_adminUrl;
    url.database = name;
    return url;
}

} // namespace sd::testing
