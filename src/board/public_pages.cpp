#include "board/public_pages.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/chrono.h>

#include "store/public_pages.h"

namespace corparent::board {
namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    std::size_t b = s.find_first_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b);
}

void check_slug(const std::string& slug) {
    const auto& all = public_page_slugs();
    if (std::find(all.begin(), all.end(), slug) == all.end()) throw std::invalid_argument("there is no public page " + slug);
}

}  // namespace

const std::vector<std::string>& public_page_slugs() {
    static const std::vector<std::string> slugs = {"accessibility", "privacy", "privacy-young-people"};
    return slugs;
}

PublicPage parse_public_page(const std::string& slug, const std::string& text, const std::string& council_name) {
    PublicPage page;
    page.slug = slug;
    page.text = text;
    std::string filled = text;
    for (std::size_t p; (p = filled.find("{{council}}")) != std::string::npos;) filled.replace(p, 11, council_name);
    std::istringstream in(filled);
    std::string line, paragraph;
    auto end_paragraph = [&] {
        if (!paragraph.empty()) page.blocks.push_back({Block::Kind::Paragraph, paragraph, {}});
        paragraph.clear();
    };
    bool first = true;
    while (std::getline(in, line)) {
        line = trim(line);
        if (first) {
            if (line.empty()) continue;
            page.title = line;
            first = false;
            continue;
        }
        if (line.empty()) {
            end_paragraph();
        } else if (line.starts_with("### ")) {
            end_paragraph();
            page.blocks.push_back({Block::Kind::Heading3, line.substr(4), {}});
        } else if (line.starts_with("## ")) {
            end_paragraph();
            page.blocks.push_back({Block::Kind::Heading2, line.substr(3), {}});
        } else if (line.starts_with("- ")) {
            end_paragraph();
            if (page.blocks.empty() || page.blocks.back().kind != Block::Kind::List)
                page.blocks.push_back({Block::Kind::List, "", {}});
            page.blocks.back().items.push_back(line.substr(2));
        } else {
            paragraph += (paragraph.empty() ? "" : " ") + line;
        }
    }
    end_paragraph();
    return page;
}

PublicPage public_page(store::Database& db, const std::filesystem::path& data_dir, const std::string& slug,
                       const std::string& council_name) {
    check_slug(slug);
    if (auto saved = store::find_public_page(db, slug)) {
        auto page = parse_public_page(slug, saved->body, council_name);
        page.updated_at = saved->updated_at;
        page.updated_by = saved->updated_by;
        return page;
    }
    std::ifstream in(data_dir / "pages" / (slug + ".txt"));
    if (!in) throw std::runtime_error((data_dir / "pages" / (slug + ".txt")).string() + ": cannot read the default text");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_public_page(slug, text, council_name);
}

void save_public_page(store::Database& db, const std::string& slug, const std::string& text, const accounts::Actor& actor) {
    check_slug(slug);
    if (parse_public_page(slug, text, "").title.empty()) throw std::invalid_argument("Enter the page, starting with its title");
    if (text.size() > 100'000) throw std::invalid_argument("The page must be 100,000 characters or fewer");
    auto at = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    store::save_public_page(db, {slug, text, at, actor.who});
    accounts::audit(db, actor, "setting.public_page", slug, std::to_string(text.size()) + " characters");
}

}  // namespace corparent::board
