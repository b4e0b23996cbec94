// The public "You said, We did" page: no account needed, nothing that identifies a child.
#include "board/you_said_we_did.h"
#include "web/context.h"

namespace corparent::web {

Response you_said_we_did_page(Context& c) {
    auto v = c.view("You said, We did", "/you-said-we-did");
    nlohmann::json statements = nlohmann::json::array();
    for (const auto& s : board::you_said_we_did(c.db)) {
        nlohmann::json entries = nlohmann::json::array();
        for (const auto& e : s.entries)
            entries.push_back({{"said", e.said}, {"quoted", e.quoted}, {"source", e.source}, {"month", e.month}, {"we_did", e.we_did}});
        statements.push_back({{"id", s.id}, {"statement", s.statement}, {"entries", entries}});
    }
    v["statements"] = statements;
    return c.page("you_said_we_did", v);
}

}  // namespace corparent::web
