#pragma once
// Starts an ApplyWorker on its own QThread, forwards its progress to the
// GUI (queued), lets the user cancel, and writes the outcome to the
// workspace's audit log (who, which database, which revisions, when,
// result, duration). One run at a time.

#include "ApplyWorker.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QThread;

namespace sd::app {

class Workspace;

class ApplyController : public QObject
{
    Q_OBJECT
public:
    // `workspace` may be null (no audit log then); it must outlive this.
    explicit ApplyController(Workspace *workspace, QObject *parent = nullptr);
    ~ApplyController() override;

    void setWorkspace(Workspace *workspace) { m_workspace = workspace; }
    bool isRunning() const { return m_thread != nullptr; }
    // Starts the work; false when one is running already.
    bool start(ApplyRequest request, const QString &environment = {});

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void started(int revisionCount);
    void statementExecuted(const sd::ExecutedStatement &statement);
    void revisionStarted(int index, const QString &revision, const QString &message);
    void revisionFinished(int index, qint64 durationMs);
    void finished(const sd::app::ApplyOutcome &outcome);
    void auditRecorded();
    // The audit log could not be written: the user must know.
    void auditFailed(const sd::Error &error);

private:
    void onFinished(const ApplyOutcome &outcome);

    Workspace *m_workspace = nullptr;
    QThread *m_thread = nullptr;
    QPointer<ApplyWorker> m_worker;
    QString m_databaseUrl;
    QString m_environment;
    Direction m_direction = Direction::Upgrade;
    QDateTime m_startedAt;
};

} // namespace sd::app
