#pragma once
// The small find bar under a CodeEditor: a search field, previous and next
// buttons, "n of m" and a close button. It only reports what the user
// wants; the editor searches and tells it the result (setStatus).

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace sd::app {

class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    // Shows the bar, fills the field with `text` when not empty, selects it
    // and gives it the focus.
    void activate(const QString &text = {});
    // "current of total"; "total matches" when `current` is 0 (the
    // cursor left the match); "No matches".
    void setStatus(int current, int total);
    QString statusText() const;

Q_SIGNALS:
    void textChanged(const QString &text);
    void nextRequested();
    void previousRequested();
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_field;
    QLabel *m_status;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
};

} // namespace sd::app
