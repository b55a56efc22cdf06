// ApplyProgressWidget: revision progress and Cancel.

#include "ApplyProgressWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace sd::app {

ApplyProgressWidget::ApplyProgressWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setMinimumWidth(160);
    m_bar->setFormat(tr("%v of %m revisions"));
    m_cancel->setToolTip(tr("Stop before the next revision; the one running completes or rolls back"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling after this revision…"));
        Q_EMIT cancelRequested();
    });
    hide();
}

int ApplyProgressWidget::value() const
{
    return m_bar->value();
}

int ApplyProgressWidget::maximum() const
{
    return m_bar->maximum();
}

QString ApplyProgressWidget::text() const
{
    return m_label->text();
}

void ApplyProgressWidget::start(int revisionCount)
{
    m_bar->setRange(0, std::max(1, revisionCount));
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    m_label->setText(tr("Starting…"));
    show();
}

void ApplyProgressWidget::revisionStarted(int index, const QString &revision, const QString &message)
{
    Q_UNUSED(index);
    if (m_cancel->isEnabled())
        m_label->setText(tr("Running %1 (%2)").arg(revision, message));
}

void ApplyProgressWidget::revisionFinished(int index, qint64 durationMs)
{
    Q_UNUSED(durationMs);
    m_bar->setValue(index + 1);
}

void ApplyProgressWidget::finish()
{
    hide();
}

} // namespace sd::app
