#pragma once
// One node of a YamlDocument: a light handle (document and index) that reads
// the node's kind, position, scalar text and children. A default-made node is
// undefined: what a lookup gives for a key that is not there. Aliases are
// resolved: an alias reads as the node its anchor names.

#include "YamlDocument_p.h"

#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace sd {

class YamlDocument;

class YamlNode
{
public:
    enum class Kind : std::uint8_t { Undefined, Null, Scalar, Sequence, Map };

    YamlNode() = default;
    static_assert(std::uint8_t(Kind::Null) == YamlDocumentData::Slot().kind, "a new slot is null");

    Kind kind() const { return m_document ? Kind(slot().kind) : Kind::Undefined; }
    bool isDefined() const { return m_document != nullptr; }
    bool isNull() const { return kind() == Kind::Null; } // undefined is not null
    bool isScalar() const { return kind() == Kind::Scalar; }
    bool isSequence() const { return kind() == Kind::Sequence; }
    bool isMap() const { return kind() == Kind::Map; }
    // A sequence or mapping written in flow style: [a, b] or {a: b}.
    bool isFlow() const { return m_document && slot().flow; }
    // A scalar written in quotes ('text' or "text") or with the `!` tag.
    bool isQuoted() const { return m_document && slot().quoted; }

    // 1-based position of the node's first character; 0 when undefined.
    int line() const { return m_document ? slot().line + 1 : 0; }
    int column() const { return m_document ? slot().column + 1 : 0; }

    // A scalar's text; empty (not null) for anything else.
    QString text() const;
    // A scalar's text as parsed, without a copy; empty for anything else.
    QByteArrayView utf8() const;
    // True when the node is a scalar whose text is `key` (ASCII or UTF-8).
    bool textEquals(QByteArrayView key) const;

    // Items of a sequence, or pairs of a mapping.
    qsizetype size() const;

    // The value of the first pair whose key is the scalar `key`; undefined
    // when the node is no mapping or has no such key.
    YamlNode value(QByteArrayView key) const;

    // Walks a sequence's items or a mapping's keys and values in order.
    class Iterator
    {
    public:
        YamlNode operator*() const { return YamlNode(m_document, m_document->resolve(m_slot)); }
        Iterator &operator++()
        {
            m_slot = m_document->slot(m_slot).next;
            return *this;
        }
        bool operator==(const Iterator &other) const { return m_slot == other.m_slot; }

    private:
        friend class YamlNode;
        Iterator(const YamlDocumentData *document, int slot)
            : m_document(document)
            , m_slot(slot)
        {
        }
        const YamlDocumentData *m_document = nullptr;
        int m_slot = -1;
    };
    // The children in order: for a mapping, key, value, key, value ...
    Iterator begin() const;
    Iterator end() const { return Iterator(m_document, -1); }

    // Calls `f(key, value)` for each pair of a mapping; nothing for anything else.
    template<typename F>
    void forEachPair(F &&f) const
    {
        if (!isMap())
            return;
        for (Iterator it = begin(); it != end(); ++it) {
            const YamlNode key = *it;
            ++it;
            f(key, *it);
        }
    }

    // Same node of the same document.
    bool operator==(const YamlNode &other) const = default;

private:
    friend class YamlDocument;
    YamlNode(const YamlDocumentData *document, int index)
        : m_document(document)
        , m_index(index)
    {
    }

    const YamlDocumentData::Slot &slot() const { return m_document->slot(m_index); }

    const YamlDocumentData *m_document = nullptr;
    int m_index = -1;
};

} // namespace sd
