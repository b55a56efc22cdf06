#pragma once
// Runs an apply or a rollback off the GUI thread: an ApplyWorker is moved to
// a QThread and, in run(), opens ITS OWN connection there (a QSqlDatabase
// must be used in the thread that opened it), then drives the core's
// Migrator. Progress and every statement reach the GUI through queued
// signals; cancel() is thread-safe and stops before the next revision.

#include "runtime/Migrator.h"
#include "revision/RevisionGraph.h"

#include <QObject>

#include <atomic>
#include <optional>

namespace sd::app {

struct ApplyRequest
{
    Project project;
    RevisionGraph graph;
    DatabaseUrl url;               // with the password, when one was given
    ConnectOptions connectOptions;
    Direction direction = Direction::Upgrade;
    QString target;                // "head", "-1", ...
    std::optional<MigrationPlan> reviewed; // what the user approved: nothing runs if the database moved
};

struct ApplyOutcome
{
    bool ok = false;
    bool cancelled = false;
    Error error;                  // when !ok
    int completed = 0;            // revisions run
    int total = 0;
    QStringList revisions;        // the revisions run, in order
    qint64 durationMs = 0;
};

class ApplyWorker : public QObject
{
    Q_OBJECT
public:
    explicit ApplyWorker(ApplyRequest request, QObject *parent = nullptr);

    // Any thread: stop before the next revision.
    void cancel() { m_cancelled.store(true); }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void planned(int revisionCount);
    void statementExecuted(const sd::ExecutedStatement &statement);
    void revisionStarted(int index, const QString &revision, const QString &message);
    void revisionFinished(int index, qint64 durationMs);
    void finished(const sd::app::ApplyOutcome &outcome);

private:
    ApplyRequest m_request;
    std::atomic_bool m_cancelled = false;
};

} // namespace sd::app

Q_DECLARE_METATYPE(sd::ExecutedStatement)
Q_DECLARE_METATYPE(sd::app::ApplyOutcome)
