#include "store/write_transaction.h"

namespace corparent::store {

WriteTransaction::WriteTransaction(Database& db) : db_(db) {
    db_.session() << (db_.backend() == Backend::Sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

WriteTransaction::~WriteTransaction() {
    if (!open_) return;
    try {
        db_.session() << "ROLLBACK";
    } catch (...) {
        // The connection is gone or the transaction already ended: nothing was committed either way.
    }
}

void WriteTransaction::commit() {
    db_.session() << "COMMIT";
    open_ = false;
}

void WriteTransaction::rollback() {
    db_.session() << "ROLLBACK";
    open_ = false;
}

}  // namespace corparent::store
