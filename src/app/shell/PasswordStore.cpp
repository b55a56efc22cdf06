// PasswordStore: optional desktop keychain for passwords.

#include "PasswordStore.h"

#ifdef SCHEMADESK_HAVE_KEYCHAIN
#include <QEventLoop>
#include <functional>
#include <memory>
#include <optional>
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

// Starts `job`; `done` gets its outcome, or an error when the keychain has
// not answered within `timeout`, on `context`'s thread unless `context` is
// gone. The job deletes itself when it finishes (auto-delete): one
// abandoned at the timeout outlives the call, as libsecret calls back into
// it when the keychain answers at last.
void startJob(QKeychain::Job *job, std::chrono::milliseconds timeout, QObject *context,
              std::function<void(const Result<Outcome> &)> done)
{
    if (stuckJob) {
        delete job; // never started
        done(std::unexpected(keychainError(PasswordStore::tr("The keychain has not yet answered an earlier request."))));
        return;
    }
    job->setAutoDelete(true);
    auto answered = std::make_shared<bool>(false);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(job, &QKeychain::Job::finished, context, [answered, done](QKeychain::Job *finished) {
        if (*answered)
            return;
        *answered = true;
        Outcome outcome;
        outcome.error = finished->error();
        outcome.errorString = finished->errorString();
        if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
            outcome.text = read->textData();
        done(outcome);
    });
    QObject::connect(timer, &QTimer::timeout, context, [answered, done, job, timeout] {
        if (*answered)
            return;
        *answered = true;
        stuckJob = job;
        QObject::connect(job, &QKeychain::Job::finished, job, [] { stuckJob.clear(); });
        const auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(timeout).count();
        done(std::unexpected(keychainError(PasswordStore::tr("The keychain did not answer within %1 s.").arg(seconds))));
    });
    job->start();
    timer->start(timeout);
}

// startJob, waited for in a local event loop.
Result<Outcome> runJob(QKeychain::Job *job, std::chrono::milliseconds timeout)
{
    std::optional<Result<Outcome>> result;
    QEventLoop loop;
    startJob(job, timeout, &loop, [&](const Result<Outcome> &outcome) {
        result = outcome;
        loop.quit();
    });
    // User input waits: a click must not reach a window whose code is
    // still inside this call. Timers, sockets and painting go on.
    if (!result)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return *result;
}

Result<QString> readOutcome(const Result<Outcome> &outcome);
Result<void> writeOutcome(const Result<Outcome> &outcome);

Error jobError(const Outcome &outcome)
{
    return keychainError(outcome.errorString.isEmpty()
                             ? PasswordStore::tr("QtKeychain error %1").arg(static_cast<int>(outcome.error))
                             : outcome.errorString);
}

Result<void> writeOutcome(const Result<Outcome> &outcome)
{
    if (!outcome)
        return std::unexpected(outcome.error());
    if (outcome->error != QKeychain::NoError)
        return std::unexpected(jobError(*outcome));
    return {};
}

Result<QString> readOutcome(const Result<Outcome> &outcome)
{
    if (!outcome)
        return std::unexpected(outcome.error());
    if (outcome->error == QKeychain::EntryNotFound)
        return QString();
    if (outcome->error != QKeychain::NoError)
        return std::unexpected(jobError(*outcome));
    return outcome->text;
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

bool PasswordStore::isEnabled()
{
    return isAvailable() && qEnvironmentVariableIsEmpty("SCHEMADESK_NO_KEYCHAIN");
}

Result<void> PasswordStore::store(const QString &key, const QString &password, std::chrono::milliseconds timeout)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(key);
    job->setTextData(password);
    return writeOutcome(runJob(job, timeout));
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
    return readOutcome(runJob(job, timeout));
#else
    Q_UNUSED(key);
    Q_UNUSED(timeout);
    return QString();
#endif
}

void PasswordStore::storeLater(const QString &key, const QString &password, QObject *context,
                               std::function<void(const Result<void> &)> done, std::chrono::milliseconds timeout)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(key);
    job->setTextData(password);
    startJob(job, timeout, context, [done = std::move(done)](const Result<Outcome> &outcome) { done(writeOutcome(outcome)); });
#else
    Q_UNUSED(key);
    Q_UNUSED(password);
    Q_UNUSED(timeout);
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(std::unexpected(keychainError(tr("This build of SchemaDesk has no keychain support.")))); },
        Qt::QueuedConnection);
#endif
}

void PasswordStore::loadLater(const QString &key, QObject *context, std::function<void(const Result<QString> &)> done,
                              std::chrono::milliseconds timeout)
{
#ifdef SCHEMADESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    startJob(job, timeout, context, [done = std::move(done)](const Result<Outcome> &outcome) { done(readOutcome(outcome)); });
#else
    Q_UNUSED(key);
    Q_UNUSED(timeout);
    QMetaObject::invokeMethod(context, [done = std::move(done)] { done(QString()); }, Qt::QueuedConnection);
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
