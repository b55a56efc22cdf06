#pragma once
// Paints the graph column of the migrations view from each row's
// HistoryRow: a lane (a colour) per branch, lines passing by, bending in
// where a branch starts and out where a merge joins its parents, and a
// node circle per revision, filled for a current revision (in the version
// table), hollow otherwise, with a ring for a pending one.

#include <QStyledItemDelegate>

namespace sd::app {

class RevisionGraphDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RevisionGraphDelegate(QObject *parent = nullptr);

    static constexpr int laneWidth = 16;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The colour of `lane`, readable on `palette`'s base.
    static QColor laneColour(int lane, const QPalette &palette);
};

} // namespace sd::app
