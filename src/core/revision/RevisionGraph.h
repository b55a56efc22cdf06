#pragma once
// The revision graph: a pure value built from parsed migrations, each
// revision pointing at its down_revisions (parents). Building it checks what
// makes a folder unusable (duplicate ids, a down_revision naming no file, a
// cycle) and reports each as a RevisionGraphError naming the files. Several
// heads (revisions without children) are a state, not an error: `heads`
// lists them, `merge` joins them. RevisionPlanner turns targets into paths;
// HistoryLayout draws the graph.
//
// "Applied" below: with the version table holding `heads`, the applied
// revisions are those heads and all their ancestors (closure()).

#include "RevisionGraphError.h"
#include "migration/MigrationReader.h"

#include <QHash>
#include <QSet>

#include <expected>

namespace sd {

class RevisionGraph
{
public:
    RevisionGraph() = default; // no revisions

    // `displayPaths[i]` names the file of `sources[i]` in errors; missing
    // or empty: the migration's filePath, else its revision.
    static std::expected<RevisionGraph, RevisionGraphErrors> build(const QList<MigrationSource> &sources,
                                                                   const QStringList &displayPaths = {});
    static std::expected<RevisionGraph, RevisionGraphErrors> build(const Migrations &migrations);

    bool isEmpty() const { return m_revisions.isEmpty(); }
    qsizetype size() const { return m_revisions.size(); }
    // Every revision, parents before children (each merge after all its
    // parents); ties go to the older `created`, then the smaller id.
    const Migrations &revisions() const { return m_revisions; }
    const Migration *revision(const QString &id) const;
    bool contains(const QString &id) const { return m_index.contains(id); }
    // The file name errors and listings show for `id`.
    QString displayPath(const QString &id) const { return m_displayPaths.value(id); }

    // Revisions without children / without parents, in topological order.
    QStringList heads() const;
    QStringList bases() const;
    QStringList parents(const QString &id) const;
    QStringList children(const QString &id) const { return m_children.value(id); }
    // The revisions whose id starts with `prefix`, in topological order.
    QStringList withPrefix(const QString &prefix) const;

    // `heads` and every ancestor of them: what is applied when the version
    // table holds `heads`. Unknown ids are ignored.
    QSet<QString> closure(const QStringList &heads) const;
    bool isAncestor(const QString &ancestor, const QString &descendant) const; // false for equal ids
    // The members of `ids` that are no ancestor of another member, in
    // topological order: what the version table holds for that state.
    QStringList maximal(const QSet<QString> &ids) const;
    // `ids` in topological order (parents first).
    QStringList ordered(const QSet<QString> &ids) const;

private:
    Migrations m_revisions;                 // topological order
    QHash<QString, qsizetype> m_index;      // id -> position in m_revisions
    QHash<QString, QStringList> m_children; // id -> children, in topological order
    QHash<QString, QString> m_displayPaths;
};

} // namespace sd
