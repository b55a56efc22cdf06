// MigrationEditor: live diagnostics within the debounce, Save refused with
// the reason, the exact SQL preview for SQLite and PostgreSQL, hazard
// comments, schema.yaml previews, saving through QSaveFile; and the
// screenshots in light and dark palettes (written when
// SCHEMADESK_SCREENSHOT_DIR is set, else to the temporary directory).

#include "ShellTestSupport.h"
#include "config/SchemaReader.h"
#include "editor/CodeEditor.h"
#include "editor/MigrationEditor.h"
#include "i18n/Translations.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTest>

using namespace sd::app;
using namespace sd::testing;

Q_DECLARE_METATYPE(sd::DialectKind)

namespace {

const char *const migrationText = R"(revision: 4c1f0e9a2b7d
down_revision: null
message: add user preferences
created: 2026-11-24T10:15:00Z
upgrade:
  - create_table:
      name: user_preferences
      columns:
        - {name: user_id, type: bigint, primary_key: true}
        - {name: theme, type: varchar(32), nullable: false, default: light}
  - add_column: {table: users, column: {name: locale, type: varchar(16)}}
downgrade:
  - drop_column: {table: users, column: locale}
  - drop_table: {name: user_preferences}
)";

const char *const baseSchemaText = R"(tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: varchar(255), nullable: false}
)";

sd::Schema baseSchema()
{
    const auto schema = sd::SchemaReader::readString(baseSchemaText, QStringLiteral("base.yaml"));
    if (!schema)
        qFatal("base schema: %s", qPrintable(sd::joinErrors(schema.error())));
    return *schema;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Types a new line after line `line` (1-based) holding `text`, as a user
// would: Return keeps the indentation only if the editor adds it, so the
// text brings its own.
void typeLineAfter(CodeEditor *editor, int line, const QString &text)
{
    editor->goToLine(line);
    editor->moveCursor(QTextCursor::EndOfBlock);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, text);
}

} // namespace

class tst_MigrationEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensAndDetectsKind_data();
    void opensAndDetectsKind();
    void unknownOperationDiagnosedWhileTyping();
    void debounceRestartsOnEachChange();
    void saveRefusedWithReason_data();
    void saveRefusedWithReason();
    void saveWritesFile();
    void previewExactSql_data();
    void previewExactSql();
    void dropColumnHazard_data();
    void dropColumnHazard();
    void renderErrorAtOperationLine();
    void schemaPreview();
    void screenshots();

private:
    QTemporaryDir m_dir;
};

void tst_MigrationEditor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(sd::Translations::install(*QCoreApplication::instance()));
}

void tst_MigrationEditor::opensAndDetectsKind_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("kind");
    QTest::newRow("migration") << QByteArray(migrationText) << int(MigrationEditor::FileKind::Migration);
    QTest::newRow("schema") << QByteArray(baseSchemaText) << int(MigrationEditor::FileKind::Schema);
}

void tst_MigrationEditor::opensAndDetectsKind()
{
    QFETCH(QByteArray, content);
    QFETCH(int, kind);
    MigrationEditor editor;
    editor.setBaseSchema(baseSchema());
    const QString path = writeFile(m_dir, QStringLiteral("open.yaml"), content);
    QVERIFY(editor.openFile(path).has_value());
    QCOMPARE(int(editor.fileKind()), kind);
    QCOMPARE(editor.text(), QString::fromUtf8(content));
    QCOMPARE(editor.filePath(), path);
    QCOMPARE(editor.displayPath(), QStringLiteral("open.yaml"));
    QVERIFY(!editor.isModified());
    QVERIFY(editor.parses());
    QCOMPARE(editor.diagnostics().size(), 0);
    QVERIFY(editor.preview()->isReadOnly());
    QVERIFY(editor.previewText().contains(QStringLiteral("CREATE TABLE")));

    const auto missing = editor.openFile(m_dir.filePath(QStringLiteral("missing.yaml")));
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, sd::Error::Code::Io);
}

void tst_MigrationEditor::unknownOperationDiagnosedWhileTyping()
{
    MigrationEditor editor;
    editor.setBaseSchema(baseSchema());
    QVERIFY(editor.openFile(writeFile(m_dir, QStringLiteral("typing.yaml"), migrationText)).has_value());
    QSignalSpy modified(&editor, &MigrationEditor::modifiedChanged);
    QSignalSpy count(&editor, &MigrationEditor::diagnosticsChanged);
    editor.resize(900, 500);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    // Line 12 is "  - add_column: ..."; a new line 13 holds an unknown operation.
    const QString typed = QStringLiteral("  - add_colum: {table: users, column: {name: bio, type: text}}");
    typeLineAfter(editor.editor(), 11, typed);
    QCOMPARE(editor.editor()->document()->findBlockByNumber(11).text(), typed);
    QCOMPARE(modified.size(), 1);
    QCOMPARE(modified.first().first().toBool(), true);
    QVERIFY(editor.isModified());
    QCOMPARE(editor.diagnostics().size(), 0); // not yet: the debounce runs

    QTRY_COMPARE_WITH_TIMEOUT(editor.diagnostics().size(), 1, MigrationEditor::debounceMs * 6);
    const EditorDiagnostic d = editor.diagnostics().first();
    QCOMPARE(d.line, 12);
    QCOMPARE(d.column, 5);
    QVERIFY2(d.message.contains(QStringLiteral("add_colum")), qPrintable(d.message));
    QVERIFY2(d.message.contains(QStringLiteral("add_column")), qPrintable(d.message)); // the suggestion
    QCOMPARE(editor.editor()->diagnostics(), editor.diagnostics());
    QCOMPARE(count.size(), 1);
    QCOMPARE(count.first().first().toInt(), 1);
    QVERIFY(!editor.parses());
    // The cursor is on that line: the host can read the diagnostic there.
    QCOMPARE(editor.editor()->diagnosticAtCursor()->message, d.message);
    QVERIFY(editor.previewText().contains(QStringLiteral("-- typing.yaml:12:5: ")));
    QVERIFY2(editor.statusText().startsWith(QStringLiteral("Migration · 1 problem · line 12: unknown operation 'add_colum'")),
             qPrintable(editor.statusText()));

    // Fixing the typo clears it.
    editor.editor()->goToLine(12, 14);
    QTest::keyClicks(editor.editor(), QStringLiteral("n"));
    QTRY_COMPARE_WITH_TIMEOUT(editor.diagnostics().size(), 0, MigrationEditor::debounceMs * 6);
    QCOMPARE(count.size(), 2);
    QCOMPARE(count.last().first().toInt(), 0);
}

void tst_MigrationEditor::debounceRestartsOnEachChange()
{
    MigrationEditor editor;
    QSignalSpy updated(&editor, &MigrationEditor::previewUpdated);
    editor.setText(QString::fromUtf8(migrationText));
    QCOMPARE(updated.size(), 0);
    for (int i = 0; i < 4; ++i) {
        QTest::qWait(MigrationEditor::debounceMs / 3);
        editor.editor()->moveCursor(QTextCursor::End);
        editor.editor()->insertPlainText(QStringLiteral("#"));
    }
    // Four edits 100 ms apart: no reparse yet, the timer restarted each time.
    QCOMPARE(updated.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, MigrationEditor::debounceMs * 6);
    QTest::qWait(MigrationEditor::debounceMs + 100);
    QCOMPARE(updated.size(), 1);
}

void tst_MigrationEditor::saveRefusedWithReason_data()
{
    QTest::addColumn<QString>("broken");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown operation")
        << QString::fromUtf8(migrationText).replace(QStringLiteral("- add_column:"), QStringLiteral("- add_colum:"))
        << "broken.yaml:11:5: ";
    QTest::newRow("unknown type")
        << QString::fromUtf8(migrationText).replace(QStringLiteral("type: bigint"), QStringLiteral("type: bigitn"))
        << "broken.yaml:9:33: ";
    QTest::newRow("YAML syntax") << QString::fromUtf8(migrationText).replace(QStringLiteral("message: add user preferences"),
                                                                              QStringLiteral("message: [add user preferences"))
                                 << "broken.yaml:";
}

void tst_MigrationEditor::saveRefusedWithReason()
{
    QFETCH(QString, broken);
    QFETCH(QString, reason);
    MigrationEditor editor;
    const QString path = writeFile(m_dir, QStringLiteral("broken.yaml"), migrationText);
    QVERIFY(editor.openFile(path).has_value());
    QSignalSpy saved(&editor, &MigrationEditor::saved);
    editor.setText(broken);
    // Save right away, before the debounce: it parses the text itself.
    const sd::Result<void> result = editor.save();
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().toString().startsWith(reason), qPrintable(result.error().toString()));
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(saved.size(), 0);
    QVERIFY(editor.isModified());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray(migrationText)); // untouched
    QVERIFY(!editor.diagnostics().isEmpty());
    QCOMPARE(editor.diagnostics().first().line, result.error().line);
}

void tst_MigrationEditor::saveWritesFile()
{
    MigrationEditor editor;
    const QString path = writeFile(m_dir, QStringLiteral("save.yaml"), migrationText);
    QVERIFY(editor.openFile(path).has_value());
    QSignalSpy saved(&editor, &MigrationEditor::saved);
    QSignalSpy modified(&editor, &MigrationEditor::modifiedChanged);
    const QString changed = QString::fromUtf8(migrationText).replace(QStringLiteral("add user preferences"), QStringLiteral("add prefs"));
    editor.setText(changed);
    QVERIFY(editor.isModified());
    const sd::Result<void> result = editor.save();
    QVERIFY2(result.has_value(), result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toString(), path);
    QVERIFY(!editor.isModified());
    QCOMPARE(modified.size(), 2);
    QCOMPARE(modified.last().first().toBool(), false);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), changed);

    MigrationEditor unnamed;
    unnamed.setText(changed);
    QCOMPARE(unnamed.save().error().code, sd::Error::Code::Io);
}

void tst_MigrationEditor::previewExactSql_data()
{
    QTest::addColumn<sd::DialectKind>("dialect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sqlite") << sd::DialectKind::Sqlite << QStringLiteral(R"(-- SchemaDesk preview for sqlite

-- upgrade 4c1f0e9a2b7d: add user preferences

-- create table user_preferences
CREATE TABLE "user_preferences" (
    "user_id" bigint NOT NULL,
    "theme" varchar(32) NOT NULL DEFAULT 'light',
    PRIMARY KEY ("user_id")
);

-- add column users.locale varchar(16)
ALTER TABLE "users" ADD COLUMN "locale" varchar(16);

-- downgrade 4c1f0e9a2b7d

-- drop column users.locale
-- destroys data, cannot be reversed: users
ALTER TABLE "users" DROP COLUMN "locale";

-- drop table user_preferences
-- destroys data, cannot be reversed: user_preferences
DROP TABLE "user_preferences";
)");
    QTest::newRow("postgresql") << sd::DialectKind::PostgreSQL << QStringLiteral(R"(-- SchemaDesk preview for postgresql

-- upgrade 4c1f0e9a2b7d: add user preferences

-- create table user_preferences
CREATE TABLE "user_preferences" (
    "user_id" bigint NOT NULL,
    "theme" character varying(32) NOT NULL DEFAULT 'light',
    CONSTRAINT "user_preferences_pkey" PRIMARY KEY ("user_id")
);

-- add column users.locale varchar(16)
-- ACCESS EXCLUSIVE lock: users
ALTER TABLE "users" ADD COLUMN "locale" character varying(16);

-- downgrade 4c1f0e9a2b7d

-- drop column users.locale
-- destroys data, ACCESS EXCLUSIVE lock, cannot be reversed: users
ALTER TABLE "users" DROP COLUMN "locale";

-- drop table user_preferences
-- destroys data, ACCESS EXCLUSIVE lock, cannot be reversed: user_preferences
DROP TABLE "user_preferences";
)");
}

void tst_MigrationEditor::previewExactSql()
{
    QFETCH(sd::DialectKind, dialect);
    QFETCH(QString, expected);
    MigrationEditor editor;
    editor.setBaseSchema(baseSchema());
    editor.setDialect(dialect);
    QCOMPARE(editor.dialect(), dialect);
    QVERIFY(editor.openFile(writeFile(m_dir, QStringLiteral("preview.yaml"), migrationText)).has_value());
    QCOMPARE(editor.previewText(), expected);
}

void tst_MigrationEditor::dropColumnHazard_data()
{
    QTest::addColumn<sd::DialectKind>("dialect");
    QTest::addColumn<QString>("comment");
    QTest::newRow("sqlite") << sd::DialectKind::Sqlite << "-- destroys data, cannot be reversed: users\nALTER TABLE \"users\" DROP COLUMN \"email\";";
    QTest::newRow("postgresql") << sd::DialectKind::PostgreSQL << "-- destroys data, ACCESS EXCLUSIVE lock, cannot be reversed: users\nALTER TABLE \"users\" DROP COLUMN \"email\";";
}

void tst_MigrationEditor::dropColumnHazard()
{
    QFETCH(sd::DialectKind, dialect);
    QFETCH(QString, comment);
    MigrationEditor editor;
    editor.setDialect(dialect);
    editor.setBaseSchema(baseSchema());
    editor.setText(QStringLiteral("revision: 0123456789ab\ndown_revision: null\nmessage: drop email\ncreated: 2026-11-24T10:15:00Z\n"
                                  "upgrade:\n  - drop_column: {table: users, column: email}\ndowngrade: []\n"));
    QTRY_VERIFY_WITH_TIMEOUT(editor.previewText().contains(QStringLiteral("DROP COLUMN")), MigrationEditor::debounceMs * 6);
    QVERIFY2(editor.previewText().contains(comment), qPrintable(editor.previewText()));
    QCOMPARE(editor.diagnostics().size(), 0);
}

void tst_MigrationEditor::renderErrorAtOperationLine()
{
    MigrationEditor editor; // empty base schema: users does not exist
    editor.setText(QString::fromUtf8(migrationText));
    editor.refresh();
    QVERIFY(editor.parses());
    // add_column (line 11) and the downgrade's drop_column (line 13) name a missing table.
    QCOMPARE(editor.diagnostics().size(), 2);
    QCOMPARE(editor.diagnostics().at(0).line, 11);
    QCOMPARE(editor.diagnostics().at(0).column, 5);
    QCOMPARE(editor.diagnostics().at(1).line, 13);
    QVERIFY2(editor.diagnostics().at(0).message.contains(QStringLiteral("users")), qPrintable(editor.diagnostics().at(0).message));
    QVERIFY(editor.previewText().contains(QStringLiteral("-- error: ") + editor.diagnostics().at(0).message));
    QVERIFY(editor.previewText().contains(QStringLiteral("CREATE TABLE \"user_preferences\"")));
    // A file that parses may be saved even when it does not fit the base schema.
    const QString path = writeFile(m_dir, QStringLiteral("render.yaml"), migrationText);
    QVERIFY(editor.openFile(path).has_value());
    editor.setText(editor.text() + QStringLiteral("# edited\n"));
    QVERIFY(editor.save().has_value());
}

void tst_MigrationEditor::schemaPreview()
{
    MigrationEditor editor;
    editor.setDialect(sd::DialectKind::PostgreSQL);
    editor.setText(QString::fromUtf8(baseSchemaText));
    editor.refresh();
    QCOMPARE(editor.fileKind(), MigrationEditor::FileKind::Schema);
    QCOMPARE(editor.previewText(), QStringLiteral(R"(-- SchemaDesk preview for postgresql

CREATE TABLE "users" (
    "id" bigint NOT NULL,
    "email" character varying(255) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
)"));
    editor.setText(QString::fromUtf8(baseSchemaText).replace(QStringLiteral("varchar(255)"), QStringLiteral("varchr(255)")));
    editor.refresh();
    QCOMPARE(editor.diagnostics().size(), 1);
    QCOMPARE(editor.diagnostics().first().line, 5);
    QVERIFY2(editor.diagnostics().first().message.contains(QStringLiteral("varchar")), qPrintable(editor.diagnostics().first().message));
}

void tst_MigrationEditor::screenshots()
{
    const QString dir = qEnvironmentVariableIsSet("SCHEMADESK_SCREENSHOT_DIR") ? qEnvironmentVariable("SCHEMADESK_SCREENSHOT_DIR")
                                                                              : QDir::tempPath();
    const QString sample = QString::fromUtf8(migrationText)
                               .replace(QStringLiteral("downgrade:\n"),
                                        QStringLiteral("  - drop_column: {table: users, column: email}  # no longer needed\n"
                                                       "  - sql: \"UPDATE users SET locale = 'en' WHERE locale IS NULL\"\n"
                                                       "  - add_column: {table: accounts, column: {name: note, type: text}}\n"
                                                       "downgrade:\n"));
    for (const bool dark : {false, true}) {
        MigrationEditor editor;
        if (dark) {
            editor.setPalette(darkPalette());
        }
        editor.setBaseSchema(baseSchema());
        editor.setDialect(sd::DialectKind::PostgreSQL);
        editor.resize(1200, 700);
        editor.setText(sample);
        editor.refresh();
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.editor()->openFindBar();
        editor.editor()->setSearchText(QStringLiteral("users"));
        editor.editor()->goToLine(14, 7); // the render error: accounts does not exist
        QCOMPARE(editor.diagnostics().first().line, 14);
        QVERIFY(editor.statusText().contains(QStringLiteral("line 14")));
        QCOMPARE(editor.width(), 1200);
        QCOMPARE(editor.diagnostics().size(), 1);
        QCOMPARE(editor.splitter()->sizes().size(), 2);
        QVERIFY(editor.splitter()->sizes().at(1) > 400);
        const QString path = QDir(dir).filePath(dark ? QStringLiteral("editor-dark.png") : QStringLiteral("editor-light.png"));
        QVERIFY(editor.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }
}

QTEST_MAIN(tst_MigrationEditor)
#include "tst_migrationeditor.moc"
