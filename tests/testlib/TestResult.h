#pragma once
// QVERIFY for sd::Result: on failure the error's text is printed.

#include "Error.h"

#include <QTest>

#define SD_VERIFY_RESULT(expr)                                                        \
    do {                                                                              \
        const auto &sdResult_ = (expr);                                               \
        if (!sdResult_.has_value())                                                   \
            QFAIL(qPrintable(QStringLiteral("%1 failed: %2")                          \
                                 .arg(QStringLiteral(#expr), sd::errorText(sdResult_.error())))); \
    } while (false)

namespace sd {
inline QString errorText(const Error &e) { return e.toString(); }
inline QString errorText(const Errors &e) { return joinErrors(e); }
} // namespace sd
