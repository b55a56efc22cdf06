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

// The end of a quoted scalar that starts at `i` (a quote), just past its
// closing quote; -1 when it does not close on the line.
qsizetype quotedEnd(QByteArrayView line, qsizetype i)
{
    const char quote = line[i];
    for (qsizetype j = i + 1; j < line.size(); ++j) {
        if (quote == '"' && line[j] == '\\') {
            ++j;
        } else if (line[j] == quote) {
            if (quote == '\'' && j + 1 < line.size() && line[j + 1] == '\'') {
                ++j; // '' in single quotes
                continue;
            }
            return j + 1;
        }
    }
    return -1;
}

// The end of a flow collection that starts at `i` ('[' or '{'), just past
// its closing bracket; -1 when it does not close on the line.
qsizetype flowEnd(QByteArrayView line, qsizetype i)
{
    int depth = 0;
    bool tokenStart = true; // a quote here opens a quoted scalar; elsewhere it is text
    for (qsizetype j = i; j < line.size(); ++j) {
        const char c = line[j];
        if ((c == '"' || c == '\'') && tokenStart) {
            const qsizetype end = quotedEnd(line, j);
            if (end < 0)
                return -1;
            j = end - 1;
            tokenStart = false;
        } else if (c == '[' || c == '{' || c == ',') {
            depth += c == ',' ? 0 : 1;
            tokenStart = true;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                return j + 1;
            tokenStart = false;
        } else if (c == ':' && (j + 1 == line.size() || line[j + 1] == ' ')) {
            tokenStart = true;
        } else if (c == '#' && j > i && line[j - 1] == ' ') {
            return -1; // a comment inside: the collection goes on on another line
        } else if (c != ' ') {
            tokenStart = false;
        }
    }
    return -1;
}

// Whether only a comment, if anything, follows `i`.
bool restIsComment(QByteArrayView line, qsizetype i)
{
    return i == line.size() || (line[i] == ' ' && line.sliced(i).trimmed().startsWith('#'));
}

// Whether `value` (a scalar or flow collection after "key: " or "- ") is
// whole on its line: a flow collection or quoted scalar that closes there, or
// a plain scalar that is neither a key nor a block scalar, anchor, alias or
// tag.
bool isWholeValue(QByteArrayView value)
{
    const char first = value.front();
    if (first == '[' || first == '{') {
        const qsizetype end = flowEnd(value, 0);
        return end > 0 && restIsComment(value, end);
    }
    if (first == '"' || first == '\'') {
        const qsizetype end = quotedEnd(value, 0);
        return end > 0 && restIsComment(value, end);
    }
    if (QByteArrayView("|>&*!%@`?:,#]}").contains(first))
        return false;
    if (first == '-' && (value.size() == 1 || value[1] == ' '))
        return false; // "-1" is a number, "- x" no value
    return !value.contains(": ") && !value.endsWith(':');
}

// Whether a line of the collection the plan cuts is one YAML reads the same
// whatever the lines around it: "- value", "- key: value", "key: value" or
// "key:" (a block follows), each value whole on the line. A line that goes
// on from the one before (a plain or quoted scalar over several lines, a
// flow collection over several lines, a block scalar's text), a complex key
// ("? ") or a tab makes the text be parsed whole: which of those yaml-cpp
// joins to what can depend on lines further on, past where a part ends.
bool isSelfContainedLine(QByteArrayView line)
{
    if (line.contains('\t'))
        return false;
    bool item = false;
    while (line.startsWith("- ")) {
        line = line.sliced(2).trimmed();
        item = true;
    }
    if (line.isEmpty() || line == "-")
        return false;
    // "key:" or "key: value", the key plain ([A-Za-z0-9_.-]) or quoted
    qsizetype keyEnd = -1;
    if (line.front() == '"' || line.front() == '\'') {
        keyEnd = quotedEnd(line, 0);
    } else if (isKeyStart(line.front()) || static_cast<unsigned char>(line.front()) >= 0x80) {
        // ASCII letters, digits, '_', '.', '-' and UTF-8's other letters
        keyEnd = 1;
        while (keyEnd < line.size()
               && (isKeyStart(line[keyEnd]) || line[keyEnd] == '.' || line[keyEnd] == '-'
                   || static_cast<unsigned char>(line[keyEnd]) >= 0x80))
            ++keyEnd;
    }
    if (keyEnd > 0 && keyEnd < line.size() && line[keyEnd] == ':'
        && (keyEnd + 1 == line.size() || line[keyEnd + 1] == ' ')) {
        const QByteArrayView rest = line.sliced(keyEnd + 1).trimmed();
        return rest.isEmpty() || rest.startsWith('#') || isWholeValue(rest);
    }
    // A value alone on its line only as a list's item: otherwise it may go
    // on from the line before.
    return item && isWholeValue(line);
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

    // Control characters (yaml-cpp reads 0x04 as the end of the text),
    // UTF-16 or UTF-32 text (NUL bytes) and a carriage return other than
    // CRLF's (yaml-cpp breaks lines at "\n" and "\r\n" only): no plan.
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\n' && c != '\t' && (c != '\r' || i + 1 == size || text[i + 1] != '\n'))
            return std::nullopt;
    }

    std::optional<Entry> best;
    std::optional<Entry> current;
    const auto close = [&](qsizetype end) {
        if (!current)
            return;
        current->end = end;
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
        if (e > p && text[e - 1] == '\r')
            --e; // CRLF
        while (e > p && text[e - 1] == ' ')
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
            close(begin);
            // A second document, a root that is no mapping, or a key the plan
            // does not read: no plan.
            if (content.startsWith("---") || content.startsWith("...") || !isKeyStart(content.front()))
                return std::nullopt;
            // `key:` alone on its line opens a block value; `key: value` does not.
            if (content.back() == ':' && !content.contains('#'))
                current = Entry{begin, 0, lineNumber, -1, false, true, {}};
        } else if (current && current->cuttable) {
            if (!isSelfContainedLine(content))
                current->cuttable = false;
            const bool dashItem = content.front() == '-' && content.size() > 1 && content[1] == ' ';
            if (current->itemIndent < 0) {
                current->itemIndent = indent;
                current->sequence = content.front() == '-';
                if (current->sequence ? !dashItem : !isKeyStart(content.front()))
                    current->cuttable = false;
            }
            if (indent == current->itemIndent) {
                // Items the plan cuts at: "- ..." or "key..." at the items'
                // indentation; a quoted key there stays inside its part.
                if (current->sequence ? dashItem : isKeyStart(content.front()))
                    current->items.push_back({begin, lineNumber});
            } else if (indent < current->itemIndent) {
                current->cuttable = false;
            }
        }
        begin = next;
    }
    close(size);
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
        const qsizetype end = j + 1 < cuts.size() ? best->items[cuts[j + 1]].begin : size;
        plan.parts.push_back({first.begin, end, first.number});
    }
    return plan;
}

} // namespace sd
