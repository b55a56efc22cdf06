// PlanModel: the statements of a plan with their hazards.

#include "PlanModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <limits>

namespace sd::app {

namespace {

bool isRisky(const sd::Statement &s)
{
    return bool(s.hazards & (Hazard::DestroysData | Hazard::RewritesTable | Hazard::ExclusiveLock | Hazard::NotTransactional
                             | Hazard::Irreversible));
}

} // namespace

PlanModel::PlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PlanModel::setPlan(const MigrationPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    m_rows.clear();
    for (int i = 0; i < plan.revisions.size(); ++i) {
        for (const sd::Statement &s : plan.revisions.at(i).statements)
            m_rows.append({i, s});
    }
    endResetModel();
}

int PlanModel::riskyCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return isRisky(r.statement); }));
}

int PlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlanModel::hazardText(const sd::Statement &statement)
{
    // The core's descriptions, as the CLI prints them.
    return hazardDescriptions(statement.hazards).join(QStringLiteral(", "));
}

QVariant PlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const sd::Statement &s = row.statement;
    const Migration &m = m_plan.revisions.at(row.revision).migration;
    const bool risky = isRisky(s);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Revision: // once, on the revision's first statement
            if (index.row() > 0 && m_rows.at(index.row() - 1).revision == row.revision)
                return QString();
            return QString(m.revision + QStringLiteral("  ") + m.message);
        case Sql:
            return s.sql.simplified();
        case Hazards:
            return hazardText(s);
        case Rows:
            if (s.estimatedRows < 0)
                return s.table.isEmpty() || !risky ? QString() : tr("unknown");
            if (s.estimatedRows > std::numeric_limits<int>::max())
                return tr("%L1 rows").arg(s.estimatedRows);
            return tr("%Ln row(s)", nullptr, int(s.estimatedRows));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Revision)
            return QString(m.revision + QStringLiteral("  ") + m.message);
        return index.column() == Sql ? QVariant(s.sql) : QVariant();
    case Qt::BackgroundRole:
        return risky ? QVariant(QBrush(QColor(0xff, 0xe0, 0xb2))) : QVariant();
    case Qt::ForegroundRole:
        return risky ? QVariant(QBrush(QColor(0x3e, 0x27, 0x23))) : QVariant();
    case Qt::FontRole:
        if (risky && index.column() == Hazards) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case RiskyRole:
        return risky;
    default:
        return {};
    }
}

QVariant PlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Revision:
        return tr("Revision");
    case Sql:
        return tr("SQL");
    case Hazards:
        return tr("Hazards");
    case Rows:
        return tr("Rows affected");
    }
    return {};
}

} // namespace sd::app
