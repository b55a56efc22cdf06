#pragma once
// Progress of a running apply or rollback, for the status bar: the
// revision running, a progress bar by revision, and Cancel (which stops
// before the next revision).

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace sd::app {

class ApplyProgressWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ApplyProgressWidget(QWidget *parent = nullptr);

    int value() const;
    int maximum() const;
    QString text() const;

public Q_SLOTS:
    void start(int revisionCount);
    void revisionStarted(int index, const QString &revision, const QString &message);
    void revisionFinished(int index, qint64 durationMs);
    void finish();

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace sd::app
