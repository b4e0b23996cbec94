// The Board's papers: a list, and each paper as a web page with its PDF and Excel downloads. The papers
// are built by board/papers.h from live data; a download is audited like any export.
#include <fmt/format.h>

#include <functional>
#include <map>

#include "board/meetings.h"
#include "board/papers.h"
#include "care/date.h"
#include "render/document.h"
#include "render/page.h"
#include "web/board_view.h"
#include "web/context.h"

namespace corparent::web {
namespace {

// The day a request is answered, as an ISO date: the papers' "produced" and "figures as at" date.
std::string iso_today(const Context& c) { return care::to_iso(today(c)); }

struct Paper {
    const char* name;         // the path's last part
    const char* title;        // for the list
    const char* description;
    std::function<render::Document(store::Database&, const settings::Settings&, const std::string&)> build;
};

const std::vector<Paper>& papers() {
    static const std::vector<Paper> all = {
        {"pledge-report", "The Pledge: annual report", "For each promise of the Pledge, the evidence of the year: measures and what we did, and the goals for the next twelve months.", board::pledge_report},
        {"scrutiny-update", "The Pledge: progress update to Scrutiny", "Progress against each Pledge statement, as a note to the Scrutiny Board.",
         board::scrutiny_update},
    };
    return all;
}

Response paper_response(Context& c, const render::Document& d, const std::string& name, const std::string& format) {
    Response r;
    if (format.empty()) {
        auto v = c.view(d.title, "/board/papers");
        std::vector<render::Link> downloads = {{"Download as PDF", "/board/papers/" + name + ".pdf"},
                                               {"Download the tables as Excel", "/board/papers/" + name + ".xlsx"}};
        v["paper"] = render::document_html(d, downloads);
        r.body = render::page("paper", v);
        return r;
    }
    accounts::audit(c.db, c.actor(), "export.paper", name, format);
    if (format == "pdf") {
        r.content_type = "application/pdf";
        r.body = render::document_pdf(d);
    } else {
        r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        r.body = render::document_xlsx(d);
    }
    r.header("Content-Disposition", fmt::format("attachment; filename=\"{}-{}.{}\"", name, iso_today(c), format));
    return r;
}

}  // namespace

Response papers_index(Context& c) {
    auto v = c.view("Board papers", "/board/papers");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : papers()) list.push_back({{"name", p.name}, {"title", p.title}, {"description", p.description}});
    v["papers"] = list;
    // Each meeting's pack, the latest first.
    nlohmann::json packs = nlohmann::json::array();
    auto meetings = board::all_meetings(c.db);
    for (auto it = meetings.rbegin(); it != meetings.rend(); ++it)
        packs.push_back({{"name", "meeting-" + std::to_string(it->id)},
                         {"title", "Board pack for " + long_date(it->held_on)},
                         {"description", "Theme: " + it->theme}});
    if (!packs.empty()) {
        v["packs"] = packs;
        v["has_packs"] = true;
    }
    return c.page("papers", v);
}

Response paper_page(Context& c) {
    std::string rest = c.request.path.substr(std::string("/board/papers/").size());
    std::string format;
    for (const char* extension : {"pdf", "xlsx"})
        if (rest.ends_with(std::string(".") + extension)) {
            format = extension;
            rest.resize(rest.size() - format.size() - 1);
        }
    for (const auto& p : papers())
        if (rest == p.name) return paper_response(c, p.build(c.db, c.settings, iso_today(c)), rest, format);
    if (rest.starts_with("meeting-")) {
        long long id = id_in_path(rest, "meeting-");
        if (auto pack = id > 0 ? board::board_pack(c.db, c.settings, id, iso_today(c)) : std::nullopt)
            return paper_response(c, *pack, rest, format);
    }
    return error_page(c, 404);
}

}  // namespace corparent::web
