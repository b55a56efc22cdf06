#include "SchemaRenameHint.h"

#include "config/SchemaReader.h"
#include "config/YamlScalar.h"
#include "dialect/Dialect.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaRenameHint)
};

bool compatible(const Dialect &dialect, const ColumnType &from, const ColumnType &to)
{
    return dialect.typeKey(from) == dialect.typeKey(to) || !dialect.isNarrowing(from, to);
}

QString scalarOf(const YAML::Node &node)
{
    return node.IsDefined() && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

// The bytes of the file with the offsets of its lines, to turn yaml-cpp's
// marks (0-based line and byte column) into offsets.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &bytes)
        : m_bytes(bytes)
    {
        m_starts << 0;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (bytes.at(i) == '\n')
                m_starts << i + 1;
        }
        // yaml-cpp skips a byte order mark without counting it.
        m_bomLength = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    }

    qsizetype offset(const YAML::Mark &mark) const
    {
        if (mark.line < 0 || mark.line >= m_starts.size())
            return -1;
        return m_starts.at(mark.line) + mark.column + (mark.line == 0 ? m_bomLength : 0);
    }
    qsizetype lineCount() const { return m_starts.size(); }
    qsizetype lineStart(qsizetype line) const { return m_starts.at(line); }
    // The line's text without its line break.
    QByteArray line(qsizetype line) const
    {
        const qsizetype start = m_starts.at(line);
        qsizetype end = line + 1 < m_starts.size() ? m_starts.at(line + 1) - 1 : m_bytes.size();
        if (end > start && m_bytes.at(end - 1) == '\r')
            --end;
        return m_bytes.mid(start, end - start);
    }
    QByteArray lineBreak(qsizetype line) const
    {
        const QByteArray text = line + 1 < m_starts.size() ? m_bytes.mid(m_starts.at(line), m_starts.at(line + 1) - m_starts.at(line))
                                                            : QByteArray();
        return text.endsWith("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    }

private:
    const QByteArray &m_bytes;
    QList<qsizetype> m_starts;
    int m_bomLength = 0;
};

// Where `, renamed_from: x` goes in the flow mapping opening at `open`:
// right after its last entry (before a trailing comment or the closing
// brace); -1 when the mapping does not close. `endsWithComma` says whether
// the last significant character is a comma.
qsizetype flowInsertPosition(const QByteArray &b, qsizetype open, bool &endsWithComma)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    int depth = 0;
    char previous = '{';          // last significant character
    qsizetype lastEnd = open + 1; // just past it
    for (qsizetype i = open + 1; i < b.size(); ++i) {
        const char c = b.at(i);
        if (isSpace(c))
            continue;
        if (c == '#' && isSpace(b.at(i - 1))) {
            while (i < b.size() && b.at(i) != '\n')
                ++i;
            continue;
        }
        const bool scalarStart = previous == '{' || previous == '[' || previous == ',' || previous == ':'
                                 || previous == '?';
        if (c == '\'' && scalarStart) {
            for (++i; i < b.size(); ++i) {
                if (b.at(i) == '\'') {
                    if (i + 1 < b.size() && b.at(i + 1) == '\'') {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
        } else if (c == '"' && scalarStart) {
            for (++i; i < b.size() && b.at(i) != '"'; ++i) {
                if (b.at(i) == '\\')
                    ++i;
            }
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0) {
                endsWithComma = previous == ',';
                return c == '}' ? lastEnd : -1;
            }
            --depth;
        }
        previous = i < b.size() ? b.at(i) : c;
        lastEnd = qMin(i + 1, b.size());
    }
    return -1;
}

int indentation(const QByteArray &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == ' ')
        ++n;
    return n;
}

bool isBlankOrComment(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    return t.isEmpty() || t.startsWith('#');
}

} // namespace

QList<RenameCandidate> SchemaRenameHint::candidates(const Differences &differences, const Dialect &dialect)
{
    QList<RenameCandidate> out;
    for (const Difference &removed : differences) {
        if (removed.kind != Difference::Kind::ColumnRemoved)
            continue;
        const Column *from = std::get_if<Column>(&removed.live);
        if (!from)
            continue;
        for (const Difference &added : differences) {
            if (added.kind != Difference::Kind::ColumnAdded || added.table != removed.table)
                continue;
            const Column *to = std::get_if<Column>(&added.configured);
            if (to && compatible(dialect, from->type, to->type))
                out << RenameCandidate{removed.table, from->name, to->name, from->type, to->type};
        }
    }
    return out;
}

Result<QByteArray> SchemaRenameHint::addColumnHint(const QByteArray &yaml, const QString &table, const QString &column,
                                                   const QString &renamedFrom, const QString &displayPath)
{
    const auto fail = [&displayPath](const QString &message, int line = 0, int column = 0) {
        return std::unexpected(Error::input(message, displayPath, line, column));
    };
    const auto failAt = [&fail](const QString &message, const YAML::Mark &mark) {
        return fail(message, mark.line + 1, mark.column + 1);
    };
    if (renamedFrom.isEmpty() || renamedFrom == column)
        return fail(Tr::tr("a rename hint needs the column's previous name"));

    // The file must read as a schema now, and must read as the same schema
    // with one hint more once edited.
    const MultiResult<Schema> before = SchemaReader::readString(yaml, displayPath);
    if (!before)
        return std::unexpected(before.error().constFirst());

    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        return failAt(QString::fromStdString(e.msg), e.mark);
    }
    const YAML::Node tables = root.IsMap() ? static_cast<const YAML::Node &>(root)["tables"] : YAML::Node();
    if (!tables.IsDefined() || !tables.IsSequence())
        return fail(Tr::tr("the schema configuration has no list of tables"));
    // Found nodes are kept in optionals: assigning to a YAML::Node would
    // rebind it rather than copy the handle.
    std::optional<YAML::Node> tableNode;
    for (const YAML::Node &t : tables) {
        if (t.IsMap() && scalarOf(t["name"]) == table) {
            tableNode.emplace(t);
            break;
        }
    }
    if (!tableNode)
        return failAt(Tr::tr("no table %1 in the schema configuration").arg(table), tables.Mark());
    const YAML::Node columns = static_cast<const YAML::Node &>(*tableNode)["columns"];
    std::optional<YAML::Node> columnNode;
    if (columns.IsDefined() && columns.IsSequence()) {
        for (const YAML::Node &c : columns) {
            if (c.IsMap() && scalarOf(c["name"]) == column) {
                columnNode.emplace(c);
                break;
            }
        }
    }
    if (!columnNode)
        return failAt(Tr::tr("table %1 has no column %2").arg(table, column), tableNode->Mark());
    const YAML::Node existing = static_cast<const YAML::Node &>(*columnNode)["renamed_from"];
    if (existing.IsDefined()) {
        if (scalarOf(existing) == renamedFrom)
            return yaml;
        return failAt(Tr::tr("column %1.%2 already has renamed_from: %3").arg(table, column, scalarOf(existing)),
                      existing.Mark());
    }

    const LineIndex lines(yaml);
    const YAML::Mark mark = columnNode->Mark();
    const qsizetype start = lines.offset(mark);
    const QByteArray value = YamlScalar::quoted(renamedFrom).toUtf8();
    QByteArray edited = yaml;
    if (columnNode->Style() == YAML::EmitterStyle::Flow) {
        bool endsWithComma = false;
        const qsizetype at = start >= 0 && start < yaml.size() && yaml.at(start) == '{'
                                 ? flowInsertPosition(yaml, start, endsWithComma)
                                 : -1;
        if (at < 0)
            return failAt(Tr::tr("cannot find where the entry of column %1.%2 ends").arg(table, column), mark);
        edited.insert(at, (endsWithComma ? QByteArrayLiteral(" renamed_from: ") : QByteArrayLiteral(", renamed_from: "))
                              + value);
    } else {
        // A block mapping: its keys stand at the mark's column; it goes on
        // while lines are indented that far or more. The hint goes after its
        // last such line, so comments and blank lines after it stay put.
        const int keyIndent = mark.column;
        qsizetype last = mark.line;
        for (qsizetype l = mark.line + 1; l < lines.lineCount(); ++l) {
            const QByteArray text = lines.line(l);
            if (isBlankOrComment(text))
                continue;
            if (indentation(text) < keyIndent)
                break;
            last = l;
        }
        const QByteArray lineBreak = lines.lineBreak(mark.line);
        QByteArray insertion = QByteArray(keyIndent, ' ') + "renamed_from: " + value + lineBreak;
        qsizetype at;
        if (last + 1 < lines.lineCount()) {
            at = lines.lineStart(last + 1);
        } else {
            at = yaml.size();
            if (!yaml.endsWith('\n'))
                insertion.prepend(lineBreak);
        }
        edited.insert(at, insertion);
    }

    const MultiResult<Schema> after = SchemaReader::readString(edited, displayPath);
    Schema expected = *before;
    if (Table *t = expected.table(table)) {
        if (Column *c = t->column(column))
            c->renamedFrom = renamedFrom;
    }
    if (!after || *after != expected)
        return failAt(Tr::tr("could not add renamed_from to column %1.%2 without changing anything else").arg(table, column),
                      mark);
    return edited;
}

Result<void> SchemaRenameHint::addColumnHintToFile(const QString &path, const QString &table, const QString &column,
                                                   const QString &renamedFrom, const QString &displayPath)
{
    const QString shown = displayPath.isEmpty() ? path : displayPath;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return std::unexpected(Error::io(Tr::tr("cannot read the schema configuration: %1").arg(in.errorString()), shown));
    const QByteArray yaml = in.readAll();
    in.close();
    const Result<QByteArray> edited = addColumnHint(yaml, table, column, renamedFrom, shown);
    if (!edited)
        return std::unexpected(edited.error());
    if (*edited == yaml)
        return {};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(*edited) != edited->size() || !out.commit())
        return std::unexpected(Error::io(Tr::tr("cannot write the schema configuration: %1").arg(out.errorString()), shown));
    return {};
}

} // namespace sd
