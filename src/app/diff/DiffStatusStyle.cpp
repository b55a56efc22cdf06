#include "DiffStatusStyle.h"
#include "PaletteTone.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace sd::app {

QString DiffStatusStyle::text(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Unchanged:
        return tr("unchanged");
    case DiffStatus::Added:
        return tr("added");
    case DiffStatus::Removed:
        return tr("removed");
    case DiffStatus::Changed:
        return tr("changed");
    }
    return {};
}

QString DiffStatusStyle::symbol(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Unchanged:
        return QStringLiteral("=");
    case DiffStatus::Added:
        return QStringLiteral("+");
    case DiffStatus::Removed:
        return QStringLiteral("\u2212");
    case DiffStatus::Changed:
        return QStringLiteral("~");
    }
    return {};
}

QColor DiffStatusStyle::colour(DiffStatus status, const QPalette &palette)
{
    const bool dark = PaletteTone::isDark(palette);
    switch (status) {
    case DiffStatus::Unchanged: { // the text colour, a little toward the base: quieter, still readable
        const QColor text = palette.color(QPalette::Text);
        const QColor base = palette.color(QPalette::Base);
        return QColor::fromRgbF(text.redF() * 0.7f + base.redF() * 0.3f, text.greenF() * 0.7f + base.greenF() * 0.3f,
                                text.blueF() * 0.7f + base.blueF() * 0.3f);
    }
    case DiffStatus::Added: // bluish green
        return dark ? QColor(0x4c, 0xd1, 0xa4) : QColor(0x00, 0x73, 0x55);
    case DiffStatus::Removed: // vermillion
        return dark ? QColor(0xff, 0x92, 0x5c) : QColor(0xb0, 0x45, 0x00);
    case DiffStatus::Changed: // blue / sky blue
        return dark ? QColor(0x74, 0xbc, 0xf0) : QColor(0x00, 0x5f, 0xa8);
    }
    return palette.color(QPalette::Text);
}

QColor DiffStatusStyle::lineBackground(DiffStatus status, const QPalette &palette, bool destructive)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor tint = destructive ? colour(DiffStatus::Removed, palette) : colour(status, palette);
    const qreal share = destructive ? 0.30 : 0.20;
    return QColor::fromRgbF(base.redF() * (1 - share) + tint.redF() * share,
                            base.greenF() * (1 - share) + tint.greenF() * share,
                            base.blueF() * (1 - share) + tint.blueF() * share);
}

QIcon DiffStatusStyle::icon(DiffStatus status, const QPalette &palette)
{
    constexpr int size = 32; // drawn at twice the size, shown at 16
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor fill = colour(status, palette);
    const QRectF box(2, 2, size - 4, size - 4);
    QColor mark = PaletteTone::isDark(palette) ? palette.color(QPalette::Base) : QColor(Qt::white);
    if (status == DiffStatus::Unchanged) {
        p.setPen(QPen(fill, 2.5));
        p.setBrush(Qt::NoBrush);
        mark = fill;
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
    }
    p.drawRoundedRect(box, 6, 6);

    QPen pen(mark, 4, Qt::SolidLine, Qt::RoundCap);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const qreal c = size / 2.0;
    const qreal arm = 8;
    switch (status) {
    case DiffStatus::Added:
        p.drawLine(QPointF(c - arm, c), QPointF(c + arm, c));
        p.drawLine(QPointF(c, c - arm), QPointF(c, c + arm));
        break;
    case DiffStatus::Removed:
        p.drawLine(QPointF(c - arm, c), QPointF(c + arm, c));
        break;
    case DiffStatus::Changed: {
        QPainterPath wave;
        wave.moveTo(c - arm, c + 2);
        wave.cubicTo(c - arm / 2, c - 6, c, c - 2, c, c);
        wave.cubicTo(c, c + 2, c + arm / 2, c + 6, c + arm, c - 2);
        p.drawPath(wave);
        break;
    }
    case DiffStatus::Unchanged:
        pen.setWidthF(3);
        p.setPen(pen);
        p.drawLine(QPointF(c - 6, c - 4), QPointF(c + 6, c - 4));
        p.drawLine(QPointF(c - 6, c + 4), QPointF(c + 6, c + 4));
        break;
    }
    p.end();
    pixmap.setDevicePixelRatio(2.0);
    return QIcon(pixmap);
}

} // namespace sd::app
