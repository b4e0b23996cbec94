// A transaction that writes. On SQLite it takes the write lock when it begins (BEGIN IMMEDIATE): a
// transaction that reads before it writes then waits its turn (the busy timeout) instead of failing when
// another connection wrote in between, as a deferred one would under concurrent writers.
#pragma once

#include "store/database.h"

namespace corparent::store {

class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();   // rolls back unless committed
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();
    void rollback();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace corparent::store
