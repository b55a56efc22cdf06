#pragma once
// The gutter of a CodeEditor: line numbers and diagnostic markers. It only
// paints; the editor computes its width and tells it what to draw.

#include <QWidget>

namespace sd::app {

class CodeEditor;

class LineNumberArea : public QWidget
{
    Q_OBJECT
public:
    explicit LineNumberArea(CodeEditor *editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    CodeEditor *m_editor;
};

} // namespace sd::app
