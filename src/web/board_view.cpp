#include "web/board_view.h"

#include <array>

#include <fmt/format.h>

#include "board/pledge.h"
#include "measures/definitions.h"
#include "render/page.h"

namespace corparent::web {

care::Date today(const Context& c) { return care::Date{std::chrono::days{c.now / 86400}}; }

std::string long_date(care::Date d) {
    static constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                            "July",    "August",   "September", "October", "November", "December"};
    std::chrono::year_month_day ymd{d};
    return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                       static_cast<int>(ymd.year()));
}

std::optional<care::Date> form_date(const Request& r, const std::string& field, nlohmann::json& view) {
    std::string d = r.form_value(field), m = r.form_value(field + "-month"), y = r.form_value(field + "-year");
    view[field] = {{"day", d}, {"month", m}, {"year", y}};
    if (d.empty() || m.empty() || y.size() != 4) return std::nullopt;
    return care::parse_dmy(d + "/" + m + "/" + y);
}

long long id_in_path(const std::string& path, const std::string& prefix) {
    if (!path.starts_with(prefix)) return 0;
    std::string rest = path.substr(prefix.size());
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 15 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0 || (digits < rest.size() && rest[digits] != '/')) return 0;
    return std::stoll(rest.substr(0, digits));
}

void show_problems(nlohmann::json& view, const std::vector<board::Problem>& problems) {
    if (problems.empty()) return;
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        errors.push_back({{"field", p.field}, {"message", p.message}});
        if (!view.contains(p.field + "_error")) view[p.field + "_error"] = p.message;
    }
    view["error_title"] = true;
    view["error_summary"] = render::fragment("error_summary", {{"errors", errors}});
}

std::map<std::string, std::string> statement_texts(store::Database& db) {
    std::map<std::string, std::string> out;
    if (auto p = board::current_pledge(db))
        for (const auto& s : p->statements) out[s.id] = s.statement;
    return out;
}

bool sees_unquoted_words(const Context& c) {
    auto role = c.session->user.role;
    return role == accounts::Role::Participation || role == accounts::Role::Admin;
}

std::string measure_label(const std::string& key) {
    auto colon = key.find(':');
    std::string id = key.substr(0, colon);
    for (const auto& d : measures::definitions())
        if (d.id == id) return std::string(d.name) + (colon == std::string::npos ? "" : " (" + key.substr(colon + 1) + ")");
    return key;
}

nlohmann::json evidence_view(const std::vector<board::EvidenceLink>& links) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : links) {
        if (e.kind == board::EvidenceLink::Kind::Measure)
            out.push_back({{"text", "Measure: " + measure_label(e.ref)}, {"href", "/measures/" + e.ref.substr(0, e.ref.find(':'))}});
        else if (e.kind == board::EvidenceLink::Kind::SurveyIndicator)
            out.push_back({{"text", "Survey indicator: " + e.ref}});
        else
            out.push_back({{"text", "Document: " + e.ref}});
    }
    return out;
}

nlohmann::json action_view(const board::Action& a, care::Date on) {
    static const std::map<board::Status, std::string> kTag = {
        {board::Status::Open, "govuk-tag--blue"},  {board::Status::InProgress, "govuk-tag--light-blue"},
        {board::Status::Done, "govuk-tag--green"}, {board::Status::Closed, "govuk-tag--grey"},
        {board::Status::Cancelled, "govuk-tag--grey"},
    };
    nlohmann::json j = {{"id", std::to_string(a.id)},
                        {"title", a.title},
                        {"owner", a.owner},
                        {"due", long_date(a.due_on)},
                        {"status", std::string(board::status_name(a.status))},
                        {"status_class", kTag.at(a.status)},
                        {"overdue", board::is_overdue(a, on)},
                        {"published", a.published}};
    if (!a.partner.empty()) j["partner"] = a.partner;
    if (!a.we_did.empty()) j["we_did"] = a.we_did;
    return j;
}

nlohmann::json you_said_view(const board::YouSaid& y, const std::map<std::string, std::string>& statements, bool words) {
    auto s = board::shown(y);
    nlohmann::json promises = nlohmann::json::array();
    for (const auto& id : y.statements) {
        auto it = statements.find(id);
        promises.push_back(it == statements.end() ? id : it->second);
    }
    nlohmann::json j = {{"id", std::to_string(y.id)},
                        {"date", long_date(y.said_on)},
                        {"source", std::string(board::source_name(y.source))},
                        {"shown", s.text},
                        {"quoted", s.quoted},
                        {"statements", promises}};
    if (!y.source_reference.empty()) j["source_reference"] = y.source_reference;
    if (words && !y.consent) j["unquoted_words"] = y.words;
    return j;
}

}  // namespace corparent::web
