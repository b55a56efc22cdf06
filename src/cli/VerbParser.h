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
    // A verb that declares no positional argument refuses any (exit 2)
    // instead of ignoring it: `diff extra` is a mistake, not `diff`.
    std::optional<int> parse(const QStringList &arguments, Console &console);

    // QCommandLineParser's, noting that the verb takes positional arguments.
    void addPositionalArgument(const QString &name, const QString &description, const QString &syntax = QString());
    // For a verb that checks its positional arguments itself, with a
    // message of its own.
    void acceptPositionals() { m_acceptsPositionals = true; }

    // The positional arguments and an option's value, with relative
    // targets such as "-1" as typed.
    QStringList positionals() const;
    QString text(const QCommandLineOption &option) const;

private:
    static QString protect(const QString &argument);
    static QString restore(const QString &argument);

    QString m_verb;
    bool m_acceptsPositionals = false;
};

} // namespace sd::cli
