#pragma once
// Where a large YAML text can be cut so that its parts parse at the same time.
//
// A schema file is one big block collection under one top-level key
// (`tables:`), whose items start on lines of their own at one indentation.
// The plan cuts that collection at item lines into parts of about equal size:
//
//   part 0   the text before the collection and its first items
//   part i   the next items, starting with the last item of part i-1 again
//   suffix   the top-level keys after the collection, when there are any
//
// Each part repeats the previous part's last item so that every item is also
// parsed followed by the text that really follows it: the joined tree keeps
// the later copy. The plan is only a proposal: YamlDocument checks that each
// part parsed into the shape the plan expects and otherwise parses the text
// whole, so a plan never changes what a text means, only how fast it is read.
//
// Text the plan does not understand (tabs in indentation, directives, a
// second document, lines indented less than the items, ...) gets no plan.

#include <QByteArrayView>

#include <optional>
#include <vector>

namespace sd {

class YamlChunkPlan
{
public:
    struct Part
    {
        qsizetype begin = 0;   // byte offsets in the text
        qsizetype end = 0;
        int firstLine = 0;     // 0-based line of `begin`
    };

    // A plan of up to `parts` parts of at least `minimumPartBytes` each; none
    // when the text cannot be cut or is too small to gain from it.
    static std::optional<YamlChunkPlan> make(QByteArrayView yaml, int parts, qsizetype minimumPartBytes);

    // The top-level key whose value is cut, and the collection's shape.
    int keyLine = 0;         // 0-based
    int itemIndent = 0;      // the column of every item's first character
    bool sequence = false;   // items are "- ..." entries; otherwise "key: ..."

    // Part 0 holds the text before the collection; each later part begins at
    // the previous part's last item (its firstLine is that item's line).
    std::vector<Part> parts;
    // The top-level keys after the collection; begins with one (firstLine).
    std::optional<Part> suffix;
};

} // namespace sd
