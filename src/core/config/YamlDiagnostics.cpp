#include "YamlDiagnostics.h"

#include <QCoreApplication>

#include <algorithm>

namespace sd {

YamlDiagnostics::YamlDiagnostics(QString displayPath)
    : m_displayPath(std::move(displayPath))
{
}

void YamlDiagnostics::error(const YamlNode &node, const QString &message)
{
    error(node.line(), node.column(), message);
}

void YamlDiagnostics::error(int line, int column, const QString &message)
{
    m_errors.append(Error::input(message, m_displayPath, line, column));
}

Errors YamlDiagnostics::sortedErrors() const
{
    Errors sorted = m_errors;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Error &a, const Error &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return sorted;
}

QString YamlDiagnostics::describe(const YamlNode &node)
{
    switch (node.kind()) {
    case YamlNode::Kind::Sequence:
        return QCoreApplication::translate("YamlDiagnostics", "a list");
    case YamlNode::Kind::Map:
        return QCoreApplication::translate("YamlDiagnostics", "a mapping");
    case YamlNode::Kind::Scalar:
        return QLatin1Char('\'') + text(node) + QLatin1Char('\'');
    case YamlNode::Kind::Null:
    case YamlNode::Kind::Undefined:
        break;
    }
    return QCoreApplication::translate("YamlDiagnostics", "nothing");
}

} // namespace sd
