#pragma once
// The thread the window's database connection lives on. A QSqlDatabase may
// only be used on the thread that opened it, and a connect, a start-up
// migration, an introspection or a plan can take seconds (a server that
// does not answer waits for its connect timeout), so none of it runs on
// the GUI thread: the session posts jobs here. Jobs run one at a time, in
// the order they were posted, each given the thread's connection slot;
// their results come back to the GUI thread, to a receiver that is still
// alive. isBusy() says whether a job is queued or running.

#include "db/Connection.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <type_traits>

class QThread;

namespace sd::app {

class DatabaseThread : public QObject
{
    Q_OBJECT
public:
    // Where the thread's connection is kept; only jobs touch it.
    using Slot = std::unique_ptr<Connection>;

    explicit DatabaseThread(QObject *parent = nullptr);
    // Closes the connection on its thread, after the jobs already posted.
    ~DatabaseThread() override;

    bool isBusy() const { return m_pending > 0; }

    // Runs `job(slot)` on the database thread, then `done(result)` on this
    // object's thread if `receiver` still exists.
    template <typename Job, typename Done>
    void post(QObject *receiver, Job job, Done done)
    {
        using R = std::invoke_result_t<Job &, Slot &>;
        begin();
        QPointer<QObject> guard(receiver);
        dispatch([this, job = std::move(job), done = std::move(done), guard]() mutable {
            auto result = std::make_shared<R>(job(m_slot));
            QMetaObject::invokeMethod(
                this,
                [this, done, guard, result]() mutable {
                    if (guard)
                        done(std::move(*result));
                    end();
                },
                Qt::QueuedConnection);
        });
    }

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void begin();
    void end();
    void dispatch(std::function<void()> work);

    QThread *m_thread;
    QObject *m_context; // lives on m_thread: queued work runs there
    Slot m_slot;        // touched on m_thread only
    int m_pending = 0;  // touched on this object's thread only
};

} // namespace sd::app
