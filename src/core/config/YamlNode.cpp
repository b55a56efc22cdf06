#include "YamlNode.h"

namespace sd {

namespace {

using Slot = YamlDocumentData::Slot;

} // namespace

QByteArrayView YamlNode::utf8() const
{
    if (!m_document)
        return {};
    const Slot &slot = this->slot();
    if (Kind(slot.kind) != Kind::Scalar)
        return {};
    return QByteArrayView(m_document->text.constData() + slot.textOffset, slot.textSize);
}

QString YamlNode::text() const
{
    // Empty, never null, as yaml-cpp's Scalar() read into a QString was.
    const QByteArrayView bytes = utf8();
    return QString::fromUtf8(bytes.isNull() ? QByteArrayView("", 0) : bytes);
}

bool YamlNode::textEquals(QByteArrayView key) const
{
    return isScalar() && utf8() == key;
}

qsizetype YamlNode::size() const
{
    if (!m_document)
        return 0;
    switch (kind()) {
    case Kind::Map:
        return slot().children / 2;
    case Kind::Sequence:
        return slot().children;
    default:
        return 0;
    }
}

YamlNode YamlNode::value(QByteArrayView key) const
{
    if (!isMap())
        return {};
    for (Iterator it = begin(); it != end(); ++it) {
        const YamlNode k = *it;
        ++it;
        if (k.textEquals(key))
            return *it;
    }
    return {};
}

YamlNode::Iterator YamlNode::begin() const
{
    if (!m_document)
        return end();
    const bool collection = isMap() || isSequence();
    return Iterator(m_document, collection ? slot().first : -1);
}

} // namespace sd
