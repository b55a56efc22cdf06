// DatabaseThread: one worker thread owning the window's connection.

#include "DatabaseThread.h"

#include <QThread>

namespace sd::app {

DatabaseThread::DatabaseThread(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("SchemaDesk database"));
    m_context->moveToThread(m_thread);
    // QThread::finished is emitted on the thread itself: the connection
    // closes there, whatever was still queued when the thread was told to quit.
    connect(m_thread, &QThread::finished, m_context, [this] { m_slot.reset(); }, Qt::DirectConnection);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

DatabaseThread::~DatabaseThread()
{
    // A job that is running ends first (a connect waiting for its server
    // ends at its timeout); jobs still queued are dropped.
    m_thread->quit();
    m_thread->wait();
}

void DatabaseThread::dispatch(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_context, std::move(work), Qt::QueuedConnection);
}

void DatabaseThread::begin()
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
}

void DatabaseThread::end()
{
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}

} // namespace sd::app
