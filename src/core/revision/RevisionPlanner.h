#pragma once
// Where `upgrade`, `downgrade` and `stamp` go, and the revisions they run,
// computed on a RevisionGraph from the database's version table (`current`:
// the rows of schemadesk_version, one per applied head, as in Alembic's
// alembic_version).
//
// Semantics, kept correct for branches and merges:
// - The applied revisions are the current heads and all their ancestors.
// - A target is a state: the version-table rows it stands for.
//     head     the single head of the graph (several heads: an error that
//              names them and suggests `heads` or `merge`); none if empty
//     heads    every head
//     base     no revision
//     ID       a full revision id or a unique prefix of one (an ambiguous
//              prefix lists the matches; an unknown one suggests the nearest)
//     +N       N steps up from current: each step goes to the one child of
//              the current heads (the one base at base); a fork is an error
//     -N       N steps down from a single current head: each step rolls that
//              head back (its parents become the heads; at a merge, -N
//              stops being unique and further steps are an error)
// - Upgrading to a target applies every revision the target needs (its
//   closure) that is not applied, parents before children, each merge after
//   all its parents. Other applied branches stay. A target already applied
//   gives an empty path.
// - Downgrading to a target rolls back every applied revision that is not
//   the target or one of its ancestors, children before parents; so
//   downgrading to X on one branch also rolls back other branches not below
//   X. The target must be applied.
// - The version table after each step: applying R removes R's parents from
//   the rows and adds R (a merge turns several rows into one); rolling R
//   back removes R and adds each parent that no other applied revision
//   stands on (a merge gives its parents back their rows).

#include "RevisionGraph.h"

namespace sd {

// One revision to apply or roll back, with the version-table rows around it.
struct RevisionStep
{
    QString revision;
    QStringList headsBefore;
    QStringList headsAfter;
    bool operator==(const RevisionStep &) const = default;
};

struct RevisionPath
{
    QStringList headsBefore; // the current rows, normalised
    QStringList headsAfter;  // the rows at the target
    QList<RevisionStep> steps;

    bool isEmpty() const { return steps.isEmpty(); }
    QStringList revisions() const;
};

class RevisionPlanner
{
public:
    explicit RevisionPlanner(const RevisionGraph &graph);

    // The version-table rows a target stands for (see above), relative to
    // `current` for +N and -N. Errors are of code Usage, except current
    // revisions unknown to the graph (InvalidInput).
    Result<QStringList> resolve(const QString &target, const QStringList &current) const;

    // `upgrade TARGET` / `downgrade TARGET`: resolve, then the path. A
    // downgrade-only target (-N) given to upgrade, or an upgrade-only one
    // (head, heads, +N) given to downgrade, is a usage error.
    Result<RevisionPath> upgrade(const QString &target, const QStringList &current) const;
    Result<RevisionPath> downgrade(const QString &target, const QStringList &current) const;

    // The paths between two states given as version-table rows.
    Result<RevisionPath> upgradePath(const QStringList &current, const QStringList &target) const;
    Result<RevisionPath> downgradePath(const QStringList &current, const QStringList &target) const;

    // The revisions not applied at `current`, parents first (`pending`).
    Result<QStringList> pending(const QStringList &current) const;

    // `current` checked against the graph and reduced to its maximal members
    // (a row that is an ancestor of another is redundant).
    Result<QStringList> normalize(const QStringList &current) const;

    // The rows after applying / rolling back `revision` at rows `heads`.
    QStringList headsAfterUpgrade(const QStringList &heads, const QString &revision) const;
    QStringList headsAfterDowngrade(const QStringList &heads, const QString &revision) const;

private:
    Result<QStringList> resolveRevision(const QString &text) const;
    Result<QStringList> stepUp(const QStringList &heads, int steps, const QString &target) const;
    Result<QStringList> stepDown(const QStringList &heads, int steps, const QString &target) const;
    QString describe(const QString &id) const; // "4c1f0e9a2b7d (add users)"
    QString describeAll(const QStringList &ids) const;

    const RevisionGraph &m_graph;
};

} // namespace sd
