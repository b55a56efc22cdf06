#include "YamlDocument.h"

#include "YamlDocument_p.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace sd {

namespace {

using Slot = YamlDocumentData::Slot;

// Lets yaml-cpp read the bytes where they are, without a copy.
class ByteStreamBuffer : public std::streambuf
{
public:
    explicit ByteStreamBuffer(const QByteArray &bytes)
    {
        char *begin = const_cast<char *>(bytes.constData());
        setg(begin, begin, begin + bytes.size());
    }
};

// Turns yaml-cpp's events into slots: each node is appended in document
// order and linked to its parent's last child.
class TreeBuilder : public YAML::EventHandler
{
public:
    explicit TreeBuilder(YamlDocumentData &data)
        : m_data(data)
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
        slot.line = mark.line;
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
    std::vector<Open> m_open;
    std::vector<int> m_anchors; // by yaml-cpp's anchor number
};

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
    YamlDocument document;
    YamlDocumentData &data = *document.m_data;
    data.slots.clear();
    // About one node per eight bytes of a schema file; the text is smaller
    // than the file.
    data.slots.reserve(size_t(yaml.size() / 8 + 1));
    data.text.reserve(yaml.size() / 2);
    try {
        ByteStreamBuffer buffer(yaml);
        std::istream stream(&buffer);
        YAML::Parser parser(stream);
        TreeBuilder builder(data);
        parser.HandleNextDocument(builder);
    } catch (const YAML::ParserException &e) {
        const int line = e.mark.line < 0 ? 0 : e.mark.line + 1;
        const int column = e.mark.column < 0 ? 0 : e.mark.column + 1;
        return std::unexpected(ParseError{QString::fromStdString(e.msg), line, column, true});
    } catch (const std::exception &e) {
        return std::unexpected(ParseError{QString::fromUtf8(e.what()), 0, 0, false});
    }
    if (data.slots.empty())
        data.slots.emplace_back(); // no document: a null root without a position
    return document;
}

YamlNode YamlDocument::root() const
{
    return YamlNode(m_data.get(), 0);
}

} // namespace sd
