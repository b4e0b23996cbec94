// The public pages (no account needed) and their editing by administrators.
#include "board/public_pages.h"
#include "render/page.h"
#include "web/context.h"

namespace corparent::web {
namespace {

std::string slug_of_path(const std::string& path) {
    if (path == "/accessibility") return "accessibility";
    if (path == "/privacy") return "privacy";
    if (path == "/privacy/young-people") return "privacy-young-people";
    return "";
}

std::string path_of_slug(const std::string& slug) {
    return slug == "privacy-young-people" ? "/privacy/young-people" : "/" + slug;
}

nlohmann::json blocks_view(const board::PublicPage& page) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : page.blocks) {
        nlohmann::json j;
        switch (b.kind) {
        case board::Block::Kind::Heading2: j["h2"] = b.text; break;
        case board::Block::Kind::Heading3: j["h3"] = b.text; break;
        case board::Block::Kind::Paragraph: j["p"] = b.text; break;
        case board::Block::Kind::List: j["items"] = b.items; j["list"] = true; break;
        }
        blocks.push_back(j);
    }
    return blocks;
}

Response edit_form(Context& c, const std::string& slug, const std::string& text, const std::string& error, int status) {
    auto page = board::public_page(c.db, c.settings.data_dir, slug, c.settings.council_name);
    auto v = c.view("Edit: " + page.title, "/admin/pages");
    v["slug"] = slug;
    v["page_title"] = page.title;
    v["public_path"] = path_of_slug(slug);
    v["text"] = text.empty() ? page.text : text;
    if (!page.updated_at.empty()) v["updated"] = page.updated_at + " by " + page.updated_by;
    if (!error.empty()) {
        v["text_error"] = error;
        v["error_title"] = true;
        v["error_summary"] = render::fragment("error_summary", {{"errors", {{{"field", "text"}, {"message", error}}}}});
    }
    return c.page("admin_page_edit", v, status);
}

}  // namespace

Response public_page(Context& c) {
    std::string slug = slug_of_path(c.request.path);
    auto page = board::public_page(c.db, c.settings.data_dir, slug, c.settings.council_name);
    auto v = c.view(page.title, c.request.path);
    v["page_title"] = page.title;
    v["blocks"] = blocks_view(page);
    if (slug == "privacy") v["young_people_link"] = true;
    if (slug == "privacy-young-people") v["full_notice_link"] = true;
    return c.page("public_page", v);
}

Response admin_pages(Context& c) {
    auto v = c.view("Public pages", "/admin/pages");
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& slug : board::public_page_slugs()) {
        auto page = board::public_page(c.db, c.settings.data_dir, slug, c.settings.council_name);
        pages.push_back({{"slug", slug}, {"title", page.title}, {"path", path_of_slug(slug)},
                         {"updated", page.updated_at.empty() ? "the default text" : page.updated_at + " by " + page.updated_by}});
    }
    v["pages"] = pages;
    return c.page("admin_pages", v);
}

Response admin_page(Context& c) {
    std::string slug = c.request.path.substr(std::string("/admin/pages/").size());
    const auto& slugs = board::public_page_slugs();
    if (std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) return error_page(c, 404);
    if (c.request.method == "GET") return edit_form(c, slug, "", "", 200);
    std::string text = c.request.form_value("text");
    try {
        board::save_public_page(c.db, slug, text, c.actor());
    } catch (const std::invalid_argument& e) {
        return edit_form(c, slug, text, e.what(), 400);
    }
    return Response::redirect(path_of_slug(slug));
}

}  // namespace corparent::web
