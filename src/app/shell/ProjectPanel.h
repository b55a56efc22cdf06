#pragma once
// The project and connection panel (a dock): which project is open, which
// database it is connected to (environment, server version), where the
// database is in the revision graph, what the start-up policy did, and the
// Connect button.

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace sd::app {

class ProjectSession;

class ProjectPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectPanel(ProjectSession *session, QWidget *parent = nullptr);

    QPushButton *connectButton() const { return m_connect; }
    QString databaseText() const;
    QString stateText() const;

public Q_SLOTS:
    void refresh();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Wrapped labels need height for their width; a dock asks only for the size hint.
    void fitHeight();
    QLabel *addRow(QFormLayout *form, const QString &label);

    ProjectSession *m_session;
    QLabel *m_project;
    QLabel *m_database;
    QLabel *m_environment;
    QLabel *m_server;
    QLabel *m_current;
    QLabel *m_pending;
    QLabel *m_startup;
    QPushButton *m_connect;
};

} // namespace sd::app
