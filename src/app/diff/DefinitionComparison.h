#pragma once
// A table's two definitions side by side, the database on the left and the
// configuration on the right, one aligned row per part (TableDefinitionListing).
// A row that differs carries a mark (+ added, − removed, ~ changed) and a
// background in its status colour, a stronger one when applying it can
// lose data. Long lines wrap; both sides stay aligned row by row.

#include "TableDefinitionListing.h"

#include <QTextBrowser>

namespace sd::app {

class DefinitionComparison : public QTextBrowser
{
    Q_OBJECT

public:
    enum Side { Live, Configured };
    // The columns of the table in document(): mark and text of each side.
    enum TableColumn { LiveMarkColumn, LiveTextColumn, ConfiguredMarkColumn, ConfiguredTextColumn };

    explicit DefinitionComparison(QWidget *parent = nullptr);

    void setLines(const QList<DefinitionLine> &lines, const QString &liveTitle, const QString &configuredTitle);
    // Shows `message` instead of a table (nothing selected, an enum, ...).
    void setMessage(const QString &message);
    const QList<DefinitionLine> &lines() const { return m_lines; }
    // The text shown on `side` in row `line` (0 is the first line after the titles).
    QString lineText(Side side, int line) const;
    // Whether row `line` shows text on `side` with a highlight.
    bool isHighlighted(Side side, int line) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QList<DefinitionLine> m_lines;
    QString m_liveTitle;
    QString m_configuredTitle;
    QString m_message;
};

} // namespace sd::app
