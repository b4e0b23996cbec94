// The Corporate Parenting Board's papers, built from live data as documents (render/document.h) that are
// shown as a web page, printed as a PDF and downloaded as a workbook. Every figure in them is
// disclosure-controlled, whoever asks (the papers go to Board members), and carries its source and date.
#pragma once

#include <optional>
#include <string>

#include "render/document.h"
#include "settings/settings.h"
#include "store/database.h"

namespace corparent::board {

// The Board pack for a meeting: its agenda; the "You said, We did" log as on the meeting's day (new since
// the last meeting, overdue, done); the measures against the benchmarks, promise by promise; and a section
// on the meeting's theme with the charts of its promises' measures and their open actions. nullopt for an
// unknown meeting.
std::optional<render::Document> board_pack(store::Database& db, const settings::Settings& settings, long long meeting_id,
                                           const std::string& today);

// The annual Pledge report: for each Pledge statement the evidence of the latest year held (its measures
// against last year and the benchmarks, each with its trend chart). `today` is the ISO date it is produced.
render::Document pledge_report(store::Database& db, const settings::Settings& settings, const std::string& today);

// The progress update to Scrutiny, laid out as the council's note to its Scrutiny Board: purpose,
// recommendations, the Pledge's statements, and an appendix with one section per statement.
render::Document scrutiny_update(store::Database& db, const settings::Settings& settings, const std::string& today);

}  // namespace corparent::board
