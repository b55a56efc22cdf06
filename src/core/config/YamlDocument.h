#pragma once
// A parsed YAML document: a compact tree built from yaml-cpp's event parser,
// much lighter than YAML::Node. Nodes keep their position, a scalar keeps
// whether it was quoted, aliases read as the node their anchor names, and a
// mapping keeps repeated keys (in order) for the readers to report.
//
// A large text is parsed in parts at the same time, one per processor core,
// where YamlChunkPlan finds places to cut it; the tree is the same as the
// whole text's, and the text is parsed whole whenever the parts do not
// join into exactly that tree.

#include "YamlNode.h"

#include <QByteArray>
#include <QString>

#include <expected>
#include <memory>

namespace sd {

struct YamlDocumentData;

class YamlDocument
{
public:
    // Why the text is no YAML, where yaml-cpp stopped.
    struct ParseError
    {
        QString message;     // yaml-cpp's, untranslated
        int line = 0;        // 1-based; 0 when unknown
        int column = 0;
        bool syntax = true;  // false: the parser failed otherwise (too deep, ...)
    };

    YamlDocument();
    YamlDocument(YamlDocument &&) noexcept;
    YamlDocument &operator=(YamlDocument &&) noexcept;
    ~YamlDocument();

    struct ParseOptions
    {
        int threads = 0;                        // 0: one per processor core
        qsizetype minimumPartBytes = 192 * 1024; // smaller parts gain nothing
    };

    // The first document in `yaml`; later documents are not read.
    static std::expected<YamlDocument, ParseError> parse(const QByteArray &yaml);
    static std::expected<YamlDocument, ParseError> parse(const QByteArray &yaml, const ParseOptions &options);

    // How many parts of the text were parsed at the same time; 1 when the
    // text was parsed whole.
    int partCount() const { return m_partCount; }

    // A null node when the text holds no document (empty, comments only).
    // Nodes stay valid while the document lives, moved or not.
    YamlNode root() const;

private:
    std::unique_ptr<YamlDocumentData> m_data;
    int m_partCount = 1;
};

} // namespace sd
