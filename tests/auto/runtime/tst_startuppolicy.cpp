// StartupPolicy::decide: DESIGN.md section 6's table, row by row.

#include "TestResult.h"
#include "runtime/StartupPolicy.h"

#include <QTest>

using namespace sd;
using Action = StartupDecision::Action;
Q_DECLARE_METATYPE(sd::StartupDecision::Action)

class tst_StartupPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("fileExists");
        QTest::addColumn<bool>("autoUpgrade");
        QTest::addColumn<int>("pending");
        QTest::addColumn<bool>("protectedDatabase");
        QTest::addColumn<Action>("action");

        QTest::newRow("memory: always create") << "sqlite://:memory:" << false << false << 4 << false << Action::ApplyAll;
        QTest::newRow("new file") << "sqlite:////tmp/new.db" << false << true << 4 << false << Action::ApplyAll;
        QTest::newRow("new file, auto_upgrade off") << "sqlite:////tmp/new.db" << false << false << 4 << false << Action::ApplyAll;
        QTest::newRow("existing file, auto_upgrade") << "sqlite:////tmp/app.db" << true << true << 2 << false << Action::ApplyPending;
        QTest::newRow("existing file, no auto_upgrade") << "sqlite:////tmp/app.db" << true << false << 2 << false << Action::ReportPending;
        QTest::newRow("existing file at head") << "sqlite:////tmp/app.db" << true << true << 0 << false << Action::UpToDate;
        QTest::newRow("postgresql pending") << "postgresql://u@127.0.0.1:5432/app" << true << true << 3 << false << Action::RecommendUpgrade;
        QTest::newRow("protected existing file") << "sqlite:////tmp/app.db" << true << true << 2 << true << Action::ProtectedPending;
        QTest::newRow("protected new file") << "sqlite:////tmp/new.db" << false << true << 2 << true << Action::ApplyAll;
        QTest::newRow("protected file at head") << "sqlite:////tmp/app.db" << true << true << 0 << true << Action::UpToDate;
        QTest::newRow("protected postgresql") << "postgresql://u@127.0.0.1:5432/app" << true << true << 3 << true << Action::RecommendUpgrade;
        QTest::newRow("postgresql at head") << "postgresql://u@127.0.0.1:5432/app" << true << true << 0 << false << Action::UpToDate;
    }

    void decide()
    {
        QFETCH(QString, url);
        QFETCH(bool, fileExists);
        QFETCH(bool, autoUpgrade);
        QFETCH(int, pending);
        QFETCH(bool, protectedDatabase);
        QFETCH(Action, action);
        auto parsed = DatabaseUrl::parse(url);
        SD_VERIFY_RESULT(parsed);
        const StartupDecision decision = StartupPolicy::decide(*parsed, fileExists, autoUpgrade, pending, protectedDatabase);
        QCOMPARE(decision.action, action);
        QCOMPARE(decision.pending, action == Action::UpToDate ? 0 : pending);
        QCOMPARE(decision.migrates(), action == Action::ApplyAll || action == Action::ApplyPending);
        QVERIFY(!decision.description().isEmpty());
        if (pending > 0)
            QVERIFY2(decision.description().contains(QString::number(pending)), qPrintable(decision.description()));
    }
};

QTEST_GUILESS_MAIN(tst_StartupPolicy)
#include "tst_startuppolicy.moc"
