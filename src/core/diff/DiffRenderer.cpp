#include "DiffRenderer.h"

#include "model/StorageParameters.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sd {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DiffRenderer)
};

enum class Change { Add, Remove, Modify };

Change changeOf(Difference::Kind kind)
{
    using K = Difference::Kind;
    switch (kind) {
    case K::EnumAdded: case K::TableAdded: case K::ColumnAdded: case K::IndexAdded:
    case K::UniqueAdded: case K::ForeignKeyAdded: case K::CheckAdded:
        return Change::Add;
    case K::EnumRemoved: case K::TableRemoved: case K::ColumnRemoved: case K::IndexRemoved:
    case K::UniqueRemoved: case K::ForeignKeyRemoved: case K::CheckRemoved:
        return Change::Remove;
    default:
        return Change::Modify;
    }
}

bool isTableLevel(Difference::Kind kind)
{
    return kind == Difference::Kind::TableAdded || kind == Difference::Kind::TableRemoved
           || kind == Difference::Kind::TableRenamed;
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue defaultJson(const DefaultValue &v)
{
    switch (v.kind) {
    case DefaultValue::Kind::None: return QJsonValue::Undefined;
    case DefaultValue::Kind::Null: return QJsonValue::Null;
    case DefaultValue::Kind::String: return v.text;
    case DefaultValue::Kind::Number: return v.text.toDouble();
    case DefaultValue::Kind::Boolean: return v.text == QLatin1String("true");
    case DefaultValue::Kind::Expression: return QJsonObject{{QStringLiteral("sql"), v.text}};
    }
    return QJsonValue::Undefined;
}

QJsonObject columnJson(const Column &c)
{
    QJsonObject o{{QStringLiteral("name"), c.name}, {QStringLiteral("type"), c.type.spelling()},
                  {QStringLiteral("nullable"), c.nullable}};
    const QJsonValue d = defaultJson(c.defaultValue);
    if (!d.isUndefined())
        o.insert(QStringLiteral("default"), d);
    if (c.autoincrement != Autoincrement::No)
        o.insert(QStringLiteral("autoincrement"),
                 c.autoincrement == Autoincrement::Always ? QJsonValue(QStringLiteral("always")) : QJsonValue(true));
    if (!c.generated.isEmpty())
        o.insert(QStringLiteral("generated"), c.generated);
    if (!c.comment.isEmpty())
        o.insert(QStringLiteral("comment"), c.comment);
    return o;
}

struct ObjectToJson
{
    QJsonValue operator()(std::monostate) const { return QJsonValue::Null; }
    QJsonValue operator()(const QString &s) const { return s; }
    QJsonValue operator()(const EnumType &e) const
    {
        return QJsonObject{{QStringLiteral("name"), e.name}, {QStringLiteral("values"), strings(e.values)}};
    }
    QJsonValue operator()(const Column &c) const { return columnJson(c); }
    QJsonValue operator()(const Table &t) const
    {
        QJsonArray columns;
        for (const Column &c : t.columns)
            columns.append(columnJson(c));
        return QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("columns"), columns}};
    }
    QJsonValue operator()(const PrimaryKey &k) const
    {
        return QJsonObject{{QStringLiteral("name"), k.name}, {QStringLiteral("columns"), strings(k.columns)}};
    }
    QJsonValue operator()(const Index &i) const
    {
        QJsonObject o{{QStringLiteral("name"), i.name}, {QStringLiteral("unique"), i.unique}};
        if (i.columns.isEmpty())
            o.insert(QStringLiteral("expression"), i.expression);
        else
            o.insert(QStringLiteral("columns"), strings(i.columns));
        if (!i.where.isEmpty())
            o.insert(QStringLiteral("where"), i.where);
        if (!i.method.isEmpty())
            o.insert(QStringLiteral("method"), i.method);
        if (i.nullsNotDistinct)
            o.insert(QStringLiteral("nulls_not_distinct"), true);
        if (!i.storageParameters.isEmpty()) {
            QJsonObject with;
            for (const QString &p : i.storageParameters)
                with.insert(StorageParameters::name(p), StorageParameters::value(p));
            o.insert(QStringLiteral("with"), with);
        }
        return o;
    }
    QJsonValue operator()(const UniqueConstraint &u) const
    {
        QJsonObject o{{QStringLiteral("name"), u.name}, {QStringLiteral("columns"), strings(u.columns)},
                      {QStringLiteral("deferrable"), u.deferrable}};
        if (u.nullsNotDistinct)
            o.insert(QStringLiteral("nulls_not_distinct"), true);
        return o;
    }
    QJsonValue operator()(const ForeignKey &f) const
    {
        return QJsonObject{{QStringLiteral("name"), f.name},
                           {QStringLiteral("columns"), strings(f.columns)},
                           {QStringLiteral("references"),
                            QJsonObject{{QStringLiteral("table"), f.referencedTable},
                                        {QStringLiteral("columns"), strings(f.referencedColumns)}}},
                           {QStringLiteral("on_delete"), referentialActionKey(f.onDelete)},
                           {QStringLiteral("on_update"), referentialActionKey(f.onUpdate)},
                           {QStringLiteral("deferrable"), f.deferrable},
                           {QStringLiteral("not_valid"), f.notValid}};
    }
    QJsonValue operator()(const Check &c) const
    {
        return QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("expression"), c.expression},
                           {QStringLiteral("not_valid"), c.notValid}};
    }
};

} // namespace

QJsonValue DiffRenderer::objectJson(const Difference::Object &object)
{
    return std::visit(ObjectToJson{}, object);
}

QString DiffRenderer::text(const Differences &differences, bool colour)
{
    auto paint = [colour](const QString &s, const char *code) {
        return colour ? QStringLiteral("\x1b[%1m").arg(QLatin1String(code)) + s + QStringLiteral("\x1b[0m") : s;
    };
    if (differences.isEmpty())
        return Tr::tr("No differences: the database matches the schema configuration.") + QLatin1Char('\n');

    QString out;
    QString group;
    bool first = true;
    int destructive = 0;
    for (const Difference &d : differences) {
        const Change change = changeOf(d.kind);
        const QString marker = change == Change::Add ? QStringLiteral("+") : change == Change::Remove ? QStringLiteral("-") : QStringLiteral("~");
        const char *markerColour = change == Change::Add ? "32" : change == Change::Remove ? "31" : "33";
        QString indent = QStringLiteral("  ");
        if (isTableLevel(d.kind)) {
            group.clear();
            indent.clear();
            if (!first)
                out += QLatin1Char('\n');
        } else {
            const QString thisGroup = d.table.isEmpty() ? Tr::tr("enums") : Tr::tr("table %1").arg(d.table);
            if (thisGroup != group) {
                if (!first)
                    out += QLatin1Char('\n');
                out += paint(thisGroup, "1") + QLatin1Char('\n');
                group = thisGroup;
            }
        }
        first = false;
        out += indent + paint(marker, markerColour) + QLatin1Char(' ') + d.description() + QLatin1Char('\n');
        if (d.destructive) {
            ++destructive;
            out += indent + QStringLiteral("    ") + paint(Tr::tr("! can lose data: %1").arg(d.reason), "1;31") + QLatin1Char('\n');
        }
    }
    out += QLatin1Char('\n') + Tr::tr("%n difference(s)", nullptr, int(differences.size()));
    if (destructive > 0)
        out += QStringLiteral(", ") + paint(Tr::tr("%n can lose data", nullptr, destructive), "1;31");
    out += QLatin1Char('\n');
    return out;
}

QJsonObject DiffRenderer::json(const Differences &differences)
{
    QJsonArray items;
    int destructive = 0;
    for (const Difference &d : differences) {
        QJsonObject o{{QStringLiteral("kind"), Difference::kindKey(d.kind)},
                      {QStringLiteral("description"), d.description()},
                      {QStringLiteral("destructive"), d.destructive}};
        if (!d.table.isEmpty())
            o.insert(QStringLiteral("table"), d.table);
        if (!d.name.isEmpty())
            o.insert(QStringLiteral("name"), d.name);
        if (!d.oldName.isEmpty())
            o.insert(QStringLiteral("old_name"), d.oldName);
        if (d.destructive) {
            o.insert(QStringLiteral("reason"), d.reason);
            ++destructive;
        }
        if (!std::holds_alternative<std::monostate>(d.live))
            o.insert(QStringLiteral("live"), objectJson(d.live));
        if (!std::holds_alternative<std::monostate>(d.configured))
            o.insert(QStringLiteral("configured"), objectJson(d.configured));
        items.append(o);
    }
    return QJsonObject{{QStringLiteral("differences"), items},
                       {QStringLiteral("count"), int(differences.size())},
                       {QStringLiteral("destructive"), destructive}};
}

} // namespace sd
