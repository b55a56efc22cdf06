// Reading schemadesk.yaml: defaults, every key, errors with positions, the
// database URL precedence (--url, --env, $SCHEMADESK_DATABASE_URL, database)
// and the ignore globs.

#include "TestResult.h"
#include "config/ProjectFile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;

namespace {

// A project folder holding a schemadesk.yaml with `text`.
class ProjectDir
{
public:
    explicit ProjectDir(const QByteArray &text)
    {
        QFile file(m_dir.filePath(ProjectFile::fileName()));
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
    }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return QDir::cleanPath(m_dir.filePath(name)); }

private:
    QTemporaryDir m_dir;
};

const QByteArray projectWithEnvironments = R"yaml(database: sqlite:///app.db
environments:
  staging:
    url: postgresql://schemadesk@127.0.0.1:5432/demo
  production:
    url: postgresql://deploy@db.example.com:5432/app?sslmode=require
    protected: true
)yaml";

} // namespace

class tst_ProjectFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fileName();
    void demoProject();
    void defaults_data();
    void defaults();
    void everyKey();
    void missingFile();
    void errors_data();
    void errors();
    void urlPrecedence_data();
    void urlPrecedence();
    void protectedEnvironment_data();
    void protectedEnvironment();
    void unknownEnvironment_data();
    void unknownEnvironment();
    void sqlitePaths_data();
    void sqlitePaths();
    void ignoreGlobs_data();
    void ignoreGlobs();
    void relativeDirectory();
};

void tst_ProjectFile::init()
{
    qunsetenv("SCHEMADESK_DATABASE_URL");
}

void tst_ProjectFile::cleanup()
{
    qunsetenv("SCHEMADESK_DATABASE_URL");
}

void tst_ProjectFile::fileName()
{
    QCOMPARE(ProjectFile::fileName(), QStringLiteral("schemadesk.yaml"));
}

void tst_ProjectFile::demoProject()
{
    const QString sourceDir = qEnvironmentVariable("SCHEMADESK_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("SCHEMADESK_SOURCE_DIR is not set");
    const QString demo = QDir(sourceDir).filePath("examples/demo");
    const MultiResult<Project> project = ProjectFile::load(demo);
    SD_VERIFY_RESULT(project);
    const QString dir = QDir::cleanPath(QFileInfo(demo).absoluteFilePath());
    QCOMPARE(project->directory, dir);
    QCOMPARE(project->schemaPath, dir + "/config/schema.yaml");
    QCOMPARE(project->migrationsPath, dir + "/migrations");
    QCOMPARE(project->databaseUrl, QStringLiteral("sqlite:///demo.db"));
    QVERIFY(project->autoUpgrade);
    QCOMPARE(project->environments.keys(), (QStringList{"production", "staging"}));
    QVERIFY(project->isProtected("production"));
    QVERIFY(!project->isProtected("staging"));
    QVERIFY(!project->isProtected("nowhere"));
    QCOMPARE(project->ignorePatterns, QStringList{"tmp_*"});

    const Result<DatabaseUrl> url = project->resolveDatabaseUrl({}, {});
    SD_VERIFY_RESULT(url);
    QCOMPARE(url->path, dir + "/demo.db");
}

void tst_ProjectFile::defaults_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("only a comment") << QByteArray("# nothing set\n");
    QTest::newRow("empty mapping") << QByteArray("{}\n");
}

void tst_ProjectFile::defaults()
{
    QFETCH(QByteArray, text);
    const ProjectDir dir(text);
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    SD_VERIFY_RESULT(project);
    QCOMPARE(project->directory, QDir::cleanPath(QFileInfo(dir.path()).absoluteFilePath()));
    QCOMPARE(project->schemaPath, dir.filePath("config/schema.yaml"));
    QCOMPARE(project->migrationsPath, dir.filePath("migrations"));
    QVERIFY(project->databaseUrl.isEmpty());
    QVERIFY(project->autoUpgrade);
    QVERIFY(project->environments.isEmpty());
    QVERIFY(project->ignorePatterns.isEmpty());
    QCOMPARE(project->postgresSchema, QStringLiteral("public"));
    QCOMPARE(project->connectTimeoutSeconds, 10);
}

void tst_ProjectFile::everyKey()
{
    const ProjectDir dir(R"yaml(schema: db/schema.yaml
migrations: db/revisions
database: postgresql://app@localhost/app
auto_upgrade: false
environments:
  ci: {url: "sqlite://:memory:"}
ignore: [spatial_ref_sys, "tmp_*"]
postgres_schema: billing
connect_timeout: 3
lock_timeout: 500ms
statement_timeout: 2min
)yaml");
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    SD_VERIFY_RESULT(project);
    QCOMPARE(project->schemaPath, dir.filePath("db/schema.yaml"));
    QCOMPARE(project->migrationsPath, dir.filePath("db/revisions"));
    QCOMPARE(project->databaseUrl, QStringLiteral("postgresql://app@localhost/app"));
    QVERIFY(!project->autoUpgrade);
    QCOMPARE(project->environments.size(), 1);
    QCOMPARE(project->environments.value("ci"), (Environment{"sqlite://:memory:", false}));
    QCOMPARE(project->ignorePatterns, (QStringList{"spatial_ref_sys", "tmp_*"}));
    QCOMPARE(project->postgresSchema, QStringLiteral("billing"));
    QCOMPARE(project->connectTimeoutSeconds, 3);
    QCOMPARE(project->lockTimeout, QStringLiteral("500ms"));
    QCOMPARE(project->statementTimeout, QStringLiteral("2min"));
}

void tst_ProjectFile::missingFile()
{
    QTemporaryDir dir;
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    QVERIFY(!project);
    QCOMPARE(project.error().size(), 1);
    const Error &e = project.error()[0];
    QCOMPARE(e.code, Error::Code::Io);
    QCOMPARE(e.file, dir.path() + "/schemadesk.yaml");
    QCOMPARE(e.toString(), dir.path() + "/schemadesk.yaml: project file not found (create one with 'schemadesk-cli init')");
}

void tst_ProjectFile::errors_data()
{
    const QString keys = QStringLiteral("schema, migrations, database, auto_upgrade, environments, ignore, postgres_schema, connect_timeout, lock_timeout, statement_timeout");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unknown key with a suggestion")
        << QByteArray("schema: config/schema.yaml\ndatabse: sqlite:///app.db\n")
        << QStringList{QStringLiteral("schemadesk.yaml:2:1: unknown key 'databse' in project file (did you mean 'database'? allowed keys: %1)").arg(keys)};
    QTest::newRow("unknown key without a suggestion")
        << QByteArray("colour: blue\n")
        << QStringList{QStringLiteral("schemadesk.yaml:1:1: unknown key 'colour' in project file (allowed keys: %1)").arg(keys)};
    QTest::newRow("malformed yaml")
        << QByteArray("ignore: [tmp_*\n")
        << QStringList{"schemadesk.yaml:2:1: invalid YAML: end of sequence flow not found"};
    QTest::newRow("not a mapping")
        << QByteArray("- schema\n")
        << QStringList{"schemadesk.yaml:1:1: expected a mapping for the project file, found a list"};
    QTest::newRow("auto_upgrade not a boolean")
        << QByteArray("auto_upgrade: sometimes\n")
        << QStringList{"schemadesk.yaml:1:15: expected true or false for 'auto_upgrade', found 'sometimes'"};
    QTest::newRow("connect_timeout not a number")
        << QByteArray("connect_timeout: soon\n")
        << QStringList{"schemadesk.yaml:1:18: expected a number of seconds for 'connect_timeout', found 'soon'"};
    QTest::newRow("lock_timeout not a duration")
        << QByteArray("lock_timeout: a while\n")
        << QStringList{"schemadesk.yaml:1:15: 'lock_timeout' must be a duration such as 5s, 500ms or 2min (0 for none), found 'a while'"};
    QTest::newRow("statement_timeout unknown unit")
        << QByteArray("statement_timeout: 5 days\n")
        << QStringList{"schemadesk.yaml:1:20: 'statement_timeout' must be a duration such as 5s, 500ms or 2min (0 for none), found '5 days'"};
    QTest::newRow("connect_timeout zero")
        << QByteArray("connect_timeout: 0\n")
        << QStringList{"schemadesk.yaml:1:18: 'connect_timeout' must be at least 1 second"};
    QTest::newRow("ignore not a list")
        << QByteArray("ignore: tmp_*\n")
        << QStringList{"schemadesk.yaml:1:9: expected a list of table names or patterns, found 'tmp_*'"};
    QTest::newRow("environments not a mapping")
        << QByteArray("environments: [prod]\n")
        << QStringList{"schemadesk.yaml:1:15: expected a mapping of environment names to {url: ..., protected: ...}, found a list"};
    QTest::newRow("environment without url")
        << QByteArray("environments:\n  prod:\n    protected: true\n")
        << QStringList{"schemadesk.yaml:3:5: missing required key 'url' in environment"};
    QTest::newRow("environment key misspelt")
        << QByteArray("environments:\n  prod: {url: \"sqlite:///p.db\", protect: true}\n")
        << QStringList{"schemadesk.yaml:2:33: unknown key 'protect' in environment (did you mean 'protected'? allowed keys: url, protected)"};
    QTest::newRow("unsupported database url")
        << QByteArray("database: mysql://localhost/app\n")
        << QStringList{"schemadesk.yaml:1:11: unsupported database URL 'mysql://localhost/app': expected sqlite:///FILE or "
                       "postgresql://USER@HOST:PORT/DATABASE"};
    QTest::newRow("two errors")
        << QByteArray("databse: x\nauto_upgrade: 2\n")
        << QStringList{QStringLiteral("schemadesk.yaml:1:1: unknown key 'databse' in project file (did you mean 'database'? allowed keys: %1)").arg(keys),
                       "schemadesk.yaml:2:15: expected true or false for 'auto_upgrade', found '2'"};
}

void tst_ProjectFile::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    const ProjectDir dir(text);
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    QVERIFY2(!project, "the project file was accepted");
    QStringList actual;
    for (Error e : project.error()) {
        QCOMPARE(e.code, Error::Code::InvalidInput);
        QCOMPARE(e.file, dir.path() + "/schemadesk.yaml");
        e.file = QStringLiteral("schemadesk.yaml");
        actual << e.toString();
    }
    QCOMPARE(actual.join(QLatin1Char('\n')), expected.join(QLatin1Char('\n')));
}

void tst_ProjectFile::urlPrecedence_data()
{
    QTest::addColumn<QString>("cliUrl");
    QTest::addColumn<QString>("envName");
    QTest::addColumn<QByteArray>("variable");
    QTest::addColumn<QString>("expected"); // DatabaseUrl::display(), with DIR for the project folder (absolute)
    QTest::newRow("--url wins over everything")
        << "sqlite:///cli.db" << "staging" << QByteArray("sqlite:///variable.db") << "sqlite:///DIR/cli.db";
    QTest::newRow("--env wins over the variable")
        << QString() << "production" << QByteArray("sqlite:///variable.db")
        << "postgresql://deploy@db.example.com:5432/app?sslmode=require";
    QTest::newRow("the variable wins over database")
        << QString() << QString() << QByteArray("postgresql://ci@127.0.0.1:5433/ci") << "postgresql://ci@127.0.0.1:5433/ci";
    QTest::newRow("database comes last")
        << QString() << QString() << QByteArray() << "sqlite:///DIR/app.db";
}

void tst_ProjectFile::urlPrecedence()
{
    QFETCH(QString, cliUrl);
    QFETCH(QString, envName);
    QFETCH(QByteArray, variable);
    QFETCH(QString, expected);
    const ProjectDir dir(projectWithEnvironments);
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    SD_VERIFY_RESULT(project);
    if (!variable.isEmpty())
        qputenv("SCHEMADESK_DATABASE_URL", variable);
    const Result<DatabaseUrl> url = project->resolveDatabaseUrl(cliUrl, envName);
    SD_VERIFY_RESULT(url);
    expected.replace(QStringLiteral("DIR"), project->directory);
    QCOMPARE(url->display(), expected);
}

void tst_ProjectFile::protectedEnvironment_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("envName");
    QTest::addColumn<QString>("expected"); // the protected environment, or empty
    QTest::newRow("by its name") << "postgresql://deploy@db.example.com:5432/app" << "production" << "production";
    QTest::newRow("its URL typed by hand") << "postgresql://deploy@db.example.com:5432/app" << "" << "production";
    QTest::newRow("another user, password and parameters")
        << "postgresql://admin:secret@DB.example.com:5432/app?sslmode=disable&application_name=x" << "" << "production";
    QTest::newRow("its URL under an unprotected name") << "postgresql://deploy@db.example.com:5432/app" << "staging" << "production";
    QTest::newRow("another database on the same server") << "postgresql://deploy@db.example.com:5432/app2" << "" << "";
    QTest::newRow("another port") << "postgresql://deploy@db.example.com:5433/app" << "" << "";
    QTest::newRow("an unprotected environment") << "postgresql://schemadesk@127.0.0.1:5432/demo" << "staging" << "";
    QTest::newRow("its SQLite file, relative") << "sqlite:///live.db" << "" << "live";
    QTest::newRow("its SQLite file, through ..") << "sqlite:///sub/../live.db" << "" << "live";
    QTest::newRow("another SQLite file") << "sqlite:///app.db" << "" << "";
    QTest::newRow("in memory") << "sqlite://:memory:" << "" << "";
}

void tst_ProjectFile::protectedEnvironment()
{
    QFETCH(QString, url);
    QFETCH(QString, envName);
    QFETCH(QString, expected);
    const ProjectDir dir(projectWithEnvironments + "  live:\n    url: sqlite:///live.db\n    protected: true\n");
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    SD_VERIFY_RESULT(project);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url, project->directory);
    SD_VERIFY_RESULT(parsed);
    QCOMPARE(project->protectedEnvironment(*parsed, envName), expected);
}

void tst_ProjectFile::unknownEnvironment_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("envName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("close to a known one")
        << projectWithEnvironments << "prodution"
        << "unknown environment 'prodution' (did you mean 'production'? known environments: production, staging)";
    QTest::newRow("far from every known one")
        << projectWithEnvironments << "qa" << "unknown environment 'qa' (known environments: production, staging)";
    QTest::newRow("no environments at all")
        << QByteArray("database: sqlite:///app.db\n") << "prod" << "unknown environment 'prod': schemadesk.yaml defines no environments";
    QTest::newRow("no database anywhere")
        << QByteArray("schema: config/schema.yaml\n") << QString()
        << "no database given: use --url URL or --env NAME, set SCHEMADESK_DATABASE_URL, or set 'database' in schemadesk.yaml";
}

void tst_ProjectFile::unknownEnvironment()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, envName);
    QFETCH(QString, expected);
    const ProjectDir dir(text);
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    SD_VERIFY_RESULT(project);
    const Result<DatabaseUrl> url = project->resolveDatabaseUrl({}, envName);
    QVERIFY(!url);
    QCOMPARE(url.error().code, Error::Code::Usage);
    QCOMPARE(url.error().toString(), expected);
}

void tst_ProjectFile::sqlitePaths_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("expected"); // DIR stands for the project folder
    QTest::newRow("file in the project") << "sqlite:///app.db" << "DIR/app.db";
    QTest::newRow("file in a subfolder") << "sqlite:///data/app.db" << "DIR/data/app.db";
    QTest::newRow("file next to the project") << "sqlite:///../shared.db" << "PARENT/shared.db";
    QTest::newRow("absolute file") << "sqlite:////var/lib/app.db" << "/var/lib/app.db";
    QTest::newRow("in memory") << "sqlite://:memory:" << ":memory:";
}

void tst_ProjectFile::sqlitePaths()
{
    QFETCH(QString, database);
    QFETCH(QString, expected);
    const ProjectDir dir("database: \"" + database.toUtf8() + "\"\n");
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    SD_VERIFY_RESULT(project);
    const Result<DatabaseUrl> url = project->resolveDatabaseUrl({}, {});
    SD_VERIFY_RESULT(url);
    expected.replace(QStringLiteral("PARENT"), QFileInfo(project->directory).absolutePath());
    expected.replace(QStringLiteral("DIR"), project->directory);
    QCOMPARE(url->path, expected);

    // --url with a relative path is relative to the project too, not to the working directory.
    const Result<DatabaseUrl> cli = project->resolveDatabaseUrl(QStringLiteral("sqlite:///other.db"), {});
    SD_VERIFY_RESULT(cli);
    QCOMPARE(cli->path, project->directory + "/other.db");
}

void tst_ProjectFile::ignoreGlobs_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("ignored");
    QTest::newRow("star matches a suffix") << "tmp_import" << true;
    QTest::newRow("star matches nothing") << "tmp_" << true;
    QTest::newRow("prefix must match") << "my_tmp_import" << false;
    QTest::newRow("exact name") << "spatial_ref_sys" << true;
    QTest::newRow("exact name is anchored") << "spatial_ref_sys_old" << false;
    QTest::newRow("question mark is one character") << "log_2024" << true;
    QTest::newRow("question mark is not two") << "log_20245" << false;
    QTest::newRow("case matters") << "TMP_import" << false;
    QTest::newRow("unrelated table") << "users" << false;
}

void tst_ProjectFile::ignoreGlobs()
{
    QFETCH(QString, table);
    QFETCH(bool, ignored);
    const ProjectDir dir("ignore:\n  - tmp_*\n  - spatial_ref_sys\n  - \"log_202?\"\n");
    const MultiResult<Project> project = ProjectFile::load(dir.path());
    SD_VERIFY_RESULT(project);
    QCOMPARE(project->isIgnored(table), ignored);
}

void tst_ProjectFile::relativeDirectory()
{
    const ProjectDir dir("database: sqlite:///app.db\n");
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const MultiResult<Project> project = ProjectFile::load(QStringLiteral("."));
    const MultiResult<Project> empty = ProjectFile::load(QString());
    QDir::setCurrent(previous);
    SD_VERIFY_RESULT(project);
    SD_VERIFY_RESULT(empty);
    const QString absolute = QDir::cleanPath(QFileInfo(dir.path()).absoluteFilePath());
    QCOMPARE(project->directory, absolute);
    QCOMPARE(empty->directory, absolute);
    QCOMPARE(project->schemaPath, absolute + "/config/schema.yaml");
}

QTEST_GUILESS_MAIN(tst_ProjectFile)
#include "tst_projectfile.moc"
