#include "VerbParser.h"

#include "ExitCode.h"

#include <QCoreApplication>
#include <QRegularExpression>

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
    for (const QString &a : arguments)
        args << protect(a);
    if (!QCommandLineParser::parse(args)) {
        console.error(QCoreApplication::translate("VerbParser", "%1: %2 (see '%3 %1 --help')")
                          .arg(m_verb, errorText(), QCoreApplication::applicationName()));
        return BadInput;
    }
    if (!m_acceptsPositionals && !positionalArguments().isEmpty() && !isSet(QStringLiteral("help"))) {
        console.error(QCoreApplication::translate("VerbParser", "%1: unexpected argument '%2' (see '%3 %1 --help')")
                          .arg(m_verb, restore(positionalArguments().constFirst()), QCoreApplication::applicationName()));
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

void VerbParser::addPositionalArgument(const QString &name, const QString &description, const QString &syntax)
{
    m_acceptsPositionals = true;
    QCommandLineParser::addPositionalArgument(name, description, syntax);
}

// Relative targets are typed as in Alembic: `downgrade -1`. A plain
// QCommandLineParser takes "-1" for the option "1"; such an argument is
// carried through the parser under a private-use marker instead, and
// restored by the accessors below, wherever it ends up (positional or an
// option's value such as `-m -1`).
namespace {
constexpr QChar marker(0xE000);
}

QString VerbParser::protect(const QString &argument)
{
    static const QRegularExpression relative(QStringLiteral("^-\\d+$"));
    return relative.match(argument).hasMatch() ? marker + argument.mid(1) : argument;
}

QString VerbParser::restore(const QString &argument)
{
    return argument.startsWith(marker) ? QLatin1Char('-') + argument.mid(1) : argument;
}

QStringList VerbParser::positionals() const
{
    QStringList out;
    for (const QString &a : positionalArguments())
        out << restore(a);
    return out;
}

QString VerbParser::text(const QCommandLineOption &option) const
{
    return restore(value(option));
}

} // namespace sd::cli
