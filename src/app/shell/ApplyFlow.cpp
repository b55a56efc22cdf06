// ApplyFlow: plan, review, run off the GUI thread, report.

#include "ApplyFlow.h"

#include "ApplyController.h"
#include "ApplyPlanDialog.h"
#include "ProjectSession.h"

#include <QFileInfo>
#include <QMessageBox>

namespace sd::app {

ApplyFlow::ApplyFlow(ProjectSession *session, ApplyController *controller, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_controller(controller)
    , m_dialogParent(dialogParent)
    , m_reviewer([](ApplyPlanDialog &dialog) { return dialog.exec() == QDialog::Accepted; })
{
    connect(m_controller, &ApplyController::finished, this, &ApplyFlow::onFinished);
    // A plan of a connection that was closed or replaced is never reviewed
    // (the session drops its answer).
    connect(m_session, &ProjectSession::connectionChanged, this, [this] {
        if (m_planning) {
            setPlanning(false);
            Q_EMIT declined();
        }
    });
}

bool ApplyFlow::apply()
{
    return run(Direction::Upgrade);
}

bool ApplyFlow::rollBack()
{
    return run(Direction::Downgrade);
}

bool ApplyFlow::run(Direction direction)
{
    if (isBusy() || m_controller->isRunning() || !m_session->isConnected())
        return false;
    if (m_session->url().inMemory()) {
        // The worker's own connection would open another, empty database.
        showFailure(Error::usage(tr("an in-memory database is rebuilt from the migrations on every connect; "
                                    "Apply and Roll back work on database files and servers")));
        return false;
    }
    setPlanning(true);
    // What runs is what was planned and reviewed: the migrations as they are
    // now, even if a file is edited before the review ends.
    RevisionGraph graph = m_session->graph();
    m_session->plan(direction, this, [this, direction, graph](const Result<MigrationPlan> &plan) {
        // The review opens a dialog: not from inside the session's callback.
        QMetaObject::invokeMethod(
            this,
            [this, direction, graph, plan] {
                if (!m_planning)
                    return; // the connection changed meanwhile
                setPlanning(false);
                if (!plan) {
                    showFailure(plan.error());
                    Q_EMIT declined();
                    return;
                }
                review(direction, graph, *plan);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void ApplyFlow::setPlanning(bool planning)
{
    if (m_planning == planning)
        return;
    m_planning = planning;
    Q_EMIT busyChanged();
}

void ApplyFlow::review(Direction direction, const RevisionGraph &graph, const MigrationPlan &plan)
{
    if (plan.isEmpty() || !m_session->isConnected()) {
        Q_EMIT declined();
        return;
    }
    const DatabaseUrl url = m_session->url();
    const QString confirm = m_session->isProtected() ? url.confirmationName() : QString();
    ApplyPlanDialog dialog(plan, url.display(), confirm, m_dialogParent);
    m_reviewing = true;
    Q_EMIT busyChanged();
    const bool approved = m_reviewer(dialog) && dialog.isConfirmed();
    m_reviewing = false;
    Q_EMIT busyChanged();
    // The session may have moved on while the dialog was open.
    if (!approved || !m_session->isConnected() || m_session->url().display() != url.display()) {
        Q_EMIT declined();
        return;
    }

    ApplyRequest request;
    request.project = m_session->project();
    request.graph = graph;
    request.url = url;
    request.connectOptions = m_session->connectOptions(false);
    request.direction = direction;
    request.target = ProjectSession::targetFor(direction);
    request.reviewed = plan;
    if (!m_controller->start(std::move(request), m_session->environment()))
        Q_EMIT declined();
}

void ApplyFlow::onFinished(const ApplyOutcome &outcome)
{
    if (!outcome.ok)
        showFailure(outcome.error);
    // Where the database is now (the views follow the session).
    m_session->refresh(this, [this, outcome](const Result<void> &refreshed) {
        if (!outcome.ok)
            return;
        if (!refreshed)
            showFailure(refreshed.error());
        else if (outcome.cancelled)
            Q_EMIT cancelled(outcome.completed, outcome.total);
        else
            Q_EMIT completed();
    });
}

void ApplyFlow::showFailure(const Error &error)
{
    Q_EMIT failed(error);
    if (m_failureBox)
        m_failureBox->deleteLater();
    m_failureBox = new QMessageBox(QMessageBox::Critical, tr("SchemaDesk"), {}, QMessageBox::Ok, m_dialogParent);
    m_failureBox->setAttribute(Qt::WA_DeleteOnClose);
    if (error.code == Error::Code::Migration) {
        m_failureBox->setText(error.partial
                                  ? tr("Revision %1 failed. It runs statements outside its transaction: those before the failing one "
                                       "stayed committed, the rest was rolled back.").arg(error.revision)
                                  : tr("Revision %1 failed and was rolled back; the database is as it was before it.").arg(error.revision));
        m_failureBox->setInformativeText(tr("Server message: %1").arg(error.message));
        m_failureBox->setDetailedText(tr("Statement:\n%1").arg(error.statement));
    } else {
        m_failureBox->setText(error.toString());
    }
    m_failureBox->open(); // window-modal, never blocks the event loop
}

} // namespace sd::app
