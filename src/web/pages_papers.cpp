// The Board's papers: a list, and each paper as a web page with its PDF and Excel downloads. The papers
// are built by board/papers.h from live data; a download is audited like any export.
#include <fmt/format.h>

#include <chrono>
#include <functional>
#include <map>

#include "board/papers.h"
#include "care/date.h"
#include "render/document.h"
#include "render/page.h"
#include "web/context.h"

namespace corparent::web {
namespace {

// The day a request is answered, as an ISO date: the papers' "produced" and "figures as at" date.
std::string today(const Context& c) {
    return care::to_iso(std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{c.now}}));
}

struct Paper {
    const char* name;         // the path's last part
    const char* description;  // for the list
    std::function<render::Document(store::Database&, const settings::Settings&, const std::string&)> build;
};

const std::vector<Paper>& papers() {
    static const std::vector<Paper> all = {
        {"pledge-report", "For each promise of the Pledge, the evidence of the year.", board::pledge_report},
        {"scrutiny-update", "Progress against each Pledge statement, as a note to the Scrutiny Board.",
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
    r.header("Content-Disposition", fmt::format("attachment; filename=\"{}-{}.{}\"", name, today(c), format));
    return r;
}

}  // namespace

Response papers_index(Context& c) {
    auto v = c.view("Board papers", "/board/papers");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : papers()) {
        auto d = p.build(c.db, c.settings, today(c));
        list.push_back({{"name", p.name}, {"title", d.title}, {"description", p.description}});
    }
    v["papers"] = list;
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
        if (rest == p.name) return paper_response(c, p.build(c.db, c.settings, today(c)), rest, format);
    return error_page(c, 404);
}

}  // namespace corparent::web
