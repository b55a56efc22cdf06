// ApplyController: worker thread life cycle, progress and the audit log.

#include "ApplyController.h"

#include "Workspace.h"
#include "runtime/HistoryTable.h"

#include <QThread>

namespace sd::app {

ApplyController::ApplyController(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    qRegisterMetaType<sd::ExecutedStatement>();
    qRegisterMetaType<sd::app::ApplyOutcome>();
}

ApplyController::~ApplyController()
{
    if (m_thread) {
        cancel();
        m_thread->quit();
        m_thread->wait();
    }
}

bool ApplyController::start(ApplyRequest request, const QString &environment)
{
    if (m_thread)
        return false;
    m_databaseUrl = request.url.display();
    m_environment = environment;
    m_direction = request.direction;
    m_startedAt = QDateTime::currentDateTimeUtc();
    const int count = request.reviewed ? int(request.reviewed->revisions.size()) : 0;

    m_thread = new QThread(this);
    auto *worker = new ApplyWorker(std::move(request));
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(m_thread, &QThread::started, worker, &ApplyWorker::run);
    connect(worker, &ApplyWorker::statementExecuted, this, &ApplyController::statementExecuted, Qt::QueuedConnection);
    connect(worker, &ApplyWorker::revisionStarted, this, &ApplyController::revisionStarted, Qt::QueuedConnection);
    connect(worker, &ApplyWorker::revisionFinished, this, &ApplyController::revisionFinished, Qt::QueuedConnection);
    connect(worker, &ApplyWorker::finished, this, &ApplyController::onFinished, Qt::QueuedConnection);
    // quit() is thread-safe: called in the worker's thread, so that onFinished()
    // can wait for the thread without a round trip through the GUI's event loop.
    connect(worker, &ApplyWorker::finished, m_thread, &QThread::quit, Qt::DirectConnection);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread->start();
    Q_EMIT started(count);
    return true;
}

void ApplyController::cancel()
{
    if (m_worker)
        m_worker->cancel(); // atomic: safe across threads
}

void ApplyController::onFinished(const ApplyOutcome &outcome)
{
    if (m_thread) {
        m_thread->wait(); // returns at once: the worker has left run()
        m_thread->deleteLater();
        m_thread = nullptr;
    }
    if (m_workspace) {
        const AuditEntry entry = AuditEntry::of(m_startedAt, m_databaseUrl, m_environment, m_direction, outcome.revisions,
                                                outcome.ok ? nullptr : &outcome.error, outcome.cancelled, outcome.durationMs);
        if (auto recorded = m_workspace->record(entry))
            Q_EMIT auditRecorded();
        else
            Q_EMIT auditFailed(recorded.error());
    }
    Q_EMIT finished(outcome);
}

} // namespace sd::app
