#include "Schema.h"

#include <QHashFunctions>

#include <algorithm>

namespace sd {

QString DefaultValue::display() const
{
    switch (kind) {
    case Kind::None: return {};
    case Kind::String: {
        QString escaped = text;
        escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + escaped + QLatin1Char('\'');
    }
    case Kind::Number:
    case Kind::Boolean:
    case Kind::Expression: return text;
    case Kind::Null: return QStringLiteral("NULL");
    }
    return {};
}

size_t qHash(const Index &index, size_t seed) noexcept
{
    return qHashMulti(seed, index.name, index.columns, index.unique);
}

size_t qHash(const UniqueConstraint &unique, size_t seed) noexcept
{
    return qHashMulti(seed, unique.name, unique.columns);
}

size_t qHash(const ForeignKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.name, key.columns, key.referencedTable);
}

size_t qHash(const Check &check, size_t seed) noexcept
{
    return qHashMulti(seed, check.name, check.expression);
}

QString referentialActionKey(ReferentialAction action)
{
    switch (action) {
    case ReferentialAction::NoAction: return QStringLiteral("no action");
    case ReferentialAction::Restrict: return QStringLiteral("restrict");
    case ReferentialAction::Cascade: return QStringLiteral("cascade");
    case ReferentialAction::SetNull: return QStringLiteral("set null");
    case ReferentialAction::SetDefault: return QStringLiteral("set default");
    }
    return {};
}

std::optional<ReferentialAction> referentialActionFromKey(const QString &key)
{
    QString k = key.simplified().toLower();
    k.replace(QLatin1Char('_'), QLatin1Char(' '));
    for (auto a : {ReferentialAction::NoAction, ReferentialAction::Restrict, ReferentialAction::Cascade,
                   ReferentialAction::SetNull, ReferentialAction::SetDefault}) {
        if (k == referentialActionKey(a))
            return a;
    }
    return std::nullopt;
}

template<typename List>
static auto findByName(List &list, const QString &name) -> decltype(&list[0])
{
    auto it = std::find_if(list.begin(), list.end(), [&](const auto &item) { return item.name == name; });
    return it == list.end() ? nullptr : &*it;
}

QStringList Table::sqliteOptions() const
{
    QStringList options;
    if (withoutRowid)
        options << QStringLiteral("WITHOUT ROWID");
    if (strict)
        options << QStringLiteral("STRICT");
    return options;
}

const Column *Table::column(const QString &n) const { return findByName(columns, n); }
Column *Table::column(const QString &n) { return findByName(columns, n); }
const Index *Table::index(const QString &n) const { return findByName(indexes, n); }
const Table *Schema::table(const QString &n) const { return findByName(tables, n); }
Table *Schema::table(const QString &n) { return findByName(tables, n); }
const EnumType *Schema::enumType(const QString &n) const { return findByName(enums, n); }

} // namespace sd
