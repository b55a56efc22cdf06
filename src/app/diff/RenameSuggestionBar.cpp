#include "RenameSuggestionBar.h"

#include "DiffStatusStyle.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace sd::app {

RenameSuggestionBar::RenameSuggestionBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_choice(new QComboBox(this))
    , m_yes(new QPushButton(tr("Yes, Renamed"), this))
    , m_no(new QPushButton(tr("No"), this))
{
    setObjectName(QStringLiteral("renameSuggestionBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(24, 24));
    m_icon->setAlignment(Qt::AlignTop);
    m_yes->setObjectName(QStringLiteral("renameYesButton"));
    m_no->setObjectName(QStringLiteral("renameNoButton"));
    m_choice->setObjectName(QStringLiteral("renameChoice"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_choice);
    layout->addWidget(m_yes);
    layout->addWidget(m_no);

    connect(m_choice, &QComboBox::currentIndexChanged, this, [this] { updateQuestion(); });
    connect(m_yes, &QPushButton::clicked, this, [this] {
        if (!m_candidates.isEmpty())
            Q_EMIT renameConfirmed(currentCandidate());
    });
    connect(m_no, &QPushButton::clicked, this, [this] {
        if (!m_candidates.isEmpty())
            Q_EMIT renameRejected(currentCandidate());
    });
    updateColours();
    setVisible(false);
}

void RenameSuggestionBar::setCandidates(const QList<RenameCandidate> &candidates)
{
    m_candidates = candidates;
    m_error = false;
    {
        const QSignalBlocker blocker(m_choice);
        m_choice->clear();
        for (const RenameCandidate &c : candidates)
            m_choice->addItem(tr("%1 → %2").arg(c.from, c.to));
    }
    m_choice->setVisible(candidates.size() > 1);
    m_yes->setVisible(true);
    m_no->setVisible(true);
    updateQuestion();
    updateColours();
    setVisible(!candidates.isEmpty());
}

RenameCandidate RenameSuggestionBar::currentCandidate() const
{
    const int i = qBound(0, m_choice->currentIndex(), int(m_candidates.size()) - 1);
    return m_candidates.isEmpty() ? RenameCandidate() : m_candidates.at(i);
}

void RenameSuggestionBar::setCurrentCandidate(int index)
{
    m_choice->setCurrentIndex(index);
}

void RenameSuggestionBar::setWritable(bool writable, const QString &reason)
{
    m_yes->setEnabled(writable);
    m_yes->setToolTip(writable ? tr("Write renamed_from into the schema configuration, so the migration renames the "
                                    "column instead of dropping it and adding a new one")
                               : reason);
}

void RenameSuggestionBar::showResult(const QString &message, bool error)
{
    m_error = error;
    m_text->setText(message);
    m_choice->setVisible(false);
    m_yes->setVisible(false);
    m_no->setVisible(false);
    m_icon->setPixmap(style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation)
                          .pixmap(24, 24));
    updateColours();
    setVisible(true);
}

void RenameSuggestionBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_updatingPalette)
        updateColours();
}

void RenameSuggestionBar::updateQuestion()
{
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(24, 24));
    if (m_candidates.isEmpty()) {
        m_text->clear();
        return;
    }
    const RenameCandidate c = currentCandidate();
    if (m_candidates.size() > 1) {
        m_text->setText(tr("Columns were removed and others added with a compatible type. Was one renamed?"));
        return;
    }
    m_text->setText(tr("Column %1 (%2) is removed and %3 (%4) added. Was %1 renamed to %3?")
                        .arg(c.from, c.fromType.spelling(), c.to, c.toType.spelling()));
}

void RenameSuggestionBar::updateColours()
{
    // A light tint of the "changed" colour (of the "removed" one for an
    // error), which reads in light and dark palettes alike.
    const QPalette base = parentWidget() ? parentWidget()->palette() : palette();
    QPalette pal = palette();
    pal.setColor(QPalette::Window, DiffStatusStyle::lineBackground(m_error ? DiffStatus::Removed : DiffStatus::Changed, base,
                                                                   false));
    pal.setColor(QPalette::WindowText, base.color(QPalette::Text));
    m_updatingPalette = true;
    setPalette(pal);
    m_updatingPalette = false;
}

} // namespace sd::app
