// What the Board's pages share: today's date, date inputs, problems shown the GOV.UK way, and an action
// or a You said item as a page shows it. Private to web/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "board/actions.h"
#include "board/problem.h"
#include "board/you_said.h"
#include "care/date.h"
#include "web/context.h"

namespace corparent::web {

care::Date today(const Context& c);
std::string long_date(care::Date d);   // "10 June 2026"

// A GOV.UK date input named `field` (inputs field, field-month, field-year): the date, or nullopt when a
// part is missing or it is not a real day. `view` gets the parts back for the form.
std::optional<care::Date> form_date(const Request& r, const std::string& field, nlohmann::json& view);
// The id in the path after `prefix` ("/board/actions/12/status" with prefix "/board/actions/" is 12), or 0.
long long id_in_path(const std::string& path, const std::string& prefix);

// Puts the problems on the view: an error summary linking to each field, and field_error beside it.
void show_problems(nlohmann::json& view, const std::vector<board::Problem>& problems);

// Pledge statement id -> its words, from the current Pledge.
std::map<std::string, std::string> statement_texts(store::Database& db);

bool sees_unquoted_words(const Context& c);   // participation officers and administrators heard them

std::string measure_label(const std::string& key);   // "stability_short" -> its name; "cl_eet:19-21" with the group
nlohmann::json evidence_view(const std::vector<board::EvidenceLink>& links);   // text, and href for a measure

nlohmann::json action_view(const board::Action& a, care::Date today);
// `words` says whether the child's words are shown even without consent (to the people who heard them).
nlohmann::json you_said_view(const board::YouSaid& y, const std::map<std::string, std::string>& statements, bool words);

}  // namespace corparent::web
