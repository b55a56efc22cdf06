#pragma once
// Runs the parts of one job on the processor's cores and returns when all
// of them are done: the YAML reader's parts of a large file, the diff's
// parts of a large schema.
//
// The calling thread works too: it and the threads it starts for the job
// take parts one after the other until none is left, so a helper that is
// slow to start (a busy machine, a virtual machine's neighbours) only
// leaves more of the parts to the others. The helpers are the job's own,
// started for it and joined before run() returns: nothing waits on a pool
// that other work may fill, and every hand-over is one that thread
// sanitizers see.

#include <QtGlobal>

#include <functional>

namespace sd {

class ParallelWork
{
public:
    // How many parts to make of `items` items so that each holds at least
    // `minimumPerPart` of them (a part must be worth its share of starting
    // a thread), at most two per core so that a core that falls behind
    // leaves its second part to the others. `threads`: the cores to use,
    // 0 for every core of the machine. 1 when the job is too small to cut,
    // or there is one core.
    static int partCount(qsizetype items, qsizetype minimumPerPart, int threads = 0);

    // `threads` as asked for, or for 0 (or less) the machine's cores.
    static int threadCount(int threads);

    // Calls work(0) ... work(parts - 1), each exactly once, on the calling
    // thread and on min(parts - 1, threads - 1) other threads, at least one
    // (so that parts asked for are run at once even on one core); `threads`
    // as for partCount(). `work` must not throw: SchemaDesk reports errors
    // as values, and an exception on a helper would end the program. One
    // part runs on the calling thread only. If the system refuses a thread,
    // the threads it has do the parts.
    static void run(int parts, const std::function<void(int part)> &work, int threads = 0);
};

} // namespace sd
