#include "Checksum.h"

#include <QCryptographicHash>

namespace sd {

QByteArray Checksum::normalizeLineEndings(const QByteArray &bytes)
{
    if (!bytes.contains('\r'))
        return bytes;
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '\r') {
            out.append(c);
            continue;
        }
        out.append('\n');
        if (i + 1 < bytes.size() && bytes.at(i + 1) == '\n')
            ++i; // CRLF: one LF
    }
    return out;
}

QString Checksum::of(const QByteArray &bytes)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(normalizeLineEndings(bytes), QCryptographicHash::Sha256).toHex());
}

} // namespace sd
