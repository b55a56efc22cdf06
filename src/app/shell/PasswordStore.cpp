// PasswordStore: optional desktop keychain for passwords.

#include "PasswordStore.h"

#ifdef SCHEMADESK_HAVE_KEYCHAIN
#include <QEventLoop>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>
#endif

namespace sd::app {

namespace {

Error keychainError(const QString &message)
{
    return Error::connection(PasswordStore::tr("desktop keychain"), message);
}

#ifdef SCHEMADESK_HAVE_KEYCHAIN
const QString service = QStringLiteral("SchemaDesk");

// The job of a call that timed out, for as long as it runs. QtKeychain runs
// one job at a time, so a later job would only queue behind it (and might
// run long after its caller gave up): calls fail at once meanwhile.
QPointer<QKeychain::Job> stuckJob;

struct Outcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text; // what a ReadPasswordJob read
};

// Starts `job` and waits for it in a local event loop, at most `timeout`.
// The job deletes itself when it finishes (auto-delete): one abandoned at
// the timeout must outlive this call, as libsecret calls back into it when
// the keychain answers at last.
Result<Outcome> runJob(QKeychain::Job *job, std::chrono::milliseconds timeout)
{
    if (stuckJob) {
        delete job; // never started
        return std::unexpected(keychainError(PasswordStore::tr("The keychain has not yet answered an earlier request.")));
    }
    job->setAutoDelete(true);
    Outcome outcome;
    bool finished = false;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        finished = true;
        outcome.error = done->error();
        outcome.errorString = done->errorString();
        if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
            outcome.text = read->textData();
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    timer.start(timeout);
    // User input waits: a click must not reach a window whose code is
    // still inside this call. Timers, sockets and painting go on.
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished) {
        stuckJob = job;
        QObject::connect(job, &QKeychain::Job::finished, job, [] { stuckJob.clear(); });
        const auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(timeout).count();
        return std::unexpected(keychainError(PasswordStore::tr("The keychain did not answer within %1 s.").arg(seconds)));
    }
    return outcome;
}

Error jobError(const Outcome &outcome)
{
    return keychainError(outcome.errorString.isEmpty()
                             ? PasswordStore::tr("QtKeychain error %1").arg(static_cast<int>(outcome.error))
                             : outcome.errorString);
}
#endif

} // namespace

bool PasswordStore::isAvailable()
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    return true; // the keychain's backend may still refuse: store() says so
#else
    return false;
#endif
}

Result<void> PasswordStore::store(const QString &key, const QString &password, std::chrono::milliseconds timeout)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(key);
    job->setTextData(password);
    auto outcome = runJob(job, timeout);
    if (!outcome)
        return std::unexpected(outcome.error());
    if (outcome->error != QKeychain::NoError)
        return std::unexpected(jobError(*outcome));
    return {};
#else
    Q_UNUSED(key);
    Q_UNUSED(password);
    Q_UNUSED(timeout);
    return std::unexpected(keychainError(tr("This build of SchemaDesk has no keychain support.")));
#endif
}

Result<QString> PasswordStore::load(const QString &key, std::chrono::milliseconds timeout)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    auto outcome = runJob(job, timeout);
    if (!outcome)
        return std::unexpected(outcome.error());
    if (outcome->error == QKeychain::EntryNotFound)
        return QString();
    if (outcome->error != QKeychain::NoError)
        return std::unexpected(jobError(*outcome));
    return outcome->text;
#else
    Q_UNUSED(key);
    Q_UNUSED(timeout);
    return QString();
#endif
}

Result<void> PasswordStore::remove(const QString &key, std::chrono::milliseconds timeout)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setKey(key);
    auto outcome = runJob(job, timeout);
    if (!outcome)
        return std::unexpected(outcome.error());
    if (outcome->error != QKeychain::NoError && outcome->error != QKeychain::EntryNotFound)
        return std::unexpected(jobError(*outcome));
    return {};
#else
    Q_UNUSED(key);
    Q_UNUSED(timeout);
    return {};
#endif
}

} // namespace sd::app
