#include "MigrationWriter.h"

#include "MigrationReader.h"
#include "config/SchemaWriter.h"
#include "config/YamlFlowMap.h"
#include "config/YamlScalar.h"

#include "Overloaded.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSaveFile>

namespace sd {

namespace {

// `{a: 1, b: 2}` -> `a: 1, b: 2`
QString inner(const QString &flowMap)
{
    return flowMap.mid(1, flowMap.size() - 2);
}

// A flow mapping of `leading` entries followed by those of `flowMap`, then `trailing`.
QString merged(const QString &leading, const QString &flowMap, const QString &trailing = {})
{
    QStringList parts;
    if (!leading.isEmpty())
        parts << leading;
    if (flowMap.size() > 2)
        parts << inner(flowMap);
    if (!trailing.isEmpty())
        parts << trailing;
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString tableKey(const QString &table)
{
    return QStringLiteral("table: ") + YamlScalar::quoted(table);
}

// SQL that reads well as a YAML literal block (`|-`): several lines, no
// leading or trailing blanks, nothing a block scalar cannot hold.
bool fitsLiteralBlock(const QString &sql)
{
    if (!sql.contains(QLatin1Char('\n')) || sql.front().isSpace() || sql.back().isSpace())
        return false;
    for (const QChar c : sql) {
        if (c == QLatin1Char('\r') || (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t')))
            return false;
    }
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.isEmpty() && line.back().isSpace())
            return false;
    }
    return true;
}

// The value of an SQL key after "key:": ` "..."` or ` |-` and the block.
QString sqlValue(const QString &sql, const QString &indent)
{
    if (!fitsLiteralBlock(sql))
        return QLatin1Char(' ') + YamlScalar::doubleQuoted(sql);
    QString out = QStringLiteral(" |-");
    for (const QString &line : sql.split(QLatin1Char('\n')))
        out += QLatin1Char('\n') + (line.isEmpty() ? QString() : indent + line);
    return out;
}

QString alterDefault(const DefaultValue &value)
{
    if (value.kind == DefaultValue::Kind::None)
        return QStringLiteral("null"); // drops the default
    if (value.kind == DefaultValue::Kind::Null)
        return QStringLiteral("{sql: \"NULL\"}");
    return SchemaWriter::defaultYaml(value);
}

QString alterComment(const QString &comment)
{
    return comment.isEmpty() ? QStringLiteral("null") : YamlScalar::quoted(comment);
}

QString alterColumnYaml(const AlterColumnOp &op)
{
    YamlFlowMap map;
    map.add("table", YamlScalar::quoted(op.table)).add("column", YamlScalar::quoted(op.column));
    if (op.type)
        map.add("type", SchemaWriter::typeYaml(*op.type));
    map.text("using", op.usingExpression);
    if (op.nullable)
        map.add("nullable", *op.nullable ? QStringLiteral("true") : QStringLiteral("false"));
    if (op.defaultValue)
        map.add("default", alterDefault(*op.defaultValue));
    if (op.comment)
        map.add("comment", alterComment(*op.comment));
    map.text("new_name", op.newName);
    if (op.existingType)
        map.add("existing_type", SchemaWriter::typeYaml(*op.existingType));
    if (op.existingNullable)
        map.add("existing_nullable", *op.existingNullable ? QStringLiteral("true") : QStringLiteral("false"));
    if (op.existingDefault)
        map.add("existing_default", alterDefault(*op.existingDefault));
    if (op.existingComment)
        map.add("existing_comment", alterComment(*op.existingComment));
    return map.toString();
}

// `{table: t, name: n, definition: {...}}` for the drop_* operations that
// name a constraint.
template<typename Definition, typename Format>
QString dropNamed(const QString *table, const QString &name, const std::optional<Definition> &definition, Format format)
{
    YamlFlowMap map;
    if (table)
        map.add("table", YamlScalar::quoted(*table));
    map.add("name", YamlScalar::quoted(name));
    if (definition)
        map.add("definition", format(*definition));
    return map.toString();
}

// One list item: "- key: value" lines, starting with `indent`.
QString operationYaml(const Operation &operation, const QString &indent)
{
    const QString item = indent + QStringLiteral("- ") + operation.key() + QLatin1Char(':');
    const QString body = indent + QStringLiteral("    "); // the operation's block mapping
    const auto line = [&item](const QString &flow) -> QString { return item + QLatin1Char(' ') + flow + QLatin1Char('\n'); };

    return std::visit(
        Overloaded{
            [&](const CreateTableOp &op) -> QString {
                return item + QLatin1Char('\n') + SchemaWriter::tableYaml(op.table, body, body);
            },
            [&](const DropTableOp &op) -> QString {
                const QString name = QStringLiteral("name: ") + YamlScalar::quoted(op.name);
                if (!op.definition)
                    return line(QLatin1Char('{') + name + QLatin1Char('}'));
                const QString nested = body + QStringLiteral("  ");
                return item + QLatin1Char('\n') + body + name + QLatin1Char('\n') + body + QStringLiteral("definition:\n")
                       + SchemaWriter::tableYaml(*op.definition, nested, nested);
            },
            [&](const RenameTableOp &op) -> QString {
                return line(YamlFlowMap().add("from", YamlScalar::quoted(op.from)).add("to", YamlScalar::quoted(op.to)).toString());
            },
            [&](const AddColumnOp &op) -> QString {
                return line(YamlFlowMap().add("table", YamlScalar::quoted(op.table))
                                .add("column", SchemaWriter::columnYaml(op.column))
                                .toString());
            },
            [&](const DropColumnOp &op) -> QString {
                YamlFlowMap map;
                map.add("table", YamlScalar::quoted(op.table)).add("column", YamlScalar::quoted(op.column));
                if (op.definition)
                    map.add("definition", SchemaWriter::columnYaml(*op.definition));
                return line(map.toString());
            },
            [&](const AlterColumnOp &op) -> QString { return line(alterColumnYaml(op)); },
            [&](const CreateIndexOp &op) -> QString {
                return line(merged(tableKey(op.table), SchemaWriter::indexYaml(op.index),
                                   op.concurrently ? QStringLiteral("concurrently: true") : QString()));
            },
            [&](const DropIndexOp &op) -> QString {
                YamlFlowMap map;
                map.add("table", YamlScalar::quoted(op.table)).add("name", YamlScalar::quoted(op.name));
                map.flag("concurrently", op.concurrently);
                if (op.definition)
                    map.add("definition", SchemaWriter::indexYaml(*op.definition));
                return line(map.toString());
            },
            [&](const AddForeignKeyOp &op) -> QString {
                return line(merged(tableKey(op.table), SchemaWriter::foreignKeyYaml(op.foreignKey)));
            },
            [&](const DropForeignKeyOp &op) -> QString {
                return line(dropNamed(&op.table, op.name, op.definition, SchemaWriter::foreignKeyYaml));
            },
            [&](const AddUniqueOp &op) -> QString { return line(merged(tableKey(op.table), SchemaWriter::uniqueYaml(op.unique))); },
            [&](const DropUniqueOp &op) -> QString {
                return line(dropNamed(&op.table, op.name, op.definition, SchemaWriter::uniqueYaml));
            },
            [&](const AddCheckOp &op) -> QString { return line(merged(tableKey(op.table), SchemaWriter::checkYaml(op.check))); },
            [&](const DropCheckOp &op) -> QString {
                return line(dropNamed(&op.table, op.name, op.definition, SchemaWriter::checkYaml));
            },
            [&](const CreateEnumOp &op) -> QString { return line(SchemaWriter::enumYaml(op.type)); },
            [&](const DropEnumOp &op) -> QString {
                return line(dropNamed(nullptr, op.name, op.definition, SchemaWriter::enumYaml));
            },
            [&](const AddEnumValueOp &op) -> QString {
                return line(YamlFlowMap()
                                .add("enum", YamlScalar::quoted(op.enumName))
                                .add("value", YamlScalar::quoted(op.value))
                                .text("before", op.before)
                                .text("after", op.after)
                                .toString());
            },
            [&](const SqlOp &op) -> QString {
                QString out;
                if (op.perDialect.isEmpty()) {
                    out = item + sqlValue(op.sql, body) + QLatin1Char('\n');
                } else {
                    bool block = false;
                    for (const QString &sql : op.perDialect)
                        block = block || fitsLiteralBlock(sql);
                    if (!block) {
                        YamlFlowMap map;
                        for (auto it = op.perDialect.cbegin(); it != op.perDialect.cend(); ++it)
                            map.add(it.key().toLatin1().constData(), YamlScalar::doubleQuoted(it.value()));
                        out = line(map.toString());
                    } else {
                        out = item + QLatin1Char('\n');
                        for (auto it = op.perDialect.cbegin(); it != op.perDialect.cend(); ++it) {
                            out += body + it.key() + QLatin1Char(':') + sqlValue(it.value(), body + QStringLiteral("  "))
                                   + QLatin1Char('\n');
                        }
                    }
                }
                if (!op.transactional)
                    out += indent + QStringLiteral("  transactional: false\n");
                return out;
            },
        },
        operation.data);
}

// A revision id plain, as DESIGN.md writes it, unless YAML would take it
// for a number ("123456789012", "1234e5678901").
QString revisionText(const QString &id)
{
    return MigrationReader::isRevisionId(id) && !YamlScalar::isNumber(id) ? id : YamlScalar::quoted(id);
}

QString revisionList(const QStringList &ids)
{
    if (ids.isEmpty())
        return QStringLiteral("null");
    if (ids.size() == 1)
        return revisionText(ids.constFirst());
    QStringList items;
    for (const QString &id : ids)
        items << revisionText(id);
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString createdText(const QDateTime &created)
{
    const QDateTime utc = created.toUTC();
    return utc.time().msec() != 0 ? utc.toString(Qt::ISODateWithMs) : utc.toString(Qt::ISODate);
}

} // namespace

QString MigrationWriter::operationsYaml(const Operations &operations, const QString &indent)
{
    QString out;
    for (const Operation &operation : operations) {
        if (!operation.note.isEmpty()) {
            for (const QString &noteLine : operation.note.split(QLatin1Char('\n')))
                out += indent + QStringLiteral("# ") + noteLine.trimmed() + QLatin1Char('\n');
        }
        out += operationYaml(operation, indent);
    }
    return out;
}

QByteArray MigrationWriter::toYaml(const Migration &migration)
{
    QString out;
    out += QStringLiteral("revision: ") + revisionText(migration.revision) + QLatin1Char('\n');
    out += QStringLiteral("down_revision: ") + revisionList(migration.downRevisions) + QLatin1Char('\n');
    if (!migration.message.isEmpty())
        out += QStringLiteral("message: ") + YamlScalar::quoted(migration.message) + QLatin1Char('\n');
    if (migration.created.isValid())
        out += QStringLiteral("created: ") + createdText(migration.created) + QLatin1Char('\n');
    for (const auto &[listKey, operations] : {std::pair{"upgrade", &migration.upgrade}, std::pair{"downgrade", &migration.downgrade}}) {
        if (operations->isEmpty())
            out += QLatin1String(listKey) + QStringLiteral(": []\n");
        else
            out += QLatin1String(listKey) + QStringLiteral(":\n") + operationsYaml(*operations);
    }
    return out.toUtf8();
}

Result<void> MigrationWriter::writeFile(const Migration &migration, const QString &path)
{
    QSaveFile file(path);
    const auto failed = [&file, &path]() -> Error {
        return Error::io(QCoreApplication::translate("MigrationWriter", "cannot write the migration: %1").arg(file.errorString()),
                         path);
    };
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(failed());
    file.write(toYaml(migration));
    if (!file.commit())
        return std::unexpected(failed());
    return {};
}

QString MigrationWriter::slug(const QString &message)
{
    const QString decomposed = message.normalized(QString::NormalizationForm_KD);
    QString out;
    bool gap = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // the accent of a decomposed letter
        const char16_t u = c.toLower().unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) {
            if (gap && !out.isEmpty())
                out += QLatin1Char('_');
            out += QChar(u);
            gap = false;
        } else {
            gap = true;
        }
    }
    if (out.size() > 40) {
        out.truncate(40);
        while (out.endsWith(QLatin1Char('_')))
            out.chop(1);
    }
    return out;
}

QString MigrationWriter::fileName(const QString &revision, const QString &message)
{
    const QString s = slug(message);
    if (s.isEmpty())
        return revision + QStringLiteral(".yaml");
    return revision + QLatin1Char('_') + s + QStringLiteral(".yaml");
}

QString MigrationWriter::newRevisionId()
{
    const quint64 value = QRandomGenerator::system()->generate64() & Q_UINT64_C(0xffffffffffff);
    return QStringLiteral("%1").arg(value, 12, 16, QLatin1Char('0'));
}

} // namespace sd
