#include "RevisionAuthor.h"

#include "ProjectComparison.h"
#include "autogen/Autogenerator.h"
#include "db/Connection.h"
#include "migration/MigrationReader.h"
#include "migration/MigrationWriter.h"
#include "revision/RevisionGraph.h"
#include "runtime/VersionTable.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionAuthor)
};

} // namespace

RevisionAuthor::RevisionAuthor(const Project &project, const RevisionGraph &graph)
    : m_project(project)
    , m_graph(graph)
{
}

Result<NewRevision> RevisionAuthor::write(const QString &message, const QStringList &parents, const Operations &upgrade,
                                          const Operations &downgrade, const QStringList &warnings)
{
    if (message.trimmed().isEmpty())
        return std::unexpected(Error::usage(Tr::tr("a revision needs a message (-m MESSAGE)")));
    Migration m;
    do {
        m.revision = MigrationWriter::newRevisionId();
    } while (m_graph.contains(m.revision));
    m.downRevisions = parents;
    m.message = message.trimmed();
    m.created = QDateTime::currentDateTimeUtc();
    m.created.setTime(QTime(m.created.time().hour(), m.created.time().minute(), m.created.time().second()));
    m.upgrade = upgrade;
    m.downgrade = downgrade;

    if (!QDir().mkpath(m_project.migrationsPath))
        return std::unexpected(Error::io(Tr::tr("cannot create the migrations folder"), m_project.migrationsPath));
    const QString path = QDir(m_project.migrationsPath).absoluteFilePath(MigrationWriter::fileName(m.revision, m.message));
    if (QFile::exists(path))
        return std::unexpected(Error::io(Tr::tr("the file already exists"), path));
    if (auto written = MigrationWriter::writeFile(m, path); !written)
        return std::unexpected(written.error());
    auto back = MigrationReader::readFile(path, QDir(m_project.directory).relativeFilePath(path));
    if (!back) {
        // Never leave a file behind that the graph would refuse.
        QFile::remove(path);
        return std::unexpected(Error::input(Tr::tr("internal error: the written migration does not read back: %1").arg(joinErrors(back.error())),
                                            path));
    }
    return NewRevision{*back, path, warnings};
}

Result<NewRevision> RevisionAuthor::create(const QString &message, const Operations &upgrade, const Operations &downgrade,
                                           const QStringList &warnings)
{
    const QStringList heads = m_graph.heads();
    if (heads.size() > 1)
        return std::unexpected(Error::usage(Tr::tr("the revision graph has %1 heads (%2): join them first with 'merge'")
                                                .arg(heads.size())
                                                .arg(heads.join(QStringLiteral(", ")))));
    return write(message, heads, upgrade, downgrade, warnings);
}

Result<NewRevision> RevisionAuthor::merge(const QString &message, const QStringList &revisions)
{
    QStringList parents;
    if (revisions.isEmpty()) {
        parents = m_graph.heads();
    } else {
        for (const QString &given : revisions) {
            const QStringList matches = m_graph.withPrefix(given);
            if (matches.isEmpty())
                return std::unexpected(Error::usage(Tr::tr("no revision matches '%1'").arg(given)));
            if (matches.size() > 1)
                return std::unexpected(Error::usage(Tr::tr("'%1' is ambiguous: %2").arg(given, matches.join(QStringLiteral(", ")))));
            if (!parents.contains(matches.first()))
                parents << matches.first();
        }
    }
    if (parents.size() < 2)
        return std::unexpected(Error::usage(Tr::tr("nothing to merge: a merge needs at least two revisions, found %1")
                                                .arg(parents.isEmpty() ? Tr::tr("none") : parents.join(QStringLiteral(", ")))));
    for (const QString &a : parents) {
        for (const QString &b : parents) {
            if (m_graph.isAncestor(a, b))
                return std::unexpected(Error::usage(Tr::tr("%1 is an ancestor of %2: merging them would join a revision with itself").arg(a, b)));
        }
    }
    return write(message, parents, {}, {}, {});
}

MultiResult<GeneratedOperations> RevisionAuthor::generate(const Connection &connection)
{
    auto current = VersionTable::currentRevisions(connection, m_project.postgresSchema);
    if (!current)
        return std::unexpected(Errors{current.error()});
    QStringList heads = m_graph.heads();
    QStringList at = *current;
    heads.sort();
    at.sort();
    if (heads != at)
        return std::unexpected(Errors{Error::usage(Tr::tr("the database is not at head (it is at %1, the head is %2): "
                                                          "run 'upgrade' first, so the migration starts where the others end")
                                                       .arg(VersionTable::describe(at), VersionTable::describe(heads)))});
    auto comparison = ProjectComparison::run(m_project, connection);
    if (!comparison)
        return std::unexpected(comparison.error());
    const AutogenerateResult generated =
        Autogenerator::generate(comparison->differences, comparison->configured, comparison->live, connection.dialect());
    return GeneratedOperations{generated.upgrade, generated.downgrade, generated.warnings};
}

MultiResult<NewRevision> RevisionAuthor::autogenerate(const Connection &connection, const QString &message)
{
    auto generated = generate(connection);
    if (!generated)
        return std::unexpected(generated.error());
    auto created = create(message, generated->upgrade, generated->downgrade, generated->warnings);
    if (!created)
        return std::unexpected(Errors{created.error()});
    return *created;
}

} // namespace sd
