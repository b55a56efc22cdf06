#include "YamlDocument.h"

#include "YamlChunkPlan.h"
#include "YamlDocument_p.h"
#include "concurrency/ParallelWork.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <optional>
#include <streambuf>

namespace sd {

namespace {

using Slot = YamlDocumentData::Slot;

// Lets yaml-cpp read the bytes where they are, without a copy.
class ByteStreamBuffer : public std::streambuf
{
public:
    explicit ByteStreamBuffer(QByteArrayView bytes)
    {
        char *begin = const_cast<char *>(bytes.data());
        setg(begin, begin, begin + bytes.size());
    }
};

// Turns yaml-cpp's events into slots: each node is appended in document
// order and linked to its parent's last child.
class TreeBuilder : public YAML::EventHandler
{
public:
    // `lineOffset`: the line of the text's first character in the whole file.
    TreeBuilder(YamlDocumentData &data, int lineOffset)
        : m_data(data)
        , m_lineOffset(lineOffset)
    {
    }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        add(mark, YamlNode::Kind::Null, anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        // yaml-cpp reports an alias to an unknown anchor itself.
        Slot &slot = m_data.slots[size_t(add(mark, YamlNode::Kind::Null, YAML::NullAnchor))];
        const int target = anchor < m_anchors.size() ? m_anchors[anchor] : -1;
        if (target >= 0) {
            slot.alias = true;
            slot.first = target;
        }
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        Slot &slot = m_data.slots[size_t(add(mark, YamlNode::Kind::Scalar, anchor))];
        // yaml-cpp tags a quoted scalar "!" (and a plain one "?").
        slot.quoted = tag.size() == 1 && tag.front() == '!';
        slot.textOffset = int(m_data.text.size());
        slot.textSize = int(value.size());
        m_data.text.append(value.data(), qsizetype(value.size()));
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        open(add(mark, YamlNode::Kind::Sequence, anchor), style);
    }

    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        open(add(mark, YamlNode::Kind::Map, anchor), style);
    }

    void OnMapEnd() override { close(); }

private:
    struct Open
    {
        int slot;
        int lastChild;
    };

    int add(const YAML::Mark &mark, YamlNode::Kind kind, YAML::anchor_t anchor)
    {
        const int index = int(m_data.slots.size());
        Slot &slot = m_data.slots.emplace_back();
        slot.kind = std::uint8_t(kind);
        slot.line = mark.line < 0 ? -1 : mark.line + m_lineOffset;
        slot.column = mark.column;
        if (!m_open.empty()) {
            Open &parent = m_open.back();
            if (parent.lastChild < 0)
                m_data.slots[size_t(parent.slot)].first = index;
            else
                m_data.slots[size_t(parent.lastChild)].next = index;
            parent.lastChild = index;
            ++m_data.slots[size_t(parent.slot)].children;
        }
        if (anchor != YAML::NullAnchor) {
            if (anchor >= m_anchors.size())
                m_anchors.resize(anchor + 1, -1);
            m_anchors[anchor] = index;
        }
        return index;
    }

    void open(int index, YAML::EmitterStyle::value style)
    {
        m_data.slots[size_t(index)].flow = style == YAML::EmitterStyle::Flow;
        m_open.push_back({index, -1});
    }

    void close()
    {
        if (!m_open.empty())
            m_open.pop_back();
    }

    YamlDocumentData &m_data;
    int m_lineOffset = 0;
    std::vector<Open> m_open;
    std::vector<int> m_anchors; // by yaml-cpp's anchor number
};

// Reads no document: what a second HandleNextDocument() is given.
class NoHandler : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// Parses the first document of `bytes` (lines from `lineOffset` on) into
// `data`. With `onlyDocument`, the text must hold that one document and
// nothing after it: false otherwise, and on any error.
std::expected<bool, YamlDocument::ParseError> parseText(QByteArrayView bytes, int lineOffset, YamlDocumentData &data,
                                                        bool onlyDocument = false)
{
    // About one node per eight bytes of a schema file; the text is smaller
    // than the file.
    data.slots.reserve(size_t(bytes.size() / 8 + 1));
    data.text.reserve(bytes.size() / 2);
    try {
        ByteStreamBuffer buffer(bytes);
        std::istream stream(&buffer);
        YAML::Parser parser(stream);
        TreeBuilder builder(data, lineOffset);
        parser.HandleNextDocument(builder);
        if (onlyDocument) {
            NoHandler none;
            return !parser.HandleNextDocument(none);
        }
        return true;
    } catch (const YAML::ParserException &e) {
        const int line = e.mark.line < 0 ? 0 : e.mark.line + lineOffset + 1;
        const int column = e.mark.column < 0 ? 0 : e.mark.column + 1;
        return std::unexpected(YamlDocument::ParseError{QString::fromStdString(e.msg), line, column, true});
    } catch (const std::exception &e) {
        return std::unexpected(YamlDocument::ParseError{QString::fromUtf8(e.what()), 0, 0, false});
    }
}

// The children of a collection's slot, in order.
std::vector<int> childrenOf(const YamlDocumentData &data, int index)
{
    std::vector<int> children;
    children.reserve(size_t(data.slot(index).children));
    for (int child = data.slot(index).first; child >= 0; child = data.slot(child).next)
        children.push_back(child);
    return children;
}

// Makes `children` (slots of `data`) the children of the slot `index`.
void relink(YamlDocumentData &data, int index, const std::vector<int> &children)
{
    Slot &parent = data.slots[size_t(index)];
    parent.first = children.empty() ? -1 : children.front();
    parent.children = int(children.size());
    for (size_t i = 0; i < children.size(); ++i)
        data.slots[size_t(children[i])].next = i + 1 < children.size() ? children[i + 1] : -1;
}

// Appends `piece`'s slots and text to `data`; returns where its slots begin.
int append(YamlDocumentData &data, const YamlDocumentData &piece)
{
    const int base = int(data.slots.size());
    const int textBase = int(data.text.size());
    for (Slot slot : piece.slots) {
        if (slot.first >= 0)
            slot.first += base;
        if (slot.next >= 0)
            slot.next += base;
        slot.textOffset += textBase;
        data.slots.push_back(slot);
    }
    data.text.append(piece.text);
    return base;
}

bool isBlock(const Slot &slot, YamlNode::Kind kind)
{
    return YamlNode::Kind(slot.kind) == kind && !slot.flow && !slot.alias;
}

// The made-up top-level key a part after the first is parsed behind, on the
// line before the part's first: the part's items then sit at the depth and
// indentation they have in the whole text.
constexpr char PartContext[] = "k:\n";

// The parts of `plan` parsed at the same time and joined; nothing when a part
// does not parse into one document of the shape the plan expects, so that
// the whole text is parsed instead and gives its own tree or error.
std::optional<YamlDocumentData> parseInParts(const QByteArray &yaml, const YamlChunkPlan &plan)
{
    const std::vector<YamlChunkPlan::Part> &parts = plan.parts;
    struct Parsed
    {
        YamlDocumentData data;
        bool ok = false;
    };
    std::vector<Parsed> parsed(parts.size());
    const auto parsePart = [&](size_t i) {
        const YamlChunkPlan::Part &part = parts[i];
        const QByteArrayView bytes = QByteArrayView(yaml).sliced(part.begin, part.end - part.begin);
        std::expected<bool, YamlDocument::ParseError> alone;
        if (i == 0) {
            alone = parseText(bytes, 0, parsed[i].data, true);
        } else {
            QByteArray text(PartContext);
            text.append(bytes);
            alone = parseText(text, part.firstLine - 1, parsed[i].data, true);
        }
        parsed[i].ok = alone && *alone && !parsed[i].data.slots.empty();
    };
    // One thread a part: the plan made as many parts as threads were asked for.
    ParallelWork::run(int(parts.size()), [&](int part) { parsePart(size_t(part)); }, int(parts.size()));
    for (const Parsed &part : parsed) {
        if (!part.ok)
            return std::nullopt;
    }

    const YamlNode::Kind collection = plan.sequence ? YamlNode::Kind::Sequence : YamlNode::Kind::Map;
    const size_t itemSlots = plan.sequence ? 1 : 2;
    // The line the first or last item of `items` starts on: a sequence
    // item's own, a pair's key's.
    const auto itemLine = [itemSlots](const YamlDocumentData &data, const std::vector<int> &items, bool last) {
        return data.slot(items[last ? items.size() - itemSlots : 0]).line;
    };
    // The root of a part is a block mapping (`root`, with `rootChildren`)
    // whose pair at `pair` is a key on `keyLine`, column 1, and the cut
    // collection: that collection's slot, or -1.
    const auto collectionOf = [&](const YamlDocumentData &data, int root, const std::vector<int> &rootChildren,
                                  size_t pair, int keyLine) {
        if (!isBlock(data.slot(root), YamlNode::Kind::Map) || rootChildren.size() < 2 * pair + 2)
            return -1;
        const Slot &key = data.slot(rootChildren[2 * pair]);
        const int value = rootChildren[2 * pair + 1];
        if (key.line != keyLine || key.column != 0 || !isBlock(data.slot(value), collection))
            return -1;
        return value;
    };

    // Part 0: the whole text's root, whose last pair is the cut collection.
    const YamlDocumentData &first = parsed[0].data;
    std::vector<int> rootChildren = childrenOf(first, 0);
    if (rootChildren.size() < 2)
        return std::nullopt;
    const int collectionSlot = collectionOf(first, 0, rootChildren, rootChildren.size() / 2 - 1, plan.keyLine);
    if (collectionSlot < 0)
        return std::nullopt;
    std::vector<int> items = childrenOf(first, collectionSlot);

    // Each part's slots and text join the whole in turn, and each part is
    // let go once it has joined, so that at most one part is kept twice.
    YamlDocumentData joined;
    size_t totalSlots = 0;
    qsizetype totalText = 0;
    for (const Parsed &part : parsed) {
        totalSlots += part.data.slots.size();
        totalText += part.data.text.size();
    }
    joined.slots.reserve(totalSlots);
    joined.text.reserve(totalText);
    for (size_t i = 0; i < parsed.size(); ++i) {
        const int base = append(joined, parsed[i].data);
        parsed[i].data = {};
        if (i == 0)
            continue;
        // The part's root: the made-up key and the collection, then, in the
        // last part, the top-level keys after the collection.
        const std::vector<int> partRoot = childrenOf(joined, base);
        const int partCollection = collectionOf(joined, base, partRoot, 0, parts[i].firstLine - 1);
        if (partCollection < 0)
            return std::nullopt;
        const std::vector<int> partItems = childrenOf(joined, partCollection);
        // The previous part's last item is this part's first: keep this
        // part's copy, parsed with the text that follows it.
        if (items.size() < itemSlots || partItems.empty() || itemLine(joined, items, true) != parts[i].firstLine
            || itemLine(joined, partItems, false) != parts[i].firstLine)
            return std::nullopt;
        items.resize(items.size() - itemSlots);
        items.insert(items.end(), partItems.begin(), partItems.end());
        // Only the last part goes on after the collection, with the
        // top-level keys that follow it.
        if (i + 1 == parsed.size())
            rootChildren.insert(rootChildren.end(), partRoot.begin() + 2, partRoot.end());
        else if (partRoot.size() != 2)
            return std::nullopt;
    }
    relink(joined, collectionSlot, items);
    relink(joined, 0, rootChildren);
    return joined;
}

} // namespace

YamlDocument::YamlDocument()
    : m_data(std::make_unique<YamlDocumentData>())
{
    m_data->slots.emplace_back(); // a null root without a position
}

YamlDocument::YamlDocument(YamlDocument &&) noexcept = default;
YamlDocument &YamlDocument::operator=(YamlDocument &&) noexcept = default;
YamlDocument::~YamlDocument() = default;

std::expected<YamlDocument, YamlDocument::ParseError> YamlDocument::parse(const QByteArray &yaml)
{
    return parse(yaml, ParseOptions());
}

std::expected<YamlDocument, YamlDocument::ParseError> YamlDocument::parse(const QByteArray &yaml,
                                                                        const ParseOptions &options)
{
    YamlDocument document;
    const int threads = ParallelWork::threadCount(options.threads);
    if (const auto plan = YamlChunkPlan::make(yaml, threads, options.minimumPartBytes)) {
        if (auto joined = parseInParts(yaml, *plan)) {
            *document.m_data = std::move(*joined);
            document.m_partCount = int(plan->parts.size());
            return document;
        }
    }
    YamlDocumentData &data = *document.m_data;
    data.slots.clear();
    if (const auto parsed = parseText(yaml, 0, data); !parsed)
        return std::unexpected(parsed.error());
    if (data.slots.empty())
        data.slots.emplace_back(); // no document: a null root without a position
    return document;
}

YamlNode YamlDocument::root() const
{
    return YamlNode(m_data.get(), 0);
}

} // namespace sd
