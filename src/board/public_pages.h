// The pages anyone may read: the accessibility statement the Public Sector Bodies Accessibility
// Regulations 2018 require, and the privacy notice with its version for children and young people.
// Written in a plain text form (first line the title; "## " and "### " headings; "- " list items; blank
// lines between paragraphs) that an administrator edits; the defaults are data/pages/<slug>.txt.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "store/database.h"

namespace corparent::board {

struct Block {
    enum class Kind { Heading2, Heading3, Paragraph, List } kind;
    std::string text;                   // headings and paragraphs
    std::vector<std::string> items;     // lists
};

struct PublicPage {
    std::string slug, title;
    std::vector<Block> blocks;
    std::string text;                   // as edited (the council's name not yet filled in)
    std::string updated_at, updated_by; // empty for the default text
};

// accessibility, privacy, privacy-young-people
const std::vector<std::string>& public_page_slugs();

// Throws std::invalid_argument for an unknown slug.
PublicPage public_page(store::Database& db, const std::filesystem::path& data_dir, const std::string& slug,
                       const std::string& council_name);
// Throws std::invalid_argument with a message for people when the text will not do.
void save_public_page(store::Database& db, const std::string& slug, const std::string& text, const accounts::Actor& actor);

// The text form read into blocks; "{{council}}" stands for the council's name.
PublicPage parse_public_page(const std::string& slug, const std::string& text, const std::string& council_name);

}  // namespace corparent::board
