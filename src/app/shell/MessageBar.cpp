// MessageBar: a coloured, non-modal notice with optional buttons.

#include "MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace sd::app {

MessageBar::MessageBar(Kind kind, QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(kind == Kind::Danger ? QStringLiteral("dangerBar") : QStringLiteral("warningBar"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    // Colours chosen to read in light and dark palettes alike.
    setStyleSheet(kind == Kind::Danger
                      ? QStringLiteral("QFrame#dangerBar { background: #c62828; } QFrame#dangerBar QLabel { color: white; font-weight: bold; }")
                      : QStringLiteral("QFrame#warningBar { background: #fff3cd; border-bottom: 1px solid #e0c36c; }"
                                       " QFrame#warningBar QLabel { color: #3e2c00; }"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_layout->setContentsMargins(10, 6, 10, 6);
    m_layout->addWidget(m_label, 1);
    hide();
}

void MessageBar::setText(const QString &text)
{
    m_label->setText(text);
}

QString MessageBar::text() const
{
    return m_label->text();
}

QPushButton *MessageBar::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_layout->addWidget(button);
    return button;
}

} // namespace sd::app
