#pragma once
// Editing a project's files the way a person would in a test: read the
// text, change it, write it back.

#include <QFile>
#include <QString>

namespace sd::testing {

inline bool readText(const QString &path, QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    text = QString::fromUtf8(file.readAll());
    return true;
}

inline bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    const QByteArray bytes = text.toUtf8();
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Replaces `before` (which must be there) by `after` in the file at `path`.
inline bool replaceInFile(const QString &path, const QString &before, const QString &after)
{
    QString text;
    if (!readText(path, text) || !text.contains(before))
        return false;
    return writeText(path, text.replace(before, after));
}

} // namespace sd::testing
