#include "LazyText.h"

#include <QCoreApplication>

namespace sd {

QString LazyText::toString() const
{
    if (!m_source)
        return m_text;
    const QString translated = QCoreApplication::translate(m_context, m_source);
    return m_hasArgument ? translated.arg(m_text) : translated;
}

} // namespace sd
