// The audit log, for administrators: filter by who, what and when; newest first, a page at a time.
#include <fmt/format.h>

#include "care/date.h"
#include "store/accounts.h"
#include "web/context.h"

namespace corparent::web {
namespace {

constexpr int kPageSize = 50;

const std::vector<std::string> kActions = {
    "sign_in",     "sign_in.password",  "sign_in.failed",  "sign_in.code_failed", "sign_in.throttled",
    "sign_out",    "user.add",          "user.disable",    "user.enable",         "user.reset_second_factor",
    "user.sw_id",  "user.second_factor_set_up", "setting.change", "setting.public_page", "pledge.evidence",
    "view.findings", "view.children", "view.child", "view.child.refused", "export.measure", "export.findings", "export.data_quality",
    "import.upload", "import.names", "import.education", "import.providers", "view.homes",
    "user.password_changed", "user.password_change_failed",
    "survey.round", "survey.round_closed", "survey.eligible", "survey.codes", "survey.theme", "view.comments",
    "view.concern", "concern.note", "concern.closed",
    "offer.catalogue", "offer.take_up", "offer.take_up.refused", "offer.adviser", "view.offer.young_people",
    "view.offer.young_person", "view.offer.refused", "export.offer", "import.offer",
    "board.you_said.add", "view.you_said", "board.action.add", "board.action.status", "board.action.note",
    "board.action.evidence", "board.action.publish", "board.action.unpublish", "board.meeting.add",
    "board.meeting.record", "board.member.add", "board.member.stand_down",
    "export.paper",
};

std::string page_link(const store::AuditFilter& f, int page) {
    return fmt::format("/audit?actor={}&action={}&from={}&to={}&page={}", url_encode(f.actor), url_encode(f.action),
                       url_encode(f.from), url_encode(f.to), page);
}

}  // namespace

Response audit_log(Context& c) {
    store::AuditFilter f;
    f.actor = c.request.query_value("actor");
    f.action = c.request.query_value("action");
    // Dates that are not dates are ignored rather than passed on.
    f.from = care::parse_iso(c.request.query_value("from")) ? c.request.query_value("from") : "";
    f.to = care::parse_iso(c.request.query_value("to")) ? c.request.query_value("to") : "";
    int page = 1;
    try {
        page = std::max(1, std::stoi(c.request.query_value("page")));
    } catch (const std::exception&) {
    }
    f.limit = kPageSize;
    f.offset = (page - 1) * kPageSize;

    auto v = c.view("Audit log", "/audit");
    v["filter"] = {{"actor", f.actor}, {"action", f.action}, {"from", f.from}, {"to", f.to}};
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : kActions) actions.push_back({{"value", a}, {"selected", a == f.action}});
    v["actions"] = actions;
    long long count = store::count_audit(c.db, f);
    v["count"] = std::to_string(count);
    v["count_label"] = count == 1 ? "entry" : "entries";
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : store::find_audit(c.db, f))
        entries.push_back({{"at", e.at}, {"actor", e.actor}, {"action", e.action}, {"object", e.object},
                           {"detail", e.detail}, {"address", e.address}});
    v["entries"] = entries;
    bool has_next = static_cast<long long>(page) * kPageSize < count;
    if (page > 1 || has_next) {
        nlohmann::json pages = nlohmann::json::object();
        if (page > 1) pages["previous"] = page_link(f, page - 1);
        if (has_next) pages["next"] = page_link(f, page + 1);
        v["pages"] = pages;
    }
    return c.page("audit", v);
}

}  // namespace corparent::web
