#include "YamlChunkPlan.h"

#include <cstring>

namespace sd {

namespace {

// The first character of a plain mapping key the plan cuts at: ASCII
// letters, digits and '_' (no quotes, no '?', no anchors or tags).
bool isKeyStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

struct ItemLine
{
    qsizetype begin = 0;
    int number = 0;
};

// A top-level key whose value is a block collection, as the lines show it.
struct Entry
{
    qsizetype begin = 0;       // the key's line
    qsizetype end = 0;         // the next top-level key's line, or the end
    int keyLine = 0;
    int endLine = 0;
    int itemIndent = -1;       // unknown until the first line of the value
    bool sequence = false;
    bool cuttable = true;
    std::vector<ItemLine> items;
};

} // namespace

std::optional<YamlChunkPlan> YamlChunkPlan::make(QByteArrayView yaml, int parts, qsizetype minimumPartBytes)
{
    minimumPartBytes = std::max<qsizetype>(minimumPartBytes, 1);
    if (parts < 2 || yaml.size() < 2 * minimumPartBytes)
        return std::nullopt;
    const char *text = yaml.data();
    const qsizetype size = yaml.size();

    // Control characters (yaml-cpp reads 0x04 as the end of the text) and
    // UTF-16 or UTF-32 text (NUL bytes): no plan.
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
            return std::nullopt;
    }

    std::optional<Entry> best;
    std::optional<Entry> current;
    const auto close = [&](qsizetype end, int endLine) {
        if (!current)
            return;
        current->end = end;
        current->endLine = endLine;
        if (current->cuttable && current->items.size() >= 2
            && (!best || current->end - current->begin > best->end - best->begin))
            best = std::move(current);
        current.reset();
    };

    bool seenContent = false;
    int lineNumber = 0;
    for (qsizetype begin = 0; begin < size; ++lineNumber) {
        const void *newline = std::memchr(text + begin, '\n', size_t(size - begin));
        const qsizetype lineEnd = newline ? static_cast<const char *>(newline) - text : size;
        const qsizetype next = newline ? lineEnd + 1 : size;

        qsizetype p = begin;
        while (p < lineEnd && text[p] == ' ')
            ++p;
        const int indent = int(p - begin);
        qsizetype e = lineEnd;
        while (e > p && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t'))
            --e;
        if (p < lineEnd && text[p] == '\t')
            return std::nullopt; // a tab where indentation is
        if (p == e || text[p] == '#') {
            begin = next;
            continue; // blank or a comment
        }
        const QByteArrayView content(text + p, e - p);
        if (!seenContent) {
            seenContent = true;
            if (content.front() == '%')
                return std::nullopt; // directives
            if (content == "---") {
                begin = next;
                continue; // the document's explicit start
            }
        }

        if (indent == 0) {
            close(begin, lineNumber);
            // A second document, a root that is no mapping, or a key the plan
            // does not read: no plan.
            if (content.startsWith("---") || content.startsWith("...") || !isKeyStart(content.front()))
                return std::nullopt;
            // `key:` alone on its line opens a block value; `key: value` does not.
            if (content.back() == ':' && !content.contains('#'))
                current = Entry{begin, 0, lineNumber, 0, -1, false, true, {}};
        } else if (current && current->cuttable) {
            const bool dashItem = content.front() == '-' && content.size() > 1 && content[1] == ' ';
            if (current->itemIndent < 0) {
                current->itemIndent = indent;
                current->sequence = content.front() == '-';
                if (current->sequence ? !dashItem : !isKeyStart(content.front()))
                    current->cuttable = false;
            }
            if (indent == current->itemIndent) {
                // Items the plan cuts at: "- ..." or "key..." at the items'
                // indentation; other lines there ("-" alone, a quoted key)
                // stay inside their part.
                if (current->sequence ? dashItem : isKeyStart(content.front()))
                    current->items.push_back({begin, lineNumber});
            } else if (indent < current->itemIndent) {
                current->cuttable = false;
            }
        }
        begin = next;
    }
    close(size, lineNumber);
    if (!best)
        return std::nullopt;

    const qsizetype entrySize = best->end - best->begin;
    const int count = int(std::min<qsizetype>(parts, entrySize / minimumPartBytes));
    if (count < 2)
        return std::nullopt;

    // Cut before the first item at or after each even share of the entry;
    // every part after the first keeps at least two items.
    std::vector<size_t> cuts;
    for (int j = 1; j < count; ++j) {
        const qsizetype target = best->begin + entrySize * j / count;
        size_t s = cuts.empty() ? 1 : cuts.back() + 1;
        while (s < best->items.size() && best->items[s].begin < target)
            ++s;
        if (s >= best->items.size())
            break;
        cuts.push_back(s);
    }
    if (cuts.empty())
        return std::nullopt;

    YamlChunkPlan plan;
    plan.keyLine = best->keyLine;
    plan.itemIndent = best->itemIndent;
    plan.sequence = best->sequence;
    plan.parts.push_back({0, best->items[cuts.front()].begin, 0});
    for (size_t j = 0; j < cuts.size(); ++j) {
        const ItemLine &first = best->items[cuts[j] - 1];
        const qsizetype end = j + 1 < cuts.size() ? best->items[cuts[j + 1]].begin : best->end;
        plan.parts.push_back({first.begin, end, first.number});
    }
    if (best->end < size)
        plan.suffix = Part{best->end, size, best->endLine};
    return plan;
}

} // namespace sd
