#pragma once
// Collects the errors found while reading one YAML file, each with the file's
// display name and the 1-based line and column of the offending node.

#include "Error.h"
#include "YamlNode.h"

#include <QString>

namespace sd {

class YamlDiagnostics
{
public:
    explicit YamlDiagnostics(QString displayPath);

    const QString &displayPath() const { return m_displayPath; }

    // At the node; at no position (0:0) when it is undefined.
    void error(const YamlNode &node, const QString &message);
    // At a 1-based position; 0 when unknown.
    void error(int line, int column, const QString &message);
    bool hasErrors() const { return !m_errors.isEmpty(); }

    // The errors in file order (line, then column).
    Errors sortedErrors() const;

    // 1-based; 0 for an undefined node.
    static int line(const YamlNode &node) { return node.line(); }

    // What a node holds, for "found ..." in messages: "a list", "a mapping",
    // "nothing" or the quoted scalar ('bigitn').
    static QString describe(const YamlNode &node);
    static QString text(const YamlNode &node) { return node.text(); }
    static bool isQuoted(const YamlNode &node) { return node.isQuoted(); }

private:
    QString m_displayPath;
    Errors m_errors;
};

} // namespace sd
