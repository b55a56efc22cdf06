#pragma once
// Where a large YAML text can be cut so that its parts parse at the same time.
//
// A schema file is one big block collection under one top-level key
// (`tables:`), whose items start on lines of their own at one indentation.
// The plan cuts that collection at item lines into parts of about equal size:
//
//   part 0   the text before the collection and its first items
//   part i   the next items, starting with the last item of part i-1 again;
//            the last part runs to the end of the text, top-level keys after
//            the collection included
//
// Each part repeats the previous part's last item so that every item is also
// parsed followed by the text that really follows it: the joined tree keeps
// the later copy. YamlDocument parses each part after the first behind a
// made-up top-level key, so that it sits at the depth and indentation it has
// in the whole text.
//
// A plan is only made for a collection whose every line YAML reads the same
// whatever the lines around it (isSelfContainedLine() in the .cpp: "- value",
// "key: value", "key:", each value whole on its line), which is what
// SchemaWriter writes and most people type; anything else (a scalar or flow
// collection over several lines, a block scalar, "? ", tabs, directives, a
// second document, a carriage return other than CRLF's) gets no plan. And a
// plan is only a proposal: YamlDocument checks that each part parsed into one
// document of the shape the plan expects, and otherwise parses the text
// whole, so that a plan never changes what a text means, only how fast it is
// read.

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
    // the previous part's last item (its firstLine is that item's line); the
    // last ends with the text.
    std::vector<Part> parts;
};

} // namespace sd
