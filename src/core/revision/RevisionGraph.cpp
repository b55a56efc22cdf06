#include "RevisionGraph.h"

#include "config/Suggest.h"

#include <QCoreApplication>

#include <limits>
#include <set>
#include <utility>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionGraph)
};

using SortKey = std::pair<qint64, QString>; // (created, id)

SortKey sortKey(const Migration &m)
{
    return {m.created.isValid() ? m.created.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(), m.revision};
}

} // namespace

std::expected<RevisionGraph, RevisionGraphErrors> RevisionGraph::build(const Migrations &migrations)
{
    QList<MigrationSource> sources;
    sources.reserve(migrations.size());
    for (const Migration &m : migrations)
        sources.append(MigrationSource{m, {}, {}});
    return build(sources);
}

std::expected<RevisionGraph, RevisionGraphErrors> RevisionGraph::build(const QList<MigrationSource> &sources,
                                                                       const QStringList &displayPaths)
{
    RevisionGraphErrors errors;
    QHash<QString, const MigrationSource *> byId;
    QHash<QString, QString> files;
    QList<const MigrationSource *> kept;

    for (qsizetype i = 0; i < sources.size(); ++i) {
        const MigrationSource &source = sources.at(i);
        const Migration &m = source.migration;
        QString file = i < displayPaths.size() ? displayPaths.at(i) : QString();
        if (file.isEmpty())
            file = m.filePath.isEmpty() ? m.revision : m.filePath;
        if (byId.contains(m.revision)) {
            const QString firstFile = files.value(m.revision);
            errors.append({RevisionGraphError::Kind::DuplicateRevision, {m.revision}, {firstFile, file},
                           Error::input(Tr::tr("duplicate revision %1: %2 has it too; give one of them a new id")
                                            .arg(m.revision, firstFile),
                                        file, source.revision.line, source.revision.column)});
            continue;
        }
        byId.insert(m.revision, &source);
        files.insert(m.revision, file);
        kept.append(&source);
    }

    const QStringList ids = byId.keys();
    for (const MigrationSource *source : std::as_const(kept)) {
        const Migration &m = source->migration;
        for (qsizetype j = 0; j < m.downRevisions.size(); ++j) {
            const QString &parent = m.downRevisions.at(j);
            if (byId.contains(parent))
                continue;
            const MigrationSource::Position where = j < source->downRevisions.size() ? source->downRevisions.at(j)
                                                                                        : MigrationSource::Position{};
            const QString suggestion = closestMatch(parent, ids);
            const QString message = suggestion.isEmpty()
                                        ? Tr::tr("down_revision %1 names no migration file").arg(parent)
                                        : Tr::tr("down_revision %1 names no migration file (did you mean %2?)").arg(parent, suggestion);
            errors.append({RevisionGraphError::Kind::MissingDownRevision, {m.revision, parent}, {files.value(m.revision)},
                           Error::input(message, files.value(m.revision), where.line, where.column)});
        }
    }

    // Kahn's algorithm; the ready revisions in (created, id) order.
    QHash<QString, int> waiting; // id -> parents not yet placed
    QHash<QString, QStringList> children;
    std::set<SortKey> ready;
    for (const MigrationSource *source : std::as_const(kept)) {
        const Migration &m = source->migration;
        int known = 0;
        for (const QString &parent : m.downRevisions) {
            if (byId.contains(parent)) {
                ++known;
                children[parent].append(m.revision);
            }
        }
        waiting.insert(m.revision, known);
        if (known == 0)
            ready.insert(sortKey(m));
    }
    RevisionGraph graph;
    while (!ready.empty()) {
        const QString id = ready.begin()->second;
        ready.erase(ready.begin());
        graph.m_index.insert(id, graph.m_revisions.size());
        graph.m_revisions.append(byId.value(id)->migration);
        for (const QString &child : children.value(id)) {
            if (--waiting[child] == 0)
                ready.insert(sortKey(byId.value(child)->migration));
        }
    }

    if (graph.m_revisions.size() < kept.size()) {
        // What is left lies on a cycle or above one: walk down from each
        // until a revision repeats, and report each cycle once.
        QSet<QString> reported;
        for (const MigrationSource *source : std::as_const(kept)) {
            QString id = source->migration.revision;
            if (graph.m_index.contains(id) || reported.contains(id))
                continue;
            QStringList walk;
            while (!walk.contains(id) && !reported.contains(id)) {
                walk.append(id);
                QString next;
                for (const QString &parent : byId.value(id)->migration.downRevisions) {
                    if (byId.contains(parent) && !graph.m_index.contains(parent)) {
                        next = parent;
                        break;
                    }
                }
                id = next;
            }
            for (const QString &w : std::as_const(walk))
                reported.insert(w);
            if (!walk.contains(id))
                continue; // ran into a cycle reported before
            QStringList cycle = walk.mid(walk.indexOf(id));
            QStringList cycleFiles;
            for (const QString &c : std::as_const(cycle))
                cycleFiles << files.value(c);
            QStringList shown = cycle;
            shown << cycle.constFirst();
            const MigrationSource *first = byId.value(cycle.constFirst());
            const MigrationSource::Position where = first->downRevisions.isEmpty() ? first->revision
                                                                                   : first->downRevisions.constFirst();
            errors.append({RevisionGraphError::Kind::Cycle, cycle, cycleFiles,
                           Error::input(Tr::tr("cycle in the revision graph: %1 (each names the next as its down_revision; files: %2)")
                                            .arg(shown.join(QStringLiteral(" -> ")), cycleFiles.join(QStringLiteral(", "))),
                                        files.value(cycle.constFirst()), where.line, where.column)});
        }
    }

    if (!errors.isEmpty())
        return std::unexpected(errors);

    for (const Migration &m : std::as_const(graph.m_revisions)) {
        for (const QString &parent : m.downRevisions)
            graph.m_children[parent].append(m.revision);
        graph.m_displayPaths.insert(m.revision, files.value(m.revision));
    }
    return graph;
}

const Migration *RevisionGraph::revision(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_revisions.at(*it);
}

QStringList RevisionGraph::heads() const
{
    QStringList out;
    for (const Migration &m : m_revisions) {
        if (!m_children.contains(m.revision))
            out << m.revision;
    }
    return out;
}

QStringList RevisionGraph::bases() const
{
    QStringList out;
    for (const Migration &m : m_revisions) {
        if (m.downRevisions.isEmpty())
            out << m.revision;
    }
    return out;
}

QStringList RevisionGraph::parents(const QString &id) const
{
    const Migration *m = revision(id);
    return m ? m->downRevisions : QStringList();
}

QStringList RevisionGraph::withPrefix(const QString &prefix) const
{
    QStringList out;
    for (const Migration &m : m_revisions) {
        if (m.revision.startsWith(prefix))
            out << m.revision;
    }
    return out;
}

QSet<QString> RevisionGraph::closure(const QStringList &heads) const
{
    QSet<QString> seen;
    QStringList stack;
    for (const QString &h : heads) {
        if (contains(h))
            stack << h;
    }
    while (!stack.isEmpty()) {
        const QString id = stack.takeLast();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        for (const QString &parent : parents(id))
            stack << parent;
    }
    return seen;
}

bool RevisionGraph::isAncestor(const QString &ancestor, const QString &descendant) const
{
    if (ancestor == descendant || !contains(ancestor))
        return false;
    return closure({descendant}).contains(ancestor);
}

QStringList RevisionGraph::ordered(const QSet<QString> &ids) const
{
    QList<qsizetype> positions;
    for (const QString &id : ids) {
        const auto it = m_index.constFind(id);
        if (it != m_index.cend())
            positions << *it;
    }
    std::sort(positions.begin(), positions.end());
    QStringList out;
    for (const qsizetype p : std::as_const(positions))
        out << m_revisions.at(p).revision;
    return out;
}

QStringList RevisionGraph::maximal(const QSet<QString> &ids) const
{
    // A member is maximal when no member has it as a strict ancestor.
    QSet<QString> covered;
    for (const QString &id : ids) {
        QSet<QString> ancestors = closure(parents(id));
        covered.unite(ancestors);
    }
    QSet<QString> result;
    for (const QString &id : ids) {
        if (!covered.contains(id) && contains(id))
            result.insert(id);
    }
    return ordered(result);
}

} // namespace sd
