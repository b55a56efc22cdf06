#pragma once
// QCommandLineParser set up for one verb: "schemadesk-cli diff [options]",
// --help printing the verb's own help, unknown options giving exit 2.

#include "Console.h"

#include <QCommandLineParser>

#include <optional>

namespace sd::cli {

class VerbParser : public QCommandLineParser
{
public:
    VerbParser(const QString &verb, const QString &description);

    // Parses `arguments` (those after the verb). Returns an exit code when
    // the verb must stop now (--help: 0, a bad option: 2).
    std::optional<int> parse(const QStringList &arguments, Console &console);

    // The positional arguments and an option's value, with relative
    // targets such as "-1" as typed.
    QStringList positionals() const;
    QString text(const QCommandLineOption &option) const;

private:
    static QString protect(const QString &argument);
    static QString restore(const QString &argument);

    QString m_verb;
};

} // namespace sd::cli
