#include "ProjectInitializer.h"

#include "config/ProjectFile.h"
#include "db/DatabaseUrl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProjectInitializer)
};

const char projectTemplate[] = R"(# SchemaDesk project file (schemadesk.yaml).
schema: config/schema.yaml
migrations: migrations
database: %1
auto_upgrade: true
# environments:
#   production:
#     url: postgresql://deploy@db.example.com:5432/app?sslmode=require
#     protected: true
# ignore: ["tmp_*"]
# lock_timeout: 5s
)";

const char schemaTemplate[] = R"(# The schema configuration: the source of truth for the database.
# Describe the tables here, then run `schemadesk-cli revision --autogenerate -m "..."`.
#
# tables:
#   - name: users
#     columns:
#       - {name: id, type: bigint, primary_key: true, autoincrement: true}
#       - {name: email, type: varchar(255), nullable: false}
#     indexes:
#       - {name: ix_users_email, columns: [email], unique: true}
tables: []
)";

Result<void> writeNew(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return std::unexpected(Error::io(Tr::tr("cannot write the file: %1").arg(file.errorString()), path));
    return {};
}

} // namespace

Result<QStringList> ProjectInitializer::create(const QString &directory, const QString &databaseUrl)
{
    QDir dir(directory);
    const QString projectPath = dir.absoluteFilePath(ProjectFile::fileName());
    const QString schemaPath = dir.absoluteFilePath(QStringLiteral("config/schema.yaml"));
    for (const QString &existing : {projectPath, schemaPath}) {
        if (QFile::exists(existing))
            return std::unexpected(Error::usage(Tr::tr("%1 already exists; init never overwrites a project").arg(existing)));
    }
    const QString url = databaseUrl.isEmpty() ? QStringLiteral("sqlite:///app.db") : databaseUrl;
    auto parsed = DatabaseUrl::parse(url, dir.absolutePath());
    if (!parsed)
        return std::unexpected(parsed.error());
    if (!parsed->password.isEmpty())
        return std::unexpected(Error::usage(Tr::tr("the database URL holds a password, and passwords never live in the project file: "
                                                   "give the URL without it and use PGPASSWORD or ~/.pgpass")));
    if (!dir.mkpath(QStringLiteral("config")) || !dir.mkpath(QStringLiteral("migrations")))
        return std::unexpected(Error::io(Tr::tr("cannot create the project folders"), dir.absolutePath()));

    QString quoted = url;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    if (auto ok = writeNew(projectPath, QString::fromUtf8(projectTemplate).arg(QLatin1Char('"') + quoted + QLatin1Char('"')).toUtf8()); !ok)
        return std::unexpected(ok.error());
    if (auto ok = writeNew(schemaPath, QByteArray(schemaTemplate)); !ok)
        return std::unexpected(ok.error());
    // Keeps the empty folder in version control.
    if (auto ok = writeNew(dir.absoluteFilePath(QStringLiteral("migrations/.gitkeep")), {}); !ok)
        return std::unexpected(ok.error());
    return QStringList{projectPath, schemaPath, dir.absoluteFilePath(QStringLiteral("migrations"))};
}

} // namespace sd
