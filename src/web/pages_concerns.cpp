// Concerns raised through the survey, for the participation team and administrators: open ones first,
// those older than a day marked; each worked to closure with notes of what was done and by whom.
#include <algorithm>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "render/page.h"
#include "voice/concerns.h"
#include "voice/rounds.h"
#include "web/context.h"

namespace corparent::web {
namespace {

std::string when(long long at) {
    return fmt::format("{:%d/%m/%Y %H:%M} UTC", std::chrono::sys_seconds{std::chrono::seconds{at}});
}

std::string age_text(long long seconds) {
    long long hours = seconds / 3600;
    if (hours < 1) return "less than an hour";
    if (hours < 48) return fmt::format("{} hour{}", hours, hours == 1 ? "" : "s");
    return fmt::format("{} days", hours / 24);
}

nlohmann::json summary(const Context& c, const voice::Concern& k) {
    std::string round;
    if (auto r = voice::find_round(c.db, k.round_id)) round = r->name;
    nlohmann::json j = {{"id", k.id},
                        {"raised", when(k.raised_at)},
                        {"age", age_text(c.now - k.raised_at)},
                        {"round", round},
                        {"routed_to", k.routed_to},
                        {"status", k.status == "open" ? "Open" : "Closed"}};
    if (k.names_harm) j["names_harm"] = true;
    if (k.asked_to_talk) j["asked_to_talk"] = true;
    if (k.status == "open" && c.now - k.raised_at > 24 * 3600) j["overdue"] = true;
    if (k.status == "open") j["open"] = true;
    return j;
}

}  // namespace

Response concerns_list(Context& c) {
    auto v = c.view("Concerns", "/concerns");
    nlohmann::json open = nlohmann::json::array(), closed = nlohmann::json::array();
    for (const auto& k : voice::concerns(c.db, "open")) open.push_back(summary(c, k));
    auto all_closed = voice::concerns(c.db, "closed");
    for (auto it = all_closed.rbegin(); it != all_closed.rend(); ++it) closed.push_back(summary(c, *it));
    v["open"] = open;
    v["has_open"] = !open.empty();
    v["closed"] = closed;
    v["has_closed"] = !closed.empty();
    v["overdue"] = voice::overdue_concerns(c.db, c.now);
    return c.page("concerns", v);
}

Response concern_page(Context& c) {
    const std::string prefix = "/concerns/";
    std::string id_text = c.request.path.substr(prefix.size());
    if (id_text.empty() || id_text.size() > 12 || id_text.find_first_not_of("0123456789") != std::string::npos) return error_page(c, 404);
    long long id = std::stoll(id_text);
    std::string field, error, typed;
    if (c.request.method == "POST") {
        const std::string action = c.request.form_value("action");
        typed = c.request.form_value("note");
        try {
            if (action == "close") voice::close_concern(c.db, id, typed, c.now, c.actor());
            else voice::add_concern_note(c.db, id, typed, c.now, c.actor());
            return Response::redirect(fmt::format("/concerns/{}", id));
        } catch (const std::invalid_argument& e) {
            // Closed meanwhile (by someone else): the page shows it closed, with what was done.
            if (auto k = voice::concerns(c.db, "closed"); std::any_of(k.begin(), k.end(), [&](const auto& x) { return x.id == id; }))
                return Response::redirect(fmt::format("/concerns/{}", id));
            field = "note";
            error = e.what();
        }
    }
    auto k = voice::concern(c.db, id, c.actor());
    if (!k) return error_page(c, 404);
    auto v = c.view(fmt::format("Concern {}", k->id), "/concerns");
    v["concern"] = summary(c, *k);
    nlohmann::json lines = nlohmann::json::array();
    std::string line;
    for (char ch : k->shared + "\n") {
        if (ch == '\n') {
            if (!line.empty()) lines.push_back(line);
            line.clear();
        } else {
            line += ch;
        }
    }
    v["shared"] = lines;
    if (!k->harm_words.empty()) v["harm_words"] = k->harm_words;
    if (!k->contact.empty()) v["contact"] = k->contact;
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : k->notes) notes.push_back({{"at", when(n.at)}, {"by", n.by}, {"note", n.note}});
    v["notes"] = notes;
    v["has_notes"] = !notes.empty();
    if (k->status == "closed") {
        v["closed"] = {{"at", when(k->closed_at.value_or(0))}, {"by", k->closed_by}, {"outcome", k->outcome}};
    }
    v["note"] = typed;
    if (!error.empty()) {
        v["error_title"] = true;
        v["note_error"] = error;
        v["error_summary"] = render::fragment("error_summary", {{"errors", {{{"field", field}, {"message", error}}}}});
    }
    return c.page("concern", v, error.empty() ? 200 : 400);
}

}  // namespace corparent::web
