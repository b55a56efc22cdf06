#pragma once
// Driving the main window in tests: its database work runs on the
// session's database thread, so each step waits for its own signal and
// then for the window to be idle (no job queued, no plan under review).

#include "MainWindow.h"
#include "shell/ApplyController.h"
#include "shell/ApplyFlow.h"
#include "shell/ConnectFlow.h"
#include "shell/ConnectionDialog.h"
#include "shell/ProjectSession.h"

#include <QSignalSpy>
#include <QTest>

namespace sd::testing {

inline bool waitIdle(app::MainWindow *window, int timeoutMs = 30000)
{
    return QTest::qWaitFor(
        [window] {
            return !window->session()->isBusy() && !window->applyFlow()->isBusy() && !window->connectFlow()->isConnecting()
                && !window->applyController()->isRunning();
        },
        timeoutMs);
}

// Waits for a connect started by `start` (openProject, connectTo); true when it connected.
template <typename Start>
bool connectAndWait(app::MainWindow *window, Start start)
{
    QSignalSpy finished(window->connectFlow(), &app::ConnectFlow::finished);
    if (!start())
        return false;
    if (finished.isEmpty() && !finished.wait(30000))
        return false;
    return waitIdle(window) && finished.first().first().toBool();
}

inline bool openAndConnect(app::MainWindow *window, const QString &project)
{
    return connectAndWait(window, [&] { return window->openProject(project); });
}

inline bool connectWindow(app::MainWindow *window, const DatabaseUrl &url, const QString &environment = {})
{
    return connectAndWait(window, [&] {
        window->connectTo(url, environment);
        return true;
    });
}

// Triggers Apply or Roll back; true when the worker ran (ok or failed),
// false when nothing ran (disabled, nothing to do, the reviewer said no).
inline bool runAndWait(app::MainWindow *window, QAction *action)
{
    if (!action->isEnabled())
        return false;
    QSignalSpy finished(window->applyController(), &app::ApplyController::finished);
    QSignalSpy declined(window->applyFlow(), &app::ApplyFlow::declined);
    action->trigger();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !declined.isEmpty(); }, 60000))
        return false;
    return waitIdle(window) && !finished.isEmpty();
}

// Runs the dialog's "Test connection" and waits for its text.
inline QString testConnectionAndWait(app::ConnectionDialog &dialog)
{
    QSignalSpy finished(&dialog, &app::ConnectionDialog::testFinished);
    dialog.testConnection();
    if (finished.isEmpty() && !finished.wait(30000))
        return QStringLiteral("(no answer)");
    return finished.first().first().toString();
}

} // namespace sd::testing
