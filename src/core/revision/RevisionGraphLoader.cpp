#include "RevisionGraphLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionGraphLoader)
};

} // namespace

QStringList RevisionGraphLoader::migrationFiles(const QString &directory)
{
    QDir dir(directory);
    return dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot,
                         QDir::Name);
}

std::expected<RevisionGraph, RevisionGraphErrors> RevisionGraphLoader::load(const QString &directory,
                                                                            const QString &displayDirectory)
{
    const QString shownDirectory = displayDirectory.isEmpty() ? directory : displayDirectory;
    const QDir dir(directory);
    RevisionGraphErrors errors;
    QList<MigrationSource> sources;
    QStringList displayPaths;
    QSet<QString> brokenRevisions; // of migrations with errors, left out of the graph

    for (const QString &name : migrationFiles(directory)) {
        const QString path = dir.filePath(name);
        const QString shown = QDir(shownDirectory).filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            errors.append({RevisionGraphError::Kind::Unreadable, {}, {shown},
                           Error::io(Tr::tr("cannot read the migration: %1").arg(file.errorString()), shown)});
            continue;
        }
        const QByteArray bytes = file.readAll();
        MultiResult<MigrationSource> source = MigrationReader::readSource(bytes, shown);
        if (!source) {
            const std::optional<QString> declared = MigrationReader::declaredRevision(bytes);
            if (!declared) {
                errors.append({RevisionGraphError::Kind::NotAMigration, {}, {shown},
                               Error::input(Tr::tr("not a migration file (it has no 'revision' key); "
                                                   "move it out of the migrations folder"),
                                            shown)});
                continue;
            }
            brokenRevisions.insert(*declared);
            for (const Error &e : source.error())
                errors.append({RevisionGraphError::Kind::InvalidMigration, {}, {shown}, e});
            continue;
        }
        source->migration.filePath = QFileInfo(path).absoluteFilePath();
        sources.append(std::move(*source));
        displayPaths.append(shown);
    }

    std::expected<RevisionGraph, RevisionGraphErrors> graph = RevisionGraph::build(sources, displayPaths);
    if (!graph) {
        for (const RevisionGraphError &e : graph.error()) {
            // A down_revision naming a file reported above is no news.
            const bool known = e.kind == RevisionGraphError::Kind::MissingDownRevision && e.revisions.size() > 1
                               && brokenRevisions.contains(e.revisions.at(1));
            if (!known)
                errors.append(e);
        }
    }
    if (!errors.isEmpty())
        return std::unexpected(errors);
    return graph;
}

} // namespace sd
