// The compact YAML tree the readers work on: node kinds, positions, quoted
// and plain scalars, flow style, aliases, repeated keys and parse errors.

#include "config/SchemaWriter.h"
#include "config/YamlDocument.h"

#include "SchemaGenerator.h"

#include <QDir>
#include <QFile>
#include <QThread>
#include <QTest>

using namespace sd;

Q_DECLARE_METATYPE(sd::YamlNode::Kind)

namespace {

YamlDocument parse(const QByteArray &yaml)
{
    auto document = YamlDocument::parse(yaml);
    if (!document) {
        qWarning().noquote() << document.error().line << document.error().column << document.error().message;
        return {};
    }
    return std::move(*document);
}

// The node at `path`: keys of mappings and indexes of lists, split by '/'
// ("tables/0/name"); an empty path is the root.
YamlNode at(const YamlNode &root, const QString &path)
{
    YamlNode node = root;
    for (const QString &step : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        if (isIndex && node.isSequence()) {
            int i = 0;
            YamlNode found;
            for (const YamlNode &item : node) {
                if (i++ == index)
                    found = item;
            }
            node = found;
        } else {
            node = node.value(step.toUtf8());
        }
    }
    return node;
}

// The keys of a mapping, in order, repeats included.
QStringList keysOf(const YamlNode &map)
{
    QStringList keys;
    map.forEachPair([&keys](const YamlNode &key, const YamlNode &) { keys << key.text(); });
    return keys;
}

// Every node of a tree, one line each, indented by depth: kind, position,
// quoting, flow style and text, so that two trees compare as text.
void describe(const YamlNode &node, int depth, QStringList &lines)
{
    lines << QStringLiteral("%1%2 %3:%4%5%6 %7")
                 .arg(QString(depth * 2, QLatin1Char(' ')))
                 .arg(int(node.kind()))
                 .arg(node.line())
                 .arg(node.column())
                 .arg(node.isQuoted() ? QStringLiteral(" quoted") : QString())
                 .arg(node.isFlow() ? QStringLiteral(" flow") : QString())
                 .arg(node.text());
    if (node.isMap() || node.isSequence()) {
        lines << QStringLiteral("%1size %2").arg(QString(depth * 2, QLatin1Char(' '))).arg(node.size());
        for (const YamlNode &child : node)
            describe(child, depth + 1, lines);
    }
}

QStringList describe(const YamlDocument &document)
{
    QStringList lines;
    describe(document.root(), 0, lines);
    return lines;
}

// A text that is parsed whole: one thread.
constexpr YamlDocument::ParseOptions WholeText{1, 0};

} // namespace

class tst_YamlDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds_data();
    void kinds();
    void positions_data();
    void positions();
    void quoting_data();
    void quoting();
    void flowStyle();
    void aliases();
    void repeatedKeys();
    void children();
    void missingKey();
    void emptyDocument_data();
    void emptyDocument();
    void onlyFirstDocument();
    void emptyScalarIsNotNull();
    void unicodeText();
    void movedDocumentKeepsNodes();
    void parseError_data();
    void parseError();
    void partsJoinAsWhole_data();
    void partsJoinAsWhole();
    void largeSchemaParsedInParts();
};

void tst_YamlDocument::kinds_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("path");
    QTest::addColumn<YamlNode::Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain scalar") << QByteArray("a: text") << "a" << YamlNode::Kind::Scalar << "text";
    QTest::newRow("number stays text") << QByteArray("a: 1.50") << "a" << YamlNode::Kind::Scalar << "1.50";
    QTest::newRow("empty value is null") << QByteArray("a:\nb: 1") << "a" << YamlNode::Kind::Null << "";
    QTest::newRow("tilde is null") << QByteArray("a: ~") << "a" << YamlNode::Kind::Null << "";
    QTest::newRow("null is null") << QByteArray("a: null") << "a" << YamlNode::Kind::Null << "";
    QTest::newRow("quoted null is text") << QByteArray("a: \"null\"") << "a" << YamlNode::Kind::Scalar << "null";
    QTest::newRow("block list") << QByteArray("a:\n  - x\n  - y") << "a" << YamlNode::Kind::Sequence << "";
    QTest::newRow("flow list") << QByteArray("a: [x, y]") << "a" << YamlNode::Kind::Sequence << "";
    QTest::newRow("block mapping") << QByteArray("a:\n  b: c") << "a" << YamlNode::Kind::Map << "";
    QTest::newRow("flow mapping") << QByteArray("a: {b: c}") << "a" << YamlNode::Kind::Map << "";
    QTest::newRow("list item") << QByteArray("a: [x, y]") << "a/1" << YamlNode::Kind::Scalar << "y";
    QTest::newRow("block text") << QByteArray("a: |\n  one\n  two\n") << "a" << YamlNode::Kind::Scalar << "one\ntwo\n";
    QTest::newRow("escapes") << QByteArray(R"(a: "tab\tend")") << "a" << YamlNode::Kind::Scalar << "tab\tend";
}

void tst_YamlDocument::kinds()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, path);
    QFETCH(YamlNode::Kind, kind);
    QFETCH(QString, text);
    const YamlDocument document = parse(yaml);
    const YamlNode node = at(document.root(), path);
    QVERIFY(node.isDefined());
    QCOMPARE(node.kind(), kind);
    QCOMPARE(node.text(), text);
    QCOMPARE(node.isNull(), kind == YamlNode::Kind::Null);
}

void tst_YamlDocument::positions_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QByteArray schema = "tables:\n"
                              "  - name: users\n"
                              "    columns:\n"
                              "      - {name: id, type: bigint}\n"
                              "      - name: email\n"
                              "        type: text\n";
    QTest::newRow("root mapping") << schema << "" << 1 << 1;
    QTest::newRow("block list") << schema << "tables" << 2 << 3;
    QTest::newRow("list item mapping") << schema << "tables/0" << 2 << 5;
    QTest::newRow("block value") << schema << "tables/0/name" << 2 << 11;
    QTest::newRow("flow mapping") << schema << "tables/0/columns/0" << 4 << 9;
    QTest::newRow("flow value") << schema << "tables/0/columns/0/type" << 4 << 26;
    QTest::newRow("nested block value") << schema << "tables/0/columns/1/type" << 6 << 15;
    QTest::newRow("quoted value") << QByteArray("a: \"x\"") << "a" << 1 << 4;
    QTest::newRow("after a comment") << QByteArray("# about\n\na: 1") << "a" << 3 << 4;
}

void tst_YamlDocument::positions()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    const YamlDocument document = parse(yaml);
    const YamlNode node = at(document.root(), path);
    QVERIFY(node.isDefined());
    QCOMPARE(node.line(), line);
    QCOMPARE(node.column(), column);
}

void tst_YamlDocument::quoting_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray("x") << false << "x";
    QTest::newRow("single quotes") << QByteArray("'x'") << true << "x";
    QTest::newRow("double quotes") << QByteArray("\"x\"") << true << "x";
    QTest::newRow("quoted number") << QByteArray("\"42\"") << true << "42";
    QTest::newRow("plain number") << QByteArray("42") << false << "42";
    QTest::newRow("non-specific tag") << QByteArray("! x") << true << "x";
    QTest::newRow("str tag") << QByteArray("!!str 5") << false << "5";
    QTest::newRow("in a flow mapping") << QByteArray("{b: 'y'}") << false << "";
}

void tst_YamlDocument::quoting()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, quoted);
    QFETCH(QString, text);
    const YamlDocument document = parse("a: " + value + "\n");
    const YamlNode node = document.root().value("a");
    QCOMPARE(node.isQuoted(), quoted);
    QCOMPARE(node.text(), text);
    if (node.isMap())
        QVERIFY(node.value("b").isQuoted());
}

void tst_YamlDocument::flowStyle()
{
    const YamlDocument document = parse("flow: {a: [1, 2]}\nblock:\n  a:\n    - 1\n");
    const YamlNode root = document.root();
    QVERIFY(!root.isFlow());
    QVERIFY(root.value("flow").isFlow());
    QVERIFY(root.value("flow").value("a").isFlow());
    QVERIFY(!root.value("block").isFlow());
    QVERIFY(!root.value("block").value("a").isFlow());
    QVERIFY(!root.value("flow").value("a").begin().operator*().isFlow()); // a scalar
}

void tst_YamlDocument::aliases()
{
    const YamlDocument document = parse("base: &b {name: id, type: bigint}\n"
                                        "copy: *b\n"
                                        "list: [&s one, *s, *b]\n");
    const YamlNode root = document.root();
    const YamlNode copy = root.value("copy");
    QVERIFY(copy.isMap());
    QCOMPARE(copy.value("type").text(), QStringLiteral("bigint"));
    // An alias reads as the anchored node, position included.
    QCOMPARE(copy, root.value("base"));
    QCOMPARE(copy.line(), 1);
    QCOMPARE(copy.column(), 7);
    const YamlNode list = root.value("list");
    QCOMPARE(list.size(), 3);
    QCOMPARE(at(list, "1").text(), QStringLiteral("one"));
    QCOMPARE(at(list, "1").column(), 8);
    QVERIFY(at(list, "2").isMap());
}

void tst_YamlDocument::repeatedKeys()
{
    const YamlDocument document = parse("name: a\ntype: text\nname: b\n");
    const YamlNode root = document.root();
    // Both pairs stay, in order, for the readers to report the repeat.
    QCOMPARE(keysOf(root), (QStringList{"name", "type", "name"}));
    QCOMPARE(root.size(), 3);
    QCOMPARE(root.value("name").text(), QStringLiteral("a"));
}

void tst_YamlDocument::children()
{
    const YamlDocument document = parse("list: [a, [b, c], {d: e}, ~]\nmap: {x: 1, ? [k]: 2}\n");
    const YamlNode list = document.root().value("list");
    QStringList kinds;
    for (const YamlNode &item : list)
        kinds << QString::number(int(item.kind()));
    QCOMPARE(kinds, (QStringList{"2", "3", "4", "1"}));
    QCOMPARE(at(list, "1").size(), 2);
    QCOMPARE(at(list, "1/1").text(), QStringLiteral("c"));
    const YamlNode map = document.root().value("map");
    QCOMPARE(map.size(), 2);
    QStringList keyKinds;
    map.forEachPair([&keyKinds](const YamlNode &key, const YamlNode &) { keyKinds << QString::number(int(key.kind())); });
    QCOMPARE(keyKinds, (QStringList{"2", "3"}));
    QCOMPARE(document.root().value("list").value("a").isDefined(), false); // no mapping
}

void tst_YamlDocument::missingKey()
{
    const YamlDocument document = parse("a: 1\n");
    const YamlNode missing = document.root().value("b");
    QVERIFY(!missing.isDefined());
    QCOMPARE(missing.kind(), YamlNode::Kind::Undefined);
    QVERIFY(!missing.isNull()); // undefined, as yaml-cpp has it, is not null
    QCOMPARE(missing.line(), 0);
    QCOMPARE(missing.column(), 0);
    QCOMPARE(missing.size(), 0);
    QVERIFY(missing.begin() == missing.end());
    QVERIFY(missing.text().isEmpty());
}

void tst_YamlDocument::emptyDocument_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("comments only") << QByteArray("# nothing here\n") << 0;
    QTest::newRow("explicit empty document") << QByteArray("---\n") << 2;
}

void tst_YamlDocument::emptyDocument()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    const YamlDocument document = parse(yaml);
    QVERIFY(document.root().isDefined());
    QVERIFY(document.root().isNull());
    QCOMPARE(document.root().line(), line);
}

void tst_YamlDocument::onlyFirstDocument()
{
    const YamlDocument document = parse("a: 1\n---\nb: [unclosed\n");
    QCOMPARE(keysOf(document.root()), QStringList{"a"});
}

void tst_YamlDocument::emptyScalarIsNotNull()
{
    const YamlDocument document = parse("a: ''\nb: [x]\n");
    QCOMPARE(document.root().value("a").kind(), YamlNode::Kind::Scalar);
    QVERIFY(document.root().value("a").text().isEmpty());
    QVERIFY(!document.root().value("a").text().isNull());
    QVERIFY(!document.root().value("b").text().isNull());
}

void tst_YamlDocument::unicodeText()
{
    const YamlDocument document = parse("größe: \"naïve ☃\"\n");
    const YamlNode value = document.root().value("größe");
    QCOMPARE(value.text(), QStringLiteral("naïve ☃"));
    QVERIFY(document.root().begin().operator*().textEquals("größe"));
}

void tst_YamlDocument::movedDocumentKeepsNodes()
{
    YamlDocument first = parse("a: {b: c}\n");
    const YamlNode node = first.root().value("a");
    const YamlDocument moved = std::move(first);
    QCOMPARE(node.value("b").text(), QStringLiteral("c"));
    QCOMPARE(moved.root().value("a"), node);
}

void tst_YamlDocument::parseError_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("unclosed flow list") << QByteArray("a: [1, 2\n") << 2 << 1 << "end of sequence flow not found";
    QTest::newRow("unclosed flow mapping") << QByteArray("a: {b: 1\n") << 2 << 1 << "end of map flow not found";
    QTest::newRow("unknown anchor") << QByteArray("a: 1\nb: *nowhere\n") << 2 << 4 << "the referenced anchor is not defined";
    QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << 3 << 2 << "end of map not found";
}

void tst_YamlDocument::parseError()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto document = YamlDocument::parse(yaml);
    QVERIFY(!document);
    QCOMPARE(document.error().message, message);
    QCOMPARE(document.error().line, line);
    QCOMPARE(document.error().column, column);
    QVERIFY(document.error().syntax);
}

void tst_YamlDocument::partsJoinAsWhole_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("inParts"); // false: the parts do not join, the text is parsed whole
    const QByteArray items = "  - name: a\n    columns: [x]\n  - name: b\n  - name: c\n    n: 1\n  - name: d\n";
    QTest::newRow("block list") << QByteArray("enums: []\ntables:\n" + items) << true;
    QTest::newRow("keys after the list") << QByteArray("tables:\n" + items + "# end\nenums:\n  - x\nviews: 2\n") << true;
    QTest::newRow("block mapping") << QByteArray("tables:\n  a:\n    x: 1\n  b: 2\n  c:\n    - y\n  d: {e: f}\nz: 3\n") << true;
    QTest::newRow("comments and blank lines")
        << QByteArray("# head\n---\ntables:\n\n  # one\n  - name: a\n# zero\n  - name: b\n\n  - name: c\n") << true;
    QTest::newRow("repeated keys") << QByteArray("tables:\n  a: 1\n  a: 2\n  b: 3\n  a: 4\ntables: 5\n") << true;
    QTest::newRow("block text") << QByteArray("tables:\n  - a: |\n      one\n\n      two\n  - b: >\n      x\n  - c\n") << false;
    QTest::newRow("CRLF") << QByteArray("tables:\r\n  - a\r\n  - b\r\n  - c\r\nz: 1\r\n") << true;
    QTest::newRow("aliases within an item") << QByteArray("tables:\n  - {a: &x 1, b: *x}\n  - b\n  - [&y c, *y]\n  - d\n") << true;
    QTest::newRow("non-ASCII") << QByteArray("tables:\n  - größe: \"naïve ☃\"\n  - b\n  - ☃\n") << true;
    // Texts whose parts do not parse or do not join: the whole text's tree or error.
    QTest::newRow("alias across parts") << QByteArray("tables:\n  - &x a\n  - b\n  - c\n  - *x\n  - d\n") << false;
    QTest::newRow("quoted text across items")
        << QByteArray("tables:\n  - a: \"one\n  - b: two\"\n  - c\n  - d\n") << false;
    QTest::newRow("flow list across items") << QByteArray("tables:\n  - [a,\n  - b]\n  - c\n  - d\n") << false;
    QTest::newRow("plain text continued less indented")
        << QByteArray("tables:\n  - name: a\n    comment: foo\n  bar\n  - name: b\n  - c\n") << false;
    QTest::newRow("top-level line without a colon") << QByteArray("tables:\n  - a\n  - b\n  - c\nbar baz\n") << true;
    QTest::newRow("two documents") << QByteArray("tables:\n  - a\n  - b\n  - c\n---\nz: 1\n") << false;
    QTest::newRow("end of document") << QByteArray("tables:\n  - a\n  - b\n  - c\n...\nz: 1\n") << false;
    QTest::newRow("directive") << QByteArray("%YAML 1.2\n---\ntables:\n  - a\n  - b\n  - c\n") << false;
    QTest::newRow("error in a part") << QByteArray("tables:\n  - a\n  - b\n  - c: [1, 2\n  - d\n  - e\n") << false;
    QTest::newRow("error in the suffix") << QByteArray("tables:\n  - a\n  - b\n  - c\nz: [1\n") << false;
    QTest::newRow("control character") << QByteArray("tables:\n  - a\n  - b\x04\n  - c\n  - d\n") << false;
    QTest::newRow("tab indentation") << QByteArray("tables:\n  - a\n\t- b\n  - c\n  - d\n") << false;
    QTest::newRow("root list") << QByteArray("- a\n- b\n- c\n") << false;
    // Found by a differential fuzzer: texts where yaml-cpp reads an item
    // differently with what follows it, beyond the one item a part repeats.
    QTest::newRow("plain value on the next line") << QByteArray("s:\n  - k:\n    v\n  - a\n  - 'x'\n") << false;
    QTest::newRow("complex keys") << QByteArray("s:\n  - ?\n    k\n  - a\n  - ?\n") << false;
    QTest::newRow("quote open into the keys after")
        << QByteArray("tables:\n  - name: a\n  - name: b\n    comment: \"unclosed\nenums:\n  - x\n") << false;
    QTest::newRow("quote open at the end") << QByteArray("s:\n  - '\n  - 4\nz:\n") << false;
    QTest::newRow("non-item line ends the list") << QByteArray("s:\n  - 0\n  - 1\n  '") << false;
    QTest::newRow("lone carriage returns") << QByteArray("tables:\n  - a\n  - b\n\r\r\n  - c\n  - d\n") << false;
    QTest::newRow("carriage return at the end") << QByteArray("s:\n - 1\n - 2\n\r") << false;
    QTest::newRow("nested as deep as yaml-cpp allows")
        << QByteArray("s:\n  - " + QByteArray(1000, 'a') + "\n  - " + QByteArray(498, '[') + QByteArray(498, ']') + "\n  - b\n")
        << true;
}

// Whatever the text, parsing it in parts gives the tree, or the error, that
// parsing it whole gives.
void tst_YamlDocument::partsJoinAsWhole()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, inParts);
    const auto whole = YamlDocument::parse(yaml, WholeText);
    for (const int threads : {2, 3, 4}) {
        const auto parts = YamlDocument::parse(yaml, {threads, 1});
        QCOMPARE(bool(parts), bool(whole));
        if (!whole) {
            QCOMPARE(parts.error().message, whole.error().message);
            QCOMPARE(parts.error().line, whole.error().line);
            QCOMPARE(parts.error().column, whole.error().column);
            continue;
        }
        QCOMPARE(whole->partCount(), 1);
        QCOMPARE(parts->partCount() > 1, inParts);
        QCOMPARE(describe(*parts), describe(*whole));
    }
}

// The generated 1,000-table schema and the demo's, cut in up to eight parts:
// the same tree as the whole text's.
void tst_YamlDocument::largeSchemaParsedInParts()
{
    QFile demo(QDir(qEnvironmentVariable("SCHEMADESK_SOURCE_DIR")).filePath(QStringLiteral("examples/demo/config/schema.yaml")));
    QVERIFY2(demo.open(QIODevice::ReadOnly), qPrintable(demo.fileName()));
    const QByteArray generated = SchemaWriter::toYaml(testing::generateSchema(1000));
    const QByteArray demoText = demo.readAll();
    for (const QByteArray *text : {&generated, &demoText}) {
        const QByteArray &yaml = *text;
        const auto whole = YamlDocument::parse(yaml, WholeText);
        QVERIFY(whole);
        const QStringList expected = describe(*whole);
        for (int threads = 2; threads <= 8; ++threads) {
            const auto parts = YamlDocument::parse(yaml, {threads, yaml.size() / 16});
            QVERIFY(parts);
            // The demo's dozen tables give fewer parts than eight.
            QVERIFY(parts->partCount() > 1);
            if (text == &generated)
                QCOMPARE(parts->partCount(), threads);
            QCOMPARE(describe(*parts), expected);
        }
    }
    // By default, a text this large is cut on a machine of several cores.
    const auto byDefault = YamlDocument::parse(generated);
    QVERIFY(byDefault);
    QCOMPARE(byDefault->partCount() > 1, QThread::idealThreadCount() > 1);
}

QTEST_GUILESS_MAIN(tst_YamlDocument)
#include "tst_yamldocument.moc"
