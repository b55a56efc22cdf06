#include "RevisionFormat.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sd::cli {

QString RevisionFormat::marksText(const RevisionMarks &marks)
{
    QStringList words;
    if (marks.head)
        words << QCoreApplication::translate("RevisionFormat", "head");
    if (marks.merge)
        words << QCoreApplication::translate("RevisionFormat", "merge");
    if (marks.current)
        words << QCoreApplication::translate("RevisionFormat", "current");
    if (marks.changed)
        words << QCoreApplication::translate("RevisionFormat", "file changed since applied");
    return words.join(QStringLiteral(", "));
}

QString RevisionFormat::line(const Migration &migration, const RevisionMarks &marks, bool colour)
{
    QString id = migration.revision;
    if (colour && marks.current)
        id = QStringLiteral("\x1b[1;32m") + id + QStringLiteral("\x1b[0m");
    QString text = id + QStringLiteral("  ")
                   + (migration.created.isValid() ? migration.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                  : QStringLiteral("                "))
                   + QStringLiteral("  ") + migration.message;
    const QString m = marksText(marks);
    if (!m.isEmpty()) {
        const QString shown = QStringLiteral("(") + m + QLatin1Char(')');
        text += QStringLiteral("  ") + (colour && marks.changed ? QStringLiteral("\x1b[33m") + shown + QStringLiteral("\x1b[0m") : shown);
    }
    return text;
}

QJsonObject RevisionFormat::json(const Migration &migration, const RevisionMarks &marks, const QString &file)
{
    return QJsonObject{
        {QStringLiteral("revision"), migration.revision},
        {QStringLiteral("down_revisions"), QJsonArray::fromStringList(migration.downRevisions)},
        {QStringLiteral("message"), migration.message},
        {QStringLiteral("created"), migration.created.isValid() ? migration.created.toUTC().toString(Qt::ISODate) : QString()},
        {QStringLiteral("file"), file},
        {QStringLiteral("head"), marks.head},
        {QStringLiteral("merge"), marks.merge},
        {QStringLiteral("current"), marks.current},
        {QStringLiteral("checksum_changed"), marks.changed},
    };
}

} // namespace sd::cli
