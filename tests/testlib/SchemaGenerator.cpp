#include "SchemaGenerator.h"

#include "ModelBuilders.h"

#include <QRandomGenerator>

namespace sd::testing {

namespace {


using Kind = ColumnType::Kind;

Table generateTable(int number, QRandomGenerator &random)
{
    const QString name = QStringLiteral("t%1").arg(number, 4, 10, QLatin1Char('0'));
    Table t;
    t.name = name;
    if (number % 4 == 1)
        t.comment = QStringLiteral("Generated table %1").arg(number);

    Column id = column(QStringLiteral("id"), ColumnType::of(Kind::BigInt), false);
    id.autoincrement = Autoincrement::Yes;
    t.columns << id;
    t.primaryKey.columns = {QStringLiteral("id")};

    static const int lengths[] = {32, 64, 128, 255};
    t.columns << column(QStringLiteral("code"), ColumnType::of(Kind::Varchar, 32), false);
    t.columns << column(QStringLiteral("name"), ColumnType::of(Kind::Varchar, lengths[random.bounded(4)]), false);
    t.columns << column(QStringLiteral("description"), ColumnType::of(Kind::Text));
    t.columns << column(QStringLiteral("quantity"), ColumnType::of(Kind::Integer), false, DefaultValue::number(QStringLiteral("0")));
    t.columns << column(QStringLiteral("priority"), ColumnType::of(Kind::SmallInt), true,
                        DefaultValue::number(QString::number(random.bounded(10))));
    t.columns << column(QStringLiteral("total"), ColumnType::of(Kind::BigInt));
    t.columns << column(QStringLiteral("active"), ColumnType::of(Kind::Boolean), false,
                        DefaultValue::boolean(random.bounded(2) == 0));
    t.columns << column(QStringLiteral("price"), ColumnType::numeric(12, 2), false, DefaultValue::number(QStringLiteral("0")));
    t.columns << column(QStringLiteral("status"), ColumnType::of(Kind::Varchar, 16), false, DefaultValue::string(QStringLiteral("new")));
    Column created = column(QStringLiteral("created_at"), ColumnType::of(Kind::Timestamp), false,
                            DefaultValue::expression(QStringLiteral("CURRENT_TIMESTAMP")));
    if (number % 5 == 0)
        created.comment = QStringLiteral("When the row was inserted");
    t.columns << created;
    t.columns << column(QStringLiteral("due_on"), ColumnType::of(Kind::Date));
    t.columns << column(QStringLiteral("ratio"), ColumnType::of(Kind::Real));
    t.columns << column(QStringLiteral("score"), ColumnType::of(Kind::Double), true, DefaultValue::number(QStringLiteral("1.5")));
    switch (number % 4) {
    case 0: t.columns << column(QStringLiteral("external_id"), ColumnType::of(Kind::Uuid)); break;
    case 1: t.columns << column(QStringLiteral("payload"), ColumnType::of(Kind::Json)); break;
    case 2: t.columns << column(QStringLiteral("updated_at"), ColumnType::of(Kind::TimestampTz)); break;
    case 3: t.columns << column(QStringLiteral("data"), ColumnType::of(Kind::Blob)); break;
    }

    t.indexes << Index{QStringLiteral("ix_%1_code").arg(name), {QStringLiteral("code")}, {}, true, {}, {}};
    t.indexes << Index{QStringLiteral("ix_%1_status_created").arg(name),
                       {QStringLiteral("status"), QStringLiteral("created_at")}, {}, false, {}, {}};

    if (number > 1) {
        const QString parent = QStringLiteral("t%1").arg(number - 1, 4, 10, QLatin1Char('0'));
        t.columns << column(QStringLiteral("parent_id"), ColumnType::of(Kind::BigInt));
        ForeignKey fk;
        fk.name = QStringLiteral("fk_%1_parent").arg(name);
        fk.columns = {QStringLiteral("parent_id")};
        fk.referencedTable = parent;
        fk.referencedColumns = {QStringLiteral("id")};
        fk.onDelete = random.bounded(2) == 0 ? ReferentialAction::Cascade : ReferentialAction::SetNull;
        t.foreignKeys << fk;
        t.indexes << Index{QStringLiteral("ix_%1_parent").arg(name), {QStringLiteral("parent_id")}, {}, false, {}, {}};
    }
    if (number > 2 && number % 3 == 0) {
        const int target = 1 + int(random.bounded(quint32(number - 1)));
        t.columns << column(QStringLiteral("owner_id"), ColumnType::of(Kind::BigInt), false);
        ForeignKey fk;
        fk.name = QStringLiteral("fk_%1_owner").arg(name);
        fk.columns = {QStringLiteral("owner_id")};
        fk.referencedTable = QStringLiteral("t%1").arg(target, 4, 10, QLatin1Char('0'));
        fk.referencedColumns = {QStringLiteral("id")};
        fk.onDelete = ReferentialAction::Restrict;
        t.foreignKeys << fk;
    }
    if (number % 2 == 0)
        t.checks << Check{QStringLiteral("ck_%1_quantity").arg(name), QStringLiteral("quantity >= 0"), false};
    if (number % 3 == 1)
        t.uniqueConstraints << UniqueConstraint{QStringLiteral("uq_%1_name").arg(name), {QStringLiteral("name")}, false, false};
    return t;
}

} // namespace

Schema generateSchema(int tableCount, quint32 seed)
{
    QRandomGenerator random(seed);
    Schema schema;
    schema.tables.reserve(tableCount);
    for (int i = 1; i <= tableCount; ++i)
        schema.tables << generateTable(i, random);
    return schema;
}

} // namespace sd::testing
