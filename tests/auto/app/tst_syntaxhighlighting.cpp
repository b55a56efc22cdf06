// The built-in highlighters: the category the layout's formats give at
// chosen offsets of sample lines, multi-line states (YAML block scalars,
// SQL block comments, strings and dollar quotes), dialect keyword lists,
// and colours that follow a dark palette.

#include "editor/EditorTheme.h"
#include "PaletteTone.h"
#include "editor/SqlHighlighter.h"
#include "editor/SyntaxHighlighting.h"
#include "editor/TextCategory.h"
#include "editor/YamlHighlighter.h"

#include <QSyntaxHighlighter>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace sd::app;

Q_DECLARE_METATYPE(sd::app::SyntaxHighlighting::Language)

namespace {

using Expectations = QList<QPair<int, int>>; // (offset, TextCategory::Kind)

// The category the highlighter gave the character at `offset` of `block`.
TextCategory::Kind categoryAt(const QTextBlock &block, int offset)
{
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &r : ranges)
        if (offset >= r.start && offset < r.start + r.length)
            return TextCategory::of(r.format);
    return TextCategory::None;
}

const char *name(int kind)
{
    static const char *names[] = {"None", "Keyword", "Type", "String", "Number", "Comment", "Key",
                                  "Identifier", "Anchor", "Punctuation", "Literal", "Directive"};
    return kind >= 0 && kind < int(std::size(names)) ? names[kind] : "?";
}

// Highlights `text` and checks (line, offset) -> category.
void check(SyntaxHighlighting::Language language, const QString &text, int line, const Expectations &expected)
{
    QTextDocument document;
    document.setPlainText(text);
    const auto highlighter = SyntaxHighlighting::create(language, &document, QPalette());
    QVERIFY(highlighter);
    const QTextBlock block = document.findBlockByNumber(line);
    QVERIFY(block.isValid());
    for (const auto &[offset, kind] : expected) {
        const int got = categoryAt(block, offset);
        if (got != kind)
            QFAIL(qPrintable(QStringLiteral("line %1 offset %2 ('%3'): got %4, expected %5")
                                 .arg(line)
                                 .arg(offset)
                                 .arg(block.text().mid(offset, 8), QLatin1String(name(got)), QLatin1String(name(kind)))));
    }
}

} // namespace

class tst_SyntaxHighlighting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backend();
    void yaml_data();
    void yaml();
    void sql_data();
    void sql();
    void sqlMultiLineStateChanges();
    void factory_data();
    void factory();
    void coloursFollowPalette_data();
    void coloursFollowPalette();
};

void tst_SyntaxHighlighting::backend()
{
#ifdef SCHEMADESK_HAVE_KSYNTAXHIGHLIGHTING
    QCOMPARE(SyntaxHighlighting::backendName(), QStringLiteral("KSyntaxHighlighting"));
#else
    QCOMPARE(SyntaxHighlighting::backendName(), QStringLiteral("built-in"));
#endif
}

#define K(offset, kind) QPair<int, int>(offset, TextCategory::kind)

void tst_SyntaxHighlighting::yaml_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<Expectations>("expected");

    QTest::newRow("key and plain scalar") << "revision: 4c1f0e9a2b7d" << 0
                                          << Expectations{K(0, Key), K(7, Key), K(8, Punctuation), K(10, String), K(21, String)};
    QTest::newRow("key with comment") << "message: add prefs   # why" << 0
                                      << Expectations{K(0, Key), K(9, String), K(17, String), K(18, None), K(21, Comment), K(25, Comment)};
    QTest::newRow("hash inside a scalar is no comment") << "url: a#b" << 0 << Expectations{K(5, String), K(6, String)};
    QTest::newRow("null and booleans") << "down_revision: null\nunique: true\nnullable: No" << 0
                                       << Expectations{K(0, Key), K(15, Literal)};
    QTest::newRow("boolean true") << "down_revision: null\nunique: true\nnullable: No" << 1 << Expectations{K(8, Literal)};
    QTest::newRow("numbers") << "a: 42\nb: -1.5e3\nc: 0x1F\nd: 1.2.3" << 1 << Expectations{K(3, Number), K(7, Number)};
    QTest::newRow("version-like is a string") << "a: 42\nb: -1.5e3\nc: 0x1F\nd: 1.2.3" << 3 << Expectations{K(3, String)};
    QTest::newRow("list dash and key") << "  - add_column: {table: users}" << 0
                                       << Expectations{K(2, Punctuation), K(4, Key), K(14, Punctuation), K(16, Punctuation)};
    QTest::newRow("flow mapping") << "- {name: id, type: bigint, primary_key: true}" << 0
                                  << Expectations{K(0, Punctuation), K(2, Punctuation), K(3, Key), K(7, Punctuation),
                                                  K(9, String), K(11, Punctuation), K(13, Key), K(19, String),
                                                  K(27, Key), K(40, Literal), K(44, Punctuation)};
    QTest::newRow("flow sequence") << "columns: [email, 'name', 3]" << 0
                                   << Expectations{K(0, Key), K(9, Punctuation), K(10, String), K(15, Punctuation),
                                                   K(17, String), K(22, String), K(25, Number), K(26, Punctuation)};
    QTest::newRow("quoted strings") << "sql: \"UPDATE users SET a = 'x' # not a comment\"" << 0
                                    << Expectations{K(0, Key), K(5, String), K(30, String), K(46, String)};
    QTest::newRow("quoted key") << "\"odd key\": 1" << 0 << Expectations{K(0, Key), K(8, Key), K(9, Punctuation), K(11, Number)};
    QTest::newRow("single quotes with doubled quote") << "a: 'it''s' # c" << 0 << Expectations{K(3, String), K(9, String), K(11, Comment)};
    QTest::newRow("anchor, alias, tag") << "base: &defaults\nother: *defaults\nt: !!str 12" << 0 << Expectations{K(6, Anchor), K(14, Anchor)};
    QTest::newRow("alias") << "base: &defaults\nother: *defaults\nt: !!str 12" << 1 << Expectations{K(0, Key), K(7, Anchor), K(15, Anchor)};
    QTest::newRow("tag") << "base: &defaults\nother: *defaults\nt: !!str 12" << 2 << Expectations{K(3, Anchor), K(9, Number)};
    QTest::newRow("document marker") << "---\nrevision: abc" << 0 << Expectations{K(0, Directive), K(2, Directive)};
    QTest::newRow("whole-line comment") << "# upgrade: not a key" << 0 << Expectations{K(0, Comment), K(10, Comment)};
    QTest::newRow("key whose value is on the next lines") << "upgrade:\n  - sql: x" << 0 << Expectations{K(0, Key), K(7, Punctuation)};

    const QString block = QStringLiteral("- sql: |\n    CREATE TABLE t (\n\n      a int  # not a comment\n    )\n  transactional: false");
    QTest::newRow("block scalar header") << block << 0 << Expectations{K(2, Key), K(7, Punctuation)};
    QTest::newRow("block scalar body") << block << 1 << Expectations{K(4, String), K(11, String)};
    QTest::newRow("block scalar blank line") << block << 2 << Expectations{};
    QTest::newRow("block scalar body with #") << block << 3 << Expectations{K(6, String), K(13, String), K(20, String)};
    QTest::newRow("block scalar last line") << block << 4 << Expectations{K(4, String)};
    QTest::newRow("after the block scalar") << block << 5 << Expectations{K(2, Key), K(17, Literal)};

    const QString folded = QStringLiteral("message: >-\n  a long\n  message: text\nnext: 1");
    QTest::newRow("folded body looks like a key") << folded << 2 << Expectations{K(2, String), K(9, String)};
    QTest::newRow("after folded") << folded << 3 << Expectations{K(0, Key), K(6, Number)};

    const QString multi = QStringLiteral("sql: \"first line\n  second line\" # c\nnext: 2");
    QTest::newRow("double quotes over two lines") << multi << 1 << Expectations{K(2, String), K(13, String), K(16, Comment)};
    QTest::newRow("after the quoted lines") << multi << 2 << Expectations{K(0, Key), K(6, Number)};
}

void tst_SyntaxHighlighting::yaml()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(Expectations, expected);
    check(SyntaxHighlighting::Language::Yaml, text, line, expected);
}

void tst_SyntaxHighlighting::sql_data()
{
    QTest::addColumn<SyntaxHighlighting::Language>("language");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<Expectations>("expected");
    const auto pg = SyntaxHighlighting::Language::SqlPostgres;
    const auto lite = SyntaxHighlighting::Language::SqlSqlite;

    QTest::newRow("keywords any case, types, identifiers")
        << pg << "create TABLE \"users\" (id BigInt PRIMARY key);" << 0
        << Expectations{K(0, Keyword), K(7, Keyword), K(13, Identifier), K(18, Identifier), K(22, None), K(25, Type),
                        K(32, Keyword), K(40, Keyword)};
    QTest::newRow("string and number") << lite << "UPDATE t SET a = 'it''s' WHERE b > 12.5;" << 0
                                       << Expectations{K(0, Keyword), K(17, String), K(22, String), K(25, Keyword),
                                                       K(35, Number), K(38, Number)};
    QTest::newRow("line comment") << lite << "SELECT 1; -- drop table" << 0 << Expectations{K(0, Keyword), K(10, Comment), K(22, Comment)};
    QTest::newRow("E string with escapes") << pg << "SELECT E'a\\'b', 'c';" << 0
                                           << Expectations{K(7, String), K(8, String), K(13, String), K(14, Punctuation), K(16, String)};
    QTest::newRow("inline block comment") << pg << "SELECT /* c */ 1" << 0 << Expectations{K(7, Comment), K(13, Comment), K(15, Number)};
    QTest::newRow("PRAGMA is SQLite's keyword") << lite << "PRAGMA foreign_keys = ON" << 0 << Expectations{K(0, Keyword), K(7, None)};
    QTest::newRow("PRAGMA is not PostgreSQL's") << pg << "PRAGMA foreign_keys = ON" << 0 << Expectations{K(0, None), K(22, Keyword)};
    QTest::newRow("ILIKE and jsonb are PostgreSQL's") << pg << "a ILIKE b::jsonb" << 0 << Expectations{K(2, Keyword), K(11, Type)};
    QTest::newRow("ILIKE and jsonb are not SQLite's") << lite << "a ILIKE b::jsonb" << 0 << Expectations{K(2, None), K(11, None)};
    QTest::newRow("AUTOINCREMENT is SQLite's") << lite << "id INTEGER PRIMARY KEY AUTOINCREMENT" << 0 << Expectations{K(3, Type), K(23, Keyword)};

    const QString comment = QStringLiteral("SELECT 1; /* start\nstill comment SELECT\nend */ SELECT 2");
    QTest::newRow("block comment opens") << pg << comment << 0 << Expectations{K(0, Keyword), K(10, Comment), K(17, Comment)};
    QTest::newRow("block comment middle") << pg << comment << 1 << Expectations{K(0, Comment), K(14, Comment), K(19, Comment)};
    QTest::newRow("block comment closes") << pg << comment << 2 << Expectations{K(0, Comment), K(5, Comment), K(7, Keyword), K(14, Number)};

    const QString nested = QStringLiteral("/* a /* b */\nstill */ SELECT");
    QTest::newRow("nested comment still open") << pg << nested << 1 << Expectations{K(0, Comment), K(7, Comment), K(9, Keyword)};

    const QString dollar = QStringLiteral("CREATE FUNCTION f() RETURNS int AS $body$\nSELECT 'x' -- inside\n$body$ LANGUAGE sql;");
    QTest::newRow("dollar quote opens") << pg << dollar << 0 << Expectations{K(0, Keyword), K(28, Type), K(35, String), K(40, String)};
    QTest::newRow("dollar body") << pg << dollar << 1 << Expectations{K(0, String), K(7, String), K(11, String), K(14, String)};
    QTest::newRow("dollar quote closes") << pg << dollar << 2 << Expectations{K(0, String), K(5, String), K(7, Keyword)};

    const QString other = QStringLiteral("SELECT $a$ x $b$\nstill $b$ $a$ 5");
    QTest::newRow("only the same tag closes") << pg << other << 1 << Expectations{K(0, String), K(6, String), K(12, String), K(14, Number)};

    const QString string = QStringLiteral("INSERT INTO t VALUES ('two\nlines', 3);");
    QTest::newRow("string over two lines") << lite << string << 1 << Expectations{K(0, String), K(5, String), K(6, Punctuation), K(8, Number)};

    const QString estring = QStringLiteral("SELECT E'a\\\nb\\'c' , 1");
    QTest::newRow("E string over two lines keeps escapes") << pg << estring << 1 << Expectations{K(0, String), K(3, String), K(4, String), K(6, Punctuation), K(8, Number)};

    const QString ident = QStringLiteral("SELECT \"odd\nname\" FROM t");
    QTest::newRow("quoted identifier over two lines") << pg << ident << 1 << Expectations{K(0, Identifier), K(4, Identifier), K(6, Keyword)};
}

void tst_SyntaxHighlighting::sql()
{
    QFETCH(SyntaxHighlighting::Language, language);
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(Expectations, expected);
    check(language, text, line, expected);
}

void tst_SyntaxHighlighting::sqlMultiLineStateChanges()
{
    // Opening a comment on line 1 turns the following lines into comment;
    // closing it again gives them back their keywords.
    QTextDocument document;
    document.setPlainText(QStringLiteral("SELECT 1;\nSELECT 2;\nSELECT 3;"));
    // A document emits contentsChange, which drives the highlighter, only
    // once it has a layout (an editor always gives it one).
    document.documentLayout();
    SqlHighlighter highlighter(sd::DialectKind::PostgreSQL, &document, QPalette());
    // QSyntaxHighlighter ignores edits until its queued first pass has run.
    QCoreApplication::processEvents();
    QCOMPARE(categoryAt(document.findBlockByNumber(2), 0), TextCategory::Keyword);
    QTextCursor cursor(document.findBlockByNumber(0));
    cursor.insertText(QStringLiteral("/* "));
    QCOMPARE(categoryAt(document.findBlockByNumber(1), 0), TextCategory::Comment);
    QCOMPARE(categoryAt(document.findBlockByNumber(2), 0), TextCategory::Comment);
    QTextCursor end(document.findBlockByNumber(1));
    end.movePosition(QTextCursor::EndOfBlock);
    end.insertText(QStringLiteral(" */"));
    QCOMPARE(categoryAt(document.findBlockByNumber(1), 0), TextCategory::Comment);
    QCOMPARE(categoryAt(document.findBlockByNumber(2), 0), TextCategory::Keyword);

    // A changed dollar tag reopens the body on the next line.
    QTextDocument body;
    body.setPlainText(QStringLiteral("AS $x$\nSELECT\n$x$ SELECT"));
    body.documentLayout();
    SqlHighlighter pg(sd::DialectKind::PostgreSQL, &body, QPalette());
    QCoreApplication::processEvents();
    QCOMPARE(categoryAt(body.findBlockByNumber(2), 4), TextCategory::Keyword);
    QTextCursor tag(body.findBlockByNumber(0));
    tag.movePosition(QTextCursor::EndOfBlock);
    tag.movePosition(QTextCursor::Left);
    tag.insertText(QStringLiteral("y")); // $xy$ is not closed by $x$
    QCOMPARE(categoryAt(body.findBlockByNumber(1), 0), TextCategory::String);
    QCOMPARE(categoryAt(body.findBlockByNumber(2), 4), TextCategory::String);
}

void tst_SyntaxHighlighting::factory_data()
{
    QTest::addColumn<SyntaxHighlighting::Language>("language");
    QTest::addColumn<bool>("exists");
    QTest::newRow("yaml") << SyntaxHighlighting::Language::Yaml << true;
    QTest::newRow("postgresql") << SyntaxHighlighting::Language::SqlPostgres << true;
    QTest::newRow("sqlite") << SyntaxHighlighting::Language::SqlSqlite << true;
    QTest::newRow("none") << SyntaxHighlighting::Language::None << false;
}

void tst_SyntaxHighlighting::factory()
{
    QFETCH(SyntaxHighlighting::Language, language);
    QFETCH(bool, exists);
    QTextDocument document;
    const auto highlighter = SyntaxHighlighting::create(language, &document, QPalette());
    QCOMPARE(bool(highlighter), exists);
    if (highlighter)
        QCOMPARE(highlighter->document(), &document);
#ifndef SCHEMADESK_HAVE_KSYNTAXHIGHLIGHTING
    if (language == SyntaxHighlighting::Language::SqlPostgres)
        QCOMPARE(dynamic_cast<SqlHighlighter *>(highlighter.get())->dialect(), sd::DialectKind::PostgreSQL);
    if (language == SyntaxHighlighting::Language::SqlSqlite)
        QCOMPARE(dynamic_cast<SqlHighlighter *>(highlighter.get())->dialect(), sd::DialectKind::Sqlite);
    if (language == SyntaxHighlighting::Language::Yaml)
        QVERIFY(dynamic_cast<YamlHighlighter *>(highlighter.get()));
#endif
}

void tst_SyntaxHighlighting::coloursFollowPalette_data()
{
    QTest::addColumn<QColor>("base");
    QTest::addColumn<bool>("dark");
    QTest::newRow("white") << QColor(Qt::white) << false;
    QTest::newRow("light grey") << QColor(0xee, 0xee, 0xee) << false;
    QTest::newRow("dark grey") << QColor(0x2a, 0x2a, 0x2a) << true;
    QTest::newRow("black") << QColor(Qt::black) << true;
}

void tst_SyntaxHighlighting::coloursFollowPalette()
{
    QFETCH(QColor, base);
    QFETCH(bool, dark);
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(0x20, 0x20, 0x20));
    QCOMPARE(PaletteTone::isDark(palette), dark);
    // Every category keeps a lightness contrast of at least 0.3 with the base.
    for (int kind = TextCategory::Keyword; kind <= TextCategory::Directive; ++kind) {
        const QTextCharFormat f = EditorTheme::format(TextCategory::Kind(kind), palette);
        QCOMPARE(int(TextCategory::of(f)), kind);
        const qreal contrast = qAbs(f.foreground().color().lightnessF() - base.lightnessF());
        if (contrast < 0.3)
            QFAIL(qPrintable(QStringLiteral("%1: contrast %2").arg(QLatin1String(name(kind))).arg(contrast)));
    }
}

QTEST_MAIN(tst_SyntaxHighlighting)
#include "tst_syntaxhighlighting.moc"
