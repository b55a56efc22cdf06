// ProjectPanel: project, connection and revision state at a glance.

#include "ProjectPanel.h"

#include "ProjectSession.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace sd::app {

namespace {
// Paths and URLs may wrap after each '/' (a zero-width space), so a long
// one is never cut off; the tooltip holds it whole.
void setWrappingText(QLabel *label, const QString &text)
{
    QString wrapped = text;
    wrapped.replace(QLatin1Char('/'), QStringLiteral("/\u200b"));
    label->setText(wrapped);
    label->setToolTip(text);
}
} // namespace

ProjectPanel::ProjectPanel(ProjectSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_project = addRow(form, tr("Project:"));
    m_database = addRow(form, tr("Database:"));
    m_environment = addRow(form, tr("Environment:"));
    m_server = addRow(form, tr("Server:"));
    m_current = addRow(form, tr("Current:"));
    m_pending = addRow(form, tr("Pending:"));
    m_startup = addRow(form, tr("On connect:"));
    layout->addLayout(form);
    m_connect = new QPushButton(tr("Connect…"), this);
    layout->addWidget(m_connect);
    layout->addStretch(1);
    setMinimumWidth(340);
    connect(m_session, &ProjectSession::projectChanged, this, &ProjectPanel::refresh);
    connect(m_session, &ProjectSession::graphChanged, this, &ProjectPanel::refresh);
    connect(m_session, &ProjectSession::connectionChanged, this, &ProjectPanel::refresh);
    connect(m_session, &ProjectSession::stateChanged, this, &ProjectPanel::refresh);
    refresh();
}

QLabel *ProjectPanel::addRow(QFormLayout *form, const QString &label)
{
    auto *value = new QLabel(this);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    form->addRow(label, value);
    return value;
}

QString ProjectPanel::databaseText() const
{
    return m_database->toolTip();
}

QString ProjectPanel::stateText() const
{
    return m_current->text() + QLatin1Char('\n') + m_pending->text();
}

void ProjectPanel::refresh()
{
    setWrappingText(m_project, m_session->hasProject() ? m_session->project().directory : tr("none: File > Open Project"));
    if (!m_session->isConnected()) {
        setWrappingText(m_database, tr("not connected"));
        for (QLabel *label : {m_environment, m_server, m_current, m_pending, m_startup})
            label->clear();
        fitHeight();
        return;
    }
    const QString url = m_session->url().display();
    setWrappingText(m_database, url);
    const QString environment = m_session->environment();
    m_environment->setText(environment.isEmpty() ? tr("none (project default)")
                           : m_session->isProtected() ? tr("%1 (protected)").arg(environment) : environment);
    m_server->setText(m_session->serverVersion());
    const QStringList current = m_session->currentRevisions();
    m_current->setText(current.isEmpty() ? tr("base (no revision applied)") : current.join(QStringLiteral(", ")));
    const QStringList pending = m_session->pendingRevisions();
    m_pending->setText(pending.isEmpty() ? tr("none") : tr("%n revision(s): %1", nullptr, int(pending.size())).arg(pending.join(QStringLiteral(", "))));
    m_startup->setText(m_session->lastStartup() ? m_session->lastStartup()->decision.description() : QString());
    fitHeight();
}

void ProjectPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitHeight();
}

void ProjectPanel::fitHeight()
{
    if (layout()->hasHeightForWidth())
        setMinimumHeight(layout()->heightForWidth(width()));
}

} // namespace sd::app
