#include "ParallelWork.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace sd {

int ParallelWork::partCount(qsizetype items, qsizetype minimumPerPart, int threads)
{
    if (threads <= 0)
        threads = QThread::idealThreadCount();
    if (threads <= 1 || minimumPerPart <= 0)
        return 1;
    return int(std::clamp<qsizetype>(items / minimumPerPart, 1, 2 * qsizetype(threads)));
}

void ParallelWork::run(int parts, const std::function<void(int part)> &work)
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
    const int helpers = std::min(parts - 1, std::max(1, QThread::idealThreadCount() - 1));
    std::vector<std::jthread> threads;
    threads.reserve(size_t(helpers));
    for (int i = 0; i < helpers; ++i)
        threads.emplace_back(takeParts);
    takeParts();
    // ~jthread joins each helper: every part is done when run() returns.
}

} // namespace sd
