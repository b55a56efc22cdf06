// ApplyWorker: the migrator on a worker thread with its own connection.

#include "ApplyWorker.h"

#include <QElapsedTimer>

namespace sd::app {

ApplyWorker::ApplyWorker(ApplyRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
}

void ApplyWorker::run()
{
    QElapsedTimer timer;
    timer.start();
    ApplyOutcome outcome;
    // Opened here, in the worker's thread, and closed here too.
    auto connection = Connection::open(m_request.url, m_request.connectOptions);
    if (!connection) {
        outcome.error = connection.error();
        outcome.durationMs = timer.elapsed();
        Q_EMIT finished(outcome);
        return;
    }

    MigrateOptions options;
    options.connectOptions = m_request.connectOptions;
    options.log = [this](const ExecutedStatement &statement) { Q_EMIT statementExecuted(statement); };
    options.planned = [this, &outcome](const MigrationPlan &plan) {
        outcome.total = int(plan.revisions.size());
        Q_EMIT planned(outcome.total);
    };
    options.revisionStarted = [this](int index, const PlannedRevision &r) {
        Q_EMIT revisionStarted(index, r.migration.revision, r.migration.message);
    };
    options.revisionFinished = [this, &outcome](int index, const PlannedRevision &r, qint64 ms) {
        outcome.completed = index + 1;
        outcome.revisions << r.migration.revision;
        Q_EMIT revisionFinished(index, ms);
    };
    options.cancelled = [this] { return m_cancelled.load(); };

    {
        Migrator migrator(m_request.project, m_request.graph);
        auto report = migrator.migrate(**connection, m_request.direction, m_request.target, options,
                                       m_request.reviewed ? &*m_request.reviewed : nullptr);
        if (report) {
            outcome.ok = true;
            outcome.cancelled = report->cancelled;
            outcome.completed = report->completed;
            outcome.total = int(report->plan.revisions.size());
        } else {
            outcome.error = report.error();
        }
    }
    connection->reset();
    outcome.durationMs = timer.elapsed();
    Q_EMIT finished(outcome);
}

} // namespace sd::app
