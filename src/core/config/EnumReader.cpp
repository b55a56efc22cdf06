#include "EnumReader.h"

#include <QCoreApplication>

namespace sd {

EnumReader::EnumReader(YamlDiagnostics &diagnostics)
    : m_diagnostics(diagnostics)
{
}

QStringList EnumReader::keys()
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("values")};
    return keys;
}

EnumType EnumReader::read(YamlMap &m)
{
    EnumType type;
    type.name = m.requiredString(QStringLiteral("name"));
    if (m.require(QStringLiteral("values"))) {
        const QList<YamlItem> values = m.scalarList(QStringLiteral("values"),
                                                    LazyText("EnumReader", QT_TRANSLATE_NOOP("EnumReader", "values")));
        for (const YamlItem &value : values) {
            if (type.values.contains(value.text)) {
                m_diagnostics.error(value.node, QCoreApplication::translate("EnumReader", "enum '%1' lists '%2' twice")
                                                    .arg(type.name, value.text));
                continue;
            }
            type.values << value.text;
        }
        if (values.isEmpty() && m.value(QStringLiteral("values")).isSequence()) {
            m_diagnostics.error(m.value(QStringLiteral("values")),
                QCoreApplication::translate("EnumReader", "enum '%1' has no values").arg(type.name));
        }
    }
    if (!type.name.isEmpty() && ColumnType::parsePortable(type.name)) {
        m_diagnostics.error(m.value(QStringLiteral("name")),
                            QCoreApplication::translate("EnumReader",
                                "enum name '%1' is the name of a built-in type: choose another")
                                .arg(type.name));
    }
    return type;
}

} // namespace sd
