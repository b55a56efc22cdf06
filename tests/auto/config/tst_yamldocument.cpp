// The compact YAML tree the readers work on: node kinds, positions, quoted
// and plain scalars, flow style, aliases, repeated keys and parse errors.

#include "config/YamlDocument.h"

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

QTEST_GUILESS_MAIN(tst_YamlDocument)
#include "tst_yamldocument.moc"
