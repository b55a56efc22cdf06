#include "YamlDiagnostics.h"

#include <QCoreApplication>

#include <algorithm>

namespace sd {

YamlDiagnostics::YamlDiagnostics(QString displayPath)
    : m_displayPath(std::move(displayPath))
{
}

void YamlDiagnostics::error(const YAML::Node &node, const QString &message)
{
    error(node.IsDefined() ? node.Mark() : YAML::Mark::null_mark(), message);
}

void YamlDiagnostics::error(const YAML::Mark &mark, const QString &message)
{
    m_errors.append(Error::input(message, m_displayPath, line(mark), column(mark)));
}

Errors YamlDiagnostics::sortedErrors() const
{
    Errors sorted = m_errors;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Error &a, const Error &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return sorted;
}

int YamlDiagnostics::line(const YAML::Node &node)
{
    return node.IsDefined() ? line(node.Mark()) : 0;
}

QString YamlDiagnostics::describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return QCoreApplication::translate("YamlDiagnostics", "a list");
    case YAML::NodeType::Map:
        return QCoreApplication::translate("YamlDiagnostics", "a mapping");
    case YAML::NodeType::Scalar:
        return QLatin1Char('\'') + text(node) + QLatin1Char('\'');
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QCoreApplication::translate("YamlDiagnostics", "nothing");
}

} // namespace sd
