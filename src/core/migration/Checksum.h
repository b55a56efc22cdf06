#pragma once
// The checksum of a migration file stored in schemadesk_history (DESIGN.md
// section 5): SHA-256 of the bytes with line endings normalised, so that a
// CRLF checkout of the same file is not a change.

#include <QByteArray>
#include <QString>

namespace sd {

class Checksum
{
public:
    // Lower-case hex SHA-256 (64 digits) of `bytes` after normalising.
    static QString of(const QByteArray &bytes);
    // CRLF and a lone CR become LF; nothing else changes.
    static QByteArray normalizeLineEndings(const QByteArray &bytes);
};

} // namespace sd
