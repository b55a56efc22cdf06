#pragma once
// A non-modal bar across the top of the window: the red "production"
// banner of a protected environment, or the notice that migrations are
// pending with a "Review" button. Hidden until there is something to say.

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace sd::app {

class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Danger, Warning };

    explicit MessageBar(Kind kind, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    // A button at the end of the bar; its clicks are the caller's.
    QPushButton *addButton(const QString &text);

private:
    QLabel *m_label;
    QHBoxLayout *m_layout;
};

} // namespace sd::app
