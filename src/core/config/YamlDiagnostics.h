#pragma once
// Collects the errors found while reading one YAML file, each with the file's
// display name and the 1-based line and column of the offending node.

#include "Error.h"

#include <yaml-cpp/yaml.h>

#include <QString>

namespace sd {

class YamlDiagnostics
{
public:
    explicit YamlDiagnostics(QString displayPath);

    const QString &displayPath() const { return m_displayPath; }

    void error(const YAML::Node &node, const QString &message);
    void error(const YAML::Mark &mark, const QString &message);
    bool hasErrors() const { return !m_errors.isEmpty(); }

    // The errors in file order (line, then column).
    Errors sortedErrors() const;

    // 1-based positions; 0 when yaml-cpp has none.
    static int line(const YAML::Mark &mark) { return mark.line < 0 ? 0 : mark.line + 1; }
    static int column(const YAML::Mark &mark) { return mark.column < 0 ? 0 : mark.column + 1; }
    static int line(const YAML::Node &node);

    // What a node holds, for "found ..." in messages: "a list", "a mapping",
    // "nothing" or the quoted scalar ('bigitn').
    static QString describe(const YAML::Node &node);
    static QString text(const YAML::Node &node) { return QString::fromStdString(node.Scalar()); }
    static bool isQuoted(const YAML::Node &node) { return node.Tag() == "!"; }

private:
    QString m_displayPath;
    Errors m_errors;
};

} // namespace sd
