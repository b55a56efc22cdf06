#include "ParallelWork.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace sd {

int ParallelWork::threadCount(int threads)
{
    return threads > 0 ? threads : QThread::idealThreadCount();
}

int ParallelWork::partCount(qsizetype items, qsizetype minimumPerPart, int threads)
{
    threads = threadCount(threads);
    if (threads <= 1 || minimumPerPart <= 0)
        return 1;
    return int(std::clamp<qsizetype>(items / minimumPerPart, 1, 2 * qsizetype(threads)));
}

void ParallelWork::run(int parts, const std::function<void(int part)> &work, int threads)
{
    if (parts <= 1) {
        if (parts == 1)
            work(0);
        return;
    }
    std::atomic<int> next{0};
    const auto takeParts = [&] {
        for (int part = next.fetch_add(1); part < parts; part = next.fetch_add(1))
            work(part);
    };
    const int helpers = std::min(parts - 1, std::max(1, threadCount(threads) - 1));
    std::vector<std::jthread> started;
    started.reserve(size_t(helpers));
    try {
        for (int i = 0; i < helpers; ++i)
            started.emplace_back(takeParts);
    } catch (const std::system_error &) {
        // No more threads to be had (a process or container limit): the
        // caller and the helpers started take the parts left.
    }
    takeParts();
    // ~jthread joins each helper: every part is done when run() returns.
}

} // namespace sd
