// The local offer's take-up on the dashboard: for each area and each entitlement, how many young people
// were eligible, offered it and took it up on the data's end, by age band; a chart of take-up by area;
// CSV and XLSX downloads. Figures are disclosure-controlled for the roles without child-level access.
#include <fmt/format.h>

#include "offer/take_up.h"
#include "render/chart.h"
#include "render/table_export.h"
#include "measures/children.h"
#include "web/context.h"

namespace corparent::web {
namespace {

std::optional<measures::DisclosureRules> disclosure_for(const Context& c) {
    if (accounts::sees_child_level_data(c.session->user.role)) return std::nullopt;
    return c.settings.disclosure;
}

nlohmann::json row_view(const offer::TakeUpFigure& f) {
    return {{"name", f.name},
            {"area", offer::area_name(f.area)},
            {"band", f.age_band.empty() ? "All ages" : f.age_band},
            {"eligible", offer::count_text(f.eligible)},
            {"offered", offer::count_text(f.offered)},
            {"offered_percent", offer::percent_text(f.offered)},
            {"taken_up", offer::count_text(f.taken_up)},
            {"taken_up_percent", offer::percent_text(f.taken_up)}};
}

render::Table download_table(const std::vector<offer::TakeUpFigure>& figures, const std::string& as_at) {
    render::Table t;
    t.title = "Take-up of the local offer on " + as_at;
    t.headers = {"Area", "Entitlement", "Age band", "Eligible", "Offered", "Offered %", "Taken up", "Taken up %"};
    auto cell = [](const measures::Cell& c) -> render::Cell {
        if (c.suppressed) return std::string("c");
        return c.count;
    };
    auto pct = [](const measures::Cell& c) -> render::Cell {
        if (c.suppressed) return std::string("c");
        auto p = offer::percent(c);
        if (!p) return std::string("");
        return *p;
    };
    for (const auto& f : figures)
        t.rows.push_back({offer::area_name(f.area), f.entitlement.empty() ? std::string("(the area as a whole)") : f.name,
                          f.age_band.empty() ? std::string("all ages") : f.age_band, cell(f.eligible), cell(f.offered),
                          pct(f.offered), cell(f.taken_up), pct(f.taken_up)});
    return t;
}

}  // namespace

Response offer_take_up_page(Context& c) {
    auto v = c.view("The local offer: take-up", "/offer");
    const auto disclosure = disclosure_for(c);
    if (disclosure) v["aggregate"] = true;
    const auto& role = c.session->user.role;
    if (role == accounts::Role::Worker || role == accounts::Role::Analyst || role == accounts::Role::Admin)
        v["young_people_link"] = role == accounts::Role::Worker ? "Your young people's entitlements"
                                                                : "Young people's entitlements";
    const auto offer = offer::load_offer(c.db, c.settings.choices);
    if (offer.year == 0 || offer.catalogue.entitlements.empty()) {
        v["no_data"] = true;
        return c.page("offer_take_up", v);
    }
    const std::string as_at = measures::long_date(offer.on);
    v["as_at"] = as_at;
    v["return_label"] = care::collection_year_label(offer.year);

    // How many young people the offer is for, controlled like any figure.
    std::vector<measures::Cell> people(2);
    for (const auto& p : offer.people) ++people[*p.standing.group == offer::Group::ChildInCare ? 0 : 1].count;
    if (disclosure) measures::control_disclosure(people, *disclosure, true);
    v["children_in_care"] = offer::count_text(people[0]);
    v["care_leavers"] = offer::count_text(people[1]);

    const auto figures = offer::take_up(offer, disclosure);
    nlohmann::json by_area = nlohmann::json::array(), by_entitlement = nlohmann::json::array(),
                   bands = nlohmann::json::array();
    render::BarChart chart;
    chart.title = "Taken up, as a share of the eligible, by area of the local offer, " + as_at;
    chart.summary = "For each of the six areas, the share of young people eligible for at least one of its entitlements "
                    "who took up at least one.";
    chart.unit = "%";
    chart.id = "chart-offer-areas";
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const auto& f = figures[i];
        if (!f.age_band.empty()) continue;
        if (f.entitlement.empty()) {
            by_area.push_back(row_view(f));
            chart.categories.push_back(f.name);
            auto p = offer::percent(f.taken_up);
            chart.values.push_back(p ? std::optional<double>(static_cast<double>(*p)) : std::nullopt);
            continue;
        }
        by_entitlement.push_back(row_view(f));
        nlohmann::json rows = nlohmann::json::array();
        for (std::size_t j = i + 1; j < figures.size() && !figures[j].age_band.empty(); ++j) rows.push_back(row_view(figures[j]));
        bands.push_back({{"id", f.entitlement}, {"name", f.name}, {"rows", rows}});
    }
    v["chart"] = render::bar_chart_svg(chart);
    v["chart_caption"] = chart.title;
    v["by_area"] = by_area;
    v["by_entitlement"] = by_entitlement;
    v["bands"] = bands;
    return c.page("offer_take_up", v);
}

Response offer_take_up_download(Context& c) {
    const bool xlsx = c.request.path.ends_with(".xlsx");
    const auto offer = offer::load_offer(c.db, c.settings.choices);
    const auto figures = offer::take_up(offer, disclosure_for(c));
    accounts::audit(c.db, c.actor(), "export.offer", "take-up", xlsx ? "xlsx" : "csv");
    auto table = download_table(figures, offer.year ? measures::long_date(offer.on) : "no return loaded");
    Response r;
    r.content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
    r.body = xlsx ? render::to_xlsx(table) : render::to_csv(table);
    r.header("Content-Disposition", fmt::format("attachment; filename=\"offer-take-up.{}\"", xlsx ? "xlsx" : "csv"));
    return r;
}

}  // namespace corparent::web
