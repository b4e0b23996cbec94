// What is wrong with something a person entered, for the form to show beside the field: the Board's
// services return these as values, because a rejected form is expected, not exceptional.
#pragma once

#include <string>
#include <vector>

namespace corparent::board {

struct Problem {
    std::string field;     // the form field's id ("words", "due_on", ...)
    std::string message;   // a sentence for people: "Enter what the young person said"
};

// What adding something gave: its id, or the problems that stopped it (then nothing was stored).
struct Added {
    long long id = 0;
    std::vector<Problem> problems;
    bool ok() const { return problems.empty(); }
};

}  // namespace corparent::board
