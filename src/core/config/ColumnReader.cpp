#include "ColumnReader.h"

#include "Suggest.h"
#include "YamlScalar.h"

#include <QCoreApplication>

namespace sd {

namespace {

// Type names for "did you mean": the portable names without arguments.
const QStringList &typeBaseNames()
{
    static const QStringList names = {
        QStringLiteral("smallint"), QStringLiteral("integer"), QStringLiteral("bigint"),
        QStringLiteral("boolean"), QStringLiteral("real"), QStringLiteral("double"),
        QStringLiteral("numeric"), QStringLiteral("varchar"), QStringLiteral("char"),
        QStringLiteral("text"), QStringLiteral("date"), QStringLiteral("time"),
        QStringLiteral("timestamp"), QStringLiteral("timestamptz"), QStringLiteral("blob"),
        QStringLiteral("json"), QStringLiteral("uuid"),
    };
    return names;
}

// PostgreSQL types outside the portable set: written bare, they are a type
// that needs the per-dialect form, never an enum's name.
const QStringList &builtinNonPortableNames()
{
    static const QStringList names = {
        QStringLiteral("serial"), QStringLiteral("bigserial"), QStringLiteral("smallserial"),
        QStringLiteral("tsvector"), QStringLiteral("tsquery"), QStringLiteral("inet"), QStringLiteral("cidr"),
        QStringLiteral("macaddr"), QStringLiteral("macaddr8"), QStringLiteral("interval"), QStringLiteral("money"),
        QStringLiteral("xml"), QStringLiteral("point"), QStringLiteral("line"), QStringLiteral("lseg"),
        QStringLiteral("box"), QStringLiteral("path"), QStringLiteral("polygon"), QStringLiteral("circle"),
        QStringLiteral("bit"), QStringLiteral("varbit"), QStringLiteral("hstore"), QStringLiteral("citext"),
        QStringLiteral("int4range"), QStringLiteral("int8range"), QStringLiteral("numrange"),
        QStringLiteral("tsrange"), QStringLiteral("tstzrange"), QStringLiteral("daterange"),
        QStringLiteral("timetz"), QStringLiteral("oid"), QStringLiteral("regclass"), QStringLiteral("name"),
        QStringLiteral("geometry"), QStringLiteral("geography"), QStringLiteral("decimal"),
    };
    return names;
}

// False when `utf8` cannot be a serial type's name: ASCII without "serial"
// in any case. Spares the QString the common types would need.
bool mayNameSerial(QByteArrayView utf8)
{
    static constexpr char serial[] = "serial";
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (uchar(utf8[i]) >= 0x80)
            return true;
    }
    for (qsizetype i = 0; i + 6 <= utf8.size(); ++i) {
        qsizetype j = 0;
        while (j < 6 && (utf8[i + j] | 0x20) == serial[j])
            ++j;
        if (j == 6)
            return true;
    }
    return false;
}

} // namespace

bool ColumnReader::couldBeEnumName(const QString &name)
{
    if (name.isEmpty() || !(name.front().isLetter() || name.front() == QLatin1Char('_')))
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return false;
    }
    if (ColumnType::parsePortable(name) || serialType(name))
        return false;
    if (builtinNonPortableNames().contains(name.toLower()))
        return false;
    return closestMatch(name, typeBaseNames()).isEmpty();
}

ColumnReader::ColumnReader(const QList<EnumType> &enums, YamlDiagnostics &diagnostics)
    : m_enums(enums)
    , m_diagnostics(diagnostics)
{
}

QStringList ColumnReader::keys()
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("primary_key"),
                                     QStringLiteral("autoincrement"), QStringLiteral("nullable"), QStringLiteral("default"),
                                     QStringLiteral("generated"), QStringLiteral("collation"), QStringLiteral("renamed_from"),
                                     QStringLiteral("comment")};
    return keys;
}

std::optional<ColumnEntry> ColumnReader::read(const YamlNode &node)
{
    YamlMap map(node, LazyText("ColumnReader", QT_TRANSLATE_NOOP("ColumnReader", "column")), keys(), m_diagnostics);
    if (!map.isMap())
        return std::nullopt;

    ColumnEntry entry;
    Column &column = entry.column;
    column.name = map.requiredString(QStringLiteral("name"));
    entry.nameNode = map.value(QStringLiteral("name"));
    if (map.require(QStringLiteral("type"))) {
        column.type = readType(map, QStringLiteral("type"));
        entry.typeNode = map.value(QStringLiteral("type"));
        const YamlNode &typeNode = entry.typeNode;
        if (typeNode.isScalar() && mayNameSerial(typeNode.utf8()) && serialType(typeNode.text()))
            column.autoincrement = Autoincrement::Yes;
    }
    entry.primaryKey = map.boolean(QStringLiteral("primary_key"), false);

    const LazyText autoincrementExpected("ColumnReader",
        QT_TRANSLATE_NOOP("ColumnReader", "true, false or always for 'autoincrement'"));
    if (const auto text = map.scalar(QStringLiteral("autoincrement"), autoincrementExpected)) {
        if (text->compare(QLatin1String("always"), Qt::CaseInsensitive) == 0) {
            column.autoincrement = Autoincrement::Always;
        } else if (const auto b = YamlMap::parseBoolean(*text)) {
            column.autoincrement = *b ? Autoincrement::Yes : Autoincrement::No;
        } else {
            m_diagnostics.error(map.value(QStringLiteral("autoincrement")),
                QCoreApplication::translate("ColumnReader", "expected true, false or always for 'autoincrement', found '%1'")
                    .arg(*text));
        }
    }

    column.nullable = map.boolean(QStringLiteral("nullable"), true);
    if (map.has(QStringLiteral("nullable")) && column.nullable) {
        entry.saysNullable = true;
        entry.nullableNode = map.value(QStringLiteral("nullable"));
    }
    if (map.contains(QStringLiteral("default")))
        column.defaultValue = readDefault(map.value(QStringLiteral("default")));
    if (map.has(QStringLiteral("generated")))
        readGenerated(map.value(QStringLiteral("generated")), column);
    column.renamedFrom = map.string(QStringLiteral("renamed_from"));
    column.comment = map.string(QStringLiteral("comment"));
    column.collation = map.string(QStringLiteral("collation")).trimmed();

    if (column.name.isEmpty())
        return std::nullopt;
    return entry;
}

ColumnType ColumnReader::readType(YamlMap &map, const QString &key)
{
    const YamlNode node = map.value(key);
    if (node.isMap())
        return readNativeType(node);
    const auto text = map.scalar(key, LazyText("ColumnReader", QT_TRANSLATE_NOOP("ColumnReader",
                                                   "a type name or {postgresql: ..., sqlite: ...} for 'type'")));
    if (!text)
        return {};
    return readTypeName(*text, node);
}

std::optional<ColumnType> ColumnReader::serialType(const QString &text)
{
    // PostgreSQL's serial pseudo-types: an integer that autoincrements.
    if (!text.contains(QLatin1String("serial"), Qt::CaseInsensitive))
        return std::nullopt; // the common case, without the copies below
    const QString lower = text.simplified().toLower();
    if (lower == QLatin1String("serial") || lower == QLatin1String("serial4"))
        return ColumnType::of(ColumnType::Kind::Integer);
    if (lower == QLatin1String("bigserial") || lower == QLatin1String("serial8"))
        return ColumnType::of(ColumnType::Kind::BigInt);
    if (lower == QLatin1String("smallserial") || lower == QLatin1String("serial2"))
        return ColumnType::of(ColumnType::Kind::SmallInt);
    return std::nullopt;
}

ColumnType ColumnReader::readTypeName(const QString &text, const YamlNode &node)
{
    if (const auto &portable = portableType(text))
        return *portable;
    if (const auto serial = serialType(text))
        return *serial;
    for (const EnumType &e : m_enums) {
        if (e.name == text)
            return ColumnType::enumeration(text);
    }
    if (m_acceptUndeclaredEnums && couldBeEnumName(text))
        return ColumnType::enumeration(text);
    const QString lower = text.simplified().toLower();
    if (lower == QLatin1String("varchar") || lower == QLatin1String("character varying")
        || lower == QLatin1String("char") || lower == QLatin1String("character")) {
        const int example = lower.contains(QLatin1String("var")) ? 255 : 1;
        m_diagnostics.error(node, QCoreApplication::translate("ColumnReader", "%1 needs a length, e.g. %1(%2)")
                                      .arg(text.simplified()).arg(example));
        return {};
    }
    m_diagnostics.error(node, unknownTypeMessage(text));
    return {};
}

const std::optional<ColumnType> &ColumnReader::portableType(const QString &text)
{
    auto it = m_portableTypes.constFind(text);
    if (it == m_portableTypes.cend())
        it = m_portableTypes.insert(text, ColumnType::parsePortable(text));
    return *it;
}

QString ColumnReader::unknownTypeMessage(const QString &text) const
{
    QStringList enumNames;
    for (const EnumType &e : m_enums)
        enumNames << e.name;
    QString known = portableTypeNames().join(QStringLiteral(", "));
    if (!enumNames.isEmpty())
        known += QStringLiteral("; enums: ") + enumNames.join(QStringLiteral(", "));

    // "varchr(20)" is compared by its name and suggested with its arguments.
    const qsizetype paren = text.indexOf(QLatin1Char('('));
    const QString base = paren < 0 ? text : text.left(paren).trimmed();
    const QString arguments = paren < 0 ? QString() : text.mid(paren);
    QString suggestion = closestMatch(base, typeBaseNames() + enumNames);
    if (!suggestion.isEmpty()) {
        return QCoreApplication::translate("ColumnReader", "unknown type '%1' (did you mean '%2'? known types: %3)")
            .arg(text, suggestion + arguments, known);
    }
    return QCoreApplication::translate("ColumnReader",
               "unknown type '%1' (known types: %2; write another type per dialect, e.g. {postgresql: %1})")
        .arg(text, known);
}

ColumnType ColumnReader::readNativeType(const YamlNode &node)
{
    static const QStringList keys = {QStringLiteral("postgresql"), QStringLiteral("sqlite")};
    YamlMap map(node, LazyText("ColumnReader", QT_TRANSLATE_NOOP("ColumnReader", "native type")), keys, m_diagnostics);
    QMap<QString, QString> spellings;
    for (const QString &dialect : {QStringLiteral("postgresql"), QStringLiteral("sqlite")}) {
        const QString spelling = map.string(dialect).trimmed();
        if (!spelling.isEmpty())
            spellings.insert(dialect, spelling);
    }
    // SQLite lets a column be declared without a type (`CREATE TABLE t (a,
    // b)`: BLOB affinity, any value kept as given); `inspect` writes such a
    // column as {sqlite: ""}, and it reads back as just that.
    if (!spellings.contains(QStringLiteral("sqlite")) && map.has(QStringLiteral("sqlite"))
        && YamlDiagnostics::isQuoted(map.value(QStringLiteral("sqlite"))))
        spellings.insert(QStringLiteral("sqlite"), QString());
    if (spellings.isEmpty()) {
        m_diagnostics.error(node, QCoreApplication::translate("ColumnReader", "a native type needs a spelling for postgresql or sqlite, "
                                     "e.g. {postgresql: tsvector, sqlite: text}"));
        return {};
    }
    return ColumnType::native(spellings);
}

DefaultValue ColumnReader::readDefault(const YamlNode &node)
{
    if (node.isNull())
        return DefaultValue::null();
    if (node.isScalar()) {
        const QString text = YamlDiagnostics::text(node);
        if (YamlDiagnostics::isQuoted(node))
            return DefaultValue::string(text);
        if (YamlScalar::isNumber(text))
            return DefaultValue::number(text);
        const QString lower = text.toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("false"))
            return DefaultValue::boolean(lower == QLatin1String("true"));
        return DefaultValue::string(text);
    }
    if (node.isMap()) {
        static const QStringList keys = {QStringLiteral("sql")};
        YamlMap map(node, LazyText("ColumnReader", QT_TRANSLATE_NOOP("ColumnReader", "default expression")), keys,
                    m_diagnostics);
        const QString sql = map.requiredString(QStringLiteral("sql"));
        return sql.isEmpty() ? DefaultValue() : DefaultValue::expression(sql);
    }
    m_diagnostics.error(node, QCoreApplication::translate("ColumnReader",
                                  "expected a value or {sql: EXPRESSION} for 'default', found %1")
                                  .arg(YamlDiagnostics::describe(node)));
    return {};
}

void ColumnReader::readGenerated(const YamlNode &node, Column &column)
{
    static const QStringList keys = {QStringLiteral("sql"), QStringLiteral("stored")};
    YamlMap map(node, LazyText("ColumnReader", QT_TRANSLATE_NOOP("ColumnReader", "generated column")), keys, m_diagnostics);
    if (!map.isMap())
        return;
    column.generated = map.requiredString(QStringLiteral("sql"));
    column.generatedStored = map.boolean(QStringLiteral("stored"), true);
}

} // namespace sd
