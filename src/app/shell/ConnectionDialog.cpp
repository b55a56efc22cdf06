// ConnectionDialog: SQLite or PostgreSQL, environments, test connection.

#include "ConnectionDialog.h"

#include "DatabaseThread.h"
#include "PasswordStore.h"
#include "db/Connection.h"
#include "PaletteTone.h"
#include "ui_ConnectionDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace sd::app {

namespace {
enum Page { SqlitePage = 0, PostgresPage = 1 };
}

ConnectionDialog::ConnectionDialog(const Project *project, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionDialog>())
    , m_project(project)
{
    m_ui->setupUi(this);
    m_ui->environmentCombo->addItem(tr("Custom connection"));
    if (m_project) {
        m_ui->environmentCombo->addItem(tr("Project default (%1)").arg(m_project->databaseUrl), QStringLiteral(":default"));
        for (auto it = m_project->environments.cbegin(); it != m_project->environments.cend(); ++it)
            m_ui->environmentCombo->addItem(it->isProtected ? tr("%1 (protected)").arg(it.key()) : it.key(), it.key());
    }
    m_ui->protectedLabel->setStyleSheet(PaletteTone::dangerLabelStyle(palette()));
    m_ui->protectedLabel->hide();
    m_ui->rememberPasswordCheck->setVisible(PasswordStore::isEnabled());
    m_ui->hostEdit->setText(QStringLiteral("localhost"));
    connect(m_ui->typeCombo, &QComboBox::currentIndexChanged, m_ui->stack, &QStackedWidget::setCurrentIndex);
    connect(m_ui->environmentCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::environmentChanged);
    m_ui->savedCombo->addItem(tr("(none)"));
    m_ui->savedCombo->setEnabled(false);
    connect(m_ui->savedCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::savedChanged);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ConnectionDialog::browse);
    connect(m_ui->newFileButton, &QPushButton::clicked, this, &ConnectionDialog::newFile);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    for (QLineEdit *edit : {m_ui->sqlitePathEdit, m_ui->hostEdit, m_ui->databaseEdit, m_ui->userEdit})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionDialog::fieldsEdited);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, &ConnectionDialog::fieldsEdited);
    connect(m_ui->typeCombo, &QComboBox::activated, this, &ConnectionDialog::fieldsEdited);
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setUrl(const DatabaseUrl &url, const QString &environment)
{
    if (!environment.isEmpty() && selectEnvironment(environment))
        return;
    m_filling = true;
    fill(url);
    m_filling = false;
    updateProtectedLabel();
}

void ConnectionDialog::fill(const DatabaseUrl &url)
{
    const bool postgres = url.dialect == DialectKind::PostgreSQL;
    m_ui->typeCombo->setCurrentIndex(postgres ? PostgresPage : SqlitePage);
    m_ui->stack->setCurrentIndex(postgres ? PostgresPage : SqlitePage);
    if (!postgres) {
        m_ui->sqlitePathEdit->setText(url.path);
        m_parameters.clear();
        return;
    }
    m_ui->hostEdit->setText(url.host);
    m_ui->portSpin->setValue(url.port);
    m_ui->databaseEdit->setText(url.database);
    m_ui->userEdit->setText(url.user);
    m_ui->passwordEdit->setText(url.password);
    const QString sslMode = url.parameters.value(QStringLiteral("sslmode"), QStringLiteral("prefer"));
    m_ui->sslModeCombo->setCurrentText(sslMode);
    m_parameters = url.parameters;
    m_parameters.remove(QStringLiteral("sslmode"));
    if (url.password.isEmpty() && PasswordStore::isEnabled()) {
        // Filled in when the keychain answers, unless the fields moved on meanwhile.
        const QString key = url.display();
        PasswordStore::loadLater(key, this, [this, key](const Result<QString> &stored) {
            auto current = this->url();
            if (!current || current->display() != key || !m_ui->passwordEdit->text().isEmpty())
                return;
            if (!stored) {
                m_ui->testResultLabel->setText(tr("The keychain did not give the password: %1").arg(stored.error().message));
                return;
            }
            m_ui->passwordEdit->setText(*stored);
            m_ui->rememberPasswordCheck->setChecked(!stored->isEmpty());
        });
    }
}

void ConnectionDialog::setSavedConnections(const QList<SavedConnection> &connections)
{
    const QSignalBlocker blocker(m_ui->savedCombo);
    m_ui->savedCombo->clear();
    m_ui->savedCombo->addItem(connections.isEmpty() ? tr("(none)") : tr("Choose a connection used before"));
    for (const SavedConnection &c : connections)
        m_ui->savedCombo->addItem(c.name == c.url ? c.url : tr("%1 — %2").arg(c.name, c.url), QStringList{c.url, c.environment});
    m_ui->savedCombo->setEnabled(!connections.isEmpty());
}

void ConnectionDialog::savedChanged(int index)
{
    const QStringList saved = m_ui->savedCombo->itemData(index).toStringList();
    if (saved.size() != 2)
        return;
    if (!saved.at(1).isEmpty() && selectEnvironment(saved.at(1)))
        return;
    auto url = DatabaseUrl::parse(saved.at(0), m_project ? m_project->directory : QString());
    if (!url) {
        m_ui->testResultLabel->setText(url.error().toString());
        return;
    }
    m_ui->environmentCombo->setCurrentIndex(0);
    setUrl(*url);
}

bool ConnectionDialog::selectEnvironment(const QString &name)
{
    const int index = m_ui->environmentCombo->findData(name);
    if (index < 0)
        return false;
    m_ui->environmentCombo->setCurrentIndex(index);
    return true;
}

void ConnectionDialog::environmentChanged(int index)
{
    const QString key = m_ui->environmentCombo->itemData(index).toString();
    if (!m_project || key.isEmpty()) {
        updateProtectedLabel();
        return;
    }
    const QString envName = key == QLatin1String(":default") ? QString() : key;
    auto url = m_project->resolveDatabaseUrl({}, envName);
    if (!url) {
        m_ui->testResultLabel->setText(url.error().toString());
        return;
    }
    const QSignalBlocker blocker(m_ui->environmentCombo);
    setUrl(*url);
}

Result<DatabaseUrl> ConnectionDialog::url() const
{
    DatabaseUrl url;
    if (m_ui->typeCombo->currentIndex() == SqlitePage) {
        const QString path = m_ui->sqlitePathEdit->text().trimmed();
        if (path.isEmpty())
            return std::unexpected(Error::usage(tr("choose a SQLite file")));
        if (path == QLatin1String(":memory:"))
            return DatabaseUrl::parse(QStringLiteral("sqlite://:memory:"));
        url.dialect = DialectKind::Sqlite;
        url.path = QFileInfo(QDir(m_project ? m_project->directory : QDir::currentPath()), path).absoluteFilePath();
        return url;
    }
    url.dialect = DialectKind::PostgreSQL;
    url.host = m_ui->hostEdit->text().trimmed();
    url.port = m_ui->portSpin->value();
    url.database = m_ui->databaseEdit->text().trimmed();
    url.user = m_ui->userEdit->text().trimmed();
    url.password = m_ui->passwordEdit->text();
    if (url.host.isEmpty() || url.database.isEmpty())
        return std::unexpected(Error::usage(tr("a PostgreSQL connection needs a host and a database")));
    url.parameters = m_parameters;
    const QString sslMode = m_ui->sslModeCombo->currentText();
    if (sslMode != QLatin1String("prefer"))
        url.parameters.insert(QStringLiteral("sslmode"), sslMode);
    return url;
}

void ConnectionDialog::fieldsEdited()
{
    if (m_filling)
        return;
    if (m_ui->environmentCombo->currentIndex() != 0) {
        const QSignalBlocker blocker(m_ui->environmentCombo);
        m_ui->environmentCombo->setCurrentIndex(0); // "Custom connection"
    }
    updateProtectedLabel();
}

void ConnectionDialog::updateProtectedLabel()
{
    auto target = url();
    const QString protectedEnv = m_project && target ? m_project->protectedEnvironment(*target, environment()) : QString();
    m_ui->protectedLabel->setVisible(!protectedEnv.isEmpty());
    if (!protectedEnv.isEmpty())
        m_ui->protectedLabel->setText(tr("This is the database of the protected environment \"%1\": applying or rolling back "
                                         "asks you to type the database name.").arg(protectedEnv));
}

void ConnectionDialog::accept()
{
    if (auto target = url(); !target) {
        m_ui->testResultLabel->setText(target.error().toString());
        return;
    }
    QDialog::accept();
}

QString ConnectionDialog::environment() const
{
    const QString key = m_ui->environmentCombo->currentData().toString();
    return key == QLatin1String(":default") ? QString() : key;
}

bool ConnectionDialog::rememberPassword() const
{
    return m_ui->rememberPasswordCheck->isVisible() && m_ui->rememberPasswordCheck->isChecked();
}

void ConnectionDialog::testConnection()
{
    if (m_testing)
        return;
    auto target = url();
    if (!target) {
        m_ui->testResultLabel->setText(target.error().toString());
        Q_EMIT testFinished(m_ui->testResultLabel->text());
        return;
    }
    ConnectOptions options;
    options.readOnly = true;
    options.connectTimeoutSeconds = m_project ? m_project->connectTimeoutSeconds : 10;
    // The connection is opened and closed on a thread of its own, which may
    // wait for a server up to the connect timeout. That thread belongs to
    // the application, not to the dialog: closing the dialog neither waits
    // for it nor leaves it running unowned, and quitting the application
    // waits for it (DatabaseThread's destructor) instead of tearing Qt down
    // under a connect still in progress.
    auto *tester = new DatabaseThread(QCoreApplication::instance());
    tester->setObjectName(QStringLiteral("SchemaDesk connection test"));
    connect(tester, &DatabaseThread::busyChanged, tester, [tester](bool busy) {
        if (!busy)
            tester->deleteLater();
    });
    tester->post(
        this,
        [url = *target, options](DatabaseThread::Slot &) {
            auto connection = Connection::open(url, options);
            if (!connection)
                return connection.error().toString();
            if ((*connection)->fileMissing())
                return tr("Connected: %1 (the file does not exist yet; it is created on connect)").arg((*connection)->serverVersion());
            return tr("Connected: %1").arg((*connection)->serverVersion());
        },
        [this](const QString &text) {
            m_testing = false;
            m_ui->testButton->setEnabled(true);
            m_ui->testResultLabel->setText(text);
            Q_EMIT testFinished(text);
        });
    m_testing = true;
    m_ui->testButton->setEnabled(false);
    m_ui->testResultLabel->setText(tr("Connecting to %1…").arg(target->display()));
}

QString ConnectionDialog::testResult() const
{
    return m_ui->testResultLabel->text();
}

void ConnectionDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a SQLite database"), m_ui->sqlitePathEdit->text(),
                                                      tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        m_ui->sqlitePathEdit->setText(path);
}

void ConnectionDialog::newFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New SQLite database"), m_ui->sqlitePathEdit->text(),
                                                      tr("SQLite databases (*.db *.sqlite *.sqlite3)"));
    if (!path.isEmpty())
        m_ui->sqlitePathEdit->setText(path); // created on connect, under the start-up policy
}

} // namespace sd::app
