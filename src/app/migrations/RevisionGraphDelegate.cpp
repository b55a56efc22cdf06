#include "RevisionGraphDelegate.h"
#include "PaletteTone.h"

#include "RevisionGraphModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace sd::app {

RevisionGraphDelegate::RevisionGraphDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor RevisionGraphDelegate::laneColour(int lane, const QPalette &palette)
{
    // Okabe-Ito hues, told apart with the usual colour-vision deficiencies;
    // lighter on a dark base, darker on a light one.
    static const QColor light[] = {QColor(0x00, 0x5f, 0xa8), QColor(0xb0, 0x45, 0x00), QColor(0x00, 0x73, 0x55),
                                   QColor(0x9c, 0x4f, 0x86), QColor(0x8a, 0x6d, 0x00), QColor(0x2a, 0x83, 0xb8)};
    static const QColor dark[] = {QColor(0x74, 0xbc, 0xf0), QColor(0xff, 0x92, 0x5c), QColor(0x4c, 0xd1, 0xa4),
                                  QColor(0xe0, 0x9a, 0xc8), QColor(0xf0, 0xe4, 0x42), QColor(0x56, 0xb4, 0xe9)};
    const int i = lane % 6;
    return PaletteTone::isDark(palette) ? dark[i] : light[i];
}

QSize RevisionGraphDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int lanes = qMax(1, index.data(RevisionGraphModel::MaxLanesRole).toInt());
    size.setWidth(lanes * laneWidth + 8);
    size.setHeight(qMax(size.height(), 22));
    return size;
}

void RevisionGraphDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Background and selection as the style draws them, without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVariant value = index.data(RevisionGraphModel::HistoryRowRole);
    if (!value.canConvert<HistoryRow>())
        return;
    const HistoryRow row = value.value<HistoryRow>();
    const auto states = RevisionGraphModel::States(index.data(RevisionGraphModel::StatesRole).toInt());
    const QPalette &pal = option.palette;

    const QRectF r = option.rect;
    const qreal top = r.top();
    const qreal bottom = r.bottom() + 1;
    const qreal mid = r.center().y();
    const auto x = [&r](int lane) { return r.left() + 4 + lane * laneWidth + laneWidth / 2.0; };

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const auto pen = [&pal](int lane) {
        QPen p(laneColour(lane, pal), 2);
        p.setCapStyle(Qt::FlatCap);
        return p;
    };
    // A bend between (from, y0) and (to, y1): straight when the lanes are equal.
    const auto bend = [painter](qreal fromX, qreal y0, qreal toX, qreal y1) {
        QPainterPath path;
        path.moveTo(fromX, y0);
        const qreal half = (y1 - y0) / 2;
        path.cubicTo(fromX, y0 + half, toX, y1 - half, toX, y1);
        painter->drawPath(path);
    };

    for (int lane : row.passingLanes) {
        painter->setPen(pen(lane));
        painter->drawLine(QPointF(x(lane), top), QPointF(x(lane), bottom));
    }
    if (!row.isHead) {
        painter->setPen(pen(row.lane));
        painter->drawLine(QPointF(x(row.lane), top), QPointF(x(row.lane), mid));
    }
    for (int lane : row.joiningLanes) {
        painter->setPen(pen(lane));
        bend(x(lane), top, x(row.lane), mid);
    }
    for (int lane : row.parentLanes) {
        painter->setPen(pen(lane));
        bend(x(row.lane), mid, x(lane), bottom);
    }

    const qreal radius = 5;
    const QColor colour = laneColour(row.lane, pal);
    const QPointF centre(x(row.lane), mid);
    if (states & RevisionGraphModel::Current) {
        painter->setPen(QPen(pal.color(QPalette::Text), 1.5));
        painter->setBrush(colour);
        painter->drawEllipse(centre, radius + 1, radius + 1);
    } else {
        painter->setPen(QPen(colour, 2));
        // Applied: the lane colour half blended into the base; pending: hollow.
        const QColor base = pal.color(QPalette::Base);
        const QColor half = QColor::fromRgbF((colour.redF() + base.redF()) / 2, (colour.greenF() + base.greenF()) / 2,
                                             (colour.blueF() + base.blueF()) / 2);
        painter->setBrush(states & RevisionGraphModel::Applied ? half : base);
        painter->drawEllipse(centre, radius, radius);
    }
    painter->restore();
}

} // namespace sd::app
