#include "TableDefinitionListing.h"

#include "config/SchemaWriter.h"

#include <optional>

namespace sd::app {

namespace {

using K = Difference::Kind;

enum class Section { Name, Comment, Partitioning, Options, Columns, PrimaryKey, Indexes, Uniques, ForeignKeys, Checks };

std::optional<Section> sectionOf(K kind)
{
    switch (kind) {
    case K::TableRenamed:
        return Section::Name;
    case K::TableCommentChanged:
        return Section::Comment;
    case K::PartitioningChanged:
        return Section::Partitioning;
    case K::TableOptionsChanged:
        return Section::Options;
    case K::ColumnAdded:
    case K::ColumnRemoved:
    case K::ColumnRenamed:
    case K::ColumnTypeChanged:
    case K::ColumnNullabilityChanged:
    case K::ColumnDefaultChanged:
    case K::ColumnAutoincrementChanged:
    case K::ColumnGeneratedChanged:
    case K::ColumnCollationChanged:
    case K::ColumnCommentChanged:
        return Section::Columns;
    case K::PrimaryKeyChanged:
        return Section::PrimaryKey;
    case K::IndexAdded:
    case K::IndexRemoved:
    case K::IndexChanged:
        return Section::Indexes;
    case K::UniqueAdded:
    case K::UniqueRemoved:
    case K::UniqueChanged:
        return Section::Uniques;
    case K::ForeignKeyAdded:
    case K::ForeignKeyRemoved:
    case K::ForeignKeyChanged:
        return Section::ForeignKeys;
    case K::CheckAdded:
    case K::CheckRemoved:
    case K::CheckChanged:
        return Section::Checks;
    default:
        return std::nullopt;
    }
}

// One part of one side: what aligns it with the other side, its name for
// matching differences, its text and its value.
struct Part
{
    QString key;
    QString name;
    QString text;
    Difference::Object object;
};

using Parts = QList<Part>;

template<typename T, typename Format>
Parts partsOf(const QList<T> &items, Format format)
{
    Parts out;
    for (const T &item : items) {
        const QString text = format(item);
        out << Part{item.name.isEmpty() ? QStringLiteral("=") + text : item.name, item.name, text, item};
    }
    return out;
}

QString primaryKeyText(const PrimaryKey &key)
{
    const QString columns = QLatin1Char('[') + key.columns.join(QStringLiteral(", ")) + QLatin1Char(']');
    if (key.name.isEmpty())
        return QStringLiteral("primary_key: ") + columns;
    return QStringLiteral("primary_key: {name: ") + key.name + QStringLiteral(", columns: ") + columns + QLatin1Char('}');
}

// Pairs the parts of both sides in order: the longest common sequence of
// keys stays on common lines, the rest gets lines of its own.
using Pair = std::pair<const Part *, const Part *>;

QList<Pair> align(const Parts &live, const Parts &configured)
{
    const qsizetype n = live.size();
    const qsizetype m = configured.size();
    QList<int> lcs((n + 1) * (m + 1), 0);
    const auto at = [m](qsizetype i, qsizetype j) { return i * (m + 1) + j; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[at(i, j)] = live[i].key == configured[j].key ? lcs[at(i + 1, j + 1)] + 1
                                                              : qMax(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        }
    }
    QList<Pair> out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && live[i].key == configured[j].key) {
            out.append(Pair(&live[i], &configured[j]));
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)])) {
            out.append(Pair(nullptr, &configured[j++]));
        } else {
            out.append(Pair(&live[i++], nullptr));
        }
    }
    return out;
}

bool touches(const Difference &d, const Part *live, const Part *configured)
{
    const auto named = [](const QString &name, const Part *part) { return !name.isEmpty() && part && part->name == name; };
    if (named(d.name, live) || named(d.name, configured) || named(d.oldName, live))
        return true;
    if (live && !std::holds_alternative<std::monostate>(d.live) && d.live == live->object)
        return true;
    return configured && !std::holds_alternative<std::monostate>(d.configured) && d.configured == configured->object;
}

class Builder
{
public:
    Builder(const Differences &differences, DiffStatus wholeTable, bool wholeTableDestructive)
        : m_differences(differences)
        , m_wholeTable(wholeTable)
        , m_wholeTableDestructive(wholeTableDestructive)
    {
    }

    void line(Section section, const Part *live, const Part *configured, bool singleton)
    {
        DefinitionLine l;
        l.inLive = live != nullptr;
        l.inConfigured = configured != nullptr;
        l.live = live ? live->text : QString();
        l.configured = configured ? configured->text : QString();
        bool touched = false;
        if (m_wholeTable != DiffStatus::Unchanged) {
            touched = true;
            l.destructive = m_wholeTableDestructive;
        } else {
            for (const Difference &d : m_differences) {
                if (sectionOf(d.kind) != section || !(singleton || touches(d, live, configured)))
                    continue;
                touched = true;
                l.destructive = l.destructive || d.destructive;
            }
        }
        if (touched)
            l.status = live && configured ? DiffStatus::Changed : live ? DiffStatus::Removed : DiffStatus::Added;
        m_lines << l;
    }

    void header(const QString &text, bool live, bool configured)
    {
        DefinitionLine l;
        l.inLive = live;
        l.inConfigured = configured;
        l.live = live ? text : QString();
        l.configured = configured ? text : QString();
        if (m_wholeTable != DiffStatus::Unchanged) {
            l.status = m_wholeTable;
            l.destructive = m_wholeTableDestructive;
        }
        m_lines << l;
    }

    void section(Section section, const char *key, const Parts &live, const Parts &configured)
    {
        if (live.isEmpty() && configured.isEmpty())
            return;
        header(QLatin1String(key) + QLatin1Char(':'), !live.isEmpty(), !configured.isEmpty());
        for (const auto &[l, c] : align(live, configured)) {
            Part indentedLive;
            Part indentedConfigured;
            if (l) {
                indentedLive = *l;
                indentedLive.text = QStringLiteral("  - ") + l->text;
            }
            if (c) {
                indentedConfigured = *c;
                indentedConfigured.text = QStringLiteral("  - ") + c->text;
            }
            line(section, l ? &indentedLive : nullptr, c ? &indentedConfigured : nullptr, false);
        }
    }

    QList<DefinitionLine> take() { return std::move(m_lines); }

private:
    const Differences &m_differences;
    DiffStatus m_wholeTable;
    bool m_wholeTableDestructive;
    QList<DefinitionLine> m_lines;
};

} // namespace

QList<DefinitionLine> TableDefinitionListing::lines(const Table *live, const Table *configured, const Differences &differences)
{
    DiffStatus whole = DiffStatus::Unchanged;
    bool wholeDestructive = false;
    for (const Difference &d : differences) {
        if (d.kind == K::TableAdded || d.kind == K::TableRemoved) {
            whole = d.kind == K::TableAdded ? DiffStatus::Added : DiffStatus::Removed;
            wholeDestructive = d.destructive;
        }
    }
    if (!live && !configured)
        return {};
    Builder b(differences, whole, wholeDestructive);
    const auto single = [](const QString &key, const QString &name, const QString &value) -> Part {
        return Part{key, name, key + QStringLiteral(": ") + value, value};
    };
    const auto optionalPart = [](const Table *table, auto make) -> std::optional<Part> {
        if (!table)
            return std::nullopt;
        return make(*table);
    };
    const auto put = [&b](Section section, const std::optional<Part> &l, const std::optional<Part> &c) {
        if (l || c)
            b.line(section, l ? &*l : nullptr, c ? &*c : nullptr, true);
    };

    put(Section::Name, optionalPart(live, [&](const Table &t) { return single(QStringLiteral("name"), t.name, t.name); }),
        optionalPart(configured, [&](const Table &t) { return single(QStringLiteral("name"), t.name, t.name); }));
    const auto textPart = [&](const Table *t, const char *key, QString Table::*member) -> std::optional<Part> {
        if (!t || (t->*member).isEmpty())
            return std::nullopt;
        return single(QLatin1String(key), {}, t->*member);
    };
    put(Section::Comment, textPart(live, "comment", &Table::comment), textPart(configured, "comment", &Table::comment));
    put(Section::Partitioning, textPart(live, "partition_by", &Table::partitionBy),
        textPart(configured, "partition_by", &Table::partitionBy));
    // SQLite's table options, as schema.yaml writes them.
    const auto flagPart = [&](const Table *t, const char *key, bool Table::*member) -> std::optional<Part> {
        if (!t || !(t->*member))
            return std::nullopt;
        return single(QLatin1String(key), {}, QStringLiteral("true"));
    };
    put(Section::Options, flagPart(live, "without_rowid", &Table::withoutRowid),
        flagPart(configured, "without_rowid", &Table::withoutRowid));
    put(Section::Options, flagPart(live, "strict", &Table::strict), flagPart(configured, "strict", &Table::strict));

    // A configured column with a rename hint aligns with its old name.
    Parts liveColumns = live ? partsOf(live->columns, SchemaWriter::columnYaml) : Parts();
    Parts configuredColumns = configured ? partsOf(configured->columns, SchemaWriter::columnYaml) : Parts();
    for (Part &p : configuredColumns) {
        for (const Difference &d : differences) {
            if (d.kind == K::ColumnRenamed && d.name == p.name)
                p.key = d.oldName;
        }
    }
    b.section(Section::Columns, "columns", liveColumns, configuredColumns);

    const auto keyPart = [](const Table *t) -> std::optional<Part> {
        if (!t || t->primaryKey.isEmpty())
            return std::nullopt;
        return Part{QStringLiteral("primary_key"), t->primaryKey.name, primaryKeyText(t->primaryKey), t->primaryKey};
    };
    put(Section::PrimaryKey, keyPart(live), keyPart(configured));

    const auto parts = [](const Table *t, auto member, auto format) -> Parts {
        return t ? partsOf(t->*member, format) : Parts();
    };
    b.section(Section::Indexes, "indexes", parts(live, &Table::indexes, SchemaWriter::indexYaml),
              parts(configured, &Table::indexes, SchemaWriter::indexYaml));
    b.section(Section::Uniques, "unique_constraints", parts(live, &Table::uniqueConstraints, SchemaWriter::uniqueYaml),
              parts(configured, &Table::uniqueConstraints, SchemaWriter::uniqueYaml));
    b.section(Section::ForeignKeys, "foreign_keys", parts(live, &Table::foreignKeys, SchemaWriter::foreignKeyYaml),
              parts(configured, &Table::foreignKeys, SchemaWriter::foreignKeyYaml));
    b.section(Section::Checks, "checks", parts(live, &Table::checks, SchemaWriter::checkYaml),
              parts(configured, &Table::checks, SchemaWriter::checkYaml));
    return b.take();
}

} // namespace sd::app
