#include "board/you_said_we_did.h"

#include <array>
#include <map>

#include <fmt/format.h>

#include "board/actions.h"
#include "board/pledge.h"
#include "board/you_said.h"

namespace corparent::board {
namespace {

std::string month_of(care::Date d) {
    static constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                            "July",    "August",   "September", "October", "November", "December"};
    std::chrono::year_month_day ymd{d};
    return fmt::format("{} {}", kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

}  // namespace

std::vector<PublicStatement> you_said_we_did(store::Database& db) {
    std::vector<PublicStatement> out;
    auto pledge = current_pledge(db);
    if (!pledge) return out;
    std::map<long long, std::vector<std::string>> published;   // You said id -> sentences
    for (const auto& a : all_actions(db)) {
        bool done = a.status == Status::Done || a.status == Status::Closed;
        if (a.published && done && !a.we_did.empty()) published[a.you_said_id].push_back(a.we_did);
    }
    auto items = all_you_said(db);   // newest first
    for (const auto& s : pledge->statements) {
        PublicStatement ps{s.id, s.statement, {}};
        for (const auto& y : items) {
            auto it = published.find(y.id);
            if (it == published.end()) continue;
            if (std::find(y.statements.begin(), y.statements.end(), s.id) == y.statements.end()) continue;
            auto shown_text = shown(y);
            ps.entries.push_back({shown_text.text, shown_text.quoted, std::string(source_name(y.source)), month_of(y.said_on),
                                  it->second});
        }
        out.push_back(std::move(ps));
    }
    return out;
}

}  // namespace corparent::board
