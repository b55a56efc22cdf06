#pragma once
// The revision graph as rows for `history` and the desktop app's history
// view: newest first (children before parents), each revision in a lane
// (a column), with the lines that join and fork around it, so that both
// draw the same branches and merges.
//
// Drawing row r: a node in `lane`. Above it a line comes down in `lane`
// (unless r is a head) and one from each of `joiningLanes` bends into it:
// r's other children, so r is a branch point. Below it a line leaves for
// each parent in `parentLanes` (the first is `lane`; more than one when r
// is a merge; a parent lane that was already in use joins that line).
// `passingLanes` are other branches' lines going straight past the row.

#include "RevisionGraph.h"

namespace sd {

struct HistoryRow
{
    QString revision;
    int lane = 0;
    QList<int> joiningLanes;
    QList<int> parentLanes;  // one per down_revision, in order; empty for a base
    QList<int> passingLanes;
    int width = 0;           // lanes used at this row: 1 + the largest lane index drawn
    bool isHead = false;
    bool isBase = false;
    bool isMerge = false;       // several down_revisions
    bool isBranchPoint = false; // several children

    bool operator==(const HistoryRow &) const = default;
};

class HistoryLayout
{
public:
    static QList<HistoryRow> rows(const RevisionGraph &graph);
};

} // namespace sd
