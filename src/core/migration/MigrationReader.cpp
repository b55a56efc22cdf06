#include "MigrationReader.h"

#include "Checksum.h"
#include "OperationReader.h"
#include "config/YamlDocument.h"
#include "config/YamlMap.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MigrationReader)
};

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

MigrationSource::Position positionOf(const YamlNode &node)
{
    return {node.line(), node.column()};
}

// Reads one parsed document; the helpers share the diagnostics.
class MigrationDocument
{
public:
    explicit MigrationDocument(YamlDiagnostics &diagnostics)
        : m_diagnostics(diagnostics)
    {
    }

    MigrationSource read(const YamlNode &root);

private:
    void readRevision(YamlMap &map);
    void readDownRevisions(YamlMap &map);
    void readCreated(YamlMap &map);
    Operations readOperations(YamlMap &map, const QString &listKey, OperationReader &reader);
    // The enums this file creates or drops, so that its columns may use them.
    void collectEnums(YamlMap &map);
    void checkRevisionId(const QString &id, const YamlNode &node, const QString &keyName);

    YamlDiagnostics &m_diagnostics;
    MigrationSource m_source;
    QList<EnumType> m_enums;
};

MigrationSource MigrationDocument::read(const YamlNode &root)
{
    if (!root.isDefined() || root.isNull()) {
        m_diagnostics.error(0, 0, Tr::tr("empty file: a migration needs revision, down_revision and upgrade"));
        return m_source;
    }
    YamlMap map(root, Tr::tr("migration"), MigrationReader::keys(), m_diagnostics);
    if (!map.isMap())
        return m_source;
    readRevision(map);
    readDownRevisions(map);
    m_source.migration.message = map.string(key("message"));
    readCreated(map);
    collectEnums(map);
    OperationReader reader(m_enums, m_diagnostics);
    m_source.migration.upgrade = readOperations(map, key("upgrade"), reader);
    m_source.migration.downgrade = readOperations(map, key("downgrade"), reader);
    return m_source;
}

void MigrationDocument::checkRevisionId(const QString &id, const YamlNode &node, const QString &keyName)
{
    if (id.isEmpty() || MigrationReader::isRevisionId(id))
        return;
    m_diagnostics.error(node, Tr::tr("bad revision id '%1' in '%2': expected 12 lowercase hex digits, e.g. 4c1f0e9a2b7d")
                                  .arg(id, keyName));
}

void MigrationDocument::readRevision(YamlMap &map)
{
    const QString id = map.requiredString(key("revision"));
    checkRevisionId(id, map.value(key("revision")), key("revision"));
    m_source.migration.revision = id;
    m_source.revision = positionOf(map.value(key("revision")));
}

void MigrationDocument::readDownRevisions(YamlMap &map)
{
    if (!map.contains(key("down_revision"))) {
        m_diagnostics.error(map.node(), Tr::tr("missing required key 'down_revision' in migration "
                                               "(null for a first revision, a list of revisions for a merge)"));
        return;
    }
    const YamlNode node = map.value(key("down_revision"));
    QList<YamlNode> items;
    if (node.isNull()) {
        return; // a first revision
    } else if (node.isScalar()) {
        items << node;
    } else if (node.isSequence()) {
        for (const YamlNode &item : node)
            items << item;
    } else {
        m_diagnostics.error(node, Tr::tr("expected null, a revision id or a list of revision ids for 'down_revision', found %1")
                                      .arg(YamlDiagnostics::describe(node)));
        return;
    }
    Migration &migration = m_source.migration;
    for (const YamlNode &item : std::as_const(items)) {
        if (!item.isScalar()) {
            m_diagnostics.error(item, Tr::tr("expected a revision id in 'down_revision', found %1")
                                          .arg(YamlDiagnostics::describe(item)));
            continue;
        }
        const QString id = YamlDiagnostics::text(item);
        if (id.isEmpty()) {
            m_diagnostics.error(item, Tr::tr("'down_revision' must not be empty: write null for a first revision"));
            continue;
        }
        checkRevisionId(id, item, key("down_revision"));
        if (migration.downRevisions.contains(id)) {
            m_diagnostics.error(item, Tr::tr("revision '%1' is listed twice in 'down_revision'").arg(id));
            continue;
        }
        if (!migration.revision.isEmpty() && id == migration.revision) {
            m_diagnostics.error(item, Tr::tr("revision '%1' names itself as its down_revision").arg(id));
            continue;
        }
        migration.downRevisions << id;
        m_source.downRevisions << positionOf(item);
    }
}

void MigrationDocument::readCreated(YamlMap &map)
{
    const std::optional<QString> text = map.scalar(key("created"), Tr::tr("a time such as 2026-11-24T10:15:00Z for 'created'"));
    if (!text)
        return;
    static const QRegularExpression zone(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    const QDateTime time = QDateTime::fromString(*text, Qt::ISODateWithMs);
    if (!time.isValid() || !zone.match(*text).hasMatch()) {
        m_diagnostics.error(map.value(key("created")),
            Tr::tr("expected an ISO-8601 time with a time zone for 'created', e.g. 2026-11-24T10:15:00Z, found '%1'")
                .arg(*text));
        return;
    }
    m_source.migration.created = time.toUTC();
}

void MigrationDocument::collectEnums(YamlMap &map)
{
    for (const char *listKey : {"upgrade", "downgrade"}) {
        const YamlNode list = map.value(key(listKey));
        if (!list.isSequence())
            continue;
        for (const YamlNode &item : list) {
            if (!item.isMap())
                continue;
            for (const char *opKey : {"create_enum", "drop_enum"}) {
                // The first pair with this key, as yaml-cpp's lookup gives.
                const YamlNode op = item.value(opKey);
                if (!op.isMap())
                    continue;
                const YamlNode nameNode = op.value("name");
                if (!nameNode.isScalar())
                    continue;
                const QString name = YamlDiagnostics::text(nameNode);
                const bool known = std::any_of(m_enums.cbegin(), m_enums.cend(),
                                               [&name](const EnumType &e) { return e.name == name; });
                if (!name.isEmpty() && !known)
                    m_enums.append(EnumType{name, {}});
            }
        }
    }
}

Operations MigrationDocument::readOperations(YamlMap &map, const QString &listKey, OperationReader &reader)
{
    Operations operations;
    for (const YamlNode &item : map.nodeList(listKey, LazyText("MigrationReader", QT_TRANSLATE_NOOP("MigrationReader", "operations")))) {
        if (std::optional<Operation> operation = reader.read(item))
            operations.append(std::move(*operation));
    }
    return operations;
}

// The parsed document; an empty one (and the error reported) when `yaml` is no YAML.
YamlDocument parse(const QByteArray &yaml, YamlDiagnostics &diagnostics)
{
    auto document = YamlDocument::parse(yaml);
    if (document)
        return std::move(*document);
    const YamlDocument::ParseError &e = document.error();
    diagnostics.error(e.line, e.column, e.syntax ? Tr::tr("invalid YAML: %1").arg(e.message)
                                                 : Tr::tr("cannot read YAML: %1").arg(e.message));
    return YamlDocument();
}

} // namespace

QStringList MigrationReader::keys()
{
    return {key("revision"), key("down_revision"), key("message"), key("created"), key("upgrade"), key("downgrade")};
}

bool MigrationReader::isRevisionId(const QString &text)
{
    static const QRegularExpression id(QStringLiteral("^[0-9a-f]{12}$"));
    return id.match(text).hasMatch();
}

std::optional<QString> MigrationReader::declaredRevision(const QByteArray &yaml)
{
    YamlDiagnostics ignored{QString()};
    const YamlDocument document = parse(yaml, ignored);
    const YamlNode revision = document.root().value("revision");
    if (!revision.isDefined())
        return std::nullopt;
    return revision.isScalar() ? revision.text() : QString();
}

MultiResult<MigrationSource> MigrationReader::readSource(const QByteArray &yaml, const QString &displayPath)
{
    YamlDiagnostics diagnostics(displayPath);
    MigrationSource source;
    const YamlDocument document = parse(yaml, diagnostics);
    if (!diagnostics.hasErrors())
        source = MigrationDocument(diagnostics).read(document.root());
    if (diagnostics.hasErrors())
        return std::unexpected(diagnostics.sortedErrors());
    source.migration.checksum = Checksum::of(yaml);
    return source;
}

MultiResult<Migration> MigrationReader::read(const QByteArray &yaml, const QString &displayPath)
{
    MultiResult<MigrationSource> source = readSource(yaml, displayPath);
    if (!source)
        return std::unexpected(source.error());
    return std::move(source->migration);
}

MultiResult<Migration> MigrationReader::readFile(const QString &path, const QString &displayPath)
{
    const QString shown = displayPath.isEmpty() ? path : displayPath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(Errors{Error::io(Tr::tr("cannot read the migration: %1").arg(file.errorString()), shown)});
    }
    MultiResult<Migration> migration = read(file.readAll(), shown);
    if (migration)
        migration->filePath = QFileInfo(path).absoluteFilePath();
    return migration;
}

} // namespace sd
