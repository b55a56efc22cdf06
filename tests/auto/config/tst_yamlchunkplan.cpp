// Where YamlChunkPlan cuts a YAML text: at the items of the largest top-level
// block collection, each later part repeating the previous part's last item,
// and nowhere in a text it does not understand.

#include "config/YamlChunkPlan.h"

#include <QTest>

using namespace sd;

class tst_YamlChunkPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cuts_data();
    void cuts();
    void noPlan_data();
    void noPlan();
};

namespace {

// "line:begin-end" for each part.
QStringList describe(const YamlChunkPlan &plan)
{
    QStringList parts;
    for (const YamlChunkPlan::Part &part : plan.parts)
        parts << QStringLiteral("%1:%2-%3").arg(part.firstLine).arg(part.begin).arg(part.end);
    return parts;
}

} // namespace

void tst_YamlChunkPlan::cuts_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("parts");
    QTest::addColumn<int>("keyLine");
    QTest::addColumn<int>("itemIndent");
    QTest::addColumn<bool>("sequence");
    QTest::addColumn<QStringList>("expected");
    // Lines of 8 bytes: "  - aaa\n" is item n at byte 8 * (n + 1).
    const QByteArray list = "tables:\n  - aaa\n  - bbb\n  - ccc\n  - ddd\n";
    QTest::newRow("two parts") << list << 2 << 0 << 2 << true << QStringList{"0:0-24", "2:16-40"};
    QTest::newRow("three parts") << list << 3 << 0 << 2 << true << QStringList{"0:0-16", "1:8-32", "3:24-40"};
    QTest::newRow("more parts than items allow") << list << 8 << 0 << 2 << true
                                                 << QStringList{"0:0-16", "1:8-24", "2:16-32", "3:24-40"};
    QTest::newRow("keys after the list: the last part runs to the end")
        << QByteArray(list + "z: 1\n") << 2 << 0 << 2 << true << QStringList{"0:0-24", "2:16-45"};
    QTest::newRow("lines a schema has")
        << QByteArray("tables:\n  - name: a\n    comment: \"x: 'y' # z\"\n    columns:\n      - {name: id, type: \"numeric(10,2)\"}\n"
                      "      - {name: b, type: text, default: -1} # c\n  - name: b\n    checks: [{expression: \"a <> ''\"}]\n"
                      "  - name: c\n    columns: ['it''s']\n    n: -1\n")
        << 2 << 0 << 2 << true << QStringList{"0:0-148", "1:8-243"};
    QTest::newRow("the largest collection") << QByteArray("a:\n  - x\n  - y\n" + list) << 2 << 3 << 2 << true
                                            << QStringList{"0:0-39", "5:31-55"};
    QTest::newRow("mapping") << QByteArray("tables:\n    a: 1\n    b: 2\n    c: 3\n    d: 4\n") << 2 << 0 << 4 << false
                             << QStringList{"0:0-26", "2:17-44"};
    QTest::newRow("nested lines stay in their item")
        << QByteArray("tables:\n  - a\n  - b:\n      - c\n      - d\n  - e\n  - f\n") << 2 << 0 << 2 << true
        << QStringList{"0:0-41", "2:14-53"};
}

void tst_YamlChunkPlan::cuts()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, parts);
    QFETCH(int, keyLine);
    QFETCH(int, itemIndent);
    QFETCH(bool, sequence);
    QFETCH(QStringList, expected);
    const auto plan = YamlChunkPlan::make(yaml, parts, 1);
    QVERIFY(plan);
    QCOMPARE(plan->keyLine, keyLine);
    QCOMPARE(plan->itemIndent, itemIndent);
    QCOMPARE(plan->sequence, sequence);
    QCOMPARE(describe(*plan), expected);
}

void tst_YamlChunkPlan::noPlan_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("parts");
    QTest::addColumn<qsizetype>("minimumPartBytes");
    const QByteArray list = "tables:\n  - aaa\n  - bbb\n  - ccc\n  - ddd\n";
    QTest::newRow("one part") << list << 1 << qsizetype(1);
    QTest::newRow("too small") << list << 2 << qsizetype(list.size() / 2 + 1);
    QTest::newRow("one item") << QByteArray("tables:\n  - aaa\n") << 2 << qsizetype(1);
    QTest::newRow("value on the key's line") << QByteArray("tables: [a, b, c]\n") << 2 << qsizetype(1);
    QTest::newRow("list at the key's indentation") << QByteArray("tables:\n- a\n- b\n- c\n") << 2 << qsizetype(1);
    QTest::newRow("root list") << QByteArray("- a\n- b\n- c\n") << 2 << qsizetype(1);
    QTest::newRow("quoted top-level key") << QByteArray("\"tables\":\n  - a\n  - b\n") << 2 << qsizetype(1);
    QTest::newRow("directive") << QByteArray("%YAML 1.2\n---\n" + list) << 2 << qsizetype(1);
    QTest::newRow("second document") << QByteArray(list + "---\nz: 1\n") << 2 << qsizetype(1);
    QTest::newRow("end of document") << QByteArray(list + "...\n") << 2 << qsizetype(1);
    QTest::newRow("tab indentation") << QByteArray("tables:\n  - a\n\t- b\n  - c\n") << 2 << qsizetype(1);
    QTest::newRow("less indented line") << QByteArray("tables:\n    - a\n  x\n    - b\n    - c\n") << 2 << qsizetype(1);
    QTest::newRow("control character") << QByteArray(list + "z: \x04\n") << 2 << qsizetype(1);
    QTest::newRow("UTF-16") << QByteArray("\xff\xfe" "t\0a\0:\0\n\0", 10) << 2 << qsizetype(1);
    // Lines YAML may read together with others: each keeps the text whole.
    QTest::newRow("plain text over two lines") << QByteArray("s:\n  - k:\n    v\n  - a\n  - b\n") << 2 << qsizetype(1);
    QTest::newRow("complex key") << QByteArray("s:\n  - ?\n    k\n  - a\n  - b\n") << 2 << qsizetype(1);
    QTest::newRow("quote not closed on its line") << QByteArray("s:\n  - '\n  - 4\nz:\n") << 2 << qsizetype(1);
    QTest::newRow("flow list over two lines") << QByteArray("s:\n  - [a,\n     b]\n  - c\n  - d\n") << 2 << qsizetype(1);
    QTest::newRow("block text") << QByteArray("s:\n  - a: |\n      x\n  - b\n  - c\n") << 2 << qsizetype(1);
    QTest::newRow("anchor") << QByteArray("s:\n  - &x a\n  - b\n  - c\n") << 2 << qsizetype(1);
    QTest::newRow("non-item line among items") << QByteArray("s:\n  - 0\n  - 1\n  '\n") << 2 << qsizetype(1);
    QTest::newRow("lone carriage return") << QByteArray("tables:\n  - a\n  - b\n\r\r\n  - c\n  - d\n") << 2 << qsizetype(1);
    QTest::newRow("tab inside a line") << QByteArray("s:\n  - a:\tb\n  - c\n  - d\n") << 2 << qsizetype(1);
}

void tst_YamlChunkPlan::noPlan()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, parts);
    QFETCH(qsizetype, minimumPartBytes);
    const auto plan = YamlChunkPlan::make(yaml, parts, minimumPartBytes);
    QVERIFY2(!plan, qPrintable(plan ? describe(*plan).join(QLatin1String(", ")) : QString()));
}

QTEST_GUILESS_MAIN(tst_YamlChunkPlan)
#include "tst_yamlchunkplan.moc"
