#pragma once
// A piece of a message translated only when a message is made of it. The
// YAML readers name what they read ("column", "text for 'name'") in errors
// that are almost never reported; translating each name up front would cost
// more than reading the file.

#include <QString>

namespace sd {

class LazyText
{
public:
    // QCoreApplication::translate(context, source), its %1 replaced by
    // `argument`. Mark `source` with QT_TRANSLATE_NOOP(context, ...) so that
    // lupdate finds it.
    LazyText(const char *context, const char *source)
        : m_context(context)
        , m_source(source)
    {
    }
    LazyText(const char *context, const char *source, QString argument)
        : m_context(context)
        , m_source(source)
        , m_text(std::move(argument))
        , m_hasArgument(true)
    {
    }
    // Text already made (and translated, where it needs to be).
    LazyText(QString text)
        : m_text(std::move(text))
    {
    }

    QString toString() const;

private:
    const char *m_context = nullptr;
    const char *m_source = nullptr;
    QString m_text; // the text itself, or the argument
    bool m_hasArgument = false;
};

} // namespace sd
