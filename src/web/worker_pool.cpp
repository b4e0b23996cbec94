#include "web/worker_pool.h"

#include <memory>

namespace corparent::web {

WorkerPool::WorkerPool(const std::string& database, int threads) {
    // Open every connection here, so a database that cannot be reached stops the server at start.
    std::vector<std::shared_ptr<store::Database>> connections;
    for (int i = 0; i < threads; ++i) connections.push_back(store::Database::open(database));
    for (auto& db : connections)
        threads_.emplace_back([this, db] {
            for (;;) {
                Task task;
                {
                    std::unique_lock guard(lock_);
                    ready_.wait(guard, [&] { return stopping_ || !tasks_.empty(); });
                    if (tasks_.empty()) return;
                    task = std::move(tasks_.front());
                    tasks_.pop_front();
                }
                task(*db);
            }
        });
}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::post(Task task) {
    {
        std::lock_guard guard(lock_);
        tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
}

void WorkerPool::stop() {
    {
        std::lock_guard guard(lock_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

}  // namespace corparent::web
