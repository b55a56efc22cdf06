#include "HistoryLayout.h"

#include <algorithm>

namespace sd {

namespace {

// The first free lane, else a new one.
int takeLane(QStringList &lanes)
{
    const qsizetype free = lanes.indexOf(QString());
    if (free >= 0)
        return int(free);
    lanes.append(QString());
    return int(lanes.size() - 1);
}

} // namespace

QList<HistoryRow> HistoryLayout::rows(const RevisionGraph &graph)
{
    QList<HistoryRow> out;
    QStringList lanes; // per lane: the revision its line is going down to; empty when free
    const Migrations &revisions = graph.revisions();
    for (auto it = revisions.crbegin(); it != revisions.crend(); ++it) {
        const Migration &m = *it;
        HistoryRow row;
        row.revision = m.revision;
        row.isBase = m.downRevisions.isEmpty();
        row.isMerge = m.downRevisions.size() > 1;
        const QStringList children = graph.children(m.revision);
        row.isHead = children.isEmpty();
        row.isBranchPoint = children.size() > 1;

        QList<int> waiting;
        for (qsizetype i = 0; i < lanes.size(); ++i) {
            if (lanes.at(i) == m.revision)
                waiting << int(i);
        }
        row.lane = waiting.isEmpty() ? takeLane(lanes) : waiting.takeFirst();
        row.joiningLanes = waiting;
        for (const int j : std::as_const(waiting))
            lanes[j].clear();
        for (qsizetype i = 0; i < lanes.size(); ++i) {
            if (!lanes.at(i).isEmpty() && i != row.lane)
                row.passingLanes << int(i);
        }

        int widest = row.lane;
        for (const int j : std::as_const(row.joiningLanes))
            widest = std::max(widest, j);
        lanes[row.lane].clear();
        for (qsizetype p = 0; p < m.downRevisions.size(); ++p) {
            const QString &parent = m.downRevisions.at(p);
            int lane = -1;
            if (p == 0) {
                lane = row.lane;
            } else {
                const qsizetype existing = lanes.indexOf(parent);
                lane = existing >= 0 ? int(existing) : takeLane(lanes);
            }
            lanes[lane] = parent;
            row.parentLanes << lane;
            widest = std::max(widest, lane);
        }
        for (const int j : std::as_const(row.passingLanes))
            widest = std::max(widest, j);
        row.width = widest + 1;
        while (!lanes.isEmpty() && lanes.constLast().isEmpty())
            lanes.removeLast();
        out.append(row);
    }
    return out;
}

} // namespace sd
