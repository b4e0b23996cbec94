#include "measures/children.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "measures/context.h"
#include "store/child_names.h"
#include "store/returns.h"

namespace corparent::measures {
namespace {

using Codes = std::map<std::string, std::string, std::less<>>;

std::string describe(const Codes& codes, std::string_view code) {
    auto it = codes.find(code);
    return it == codes.end() ? std::string(code) : it->second;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::optional<care::Date> date_of(const store::TextTable& t, std::size_t r, std::size_t c) {
    auto v = t.get(r, c);
    return v ? care::parse_iso(*v) : std::nullopt;
}

std::string text_of(const store::TextTable& t, std::size_t r, std::size_t c) {
    return std::string(t.get(r, c).value_or(""));
}

bool open_on(const SocialWorkerSpell& s, care::Date day) { return s.start <= day && (!s.end || *s.end > day); }

// "3 days", "1 day".
std::string days(long long n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }

// "Foster placement ... (U6)": the words with the code, which is what people search their systems by.
std::string with_code(const std::string& words, std::string_view code) {
    if (code.empty()) return "not recorded";
    if (words == code) return std::string(code);
    return fmt::format("{} ({})", words, code);
}

}  // namespace

std::string long_date(care::Date d) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    std::chrono::year_month_day ymd{d};
    return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()), months[static_cast<unsigned>(ymd.month()) - 1],
                       static_cast<int>(ymd.year()));
}

const std::vector<std::string>& age_bands() {
    static const std::vector<std::string> bands = {"under 1", "1-4", "5-9", "10-15", "16 and over"};
    return bands;
}

std::string age_band(int age) {
    if (age < 1) return "under 1";
    if (age <= 4) return "1-4";
    if (age <= 9) return "5-9";
    if (age <= 15) return "10-15";
    return "16 and over";
}

std::string placement_description(std::string_view place) {
    static const Codes codes = {
        {"A3", "Placed for adoption with consent, with their current foster carers"},
        {"A4", "Placed for adoption with consent, not with their current foster carers"},
        {"A5", "Placed for adoption under a placement order, with their current foster carers"},
        {"A6", "Placed for adoption under a placement order, not with their current foster carers"},
        {"H5", "Semi-independent living accommodation, not subject to children's homes regulations"},
        {"K1", "Secure children's home"},
        {"K2", "Children's home"},
        {"K3", "Registered supported accommodation"},
        {"P1", "Placed with their own parents or others with parental responsibility"},
        {"P2", "Independent living, for example a flat, lodgings, a bedsit, B&B or with friends"},
        {"P3", "Residential employment"},
        {"R1", "Residential care home"},
        {"R2", "NHS or health trust, or another place giving medical or nursing care"},
        {"R3", "Family centre or mother and baby unit"},
        {"R5", "Young offender institution"},
        {"S1", "Residential school"},
        {"T0", "Temporary move"},
        {"T1", "Temporary stay in hospital"},
        {"T2", "Temporary absence on holiday"},
        {"T3", "Temporary stay while their usual foster carers are on holiday"},
        {"T4", "Temporary stay of seven days or less"},
        {"U1", "Foster care with relatives or friends, long-term"},
        {"U2", "Foster care with relatives or friends who are also approved adopters (fostering for adoption)"},
        {"U3", "Foster care with relatives or friends, not long-term"},
        {"U4", "Foster care with other foster carers, long-term"},
        {"U5", "Foster care with other foster carers who are also approved adopters (fostering for adoption)"},
        {"U6", "Foster care with other foster carers, not long-term"},
        {"Z1", "Other placement"},
        {"Z11", "Other placement"},
        {"Z12", "Other placement"},
        {"Z13", "Other placement"},
        {"Z14", "Other placement"},
    };
    return describe(codes, place);
}

std::string legal_status_description(std::string_view ls) {
    static const Codes codes = {
        {"C1", "Interim care order"},
        {"C2", "Full care order"},
        {"D1", "Freeing order granted"},
        {"E1", "Placement order granted"},
        {"V2", "Accommodated under section 20 (single period)"},
        {"V3", "Agreed series of short-term breaks (episodes recorded)"},
        {"V4", "Agreed series of short-term breaks (agreements recorded)"},
        {"L1", "Under police protection, in council accommodation"},
        {"L2", "Emergency protection order"},
        {"L3", "Child assessment order, in council accommodation"},
        {"J1", "Remanded to council or youth detention accommodation"},
        {"J2", "Detained in council accommodation under PACE 1984"},
        {"J3", "Youth rehabilitation order with a residence or intensive fostering requirement"},
    };
    return describe(codes, ls);
}

std::string new_episode_description(std::string_view rne) {
    static const Codes codes = {
        {"S", "Started to be looked after"},
        {"L", "Change of legal status only"},
        {"P", "Change of placement and carers"},
        {"T", "Change of placement, same carers"},
        {"B", "Change of legal status, placement and carers"},
        {"U", "Change of legal status and placement, same carers"},
    };
    return describe(codes, rne);
}

std::string reason_ceased_description(std::string_view rec) {
    static const Codes codes = {
        {"X1", "Episode ended and a new one began the same day (still looked after)"},
        {"E11", "Adopted (application unopposed)"},
        {"E12", "Adopted (consent dispensed with by the court)"},
        {"E13", "Left care to live with parents, relatives or others without parental responsibility"},
        {"E14", "Accommodation on remand ended"},
        {"E15", "Age assessment found them to be 18 or over"},
        {"E16", "Moved abroad"},
        {"E17", "Aged 18 or over and stayed with their carers (staying put)"},
        {"E2", "Died"},
        {"E3", "Care taken over by another council in the UK"},
        {"E41", "Residence order or child arrangements order granted"},
        {"E43", "Special guardianship order (code no longer used)"},
        {"E44", "Special guardianship order (code no longer used)"},
        {"E45", "Special guardianship order to former foster carers who are relatives or friends"},
        {"E46", "Special guardianship order to former foster carers who are not relatives or friends"},
        {"E47", "Special guardianship order to other carers who are relatives or friends"},
        {"E48", "Special guardianship order to other carers who are not relatives or friends"},
        {"E4A", "Returned home to parents or others with parental responsibility, as planned"},
        {"E4B", "Returned home to parents or others with parental responsibility, not as planned"},
        {"E5", "Moved to independent living with formal support"},
        {"E6", "Moved to independent living without formal support"},
        {"E7", "Moved to residential care funded by adult social care"},
        {"E8", "Stopped being looked after for another reason"},
        {"E9", "Sentenced to custody"},
    };
    return describe(codes, rec);
}

std::string provider_description(std::string_view provider) {
    static const Codes codes = {
        {"PR0", "Parents or others with parental responsibility"},
        {"PR1", "Our own provision"},
        {"PR2", "Another council's provision"},
        {"PR3", "Other public provision, such as the NHS"},
        {"PR4", "Private provision"},
        {"PR5", "Voluntary or third sector provision"},
    };
    return describe(codes, provider);
}

std::string placement_change_description(std::string_view reason) {
    static const Codes codes = {
        {"CARPL", "Change to, or carrying out of, the care plan"},
        {"CLOSE", "The provider resigned or closed"},
        {"ALLEG", "Allegation (section 47 enquiry)"},
        {"STAND", "Concern about the standard of care"},
        {"APPRR", "The carers' approval was removed"},
        {"CREQB", "The carers asked for it to end because of the child's behaviour"},
        {"CREQO", "The carers asked for it to end, for another reason"},
        {"CHILD", "The child asked for it to end"},
        {"LAREQ", "The responsible or area council asked for it to end"},
        {"PLACE", "Change in the placement's status only"},
        {"CUSTOD", "Custody arrangement"},
        {"OTHER", "Other reason"},
    };
    return describe(codes, reason);
}

std::string review_participation_description(std::string_view code) {
    static const Codes codes = {
        {"PN0", "Under 4 at the time of the review"},
        {"PN1", "Attended and spoke for themselves"},
        {"PN2", "Attended; an advocate or their IRO spoke for them"},
        {"PN3", "Attended and conveyed their views without words"},
        {"PN4", "Attended but did not contribute"},
        {"PN5", "Did not attend; briefed an advocate or their IRO to speak for them"},
        {"PN6", "Did not attend; conveyed their views another way (written, phone, video)"},
        {"PN7", "Did not attend and their views were not conveyed"},
    };
    return describe(codes, code);
}

std::string missing_description(std::string_view code) {
    if (code == "M") return "Missing (whereabouts not known)";
    if (code == "A") return "Away from placement without authorisation (whereabouts known)";
    return std::string(code);
}

std::string placement_group_label(std::string_view group) {
    static const Codes labels = {
        {"foster", "Foster care"},
        {"adoption", "Placed for adoption"},
        {"parents", "Placed with parents"},
        {"childrens_homes", "Children's homes"},
        {"supported", "Supported or independent living"},
        {"residential_school", "Residential schools"},
        {"other", "Other placements"},
    };
    auto it = labels.find(group);
    if (it != labels.end()) return it->second;
    std::string out(group);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string current_sw_id(const std::vector<SocialWorkerSpell>& spells, care::Date day) {
    const SocialWorkerSpell* current = nullptr;
    for (const auto& s : spells)
        if (open_on(s, day) && (!current || s.start >= current->start)) current = &s;
    return current ? current->sw_id : std::string();
}

std::optional<care::Date> data_end(store::Database& db) {
    auto years = store::loaded_years(db);
    if (years.empty()) return std::nullopt;
    return care::year_end(years.back());
}

std::set<std::string> caseload(store::Database& db, const std::string& sw_id) {
    std::set<std::string> out;
    auto end = data_end(db);
    if (!end || sw_id.empty()) return out;
    const std::string day = care::to_iso(*end);
    auto t = store::load_stacked_overlapping(db, "stacked_sw_episodes", {"child", "sw_id", "sw_decom", "sw_dec"},
                                             "sw_decom", "sw_dec", day, day);
    std::map<std::string, std::vector<SocialWorkerSpell>> by_child;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        auto start = date_of(t, r, 2);
        if (!start || !t.get(r, 0)) continue;
        by_child[text_of(t, r, 0)].push_back({text_of(t, r, 1), *start, date_of(t, r, 3), ""});
    }
    const std::string wanted = upper(sw_id);
    for (const auto& [child, spells] : by_child)
        if (upper(current_sw_id(spells, *end)) == wanted) out.insert(child);
    return out;
}

ChildrenList list_children(store::Database& db, const Choices& choices, const ChildFilter& filter) {
    ChildrenList out;
    out.years = store::loaded_years(db);
    if (out.years.empty()) return out;
    out.year = filter.year.value_or(out.years.back());
    if (std::find(out.years.begin(), out.years.end(), out.year) == out.years.end())
        throw std::invalid_argument(fmt::format("no return for {} has been imported", care::collection_year_label(out.year)));

    std::map<std::string, store::ChildNameRow, std::less<>> names;
    for (auto& n : store::load_child_names(db)) names.emplace(n.child, std::move(n));
    out.names_imported = !names.empty();
    std::optional<std::set<std::string>> allowed;
    if (filter.caseload) {
        allowed = caseload(db, *filter.caseload);
        if (allowed->empty()) return out;
    }

    const Council council = load_council(db, out.year, choices.placements);
    const Context facts(council, choices);
    const std::string search = upper(filter.search);
    for (std::size_t i = 0; i < council.children.size(); ++i) {
        const Child& child = council.children[i];
        const ChildFacts& f = facts.facts[i];
        if (!f.looked_after_in_year) continue;
        if (allowed && !allowed->count(child.id)) continue;
        ++out.looked_after;

        ChildRow row;
        row.child = child.id;
        if (auto it = names.find(child.id); it != names.end()) {
            row.name = it->second.name;
            row.case_id = it->second.case_id;
        }
        row.age = f.age;
        if (f.age) row.age_band = age_band(*f.age);
        row.in_care_31mar = f.looked_after_31mar;
        row.placement_group = f.placement_group;
        if (f.episode) {
            // The placement's PLACE: its latest non-temporary episode up to 31 March (spec 8.12).
            const auto& h = child.history;
            std::size_t e = *f.episode;
            std::size_t first = f.placement ? h.placements[*f.placement].first : e;
            while (e > first && care::is_temporary(h.episodes[e].place)) --e;
            row.place = h.episodes[e].place;
        }
        for (const auto& p : child.history.placements)
            if (p.counted && p.start >= facts.start && p.start <= facts.end &&
                child.history.periods[p.period].first != p.first)
                ++row.moves;
        std::vector<SocialWorkerSpell> spells;
        for (const auto& s : child.social_workers) spells.push_back({s.sw_id, s.start, s.end, ""});
        row.sw_id = current_sw_id(spells, facts.end);

        if (filter.in_care_31mar && *filter.in_care_31mar != row.in_care_31mar) continue;
        if (!filter.placement_group.empty() && filter.placement_group != row.placement_group) continue;
        if (!filter.age_band.empty() && filter.age_band != row.age_band) continue;
        if (row.moves < filter.min_moves) continue;
        if (!search.empty() && upper(row.child).find(search) == std::string::npos &&
            upper(row.name).find(search) == std::string::npos)
            continue;
        out.children.push_back(std::move(row));
    }
    auto key = [](const ChildRow& r) { return upper(r.name.empty() ? r.child : r.name); };
    std::sort(out.children.begin(), out.children.end(), [&](const ChildRow& a, const ChildRow& b) {
        // Named children first (by name), then the others by CHILD id.
        if (a.name.empty() != b.name.empty()) return b.name.empty();
        auto ka = key(a), kb = key(b);
        return ka != kb ? ka < kb : a.child < b.child;
    });
    return out;
}

std::optional<ChildRecord> find_child(store::Database& db, const Choices& choices, const std::string& id) {
    auto end = data_end(db);
    if (!end || id.empty()) return std::nullopt;
    auto header = store::load_stacked_child(db, "stacked_header", {"dob"}, id);
    auto episodes = store::load_stacked_child(
        db, "stacked_episodes",
        {"decom", "dec", "rne", "ls", "cin", "place", "place_provider", "rec", "reason_place_change", "pl_post"}, id);
    if (header.rows() == 0 && episodes.rows() == 0) return std::nullopt;

    ChildRecord c;
    c.id = id;
    c.as_at = *end;
    if (header.rows() > 0) c.dob = date_of(header, header.rows() - 1, 0);
    if (c.dob) c.age = care::age_on(*c.dob, c.as_at);
    if (auto n = store::find_child_name(db, id)) {
        c.name = n->name;
        c.case_id = n->case_id;
    }
    auto uasc = store::load_stacked_child(db, "stacked_uasc", {"duc"}, id);
    for (std::size_t r = 0; r < uasc.rows(); ++r) {
        auto ceased = date_of(uasc, r, 0);
        c.uasc = !ceased || *ceased > c.as_at;
    }

    std::vector<care::Episode> list;
    for (std::size_t r = 0; r < episodes.rows(); ++r) {
        auto decom = date_of(episodes, r, 0);
        if (!decom) continue;   // spec 8.5: dropped; the finding was made on import
        care::Episode e;
        e.child = id;
        e.decom = *decom;
        e.dec = date_of(episodes, r, 1);
        e.rne = text_of(episodes, r, 2);
        e.ls = text_of(episodes, r, 3);
        e.cin = text_of(episodes, r, 4);
        e.place = text_of(episodes, r, 5);
        e.place_provider = text_of(episodes, r, 6);
        e.rec = text_of(episodes, r, 7);
        e.reason_place_change = text_of(episodes, r, 8);
        e.pl_post = text_of(episodes, r, 9);
        list.push_back(std::move(e));
    }
    c.history = care::build_history(std::move(list), choices.placements);
    c.in_care = c.history.episode_on(c.as_at).has_value();

    auto reviews = store::load_stacked_child(db, "stacked_reviews", {"review", "review_code"}, id);
    for (std::size_t r = 0; r < reviews.rows(); ++r)
        if (auto d = date_of(reviews, r, 0)) c.reviews.push_back({*d, text_of(reviews, r, 1)});
    std::stable_sort(c.reviews.begin(), c.reviews.end(), [](const Review& a, const Review& b) { return a.date < b.date; });

    auto missing = store::load_stacked_child(db, "stacked_missing", {"missing", "mis_start", "mis_end"}, id);
    for (std::size_t r = 0; r < missing.rows(); ++r)
        if (auto d = date_of(missing, r, 1)) c.missing.push_back({text_of(missing, r, 0), *d, date_of(missing, r, 2)});
    std::stable_sort(c.missing.begin(), c.missing.end(),
                     [](const MissingIncident& a, const MissingIncident& b) { return a.start < b.start; });

    auto sw = store::load_stacked_child(db, "stacked_sw_episodes", {"sw_id", "sw_decom", "sw_dec", "sw_reason"}, id);
    for (std::size_t r = 0; r < sw.rows(); ++r)
        if (auto d = date_of(sw, r, 1))
            c.social_workers.push_back({text_of(sw, r, 0), *d, date_of(sw, r, 2), text_of(sw, r, 3)});
    std::stable_sort(c.social_workers.begin(), c.social_workers.end(),
                     [](const SocialWorkerSpell& a, const SocialWorkerSpell& b) { return a.start < b.start; });
    c.sw_id = current_sw_id(c.social_workers, c.as_at);
    return c;
}

std::vector<TimelineEntry> timeline(const ChildRecord& c) {
    using Kind = TimelineEntry::Kind;
    std::vector<TimelineEntry> out;
    const auto& h = c.history;
    const auto& eps = h.episodes;
    for (std::size_t pi = 0; pi < h.periods.size(); ++pi) {
        const auto& p = h.periods[pi];
        out.push_back({p.start, Kind::Care, "Started to be looked after",
                       fmt::format("Period of care {} of {}", pi + 1, h.periods.size())});
        std::string last_ls;
        for (std::size_t i = p.first; i <= p.last; ++i) {
            const auto& e = eps[i];
            if (e.ls != last_ls || i == p.first)
                out.push_back({e.decom, Kind::LegalStatus, "Legal status",
                               with_code(legal_status_description(e.ls), e.ls)});
            last_ls = e.ls;
            if (care::is_temporary(e.place)) {
                std::string detail = with_code(placement_description(e.place), e.place);
                if (e.dec) detail += ", until " + long_date(*e.dec);
                out.push_back({e.decom, Kind::Placement, "Temporary stay", detail});
            }
        }
        if (p.end)
            out.push_back({*p.end, Kind::Care, "Stopped being looked after",
                           with_code(reason_ceased_description(p.ending_rec), p.ending_rec)});
    }
    for (std::size_t i = 0; i < h.placements.size(); ++i) {
        const auto& pl = h.placements[i];
        const auto& e = eps[pl.first];
        std::string detail = with_code(placement_description(e.place), e.place);
        if (!e.place_provider.empty())
            detail += "; " + with_code(provider_description(e.place_provider), e.place_provider);
        bool move = h.periods[pl.period].first != pl.first;
        if (move && i > 0 && !h.placements[i - 1].ending_reason.empty())
            detail += ". The placement before ended: " + with_code(placement_change_description(h.placements[i - 1].ending_reason),
                                                                    h.placements[i - 1].ending_reason);
        if (!pl.counted) detail += ". It ended the day it began, so it does not count as a placement";
        out.push_back({pl.start, Kind::Placement, move ? "Moved placement" : "Placement began", detail});
    }
    for (const auto& m : c.missing) {
        std::string detail;
        if (m.end) {
            long long n = (*m.end - m.start).count();
            detail = n == 0 ? "Back the same day" : fmt::format("Back on {} ({})", long_date(*m.end), days(n));
        } else {
            detail = "No return recorded";
        }
        out.push_back({m.start, Kind::Missing, m.type == "A" ? "Away without authorisation" : m.type == "M" ? "Missing" : "Missing or away",
                       detail});
    }
    for (const auto& r : c.reviews)
        out.push_back({r.date, Kind::Review, "Review",
                       r.code.empty() ? "Participation not recorded" : with_code(review_participation_description(r.code), r.code)});
    for (std::size_t i = 0; i < c.social_workers.size(); ++i) {
        const auto& s = c.social_workers[i];
        out.push_back({s.start, Kind::SocialWorker, i == 0 ? "Social worker" : "Social worker changed",
                       s.sw_id.empty() ? "SW_ID not recorded" : s.sw_id});
    }
    auto rank = [](Kind k) {
        switch (k) {
        case Kind::Care: return 0;
        case Kind::LegalStatus: return 1;
        case Kind::Placement: return 2;
        case Kind::SocialWorker: return 3;
        case Kind::Missing: return 4;
        case Kind::Review: return 5;
        }
        return 6;
    };
    std::stable_sort(out.begin(), out.end(), [&](const TimelineEntry& a, const TimelineEntry& b) {
        return a.date != b.date ? a.date < b.date : rank(a.kind) < rank(b.kind);
    });
    return out;
}

}  // namespace corparent::measures
