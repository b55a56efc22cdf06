#pragma once
// QCOMPARE for sd::Schema that says where two schemas differ: the first
// differing line of their schema.yaml text, or the first differing member
// when the YAML cannot show it.

#include "model/Schema.h"

#include <QTest>

namespace sd::testing {

// Empty when the schemas are equal.
QString schemaDifference(const Schema &actual, const Schema &expected);

} // namespace sd::testing

#define SD_COMPARE_SCHEMA(actual, expected)                                                   \
    do {                                                                                      \
        const QString sdDifference_ = sd::testing::schemaDifference((actual), (expected));    \
        if (!sdDifference_.isEmpty())                                                         \
            QFAIL(qPrintable(QStringLiteral("%1 and %2 differ: %3")                           \
                                 .arg(QStringLiteral(#actual), QStringLiteral(#expected), sdDifference_))); \
    } while (false)
