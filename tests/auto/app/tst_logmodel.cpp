// LogModel: the log dock's statements, in order, the oldest dropped past
// maximumRows, under QAbstractItemModelTester.

#include "shell/LogModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace sd;
using namespace sd::app;

class tst_LogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsTheMostRecentStatements();
};

void tst_LogModel::keepsTheMostRecentStatements()
{
    QCOMPARE(LogModel().maximumRows(), LogModel::defaultMaximumRows);
    LogModel model(nullptr, 50);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int extra = 5;
    for (int i = 0; i < model.maximumRows() + extra; ++i)
        model.append({QStringLiteral("SELECT %1").arg(i), QStringLiteral("r1"), 1, true, {}});
    QCOMPARE(model.rowCount(), model.maximumRows());
    QCOMPARE(model.statement(0).sql, QStringLiteral("SELECT %1").arg(extra));
    QCOMPARE(model.statement(model.rowCount() - 1).sql, QStringLiteral("SELECT %1").arg(model.maximumRows() + extra - 1));
    QCOMPARE(model.index(0, LogModel::Statement).data().toString(), QStringLiteral("SELECT %1").arg(extra));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_LogModel)
#include "tst_logmodel.moc"
