// ApplyPlanDialog: the plan, its hazards and the protected confirmation.

#include "ApplyPlanDialog.h"

#include "PlanModel.h"
#include "PaletteTone.h"
#include "ui_ApplyPlanDialog.h"

#include <QHeaderView>
#include <QPushButton>

namespace sd::app {

ApplyPlanDialog::ApplyPlanDialog(const MigrationPlan &plan, const QString &databaseDisplay, const QString &confirmName,
                                 QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ApplyPlanDialog>())
    , m_model(new PlanModel(this))
    , m_confirmName(confirmName)
{
    m_ui->setupUi(this);
    m_model->setPlan(plan);
    m_ui->planView->setModel(m_model);
    m_ui->planView->verticalHeader()->hide();
    QHeaderView *header = m_ui->planView->horizontalHeader();
    header->setSectionResizeMode(PlanModel::Revision, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PlanModel::Sql, QHeaderView::Stretch);
    header->setSectionResizeMode(PlanModel::Hazards, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PlanModel::Rows, QHeaderView::ResizeToContents);

    const bool upgrade = plan.direction == Direction::Upgrade;
    setWindowTitle(upgrade ? tr("Apply migrations") : tr("Roll back"));
    QStringList revisions;
    for (const PlannedRevision &r : plan.revisions)
        revisions << r.migration.revision;
    m_ui->summaryLabel->setText(
        (upgrade ? tr("Apply %n revision(s) to %1: %2", nullptr, int(plan.revisions.size()))
                 : tr("Roll back %n revision(s) on %1: %2", nullptr, int(plan.revisions.size())))
            .arg(databaseDisplay, revisions.join(QStringLiteral(", "))));
    const int risky = m_model->riskyCount();
    m_ui->riskLabel->setVisible(risky > 0);
    m_ui->riskLabel->setText(tr("%n statement(s) carry hazards (highlighted): read them before you go on.", nullptr, risky));
    m_ui->riskLabel->setStyleSheet(PaletteTone::dangerLabelStyle(palette()));

    connect(m_ui->planView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_ui->sqlView->setPlainText(current.isValid() ? m_model->index(current.row(), PlanModel::Sql).data(Qt::ToolTipRole).toString()
                                                      : QString());
    });

    m_ui->confirmBox->setVisible(!m_confirmName.isEmpty());
    m_ui->confirmLabel->setText(tr("This is a protected environment. Type the database name \"%1\" to confirm:").arg(m_confirmName));
    m_ui->confirmEdit->setPlaceholderText(m_confirmName);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &ApplyPlanDialog::updateOk);
    QPushButton *run = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    run->setText(upgrade ? tr("&Apply") : tr("&Roll back"));
    // Enter never runs a migration: running it takes a click (or Alt+A / Alt+R).
    run->setAutoDefault(false);
    run->setDefault(false);
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    cancel->setFocus();
    updateOk();
}

ApplyPlanDialog::~ApplyPlanDialog() = default;

bool ApplyPlanDialog::isConfirmed() const
{
    return m_confirmName.isEmpty() || m_ui->confirmEdit->text() == m_confirmName;
}

void ApplyPlanDialog::setConfirmationText(const QString &text)
{
    m_ui->confirmEdit->setText(text);
}

void ApplyPlanDialog::updateOk()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(isConfirmed());
}

} // namespace sd::app
