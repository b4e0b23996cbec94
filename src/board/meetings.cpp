#include "board/meetings.h"

#include <algorithm>

#include <fmt/format.h>

#include "store/board_actions.h"
#include "store/board_meetings.h"

namespace corparent::board {
namespace {

using namespace std::chrono;

std::string trimmed(const std::string& s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

Meeting from_row(const store::MeetingRow& r) {
    Meeting m;
    m.id = r.id;
    m.held_on = care::parse_iso(r.held_on).value_or(care::Date{});
    m.theme = r.theme;
    m.health_theme = r.health_theme;
    m.agenda = r.agenda;
    m.attended = r.attended;
    m.minutes = r.minutes;
    m.created_by = r.created_by;
    return m;
}

}  // namespace

int municipal_year_of(care::Date d) {
    year_month_day ymd{d};
    int y = static_cast<int>(ymd.year());
    return static_cast<unsigned>(ymd.month()) >= 4 ? y : y - 1;
}

care::Date municipal_year_start(int year) { return care::make_date(year, 4, 1); }
care::Date municipal_year_end(int year) { return care::make_date(year + 1, 3, 31); }
std::string municipal_year_label(int year) { return fmt::format("{}-{:02}", year, (year + 1) % 100); }

Added add_meeting(store::Database& db, const NewMeeting& meeting, const accounts::Actor& actor) {
    Added out;
    std::string theme = trimmed(meeting.theme);
    if (!meeting.held_on) out.problems.push_back({"held_on", "Enter the date of the meeting, like 12 6 2026"});
    if (theme.empty()) out.problems.push_back({"theme", "Enter the meeting's theme, like Health or Education"});
    else if (theme.size() > 200) out.problems.push_back({"theme", "The theme must be 200 characters or fewer"});
    std::vector<std::string> agenda;
    for (const auto& item : meeting.agenda)
        if (!trimmed(item).empty()) agenda.push_back(trimmed(item));
    if (agenda.empty()) out.problems.push_back({"agenda", "Enter the agenda, one item a line"});
    for (const auto& item : agenda)
        if (item.size() > 300) out.problems.push_back({"agenda", "Each agenda item must be 300 characters or fewer"});
    if (!out.ok()) return out;
    store::MeetingRow row;
    row.held_on = care::to_iso(*meeting.held_on);
    row.theme = theme;
    row.health_theme = meeting.health_theme;
    row.agenda = agenda;
    row.created_by = actor.who;
    soci::transaction tx(db.session());
    out.id = store::insert_meeting(db, row);
    accounts::audit(db, actor, "board.meeting.add", "meeting/" + std::to_string(out.id), row.held_on + ", " + theme);
    tx.commit();
    return out;
}

std::vector<Problem> record_meeting(store::Database& db, long long id, const std::string& minutes,
                                    const std::vector<long long>& attended, const std::vector<long long>& reviewed,
                                    const accounts::Actor& actor, care::Date today) {
    auto meeting = find_meeting(db, id);
    if (!meeting) return {{"minutes", "There is no such meeting"}};
    std::vector<Problem> problems;
    if (meeting->held_on > today) problems.push_back({"minutes", "The meeting can be recorded on its day or after it"});
    std::string text = trimmed(minutes);
    if (text.empty()) problems.push_back({"minutes", "Enter the minutes: what the Board discussed and decided"});
    else if (text.size() > 20000) problems.push_back({"minutes", "The minutes must be 20,000 characters or fewer"});
    auto members = store::load_members(db);
    for (long long m : attended)
        if (std::none_of(members.begin(), members.end(), [&](const auto& r) { return r.id == m; }))
            problems.push_back({"attended", "Choose who attended from the Board's members"});
    auto actions = store::load_actions(db);
    for (long long a : reviewed)
        if (std::none_of(actions.begin(), actions.end(), [&](const auto& r) { return r.id == a; }))
            problems.push_back({"reviewed", "Choose the reviewed actions from the log"});
    if (!problems.empty()) return problems;
    soci::transaction tx(db.session());
    store::record_meeting(db, id, text, attended);
    for (long long a : reviewed) store::insert_action_review(db, a, id);
    accounts::audit(db, actor, "board.meeting.record", "meeting/" + std::to_string(id),
                    fmt::format("{} attended, {} actions reviewed", attended.size(), reviewed.size()));
    tx.commit();
    return {};
}

std::vector<Meeting> all_meetings(store::Database& db) {
    std::vector<Meeting> out;
    for (const auto& r : store::load_meetings(db)) out.push_back(from_row(r));
    return out;
}

std::optional<Meeting> find_meeting(store::Database& db, long long id) {
    for (auto& m : all_meetings(db))
        if (m.id == id) return m;
    return std::nullopt;
}

std::vector<Meeting> meetings_in_year(store::Database& db, int municipal_year) {
    std::vector<Meeting> out;
    for (auto& m : all_meetings(db))
        if (municipal_year_of(m.held_on) == municipal_year) out.push_back(std::move(m));
    return out;
}

std::optional<Meeting> previous_meeting(store::Database& db, long long id) {
    auto all = all_meetings(db);   // by date, then id
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].id == id) return i == 0 ? std::nullopt : std::optional<Meeting>(all[i - 1]);
    return std::nullopt;
}

std::optional<std::string> health_theme_warning(const std::vector<Meeting>& meetings, care::Date today) {
    int year = municipal_year_of(today);
    for (const auto& m : meetings)
        if (m.health_theme && municipal_year_of(m.held_on) == year) return std::nullopt;
    return fmt::format("No health-themed Board meeting is scheduled in the municipal year {} (1 April {} to 31 March {}): "
                       "the Board meets on health at least once a year",
                       municipal_year_label(year), year, year + 1);
}

MeetingLog meeting_log(store::Database& db, long long meeting_id) {
    MeetingLog log;
    auto meeting = find_meeting(db, meeting_id);
    if (!meeting) return log;
    care::Date day = meeting->held_on;
    if (auto before = previous_meeting(db, meeting_id)) log.since = before->held_on;
    auto after_since = [&](care::Date d) { return (!log.since || d > *log.since) && d <= day; };
    for (auto& y : all_you_said(db))
        if (after_since(y.said_on)) log.new_you_said.push_back(std::move(y));
    for (const auto& a : all_actions(db)) {
        if (after_since(a.created_on)) log.new_actions.push_back(a);
        if (is_overdue(a, day)) log.overdue.push_back(a);
        bool done = a.status == Status::Done || a.status == Status::Closed;
        if (done && a.finished_on && after_since(*a.finished_on)) log.done.push_back(a);
    }
    return log;
}

}  // namespace corparent::board
