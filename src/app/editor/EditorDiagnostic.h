#pragma once
// A problem to show in a CodeEditor: where it is (1-based line and column,
// as the core's errors carry them), what it says and how serious it is.

#include <QList>
#include <QMetaType>
#include <QString>

namespace sd::app {

struct EditorDiagnostic
{
    enum class Severity { Error, Warning, Information };

    int line = 0;   // 1-based; 0 or less: the first line
    int column = 0; // 1-based; 0 or less: the whole line
    QString message;
    Severity severity = Severity::Error;

    bool operator==(const EditorDiagnostic &) const = default;
};

using EditorDiagnostics = QList<EditorDiagnostic>;

} // namespace sd::app

Q_DECLARE_METATYPE(sd::app::EditorDiagnostic)
