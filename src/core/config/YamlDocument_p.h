#pragma once
// Private storage of a YamlDocument, shared by YamlDocument and YamlNode:
// every node in one flat array, in document order, linked to its first
// child and next sibling, and every scalar's UTF-8 text in one buffer.

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace sd {

struct YamlDocumentData
{
    struct Slot
    {
        std::uint8_t kind = 1; // a YamlNode::Kind; Null
        bool quoted = false;
        bool flow = false;
        bool alias = false;    // stands for the node at `first`
        int line = -1;         // 0-based, as yaml-cpp counts; -1 when unknown
        int column = -1;
        int first = -1;        // first child; an alias's target
        int next = -1;         // next sibling
        int children = 0;      // a mapping counts keys and values
        int textOffset = 0;    // a scalar's text in `text`
        int textSize = 0;
    };

    const Slot &slot(int index) const { return slots[size_t(index)]; }
    // The slot a node reads: an alias reads as its target.
    int resolve(int index) const { return slot(index).alias ? slot(index).first : index; }

    std::vector<Slot> slots;
    QByteArray text;
};

} // namespace sd
