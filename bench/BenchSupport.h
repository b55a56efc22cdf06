#pragma once
// What every benchmark program needs: the best time of repeated runs, and a
// failure that unwinds (so a throwaway PostgreSQL cluster is stopped by its
// destructor on the way out) instead of exit().

#include <QElapsedTimer>
#include <QString>

#include <algorithm>
#include <functional>

namespace sd::bench {

struct Failure
{
    QString what;
};

[[noreturn]] inline void die(const QString &what)
{
    throw Failure{what};
}

// The best of `repeat` runs of `work` in milliseconds, `setUp` run untimed before each.
inline double bestOf(int repeat, const std::function<void()> &setUp, const std::function<void()> &work)
{
    double best = 1e300;
    for (int i = 0; i < repeat; ++i) {
        if (setUp)
            setUp();
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

inline double bestOf(int repeat, const std::function<void()> &work)
{
    return bestOf(repeat, {}, work);
}

} // namespace sd::bench
