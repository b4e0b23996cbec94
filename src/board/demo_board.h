// The demo council's Corporate Parenting Board: a year of meetings (one on health), its members, what
// children said from every kind of source, and actions in every state, some overdue. Dates are set
// around `today`, so the demo looks the same whenever it is loaded.
#pragma once

#include "care/date.h"
#include "store/database.h"

namespace corparent::board {

// Adds the demo Board to a store with the Pledge seeded. Throws std::runtime_error if any of it is refused.
void add_demo_board(store::Database& db, care::Date today);

}  // namespace corparent::board
