#include "Error.h"

#include <QStringList>

namespace sd {

Error Error::input(QString message, QString file, int line, int column)
{
    return {Code::InvalidInput, std::move(message), std::move(file), line, column, {}, {}, {}};
}

Error Error::io(QString message, QString file)
{
    return {Code::Io, std::move(message), std::move(file), 0, 0, {}, {}, {}};
}

Error Error::connection(QString server, QString message)
{
    return {Code::Connection, std::move(message), {}, 0, 0, std::move(server), {}, {}};
}

Error Error::database(QString server, QString message, QString statement)
{
    return {Code::Database, std::move(message), {}, 0, 0, std::move(server), std::move(statement), {}};
}

Error Error::usage(QString message)
{
    return {Code::Usage, std::move(message), {}, 0, 0, {}, {}, {}};
}

Error Error::migration(QString server, QString revision, QString message, QString statement)
{
    return {Code::Migration, std::move(message), {}, 0, 0, std::move(server), std::move(statement), std::move(revision)};
}

QString Error::toString() const
{
    QString where;
    if (!file.isEmpty()) {
        where = file;
        if (line > 0) {
            where += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                where += QLatin1Char(':') + QString::number(column);
        }
    } else if (!server.isEmpty()) {
        where = server;
    }
    if (!revision.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(": ")) + QStringLiteral("revision %1").arg(revision);
    QString text = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    if (!statement.isEmpty()) {
        QString shown = statement.simplified();
        if (shown.size() > 200)
            shown = shown.left(197) + QStringLiteral("...");
        text += QStringLiteral(" (statement: %1)").arg(shown);
    }
    return text;
}

QString joinErrors(const Errors &errors)
{
    QStringList lines;
    lines.reserve(errors.size());
    for (const Error &e : errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace sd
