// The public pages' text as an administrator last saved it.
#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace corparent::store {

struct PublicPageRow {
    std::string slug, body, updated_at, updated_by;
};

std::optional<PublicPageRow> find_public_page(Database& db, const std::string& slug);
void save_public_page(Database& db, const PublicPageRow& page);   // insert or replace

}  // namespace corparent::store
