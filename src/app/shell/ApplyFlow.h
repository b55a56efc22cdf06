#pragma once
// Apply (upgrade to head) and Roll back (downgrade -1), end to end: plans
// through the core on the session's database thread, shows the plan for review (ApplyPlanDialog, typed
// confirmation for a protected environment), runs the approved plan on an
// ApplyWorker thread through the ApplyController, then refreshes the
// session and reports a failure with its revision, statement and message.

#include "db/DatabaseUrl.h"
#include "runtime/MigrationPlan.h"
#include "revision/RevisionGraph.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace sd::app {

class ApplyController;
class ApplyPlanDialog;
class ProjectSession;
struct ApplyOutcome;

class ApplyFlow : public QObject
{
    Q_OBJECT
public:
    // Shows the dialog and returns whether the user approved (default: exec()).
    using Reviewer = std::function<bool(ApplyPlanDialog &)>;

    ApplyFlow(ProjectSession *session, ApplyController *controller, QWidget *dialogParent);

    void setReviewer(Reviewer reviewer) { m_reviewer = std::move(reviewer); }

    QMessageBox *failureBox() const { return m_failureBox; }

    // Planning, reviewing or running.
    bool isBusy() const { return m_planning || m_reviewing; }

public Q_SLOTS:
    // Starts planning; the review follows when the plan is there. False
    // when nothing started (not connected, busy already).
    bool apply();
    bool rollBack();

Q_SIGNALS:
    void busyChanged();
    void failed(const sd::Error &error);
    // Nothing ran: nothing to do, or the reviewer said no.
    void declined();
    void completed();
    // Cancel stopped the run before the next revision: `done` of `total` ran.
    void cancelled(int done, int total);

private:
    bool run(Direction direction);
    void review(Direction direction, const RevisionGraph &graph, const MigrationPlan &plan);
    void setPlanning(bool planning);
    void onFinished(const ApplyOutcome &outcome);
    void showFailure(const Error &error);

    ProjectSession *m_session;
    ApplyController *m_controller;
    QWidget *m_dialogParent;
    Reviewer m_reviewer;
    QPointer<QMessageBox> m_failureBox;
    bool m_planning = false;
    bool m_reviewing = false;
};

} // namespace sd::app
