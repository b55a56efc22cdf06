#pragma once
// Chooses the database to connect to: a SQLite file (browse, or create a
// new one) or a PostgreSQL server (host, port, database, user, password,
// sslmode), or one of the project's named environments. "Test connection"
// reports the server version or the exact error. The password stays in
// memory (or, at the user's request, in the desktop keychain).

#include "Workspace.h"
#include "config/ProjectFile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ConnectionDialog;
}

namespace sd::app {

class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    // `project` may be null (no environments then); it must outlive the dialog.
    explicit ConnectionDialog(const Project *project, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Fills the fields from `url` (and selects `environment` when it is one).
    void setUrl(const DatabaseUrl &url, const QString &environment = {});
    // Connections used before (from the workspace), offered under "Recent".
    void setSavedConnections(const QList<SavedConnection> &connections);
    // Selects a named environment of schemadesk.yaml; false when unknown.
    bool selectEnvironment(const QString &name);

    // The URL the fields describe (with the password typed, if any).
    Result<DatabaseUrl> url() const;
    QString environment() const;
    bool rememberPassword() const;

    // Opens the connection on a thread of its own and closes it again;
    // testFinished() brings the text shown (the server version or the
    // exact error). The dialog stays responsive meanwhile.
    void testConnection();
    bool isTesting() const { return m_testing; }
    QString testResult() const;

Q_SIGNALS:
    void testFinished(const QString &text);

public Q_SLOTS:
    // OK with fields that describe no database says why and stays open.
    void accept() override;

private:
    void environmentChanged(int index);
    // The user edited a field: this is a custom connection now (which may
    // still be a protected environment's database).
    void fieldsEdited();
    void fill(const DatabaseUrl &url);
    void updateProtectedLabel();
    void savedChanged(int index);
    void browse();
    void newFile();

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    const Project *m_project;
    bool m_testing = false;
    bool m_filling = false; // setUrl() is writing the fields
    // The URL's parameters the fields do not show (sslrootcert, options,
    // connect_timeout, ...), kept as they were.
    QMap<QString, QString> m_parameters;
};

} // namespace sd::app
