// Threads for the blocking work of requests, each holding its own database connection.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"

namespace corparent::web {

class WorkerPool {
public:
    using Task = std::function<void(store::Database&)>;

    // Opens `threads` connections to `database` (throws if it cannot) and starts the threads.
    WorkerPool(const std::string& database, int threads);
    ~WorkerPool();   // finishes the queued tasks, then stops

    void post(Task task);
    void stop();   // no new tasks; waits for the queue to empty and the threads to end

private:
    std::mutex lock_;
    std::condition_variable ready_;
    std::deque<Task> tasks_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace corparent::web
