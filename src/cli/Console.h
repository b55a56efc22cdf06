#pragma once
// Where the CLI prints: results on stdout, errors on stderr as one line
// each, ANSI colour only when stdout is a terminal and NO_COLOR is unset.

#include "Error.h"

#include <QString>
#include <QTextStream>

namespace sd::cli {

class Console
{
public:
    Console();

    bool colour() const { return m_colour; }
    void setColour(bool on) { m_colour = on; }

    void out(const QString &text);
    void error(const QString &message);
    void error(const Error &error) { this->error(error.toString()); }
    void errors(const Errors &errors);

    // Reads a line from the terminal without echo; empty if stdin is no terminal.
    QString askPassword(const QString &prompt);

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_colour = false;
};

} // namespace sd::cli
