#include "ProjectFile.h"

#include "Suggest.h"
#include "YamlDocument.h"
#include "YamlMap.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace sd {

namespace {

// Reads the parsed project file into `project`.
class ProjectDocument
{
public:
    ProjectDocument(Project &project, YamlDiagnostics &diagnostics)
        : m_project(project)
        , m_diagnostics(diagnostics)
    {
    }

    void read(const YamlNode &root);

private:
    QString path(YamlMap &map, const QString &key, const QString &fallback);
    void checkUrl(const QString &url, const YamlNode &node);
    void readEnvironments(YamlMap &map);
    void readDuration(YamlMap &map, const QString &key, QString &target);

    Project &m_project;
    YamlDiagnostics &m_diagnostics;
};

void ProjectDocument::read(const YamlNode &root)
{
    Project &p = m_project;
    p.schemaPath = QDir(p.directory).absoluteFilePath(QStringLiteral("config/schema.yaml"));
    p.migrationsPath = QDir(p.directory).absoluteFilePath(QStringLiteral("migrations"));
    if (root.isNull())
        return;

    YamlMap map(root, QCoreApplication::translate("ProjectFile", "project file"),
                {QStringLiteral("schema"), QStringLiteral("migrations"), QStringLiteral("database"),
                 QStringLiteral("auto_upgrade"), QStringLiteral("environments"), QStringLiteral("ignore"),
                 QStringLiteral("postgres_schema"), QStringLiteral("connect_timeout"), QStringLiteral("lock_timeout"),
                 QStringLiteral("statement_timeout")},
                m_diagnostics);
    if (!map.isMap())
        return;

    p.schemaPath = path(map, QStringLiteral("schema"), p.schemaPath);
    p.migrationsPath = path(map, QStringLiteral("migrations"), p.migrationsPath);
    p.databaseUrl = map.string(QStringLiteral("database")).trimmed();
    if (!p.databaseUrl.isEmpty())
        checkUrl(p.databaseUrl, map.value(QStringLiteral("database")));
    p.autoUpgrade = map.boolean(QStringLiteral("auto_upgrade"), true);
    readEnvironments(map);
    for (const YamlItem &item : map.scalarList(QStringLiteral("ignore"), QCoreApplication::translate("ProjectFile", "table names or patterns")))
        p.ignorePatterns << item.text;

    const QString schema = map.string(QStringLiteral("postgres_schema")).trimmed();
    if (!schema.isEmpty())
        p.postgresSchema = schema;

    const QString expected = QCoreApplication::translate("ProjectFile", "a number of seconds for 'connect_timeout'");
    if (const auto seconds = map.integer(QStringLiteral("connect_timeout"), expected)) {
        if (*seconds <= 0) {
            m_diagnostics.error(map.value(QStringLiteral("connect_timeout")),
                QCoreApplication::translate("ProjectFile", "'connect_timeout' must be at least 1 second"));
        } else {
            p.connectTimeoutSeconds = *seconds;
        }
    }
    readDuration(map, QStringLiteral("lock_timeout"), p.lockTimeout);
    readDuration(map, QStringLiteral("statement_timeout"), p.statementTimeout);
}

void ProjectDocument::readDuration(YamlMap &map, const QString &key, QString &target)
{
    const auto text = map.scalar(key, QCoreApplication::translate("ProjectFile", "a duration such as 5s, 500ms or 2min"));
    if (!text)
        return;
    const QString value = text->trimmed();
    if (!Project::isDuration(value)) {
        m_diagnostics.error(map.value(key),
            QCoreApplication::translate("ProjectFile", "'%1' must be a duration such as 5s, 500ms or 2min (0 for none), found '%2'")
                .arg(key, value));
        return;
    }
    target = value;
}

QString ProjectDocument::path(YamlMap &map, const QString &key, const QString &fallback)
{
    const QString text = map.string(key).trimmed();
    if (text.isEmpty())
        return fallback;
    return QDir::cleanPath(QDir(m_project.directory).absoluteFilePath(text));
}

void ProjectDocument::checkUrl(const QString &url, const YamlNode &node)
{
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url, m_project.directory);
    if (!parsed)
        m_diagnostics.error(node, parsed.error().message);
}

void ProjectDocument::readEnvironments(YamlMap &map)
{
    const YamlNode node = map.value(QStringLiteral("environments"));
    if (!node.isDefined() || node.isNull())
        return;
    if (!node.isMap()) {
        m_diagnostics.error(node, QCoreApplication::translate("ProjectFile",
                                      "expected a mapping of environment names to {url: ..., protected: ...}, found %1")
                                      .arg(YamlDiagnostics::describe(node)));
        return;
    }
    node.forEachPair([this](const YamlNode &key, const YamlNode &value) {
        if (!key.isScalar()) {
            m_diagnostics.error(key, QCoreApplication::translate("ProjectFile", "expected an environment name, found %1")
                                         .arg(YamlDiagnostics::describe(key)));
            return;
        }
        const QString name = YamlDiagnostics::text(key);
        if (m_project.environments.contains(name)) {
            m_diagnostics.error(key, QCoreApplication::translate("ProjectFile", "duplicate environment '%1'").arg(name));
            return;
        }
        YamlMap env(value, QCoreApplication::translate("ProjectFile", "environment"),
                    {QStringLiteral("url"), QStringLiteral("protected")}, m_diagnostics);
        if (!env.isMap())
            return;
        Environment environment;
        environment.url = env.requiredString(QStringLiteral("url")).trimmed();
        if (!environment.url.isEmpty())
            checkUrl(environment.url, env.value(QStringLiteral("url")));
        environment.isProtected = env.boolean(QStringLiteral("protected"), false);
        m_project.environments.insert(name, environment);
    });
}

} // namespace

bool Project::isDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+\\s*(ms|s|min|h)?$"));
    return pattern.match(text).hasMatch();
}

QString ProjectFile::fileName()
{
    return QStringLiteral("schemadesk.yaml");
}

QString ProjectFile::databaseUrlVariable()
{
    return QStringLiteral("SCHEMADESK_DATABASE_URL");
}

MultiResult<Project> ProjectFile::load(const QString &directory)
{
    const QString dir = directory.isEmpty() ? QStringLiteral(".") : directory;
    const QString displayPath = QDir::cleanPath(dir + QLatin1Char('/') + fileName());
    QFile file(displayPath);
    if (!file.exists()) {
        return std::unexpected(Errors{Error::io(
            QCoreApplication::translate("ProjectFile", "project file not found (create one with 'schemadesk-cli init')"),
            displayPath)});
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(Errors{Error::io(
            QCoreApplication::translate("ProjectFile", "cannot read the project file: %1").arg(file.errorString()),
            displayPath)});
    }

    Project project;
    project.directory = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    YamlDiagnostics diagnostics(displayPath);
    const auto document = YamlDocument::parse(file.readAll());
    if (document) {
        ProjectDocument(project, diagnostics).read(document->root());
    } else {
        const YamlDocument::ParseError &e = document.error();
        diagnostics.error(e.line, e.column,
                          e.syntax ? QCoreApplication::translate("ProjectFile", "invalid YAML: %1").arg(e.message)
                                   : QCoreApplication::translate("ProjectFile", "cannot read YAML: %1").arg(e.message));
    }
    if (diagnostics.hasErrors())
        return std::unexpected(diagnostics.sortedErrors());
    return project;
}

bool Project::isIgnored(const QString &table) const
{
    for (const QString &pattern : ignorePatterns) {
        const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(pattern));
        if (glob.match(table).hasMatch())
            return true;
    }
    return false;
}

bool Project::isProtected(const QString &envName) const
{
    return environments.value(envName).isProtected;
}

QString Project::protectedEnvironment(const DatabaseUrl &url, const QString &envName) const
{
    if (!envName.isEmpty() && isProtected(envName))
        return envName;
    for (auto it = environments.cbegin(); it != environments.cend(); ++it) {
        if (!it->isProtected)
            continue;
        auto environmentUrl = resolveDatabaseUrl({}, it.key());
        if (environmentUrl && environmentUrl->sameDatabase(url))
            return it.key();
    }
    return {};
}

Result<DatabaseUrl> Project::resolveDatabaseUrl(const QString &cliUrl, const QString &envName) const
{
    if (!cliUrl.trimmed().isEmpty())
        return DatabaseUrl::parse(cliUrl, directory);

    if (!envName.isEmpty()) {
        const auto it = environments.constFind(envName);
        if (it != environments.cend())
            return DatabaseUrl::parse(it->url, directory);
        const QStringList known = environments.keys();
        if (known.isEmpty()) {
            return std::unexpected(Error::usage(
                QCoreApplication::translate("ProjectFile", "unknown environment '%1': %2 defines no environments")
                    .arg(envName, ProjectFile::fileName())));
        }
        const QString suggestion = closestMatch(envName, known);
        const QString list = known.join(QStringLiteral(", "));
        return std::unexpected(Error::usage(
            suggestion.isEmpty()
                ? QCoreApplication::translate("ProjectFile", "unknown environment '%1' (known environments: %2)")
                      .arg(envName, list)
                : QCoreApplication::translate("ProjectFile", "unknown environment '%1' (did you mean '%2'? known environments: %3)")
                      .arg(envName, suggestion, list)));
    }

    const QString fromVariable = qEnvironmentVariable(ProjectFile::databaseUrlVariable().toLatin1().constData()).trimmed();
    if (!fromVariable.isEmpty())
        return DatabaseUrl::parse(fromVariable, directory);

    if (!databaseUrl.isEmpty())
        return DatabaseUrl::parse(databaseUrl, directory);

    return std::unexpected(Error::usage(
        QCoreApplication::translate("ProjectFile",
            "no database given: use --url URL or --env NAME, set %1, or set 'database' in %2")
            .arg(ProjectFile::databaseUrlVariable(), ProjectFile::fileName())));
}

} // namespace sd
