#pragma once
// The diff view's "Renamed?" question: shown when the selected table has a
// column removed and one of a compatible type added (SchemaRenameHint's
// candidates). "Yes, renamed" asks for the hint to be written, "No" puts
// the question away for that pair.

#include "workflow/SchemaRenameHint.h"

#include <QFrame>

class QComboBox;
class QLabel;
class QPushButton;

namespace sd::app {

class RenameSuggestionBar : public QFrame
{
    Q_OBJECT

public:
    explicit RenameSuggestionBar(QWidget *parent = nullptr);

    // Hides the bar when `candidates` is empty.
    void setCandidates(const QList<RenameCandidate> &candidates);
    QList<RenameCandidate> candidates() const { return m_candidates; }
    // The pair the buttons act on (the combo box's when there are several).
    RenameCandidate currentCandidate() const;
    void setCurrentCandidate(int index);
    // Whether "Yes" can write (the host gave a schema file), with the reason when not.
    void setWritable(bool writable, const QString &reason = {});
    // Replaces the question by the outcome of writing the hint.
    void showResult(const QString &message, bool error);

Q_SIGNALS:
    void renameConfirmed(const sd::RenameCandidate &candidate);
    void renameRejected(const sd::RenameCandidate &candidate);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateQuestion();
    void updateColours();

    QList<RenameCandidate> m_candidates;
    QLabel *m_icon;
    QLabel *m_text;
    QComboBox *m_choice;
    QPushButton *m_yes;
    QPushButton *m_no;
    bool m_error = false;
    bool m_updatingPalette = false;
};

} // namespace sd::app

Q_DECLARE_METATYPE(sd::RenameCandidate)
