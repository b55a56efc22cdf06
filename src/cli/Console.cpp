#include "Console.h"

#include <QCoreApplication>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace sd::cli {

Console::Console()
    : m_out(stdout)
    , m_err(stderr)
{
    const QByteArray term = qgetenv("TERM");
    m_colour = isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR") && term != "dumb";
}

void Console::out(const QString &text)
{
    m_out << text;
    m_out.flush();
}

void Console::error(const QString &message)
{
    m_out.flush();
    m_err << QCoreApplication::applicationName() << QStringLiteral(": ") << message << Qt::endl;
}

void Console::errors(const Errors &list)
{
    for (const Error &e : list)
        error(e);
}

QString Console::askPassword(const QString &prompt)
{
    if (!isatty(STDIN_FILENO))
        return {};
    m_err << prompt;
    m_err.flush();
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    m_err << Qt::endl;
    return QString::fromStdString(line);
}

} // namespace sd::cli
