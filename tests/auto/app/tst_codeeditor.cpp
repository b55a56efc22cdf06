// CodeEditor: gutter width, find (next, previous, wrap, "n of m"), go to
// line, YAML tab, diagnostics placed at their line and column.

#include "editor/CodeEditor.h"
#include "editor/FindBar.h"
#include "i18n/Translations.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace sd::app;

namespace {

QString lines(int count)
{
    QStringList out;
    for (int i = 1; i <= count; ++i)
        out.append(QStringLiteral("line %1").arg(i));
    return out.join(QLatin1Char('\n'));
}

} // namespace

class tst_CodeEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sd::Translations::install(*QCoreApplication::instance())); // English plurals, as the CLI and the app print them
    }

    void gutterGrowsWithDigits_data();
    void gutterGrowsWithDigits();
    void gutterIsLeftOfText();
    void findNextPreviousWrap();
    void findStatus_data();
    void findStatus();
    void findBarKeys();
    void goToLine();
    void yamlTabInsertsSpaces();
    void diagnosticsPlaced_data();
    void diagnosticsPlaced();
    void diagnosticUnderCursor();
    void currentLineFollowsPalette();
};

void tst_CodeEditor::gutterGrowsWithDigits_data()
{
    QTest::addColumn<int>("smaller");
    QTest::addColumn<int>("larger");
    QTest::addColumn<bool>("wider");
    QTest::newRow("1 and 99 lines: both two digits") << 1 << 99 << false;
    QTest::newRow("99 to 100 lines") << 99 << 100 << true;
    QTest::newRow("999 to 1000 lines") << 999 << 1000 << true;
    QTest::newRow("1000 to 9999 lines") << 1000 << 9999 << false;
}

void tst_CodeEditor::gutterGrowsWithDigits()
{
    QFETCH(int, smaller);
    QFETCH(int, larger);
    QFETCH(bool, wider);
    CodeEditor editor;
    editor.setPlainText(lines(smaller));
    QCOMPARE(editor.blockCount(), smaller);
    const int before = editor.lineNumberAreaWidth();
    editor.setPlainText(lines(larger));
    QCOMPARE(editor.blockCount(), larger);
    const int after = editor.lineNumberAreaWidth();
    const int digit = editor.fontMetrics().horizontalAdvance(QLatin1Char('9'));
    if (wider)
        QCOMPARE(after - before, digit);
    else
        QCOMPARE(after, before);
    QCOMPARE(editor.viewport()->geometry().left() - editor.contentsRect().left(), after);
}

void tst_CodeEditor::gutterIsLeftOfText()
{
    CodeEditor editor;
    editor.resize(400, 300);
    editor.setPlainText(lines(150));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *gutter = editor.findChild<QWidget *>(QStringLiteral("lineNumberArea"));
    QVERIFY(gutter);
    QCOMPARE(gutter->width(), editor.lineNumberAreaWidth());
    QCOMPARE(editor.viewport()->geometry().left(), gutter->geometry().right() + 1);
}

void tst_CodeEditor::findNextPreviousWrap()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("alpha beta\nBETA gamma\nbeta"));
    editor.openFindBar();
    editor.setSearchText(QStringLiteral("beta"));
    QCOMPARE(editor.matchCount(), 3);
    // The first match at or after the cursor (start of the text).
    QCOMPARE(editor.currentMatch(), 1);
    QCOMPARE(editor.textCursor().selectionStart(), 6);
    editor.findNext();
    QCOMPARE(editor.currentMatch(), 2);
    QCOMPARE(editor.textCursor().selectedText(), QStringLiteral("BETA")); // case ignored
    QCOMPARE(editor.currentLine(), 2);
    editor.findNext();
    QCOMPARE(editor.currentMatch(), 3);
    QCOMPARE(editor.currentLine(), 3);
    editor.findNext(); // wraps to the first
    QCOMPARE(editor.currentMatch(), 1);
    QCOMPARE(editor.currentLine(), 1);
    editor.findPrevious(); // wraps to the last
    QCOMPARE(editor.currentMatch(), 3);
    editor.findPrevious();
    QCOMPARE(editor.currentMatch(), 2);
    QCOMPARE(editor.findBar()->statusText(), QStringLiteral("2 of 3"));
    // Moving the cursor away leaves no current match; Next goes on from there.
    editor.goToLine(3, 1);
    QCOMPARE(editor.currentMatch(), 0);
    QCOMPARE(editor.findBar()->statusText(), QStringLiteral("3 matches"));
    editor.findNext();
    QCOMPARE(editor.currentMatch(), 3);
    editor.goToLine(2, 6);
    editor.findPrevious();
    QCOMPARE(editor.currentMatch(), 2);
}

void tst_CodeEditor::findStatus_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("status");
    QTest::newRow("several") << "a x a x a" << "a" << 3 << "1 of 3";
    QTest::newRow("one") << "create table t" << "table" << 1 << "1 of 1";
    QTest::newRow("none") << "create table t" << "index" << 0 << "No matches";
    QTest::newRow("empty search") << "create table t" << "" << 0 << "";
}

void tst_CodeEditor::findStatus()
{
    QFETCH(QString, text);
    QFETCH(QString, search);
    QFETCH(int, count);
    QFETCH(QString, status);
    CodeEditor editor;
    editor.setPlainText(text);
    editor.openFindBar();
    editor.findBar()->setText(search);
    QCOMPARE(editor.searchText(), search);
    QCOMPARE(editor.matchCount(), count);
    QCOMPARE(editor.findBar()->statusText(), status);
    // Matches are highlighted as extra selections besides the current line.
    QCOMPARE(editor.extraSelections().size(), 1 + count);
}

void tst_CodeEditor::findBarKeys()
{
    CodeEditor editor;
    editor.resize(500, 300);
    editor.setPlainText(QStringLiteral("one two\none\none"));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setFocus();
    QVERIFY(!editor.findBar()->isVisible());
    QTest::keyClick(&editor, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(editor.findBar()->isVisible());
    auto *field = editor.findBar()->findChild<QWidget *>(QStringLiteral("findField"));
    QVERIFY(field);
    QTest::keyClicks(field, QStringLiteral("one"));
    QCOMPARE(editor.matchCount(), 3);
    QCOMPARE(editor.currentMatch(), 1);
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(editor.currentMatch(), 2);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(editor.currentMatch(), 1);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(editor.currentMatch(), 3);
    QCOMPARE(editor.findBar()->statusText(), QStringLiteral("3 of 3"));
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!editor.findBar()->isVisible());
    QCOMPARE(editor.extraSelections().size(), 1); // only the current line
}

void tst_CodeEditor::goToLine()
{
    CodeEditor editor;
    editor.setPlainText(lines(20));
    editor.goToLine(12, 3);
    QCOMPARE(editor.currentLine(), 12);
    QCOMPARE(editor.currentColumn(), 3);
    editor.goToLine(500);
    QCOMPARE(editor.currentLine(), 20);
    editor.goToLine(-4, 99);
    QCOMPARE(editor.currentLine(), 1);
    QCOMPARE(editor.currentColumn(), QStringLiteral("line 1").size() + 1);
}

void tst_CodeEditor::yamlTabInsertsSpaces()
{
    CodeEditor editor;
    editor.setLanguage(SyntaxHighlighting::Language::Yaml);
    editor.setPlainText(QStringLiteral("a:"));
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClick(&editor, Qt::Key_Tab);
    QTest::keyClicks(&editor, QStringLiteral("b: 1"));
    QCOMPARE(editor.toPlainText(), QStringLiteral("a:\n  b: 1"));
    editor.moveCursor(QTextCursor::StartOfBlock);
    QTest::keyClick(&editor, Qt::Key_Right); // column 1: one space to the stop at 2
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.document()->findBlockByNumber(1).text(), QStringLiteral("   b: 1"));
}

void tst_CodeEditor::diagnosticsPlaced_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("underlined");
    QTest::newRow("word at line 2 column 5") << 2 << 5 << "add_colum:";
    QTest::newRow("value at line 3 column 9") << 3 << 9 << "bigitn";
    QTest::newRow("no column: the whole line") << 1 << 0 << "upgrade:";
    QTest::newRow("past the end: the last character") << 1 << 40 << ":";
}

void tst_CodeEditor::diagnosticsPlaced()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, underlined);
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("upgrade:\n  - add_colum: {}\n  type: bigitn\n"));
    QSignalSpy cursorSpy(&editor, &CodeEditor::cursorDiagnosticChanged);
    editor.setDiagnostics({{line, column, QStringLiteral("boom"), EditorDiagnostic::Severity::Error}});
    QCOMPARE(editor.diagnostics().size(), 1);
    QCOMPARE(editor.diagnosticsAtLine(line).size(), 1);
    QCOMPARE(editor.diagnosticsAtLine(line + 1).size(), 0);

    QList<QTextEdit::ExtraSelection> waves;
    for (const auto &s : editor.extraSelections())
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            waves.append(s);
    QCOMPARE(waves.size(), 1);
    const QTextCursor c = waves.first().cursor;
    QCOMPARE(c.selectedText(), underlined);
    QCOMPARE(c.block().blockNumber() + 1, line);
    if (column > 0 && column <= c.block().length())
        QCOMPARE(c.selectionStart() - c.block().position(), column - 1);
    QCOMPARE(waves.first().format.toolTip(), QStringLiteral("boom"));
    QVERIFY(waves.first().format.underlineColor().isValid());
    QCOMPARE(cursorSpy.size(), line == 1 ? 1 : 0); // the cursor is on line 1
}

void tst_CodeEditor::diagnosticUnderCursor()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("aaa bbb ccc\nddd"));
    editor.setDiagnostics({{1, 5, QStringLiteral("second"), EditorDiagnostic::Severity::Warning},
                           {1, 1, QStringLiteral("first"), EditorDiagnostic::Severity::Error},
                           {2, 2, QStringLiteral("other line"), EditorDiagnostic::Severity::Information}});
    editor.goToLine(1, 1);
    QCOMPARE(editor.diagnosticAtCursor()->message, QStringLiteral("first"));
    editor.goToLine(1, 9);
    QCOMPARE(editor.diagnosticAtCursor()->message, QStringLiteral("second"));
    QCOMPARE(editor.diagnosticAtCursor()->severity, EditorDiagnostic::Severity::Warning);
    editor.goToLine(2, 1); // before the column: the line's diagnostic still
    QCOMPARE(editor.diagnosticAtCursor()->message, QStringLiteral("other line"));
    editor.setDiagnostics({});
    QVERIFY(!editor.diagnosticAtCursor().has_value());
}

void tst_CodeEditor::currentLineFollowsPalette()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("x"));
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(220, 220, 220));
    dark.setColor(QPalette::Highlight, QColor(40, 90, 160));
    editor.setPalette(dark);
    const QColor line = editor.extraSelections().first().format.background().color();
    QVERIFY(line.lightnessF() < 0.35); // a dark band on a dark base, not a light one
    QVERIFY(line != dark.color(QPalette::Base));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::Highlight, QColor(40, 90, 160));
    editor.setPalette(light);
    QVERIFY(editor.extraSelections().first().format.background().color().lightnessF() > 0.8);
}

QTEST_MAIN(tst_CodeEditor)
#include "tst_codeeditor.moc"
