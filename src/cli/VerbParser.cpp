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
        QString help = helpText();
        help.replace(QStringLiteral("Usage: ") + QCoreApplication::applicationName() + QLatin1Char(' ') + m_verb,
                     QStringLiteral("Usage: ") + QCoreApplication::applicationName() + QStringLiteral(" [--project DIR] [--env NAME | --url URL] ") + m_verb);
        console.out(help);
        return Success;
    }
    return std::nullopt;
}

} // namespace sd::cli
