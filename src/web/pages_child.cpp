// One child's page: who they are (CHILD id, and the name and case-management id when a names file has
// been imported), where they are now, and their history of care on a timeline (an SVG image, and the
// same facts as text in date order), then the periods of care, placements, episodes with legal status,
// missing incidents, reviews and social workers. A worker sees only the children on their caseload;
// every view is audited.
#include <fmt/format.h>

#include <algorithm>

#include "measures/children.h"
#include "render/chart.h"
#include "web/context.h"

namespace corparent::web {
namespace {

using measures::long_date;

std::string upper(std::string s) {
    for (char& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return s;
}

std::string with_code(const std::string& words, const std::string& code) {
    if (code.empty()) return "not recorded";
    return words == code ? code : words + " (" + code + ")";
}

std::string end_text(const std::optional<care::Date>& end) { return end ? long_date(*end) : "not ended"; }

std::string px(double v) {
    std::string s = fmt::format("{:.1f}", v);
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

// The history as an image: a lane each for the periods of care, placements, legal status and missing
// incidents along a line of years. Each bar is named by its <title>; adjacent bars are told apart by a
// white gap and alternating shades, not by colour alone; the tables under it hold every fact.
std::string timeline_svg(const measures::ChildRecord& c, const std::string& who) {
    const auto& h = c.history;
    if (h.episodes.empty()) return "";
    care::Date from = h.episodes.front().decom;
    for (const auto& m : c.missing) from = std::min(from, m.start);
    const care::Date to = std::max(c.as_at, h.episodes.back().decom) + std::chrono::days(1);
    const double span = std::max<double>(1, static_cast<double>((to - from).count()));
    constexpr double kWidth = 640, kLeft = 112, kRight = 630, kLane = 34, kBar = 22, kTop = 10;
    auto x = [&](care::Date d) { return kLeft + (kRight - kLeft) * static_cast<double>((d - from).count()) / span; };

    struct Bar {
        care::Date start;
        std::optional<care::Date> end;
        std::string label;
    };
    struct Lane {
        const char* name;
        const char* colours[2];
        std::vector<Bar> bars;
    };
    std::vector<Lane> lanes = {
        {"In care", {"#505a5f", "#505a5f"}, {}},
        {"Placements", {"#1d70b8", "#003078"}, {}},
        {"Legal status", {"#00703c", "#005a30"}, {}},
        {"Missing", {"#d4351c", "#942514"}, {}},
    };
    for (const auto& p : h.periods)
        lanes[0].bars.push_back({p.start, p.end,
                                 "Looked after from " + long_date(p.start) + (p.end ? " to " + long_date(*p.end) : ", not ended")});
    for (const auto& pl : h.placements) {
        const auto& e = h.episodes[pl.first];
        lanes[1].bars.push_back({pl.start, pl.end,
                                 with_code(measures::placement_description(e.place), e.place) + ": " + long_date(pl.start) +
                                     (pl.end ? " to " + long_date(*pl.end) : ", not ended")});
    }
    // Legal status: runs of episodes with the same LS.
    for (const auto& p : h.periods)
        for (std::size_t i = p.first; i <= p.last;) {
            std::size_t j = i;
            while (j + 1 <= p.last && h.episodes[j + 1].ls == h.episodes[i].ls) ++j;
            const auto& e = h.episodes[i];
            auto end = h.episodes[j].dec;
            lanes[2].bars.push_back({e.decom, end,
                                     with_code(measures::legal_status_description(e.ls), e.ls) + ": " + long_date(e.decom) +
                                         (end ? " to " + long_date(*end) : ", not ended")});
            i = j + 1;
        }
    for (const auto& m : c.missing)
        lanes[3].bars.push_back({m.start, m.end,
                                 measures::missing_description(m.type) + ": " + long_date(m.start) +
                                     (m.end ? " to " + long_date(*m.end) : ", no return recorded")});

    const double axis_y = kTop + kLane * static_cast<double>(lanes.size()) + 4;
    const double height = axis_y + 30;
    const std::string id = "timeline";
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" width=\"100%\" viewBox=\"0 0 {} {}\" role=\"img\" "
        "aria-labelledby=\"{}-title {}-desc\" font-family=\"Arial, sans-serif\" font-size=\"16\" fill=\"#0b0c0c\">\n"
        "<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>\n",
        px(kWidth), px(height), id, id, id, render::xml_escape("Timeline of care for " + who), id,
        render::xml_escape(fmt::format("Periods of care, placements, legal status and missing incidents from {} to {}: "
                                       "{} periods of care, {} placements, {} missing incidents. The tables below give "
                                       "the same facts in date order.",
                                       long_date(from), long_date(c.as_at), h.periods.size(), h.placements.size(),
                                       c.missing.size())));
    // Years: a line at each 1 January, labelled; no more than about eight labels.
    const int y0 = static_cast<int>(std::chrono::year_month_day{from}.year()),
              y1 = static_cast<int>(std::chrono::year_month_day{to}.year());
    const int step = std::max(1, (y1 - y0 + 7) / 8);
    for (int y = y0 + 1; y <= y1; ++y) {
        care::Date jan = care::make_date(y, 1, 1);
        if (jan <= from || jan >= to) continue;
        double gx = x(jan);
        out += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>\n",
                           px(gx), px(kTop), px(axis_y));
        if ((y - y0) % step == 0)
            out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", px(gx), px(axis_y + 18), y);
    }
    out += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>\n",
                       px(kLeft), px(kRight), px(axis_y));
    for (std::size_t l = 0; l < lanes.size(); ++l) {
        const Lane& lane = lanes[l];
        const double top = kTop + kLane * static_cast<double>(l);
        out += fmt::format("<text x=\"0\" y=\"{}\">{}</text>\n", px(top + kBar / 2 + 5), lane.name);
        if (lane.bars.empty())
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"120\" height=\"{}\" fill=\"#ffffff\"/>"
                               "<text x=\"{}\" y=\"{}\" fill=\"#505a5f\">None recorded</text>\n",
                               px(kLeft + 1), px(top), px(kBar), px(kLeft + 4), px(top + kBar / 2 + 5));
        for (std::size_t b = 0; b < lane.bars.size(); ++b) {
            const Bar& bar = lane.bars[b];
            double left = x(bar.start), right = x(bar.end ? std::min(*bar.end, to) : to);
            if (right - left < 3) right = left + 3;   // a day missing is still seen
            out += fmt::format(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\">"
                "<title>{}</title></rect>\n",
                px(left), px(top), px(right - left), px(kBar), lane.colours[b % 2], render::xml_escape(bar.label));
        }
    }
    out += "</svg>\n";
    return out;
}

}  // namespace

Response child_page(Context& c) {
    std::string id = url_decode(c.request.path.substr(std::string("/children/").size()));
    if (id.empty() || id.size() > 64 || id.find('/') != std::string::npos) return error_page(c, 404);
    auto child = measures::find_child(c.db, c.settings.choices, upper(id));
    if (!child) return error_page(c, 404);
    const auto& user = c.session->user;
    if (user.role == accounts::Role::Worker &&
        (!user.sw_id || child->sw_id.empty() || upper(*user.sw_id) != upper(child->sw_id))) {
        accounts::audit(c.db, c.actor(), "view.child.refused", child->id, "not on the worker's caseload");
        return error_page(c, 403);
    }
    accounts::audit(c.db, c.actor(), "view.child", child->id);

    const auto& h = child->history;
    const std::string who = child->name.empty() ? "CHILD " + child->id : child->name;
    // The page's title (kept in the browser's history) names the CHILD id, never the child.
    auto v = c.view("Child " + child->id, "/children");
    v["back"] = user.role == accounts::Role::Worker ? "Your caseload" : "Children";
    v["heading"] = who;
    v["child"] = child->id;
    v["name"] = child->name;
    v["case_id"] = child->case_id;
    v["as_at"] = long_date(child->as_at);

    nlohmann::json facts = nlohmann::json::array();
    auto fact = [&](const std::string& key, const std::string& value) { facts.push_back({{"key", key}, {"value", value}}); };
    fact("CHILD id", child->id);
    if (!child->name.empty()) {
        fact("Case management id", child->case_id.empty() ? "not given" : child->case_id);
    }
    fact("Date of birth", child->dob ? long_date(*child->dob) : "not recorded");
    if (child->age) fact("Age on " + long_date(child->as_at), std::to_string(*child->age));
    fact("Looked after on " + long_date(child->as_at), child->in_care ? "Yes" : "No");
    if (auto e = h.episode_on(child->as_at)) {
        fact("Legal status", with_code(measures::legal_status_description(h.episodes[*e].ls), h.episodes[*e].ls));
        std::size_t k = *e;
        auto pl = h.placement_on(child->as_at);
        std::size_t first = pl ? h.placements[*pl].first : k;
        while (k > first && care::is_temporary(h.episodes[k].place)) --k;
        fact("Placement", with_code(measures::placement_description(h.episodes[k].place), h.episodes[k].place));
    }
    fact("Social worker", child->sw_id.empty() ? "none recorded" : child->sw_id);
    fact("Unaccompanied asylum-seeking child", child->uasc ? "Yes" : "No");
    v["facts"] = facts;

    if (auto svg = timeline_svg(*child, who); !svg.empty()) v["svg"] = svg;
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& t : measures::timeline(*child))
        entries.push_back({{"date", long_date(t.date)}, {"what", t.what}, {"detail", t.detail}});
    v["timeline"] = entries;

    nlohmann::json periods = nlohmann::json::array();
    for (const auto& p : h.periods)
        periods.push_back({{"start", long_date(p.start)},
                           {"end", end_text(p.end)},
                           {"how", p.end ? with_code(measures::reason_ceased_description(p.ending_rec), p.ending_rec) : ""},
                           {"episodes", std::to_string(p.last - p.first + 1)}});
    v["periods"] = periods;

    nlohmann::json placements = nlohmann::json::array();
    for (const auto& pl : h.placements) {
        const auto& e = h.episodes[pl.first];
        std::string place = with_code(measures::placement_description(e.place), e.place);
        // A placement carried on with the same carers may change type (RNE T or U).
        for (std::size_t i = pl.first + 1; i <= pl.last; ++i)
            if (!care::is_temporary(h.episodes[i].place) && h.episodes[i].place != h.episodes[i - 1].place)
                place += "; from " + long_date(h.episodes[i].decom) + ": " +
                         with_code(measures::placement_description(h.episodes[i].place), h.episodes[i].place);
        placements.push_back(
            {{"start", long_date(pl.start)},
             {"end", end_text(pl.end)},
             {"place", place},
             {"provider", e.place_provider.empty() ? "not recorded"
                                                   : with_code(measures::provider_description(e.place_provider), e.place_provider)},
             {"reason", pl.ending_reason.empty() ? "" : with_code(measures::placement_change_description(pl.ending_reason), pl.ending_reason)},
             {"not_counted", !pl.counted}});
    }
    v["placements"] = placements;

    nlohmann::json episodes = nlohmann::json::array();
    for (const auto& e : h.episodes)
        episodes.push_back({{"start", long_date(e.decom)},
                            {"end", end_text(e.dec)},
                            {"rne", with_code(measures::new_episode_description(e.rne), e.rne)},
                            {"ls", with_code(measures::legal_status_description(e.ls), e.ls)},
                            {"place", with_code(measures::placement_description(e.place), e.place)},
                            {"rec", e.dec ? with_code(measures::reason_ceased_description(e.rec), e.rec) : ""}});
    v["episodes"] = episodes;

    nlohmann::json missing = nlohmann::json::array();
    for (const auto& m : child->missing)
        missing.push_back({{"start", long_date(m.start)},
                           {"end", m.end ? long_date(*m.end) : "no return recorded"},
                           {"type", m.type.empty() ? "not recorded" : measures::missing_description(m.type)},
                           {"days", m.end ? std::to_string((*m.end - m.start).count()) : ""}});
    v["missing"] = missing;
    v["has_missing"] = !missing.empty();

    nlohmann::json reviews = nlohmann::json::array();
    for (const auto& r : child->reviews)
        reviews.push_back({{"date", long_date(r.date)},
                           {"participation", with_code(measures::review_participation_description(r.code), r.code)}});
    v["reviews"] = reviews;
    v["has_reviews"] = !reviews.empty();

    nlohmann::json workers = nlohmann::json::array();
    for (const auto& s : child->social_workers)
        workers.push_back({{"sw_id", s.sw_id.empty() ? "not recorded" : s.sw_id},
                           {"start", long_date(s.start)},
                           {"end", end_text(s.end)},
                           {"reason", s.reason}});
    v["workers"] = workers;
    v["has_workers"] = !workers.empty();
    return c.page("child", v);
}

}  // namespace corparent::web
