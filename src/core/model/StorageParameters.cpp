#include "StorageParameters.h"

#include <algorithm>

namespace sd {

namespace {

// The value the server compares: a boolean's spellings are one.
QString comparable(const QString &parameter)
{
    const QString value = StorageParameters::value(parameter).toLower();
    static const QStringList trueWords = {QStringLiteral("on"), QStringLiteral("true"), QStringLiteral("yes")};
    static const QStringList falseWords = {QStringLiteral("off"), QStringLiteral("false"), QStringLiteral("no")};
    QString normal = value;
    if (trueWords.contains(value))
        normal = QStringLiteral("true");
    else if (falseWords.contains(value))
        normal = QStringLiteral("false");
    return StorageParameters::name(parameter) + QLatin1Char('=') + normal;
}

} // namespace

QString StorageParameters::join(const QString &name, const QString &value)
{
    return name.toLower() + QLatin1Char('=') + value;
}

QString StorageParameters::name(const QString &parameter)
{
    return parameter.section(QLatin1Char('='), 0, 0);
}

QString StorageParameters::value(const QString &parameter)
{
    return parameter.section(QLatin1Char('='), 1);
}

std::optional<QStringList> StorageParameters::knownNames(const QString &method)
{
    const QString m = method.isEmpty() ? QStringLiteral("btree") : method.toLower();
    if (m == QLatin1String("btree"))
        return QStringList{QStringLiteral("fillfactor"), QStringLiteral("deduplicate_items")};
    if (m == QLatin1String("hash") || m == QLatin1String("spgist"))
        return QStringList{QStringLiteral("fillfactor")};
    if (m == QLatin1String("gist"))
        return QStringList{QStringLiteral("fillfactor"), QStringLiteral("buffering")};
    if (m == QLatin1String("gin"))
        return QStringList{QStringLiteral("fastupdate"), QStringLiteral("gin_pending_list_limit")};
    if (m == QLatin1String("brin"))
        return QStringList{QStringLiteral("pages_per_range"), QStringLiteral("autosummarize")};
    return std::nullopt;
}

bool StorageParameters::same(const QStringList &a, const QStringList &b)
{
    if (a == b)
        return true;
    if (a.size() != b.size())
        return false;
    QStringList left, right;
    for (const QString &p : a)
        left << comparable(p);
    for (const QString &p : b)
        right << comparable(p);
    std::sort(left.begin(), left.end());
    std::sort(right.begin(), right.end());
    return left == right;
}

} // namespace sd
