#include "RevisionPlanner.h"

#include "config/Suggest.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RevisionPlanner)
};

const QString &targetHelp()
{
    static const QString help = QCoreApplication::translate(
        "RevisionPlanner", "targets: head, heads, base, +N, -N, a revision or a unique prefix of one");
    return help;
}

// "+3" -> 3, "-1" -> -1; std::nullopt for anything else.
std::optional<int> relative(const QString &target)
{
    static const QRegularExpression pattern(QStringLiteral("^([+-])(\\d{1,6})$"));
    const QRegularExpressionMatch match = pattern.match(target);
    if (!match.hasMatch())
        return std::nullopt;
    const int n = match.captured(2).toInt();
    return match.captured(1) == QLatin1String("-") ? -n : n;
}

} // namespace

QStringList RevisionPath::revisions() const
{
    QStringList out;
    for (const RevisionStep &step : steps)
        out << step.revision;
    return out;
}

RevisionPlanner::RevisionPlanner(const RevisionGraph &graph)
    : m_graph(graph)
{
}

QString RevisionPlanner::describe(const QString &id) const
{
    const Migration *m = m_graph.revision(id);
    if (!m || m->message.isEmpty())
        return id;
    return QStringLiteral("%1 (%2)").arg(id, m->message);
}

QString RevisionPlanner::describeAll(const QStringList &ids) const
{
    QStringList parts;
    for (const QString &id : ids)
        parts << describe(id);
    return parts.join(QStringLiteral(", "));
}

Result<QStringList> RevisionPlanner::normalize(const QStringList &current) const
{
    QSet<QString> known;
    for (const QString &id : current) {
        if (!m_graph.contains(id)) {
            return std::unexpected(Error::input(
                Tr::tr("the database is at revision %1, which no migration file has (a file deleted, or another branch's "
                       "migrations?)")
                    .arg(id)));
        }
        known.insert(id);
    }
    return m_graph.maximal(known);
}

Result<QStringList> RevisionPlanner::resolveRevision(const QString &text) const
{
    const QStringList matches = m_graph.withPrefix(text);
    if (matches.size() == 1 && !text.isEmpty())
        return matches;
    if (matches.size() > 1 && !text.isEmpty()) {
        if (matches.contains(text))
            return QStringList{text};
        return std::unexpected(Error::usage(Tr::tr("revision prefix '%1' is ambiguous: it matches %2")
                                                .arg(text, describeAll(matches))));
    }
    // Nothing starts with it: the nearest keyword, or the nearest revision
    // compared on as many digits as were typed.
    QStringList candidates{QStringLiteral("head"), QStringLiteral("heads"), QStringLiteral("base")};
    QHash<QString, QString> byPrefix;
    for (const Migration &m : m_graph.revisions()) {
        const QString cut = m.revision.left(text.size());
        if (!byPrefix.contains(cut)) {
            byPrefix.insert(cut, m.revision);
            candidates << cut;
        }
    }
    const QString suggestion = closestMatch(text, candidates);
    if (!suggestion.isEmpty()) {
        const QString shown = byPrefix.contains(suggestion) ? describe(byPrefix.value(suggestion)) : suggestion;
        return std::unexpected(Error::usage(Tr::tr("unknown revision '%1' (did you mean %2? %3)").arg(text, shown, targetHelp())));
    }
    return std::unexpected(Error::usage(Tr::tr("unknown revision '%1' (%2)").arg(text, targetHelp())));
}

Result<QStringList> RevisionPlanner::resolve(const QString &target, const QStringList &current) const
{
    const QString text = target.trimmed();
    if (text == QLatin1String("base"))
        return QStringList();
    if (text == QLatin1String("heads"))
        return m_graph.heads();
    if (text == QLatin1String("head")) {
        const QStringList heads = m_graph.heads();
        if (heads.size() > 1) {
            return std::unexpected(Error::usage(
                Tr::tr("the revision graph has %1 heads: %2; name one of them, upgrade to 'heads' to apply every branch, "
                       "or join them with 'merge'")
                    .arg(heads.size())
                    .arg(describeAll(heads))));
        }
        return heads;
    }
    if (const std::optional<int> n = relative(text)) {
        if (*n == 0)
            return std::unexpected(Error::usage(Tr::tr("'%1' moves nowhere: give +N or -N with N at least 1").arg(text)));
        const Result<QStringList> heads = normalize(current);
        if (!heads)
            return heads;
        return *n > 0 ? stepUp(*heads, *n, text) : stepDown(*heads, -*n, text);
    }
    return resolveRevision(text);
}

Result<QStringList> RevisionPlanner::stepUp(const QStringList &start, int steps, const QString &target) const
{
    QStringList heads = start;
    QSet<QString> applied = m_graph.closure(heads);
    for (int i = 0; i < steps; ++i) {
        QStringList next;
        if (heads.isEmpty()) {
            next = m_graph.bases();
        } else {
            for (const QString &h : std::as_const(heads)) {
                for (const QString &child : m_graph.children(h)) {
                    if (!next.contains(child))
                        next << child;
                }
            }
        }
        if (next.isEmpty()) {
            return std::unexpected(Error::usage(Tr::tr("%1 goes beyond the last revision: only %n step(s) up from here", nullptr, i)
                                                    .arg(target)));
        }
        if (next.size() > 1) {
            return std::unexpected(Error::usage(Tr::tr("%1 is ambiguous: the graph forks here into %2; name the revision")
                                                    .arg(target, describeAll(next))));
        }
        applied.unite(m_graph.closure(next));
        heads = m_graph.maximal(applied);
    }
    return heads;
}

Result<QStringList> RevisionPlanner::stepDown(const QStringList &start, int steps, const QString &target) const
{
    QStringList heads = start;
    for (int i = 0; i < steps; ++i) {
        if (heads.isEmpty()) {
            return std::unexpected(Error::usage(Tr::tr("%1 goes below base: only %n revision(s) can be rolled back from here", nullptr, i)
                                                    .arg(target)));
        }
        if (heads.size() > 1) {
            return std::unexpected(Error::usage(
                Tr::tr("%1 is ambiguous: %2 heads are applied (%3); name the revision to go down to, or base")
                    .arg(target)
                    .arg(heads.size())
                    .arg(describeAll(heads))));
        }
        heads = headsAfterDowngrade(heads, heads.constFirst());
    }
    return heads;
}

QStringList RevisionPlanner::headsAfterUpgrade(const QStringList &heads, const QString &revision) const
{
    QSet<QString> rows(heads.cbegin(), heads.cend());
    for (const QString &parent : m_graph.parents(revision))
        rows.remove(parent);
    rows.insert(revision);
    return m_graph.ordered(rows);
}

QStringList RevisionPlanner::headsAfterDowngrade(const QStringList &heads, const QString &revision) const
{
    QSet<QString> rows(heads.cbegin(), heads.cend());
    rows.remove(revision);
    // A parent gets its row back unless another applied revision stands on it.
    const QSet<QString> stillApplied = m_graph.closure(QStringList(rows.cbegin(), rows.cend()));
    for (const QString &parent : m_graph.parents(revision)) {
        if (!stillApplied.contains(parent))
            rows.insert(parent);
    }
    return m_graph.ordered(rows);
}

Result<RevisionPath> RevisionPlanner::upgradePath(const QStringList &current, const QStringList &target) const
{
    const Result<QStringList> heads = normalize(current);
    if (!heads)
        return std::unexpected(heads.error());
    const QSet<QString> applied = m_graph.closure(*heads);
    const QSet<QString> wanted = m_graph.closure(target);

    RevisionPath path;
    path.headsBefore = *heads;
    QStringList rows = *heads;
    for (const QString &id : m_graph.ordered(wanted - applied)) {
        RevisionStep step{id, rows, headsAfterUpgrade(rows, id)};
        rows = step.headsAfter;
        path.steps.append(step);
    }
    path.headsAfter = rows;
    return path;
}

Result<RevisionPath> RevisionPlanner::downgradePath(const QStringList &current, const QStringList &target) const
{
    const Result<QStringList> heads = normalize(current);
    if (!heads)
        return std::unexpected(heads.error());
    const QSet<QString> applied = m_graph.closure(*heads);
    for (const QString &id : target) {
        if (!applied.contains(id)) {
            return std::unexpected(Error::usage(Tr::tr("revision %1 is not applied (the database is at %2): "
                                                       "a downgrade cannot reach it; use upgrade")
                                                    .arg(describe(id),
                                                         heads->isEmpty() ? Tr::tr("base") : describeAll(*heads))));
        }
    }
    const QSet<QString> kept = m_graph.closure(target);
    QStringList remove = m_graph.ordered(applied - kept);
    std::reverse(remove.begin(), remove.end());

    RevisionPath path;
    path.headsBefore = *heads;
    QStringList rows = *heads;
    for (const QString &id : std::as_const(remove)) {
        RevisionStep step{id, rows, headsAfterDowngrade(rows, id)};
        rows = step.headsAfter;
        path.steps.append(step);
    }
    path.headsAfter = rows;
    return path;
}

Result<RevisionPath> RevisionPlanner::upgrade(const QString &target, const QStringList &current) const
{
    if (const std::optional<int> n = relative(target.trimmed()); n && *n < 0) {
        return std::unexpected(Error::usage(Tr::tr("%1 goes down: use downgrade %1").arg(target.trimmed())));
    }
    const Result<QStringList> resolved = resolve(target, current);
    if (!resolved)
        return std::unexpected(resolved.error());
    return upgradePath(current, *resolved);
}

Result<RevisionPath> RevisionPlanner::downgrade(const QString &target, const QStringList &current) const
{
    const QString text = target.trimmed();
    const std::optional<int> n = relative(text);
    if (text == QLatin1String("head") || text == QLatin1String("heads") || (n && *n > 0)) {
        return std::unexpected(Error::usage(
            Tr::tr("'%1' is an upgrade target; downgrade takes base, -N or a revision").arg(text)));
    }
    const Result<QStringList> resolved = resolve(target, current);
    if (!resolved)
        return std::unexpected(resolved.error());
    return downgradePath(current, *resolved);
}

Result<QStringList> RevisionPlanner::pending(const QStringList &current) const
{
    const Result<QStringList> heads = normalize(current);
    if (!heads)
        return heads;
    const QSet<QString> applied = m_graph.closure(*heads);
    QSet<QString> all;
    for (const Migration &m : m_graph.revisions())
        all.insert(m.revision);
    return m_graph.ordered(all - applied);
}

} // namespace sd
