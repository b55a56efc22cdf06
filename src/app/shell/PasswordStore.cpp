// PasswordStore: optional desktop keychain for passwords.

#include "PasswordStore.h"

#ifdef SCHEMADESK_HAVE_KEYCHAIN
#include <QEventLoop>
#include <qt6keychain/keychain.h>
#endif

namespace sd::app {

namespace {
[[maybe_unused]] const QString service = QStringLiteral("SchemaDesk");
}

bool PasswordStore::isAvailable()
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    return true; // the keychain's backend may still refuse: store() says so
#else
    return false;
#endif
}

#ifdef SCHEMADESK_HAVE_KEYCHAIN
namespace {
template<typename Job>
bool runJob(Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    return job.error() == QKeychain::NoError;
}
} // namespace
#endif

bool PasswordStore::store(const QString &key, const QString &password)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    QKeychain::WritePasswordJob job(service);
    job.setKey(key);
    job.setTextData(password);
    return runJob(job);
#else
    Q_UNUSED(key);
    Q_UNUSED(password);
    return false;
#endif
}

QString PasswordStore::load(const QString &key)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    QKeychain::ReadPasswordJob job(service);
    job.setKey(key);
    return runJob(job) ? job.textData() : QString();
#else
    Q_UNUSED(key);
    return {};
#endif
}

bool PasswordStore::remove(const QString &key)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    QKeychain::DeletePasswordJob job(service);
    job.setKey(key);
    return runJob(job);
#else
    Q_UNUSED(key);
    return false;
#endif
}

} // namespace sd::app
