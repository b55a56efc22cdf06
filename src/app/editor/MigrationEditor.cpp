// MigrationEditor: the editor, the preview, the debounce that joins them,
// and loading and saving.

#include "MigrationEditor.h"

#include "CodeEditor.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace sd::app {

MigrationEditor::MigrationEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new CodeEditor(this))
    , m_previewEditor(new CodeEditor(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("migrationEditor"));
    m_editor->setObjectName(QStringLiteral("sourceEditor"));
    m_editor->setLanguage(SyntaxHighlighting::Language::Yaml);
    m_previewEditor->setObjectName(QStringLiteral("sqlPreview"));
    m_previewEditor->setReadOnly(true);
    m_previewEditor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_previewEditor->setLanguage(SyntaxHighlighting::Language::SqlSqlite);
    m_previewEditor->setPlaceholderText(tr("The SQL of the file appears here."));
    m_status->setObjectName(QStringLiteral("editorStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setContentsMargins(4, 2, 4, 2);
    // Long messages are elided to the width (the whole text is the tooltip),
    // so the label never widens the view.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setMinimumWidth(1);

    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_previewEditor);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &MigrationEditor::refresh);
    connect(m_editor->document(), &QTextDocument::contentsChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &MigrationEditor::modifiedChanged);
    connect(m_editor, &CodeEditor::cursorDiagnosticChanged, this, &MigrationEditor::showStatus);
    refresh();
}

Result<void> MigrationEditor::openFile(const QString &path, const QString &displayPath)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Error::io(tr("cannot read %1: %2").arg(path, file.errorString()), path));
    const QByteArray bytes = file.readAll();
    m_diskBytes = bytes;
    m_path = path;
    m_displayPath = displayPath.isEmpty() ? QFileInfo(path).fileName() : displayPath;
    m_editor->setPlainText(QString::fromUtf8(bytes));
    m_editor->document()->setModified(false);
    m_debounce->stop();
    refresh();
    return {};
}

Result<void> MigrationEditor::save()
{
    if (m_path.isEmpty())
        return std::unexpected(Error::io(tr("no file to save to")));
    m_debounce->stop();
    refresh(); // what is saved is what parses now, not what parsed 300 ms ago
    if (!m_preview.parseErrors.isEmpty())
        return std::unexpected(m_preview.parseErrors.first());
    if (QFile onDisk(m_path); onDisk.open(QIODevice::ReadOnly) && onDisk.readAll() != m_diskBytes)
        return std::unexpected(Error::io(tr("%1 changed on disk since it was opened here (another program, or a rename written "
                                            "from the diff view); saving would undo that change. Copy your edits, reopen the file "
                                            "and apply them again.").arg(m_displayPath),
                                         m_path));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(Error::io(tr("cannot write %1: %2").arg(m_path, file.errorString()), m_path));
    const QByteArray bytes = m_editor->toPlainText().toUtf8();
    file.write(bytes);
    if (!file.commit())
        return std::unexpected(Error::io(tr("cannot write %1: %2").arg(m_path, file.errorString()), m_path));
    m_diskBytes = bytes;
    m_editor->document()->setModified(false);
    Q_EMIT saved(m_path);
    return {};
}

QString MigrationEditor::text() const
{
    return m_editor->toPlainText();
}

void MigrationEditor::setText(const QString &text)
{
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

bool MigrationEditor::isModified() const
{
    return m_editor->document()->isModified();
}

void MigrationEditor::setDialect(DialectKind dialect)
{
    if (dialect == m_dialect)
        return;
    m_dialect = dialect;
    m_previewEditor->setLanguage(dialect == DialectKind::PostgreSQL ? SyntaxHighlighting::Language::SqlPostgres
                                                                    : SyntaxHighlighting::Language::SqlSqlite);
    refresh();
}

void MigrationEditor::setBaseSchema(const Schema &schema)
{
    m_baseSchema = schema;
    refresh();
}

QString MigrationEditor::previewText() const
{
    return m_previewEditor->toPlainText();
}

void MigrationEditor::refresh()
{
    m_debounce->stop();
    const EditorDiagnostics previous = m_preview.diagnostics;
    const QString text = m_editor->toPlainText();
    if (text.trimmed().isEmpty()) {
        m_preview = MigrationPreview{};
    } else {
        m_preview = MigrationPreview::build(text.toUtf8(), m_displayPath.isEmpty() ? tr("untitled") : m_displayPath,
                                            m_dialect, m_baseSchema);
    }
    // Keep the reader's place in the preview across rebuilds.
    const int scroll = m_previewEditor->verticalScrollBar()->value();
    m_previewEditor->setPlainText(m_preview.sql);
    m_previewEditor->verticalScrollBar()->setValue(scroll);
    m_editor->setDiagnostics(m_preview.diagnostics);
    showStatus();
    Q_EMIT previewUpdated();
    if (previous != m_preview.diagnostics)
        Q_EMIT diagnosticsChanged(int(m_preview.diagnostics.size()));
}

void MigrationEditor::showStatus()
{
    const auto &diagnostics = m_preview.diagnostics;
    const QString kind = m_preview.kind == FileKind::Migration ? tr("Migration") : tr("Schema configuration");
    QString text;
    if (diagnostics.isEmpty()) {
        text = tr("%1 · no problems").arg(kind);
    } else {
        const auto here = m_editor->diagnosticAtCursor();
        const EditorDiagnostic &shown = here ? *here : diagnostics.first();
        text = tr("%1 · %n problem(s) · line %2: %3", nullptr, int(diagnostics.size()))
                   .arg(kind)
                   .arg(qMax(1, shown.line))
                   .arg(shown.message);
    }
    m_status->setToolTip(text);
    m_status->setText(m_status->fontMetrics().elidedText(text, Qt::ElideRight, qMax(1, m_status->contentsRect().width())));
}

QString MigrationEditor::statusText() const
{
    return m_status->toolTip();
}

void MigrationEditor::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showStatus();
}

} // namespace sd::app
