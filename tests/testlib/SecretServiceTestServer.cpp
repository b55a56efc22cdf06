#include "SecretServiceTestServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <signal.h>

namespace sd::testing {

namespace {

QString readDirFile(const QString &dir, const QString &name)
{
    QFile file(QDir(dir).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

// Runs `secretservice.sh ARGUMENTS`; on failure, what it printed.
bool runServiceScript(const QStringList &arguments, QString *output)
{
    const QString script = QStringLiteral(SCHEMADESK_SECRETSERVICE_SCRIPT);
    const QString action = arguments.value(0);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("bash"), QStringList{script} + arguments);
    if (!process.waitForStarted(10000)) {
        *output = QStringLiteral("could not run bash %1: %2").arg(script, process.errorString());
        return false;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        *output = QStringLiteral("%1 %2 timed out").arg(script, action);
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

SecretServiceTestServer::SecretServiceTestServer()
{
    m_dir = qEnvironmentVariable("SCHEMADESK_TEST_SECRETS_DIR");
    m_address = m_dir.isEmpty() ? QString() : readDirFile(m_dir, QStringLiteral("address"));
    if (m_address.isEmpty()) {
        if (!startPrivate())
            return;
        m_address = readDirFile(m_dir, QStringLiteral("address"));
        if (m_address.isEmpty()) {
            m_reason = QStringLiteral("secretservice.sh wrote no bus address in %1").arg(m_dir);
            return;
        }
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    // QtKeychain picks its backend from the desktop (KDE: KWallet first).
    // Without these it asks the Secret Service through libsecret first.
    for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "GNOME_DESKTOP_SESSION_ID",
                             "KDE_FULL_SESSION", "KDE_SESSION_VERSION"})
        qunsetenv(name);
    m_available = true;
}

SecretServiceTestServer::~SecretServiceTestServer()
{
    if (m_frozen)
        resume();
    stopPrivate();
}

bool SecretServiceTestServer::startPrivate()
{
    m_privateDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/schemadesk-ss-XXXXXX"));
    if (!m_privateDir->isValid()) {
        m_reason = QStringLiteral("could not create a temporary directory: %1").arg(m_privateDir->errorString());
        m_privateDir.reset();
        return false;
    }
    m_dir = m_privateDir->path();
    QString output;
    // The script stops the service itself should this process crash.
    const QStringList arguments{QStringLiteral("start"), m_dir, QString::number(QCoreApplication::applicationPid())};
    if (!runServiceScript(arguments, &output)) {
        m_reason = QStringLiteral("could not start a private Secret Service: %1").arg(output);
        stopPrivate();
        return false;
    }
    return true;
}

void SecretServiceTestServer::stopPrivate()
{
    if (!m_privateDir)
        return;
    QString output;
    if (!runServiceScript({QStringLiteral("stop"), m_privateDir->path()}, &output))
        qWarning("SecretServiceTestServer: could not stop the private Secret Service: %s", qPrintable(output));
    m_privateDir.reset(); // removes the directory
}

bool SecretServiceTestServer::signalKeyring(int signal)
{
    bool ok = false;
    const qint64 pid = readDirFile(m_dir, QStringLiteral("keyring.pid")).toLongLong(&ok);
    if (!ok || pid <= 0) {
        qWarning("SecretServiceTestServer: no keyring daemon pid in %s", qPrintable(m_dir));
        return false;
    }
    return ::kill(static_cast<pid_t>(pid), signal) == 0;
}

bool SecretServiceTestServer::freeze()
{
    m_frozen = m_available && signalKeyring(SIGSTOP);
    return m_frozen;
}

bool SecretServiceTestServer::resume()
{
    if (!m_frozen)
        return true;
    m_frozen = !signalKeyring(SIGCONT);
    return !m_frozen;
}

} // namespace sd::testing
