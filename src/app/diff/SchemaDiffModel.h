#pragma once
// The schema diff as a tree: every table of the configuration and of the
// database (and every enum that differs) at the top, each unchanged, added,
// removed or changed; under a changed table one row per difference (the
// columns, indexes and constraints that differ). Columns: name, status,
// details. Built from the core's Differences; the model owns copies of both
// schemas so the view can show a table's two definitions.

#include "DiffStatusStyle.h"
#include "diff/Difference.h"
#include "model/Schema.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QPalette>

#include <array>
#include <functional>

namespace sd::app {

class SchemaDiffModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, DetailsColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(DiffStatus)
        NodeKindRole,                  // int(NodeKind)
        TableRole,                     // the table's name (empty for an enum)
        ObjectNameRole,                // table, enum, column, index or constraint name
        DestructiveRole,               // bool: applying it can lose data (a table: any of its differences)
        DifferenceCountRole,           // int: differences of the table (or 1 for a child)
        SearchTextRole,                // what the search box matches: names, old names, description
    };
    enum class NodeKind { Table, Enum, Difference };

    explicit SchemaDiffModel(QObject *parent = nullptr);

    // Both schemas and the differences that move `live` to `configured`
    // (SchemaDiff::compare, ProjectComparison). Tables for which `isIgnored`
    // says so are left out, as the diff leaves them out.
    void setComparison(const Schema &configured, const Schema &live, const Differences &differences,
                       const std::function<bool(const QString &)> &isIgnored = {});
    void clear();
    // Rows per table in the database, for the warnings of destructive
    // differences ("drops column users.email ...: 1,204 rows").
    void setRowCounts(const QHash<QString, qint64> &rowsPerTable);
    // Colours and icons are made for `palette` (light or dark).
    void setPalette(const QPalette &palette);

    const Schema &configured() const { return m_configured; }
    const Schema &live() const { return m_live; }
    const Differences &differences() const { return m_differences; }

    // A table's own differences, in the diff's order (also its TableAdded,
    // TableRemoved or TableRenamed).
    Differences tableDifferences(const QString &table) const;
    DiffStatus tableStatus(const QString &table) const;
    // The name the database has for `table` (differs after a table rename).
    QString liveTableName(const QString &table) const;
    QModelIndex tableIndex(const QString &table) const;
    // The difference a child row stands for; nullptr for tables and enums.
    const Difference *difference(const QModelIndex &index) const;
    // The reason a destructive difference can lose data, with the table's
    // row count when the host gave one; empty when not destructive.
    QString warningText(const Difference &difference) const;
    int tableCount() const;
    // Tables and enums of the tree with `status`.
    int count(DiffStatus status) const { return m_counts[size_t(status)]; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString name;
        NodeKind kind = NodeKind::Table;
        DiffStatus status = DiffStatus::Unchanged;
        QString liveName;            // a renamed table's name in the database
        qsizetype own = -1;          // the table's or enum's own difference
        QList<qsizetype> children;   // differences shown under it
        bool destructive = false;
    };

    QVariant nodeData(const Node &node, int column, int role) const;
    QVariant childData(const Difference &difference, int column, int role) const;
    static DiffStatus statusOf(Difference::Kind kind);
    static QString objectLabel(const Difference &difference);
    QString nodeDetails(const Node &node) const;
    QString nodeToolTip(const Node &node) const;
    void rebuildIcons();

    Schema m_configured;
    Schema m_live;
    Differences m_differences;
    QList<Node> m_nodes;
    QHash<QString, int> m_rowOfTable;
    QHash<QString, qint64> m_rowCounts;
    QPalette m_palette;
    std::array<QIcon, 4> m_icons;
    std::array<int, 4> m_counts = {};
    QIcon m_warningIcon;
};

} // namespace sd::app
