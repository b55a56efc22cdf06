#include "VerbParser.h"

#include "ExitCode.h"

#include <QCoreApplication>

namespace sd::cli {

VerbParser::VerbParser(const QString &verb, const QString &description)
    : m_verb(verb)
{
    setApplicationDescription(description);
    addHelpOption();
}

std::optional<int> VerbParser::parse(const QStringList &arguments, Console &console)
{
    QStringList args{QCoreApplication::applicationName() + QLatin1Char(' ') + m_verb};
    args << arguments;
    if (!QCommandLineParser::parse(args)) {
        console.error(QCoreApplication::translate("VerbParser", "%1: %2 (see '%3 %1 --help')")
                          .arg(m_verb, errorText(), QCoreApplication::applicationName()));
        return BadInput;
    }
    if (isSet(QStringLiteral("help"))) {
        // Qt names the program by its path; say how the verb is typed.
        QString help = helpText();
        const qsizetype firstLineEnd = help.indexOf(QLatin1Char('\n'));
        help.replace(0, firstLineEnd,
                     QCoreApplication::translate("VerbParser", "Usage: %1 [--project DIR] [--env NAME | --url URL] %2 [options]")
                         .arg(QCoreApplication::applicationName(), m_verb));
        console.out(help);
        return Success;
    }
    return std::nullopt;
}

} // namespace sd::cli
