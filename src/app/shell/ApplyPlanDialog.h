#pragma once
// Shows what Apply or Roll back will run before anything runs: the
// revisions, their SQL and each statement's hazards (risky ones
// highlighted). For a protected environment, OK stays disabled until the
// user types the database name.

#include "runtime/MigrationPlan.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ApplyPlanDialog;
}

namespace sd::app {

class PlanModel;

class ApplyPlanDialog : public QDialog
{
    Q_OBJECT
public:
    // `confirmName`: the database name to type; empty when not protected.
    ApplyPlanDialog(const MigrationPlan &plan, const QString &databaseDisplay, const QString &confirmName,
                    QWidget *parent = nullptr);
    ~ApplyPlanDialog() override;

    PlanModel *model() const { return m_model; }
    bool isConfirmed() const;
    void setConfirmationText(const QString &text);

private:
    void updateOk();

    std::unique_ptr<Ui::ApplyPlanDialog> m_ui;
    PlanModel *m_model;
    QString m_confirmName;
};

} // namespace sd::app
