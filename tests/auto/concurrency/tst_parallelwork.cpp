// ParallelWork: how many parts a job is cut into, every part run exactly
// once, on several threads at once, and a helper that falls behind leaving
// its parts to the calling thread.

#include "concurrency/ParallelWork.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace sd;

namespace {

// Counts the calls of each part.
class Calls
{
public:
    explicit Calls(int parts)
        : m_counts(size_t(parts))
    {
    }

    void record(int part) { m_counts.at(size_t(part)).fetch_add(1); }

    QList<int> counts() const
    {
        QList<int> out;
        for (const auto &c : m_counts)
            out << c.load();
        return out;
    }

private:
    std::vector<std::atomic<int>> m_counts;
};

} // namespace

class tst_ParallelWork : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void partCount_data()
    {
        QTest::addColumn<qsizetype>("items");
        QTest::addColumn<qsizetype>("minimumPerPart");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("expected");
        QTest::newRow("no items") << qsizetype(0) << qsizetype(128) << 4 << 1;
        QTest::newRow("fewer than one part's worth") << qsizetype(127) << qsizetype(128) << 4 << 1;
        QTest::newRow("exactly one part's worth") << qsizetype(128) << qsizetype(128) << 4 << 1;
        QTest::newRow("two parts' worth") << qsizetype(256) << qsizetype(128) << 4 << 2;
        QTest::newRow("by size, below the cap") << qsizetype(1000) << qsizetype(128) << 8 << 7;
        QTest::newRow("at most two parts per core") << qsizetype(100000) << qsizetype(128) << 2 << 4;
        QTest::newRow("one core: one part") << qsizetype(100000) << qsizetype(128) << 1 << 1;
        QTest::newRow("no minimum: one part") << qsizetype(100000) << qsizetype(0) << 4 << 1;
    }

    void partCount()
    {
        QFETCH(qsizetype, items);
        QFETCH(qsizetype, minimumPerPart);
        QFETCH(int, threads);
        QFETCH(int, expected);
        QCOMPARE(ParallelWork::partCount(items, minimumPerPart, threads), expected);
    }

    void partCountDefaultsToTheMachine()
    {
        const int cores = QThread::idealThreadCount();
        QCOMPARE(ParallelWork::partCount(1000000, 1), cores <= 1 ? 1 : 2 * cores);
    }

    void everyPartRunsOnce_data()
    {
        QTest::addColumn<int>("parts");
        QTest::newRow("none") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("two") << 2;
        QTest::newRow("three") << 3;
        QTest::newRow("eight") << 8;
        QTest::newRow("a hundred") << 100;
    }

    void everyPartRunsOnce()
    {
        QFETCH(int, parts);
        for (int round = 0; round < 50; ++round) {
            Calls calls(parts);
            ParallelWork::run(parts, [&](int part) { calls.record(part); });
            QCOMPARE(calls.counts(), QList<int>(parts, 1));
        }
    }

    void onePartRunsOnTheCaller()
    {
        Qt::HANDLE thread = nullptr;
        ParallelWork::run(1, [&](int) { thread = QThread::currentThreadId(); });
        QCOMPARE(thread, QThread::currentThreadId());
    }

    void partsRunAtTheSameTime()
    {
        // Each part waits until the other has started: two parts run one
        // after the other would wait out the deadline.
        std::atomic<int> started{0};
        std::atomic<bool> together{true};
        QMutex mutex;
        QSet<Qt::HANDLE> threads;
        ParallelWork::run(2, [&](int) {
            {
                QMutexLocker lock(&mutex);
                threads.insert(QThread::currentThreadId());
            }
            started.fetch_add(1);
            const QDeadlineTimer deadline(10000);
            while (started.load() < 2) {
                if (deadline.hasExpired()) {
                    together = false;
                    return;
                }
                QThread::yieldCurrentThread();
            }
        });
        QVERIFY(together);
        QCOMPARE(threads.size(), 2);
    }

    void slowHelperLeavesItsPartsToTheOthers()
    {
        // The first part a helper takes holds that helper until every other
        // part is done: parts are taken one at a time, not dealt out in
        // advance (dealt out, the held helper's other parts would never
        // run). Whoever runs them, on any number of cores.
        const int parts = 8;
        const Qt::HANDLE caller = QThread::currentThreadId();
        std::atomic<bool> holding{false};
        std::atomic<int> done{0};
        std::atomic<bool> restDoneWhileHeld{true};
        Calls calls(parts);
        ParallelWork::run(parts, [&](int part) {
            if (QThread::currentThreadId() != caller && !holding.exchange(true)) {
                const QDeadlineTimer deadline(10000);
                while (done.load() < parts - 1) {
                    if (deadline.hasExpired()) {
                        restDoneWhileHeld = false;
                        break;
                    }
                    QThread::yieldCurrentThread();
                }
            }
            calls.record(part);
            done.fetch_add(1);
        });
        QVERIFY(restDoneWhileHeld);
        QCOMPARE(calls.counts(), QList<int>(parts, 1));
    }

    void threadsCapsTheThreads_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one: still one helper") << 1;
        QTest::newRow("two") << 2;
        QTest::newRow("three") << 3;
    }

    void threadsCapsTheThreads()
    {
        QFETCH(int, threads);
        // Parts that wait a little, so that every thread run() starts gets
        // some: more threads than allowed would show.
        QMutex mutex;
        QSet<Qt::HANDLE> used;
        Calls calls(16);
        ParallelWork::run(16, [&](int part) {
            {
                QMutexLocker lock(&mutex);
                used.insert(QThread::currentThreadId());
            }
            QThread::msleep(5);
            calls.record(part);
        }, threads);
        QVERIFY2(used.size() <= std::max(2, threads), qPrintable(QString::number(used.size())));
        QCOMPARE(calls.counts(), QList<int>(16, 1));
    }
};

QTEST_GUILESS_MAIN(tst_ParallelWork)
#include "tst_parallelwork.moc"
