#include "ssda903/consistency.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "care/date.h"

namespace corparent::ssda903 {
namespace {

using care::Date;

struct HeaderRow {
    std::string_view dob, sex;
    long row = 0;
};

class Checker {
public:
    explicit Checker(ReturnData& data)
        : data_(data), start_(care::year_start(data.year)), end_(care::year_end(data.year)) {}

    void run() {
        index_header();
        for (const auto& t : data_.tables) {
            if (t.spec->id != TableId::Header) check_against_header(t);
            switch (t.spec->id) {
            case TableId::Episodes: check_episodes(t); break;
            case TableId::Missing: check_missing(t); break;
            case TableId::Reviews: check_in_year(t, "REVIEW", "REVIEW-YEAR", "the review is outside the collection year", false); break;
            case TableId::SwEpisodes: check_sw_episodes(t); break;
            default: break;
            }
        }
    }

private:
    ReturnData& data_;
    Date start_, end_;
    std::unordered_map<std::string_view, HeaderRow> header_;

    void add(const ReturnTable& t, std::size_t row, std::string_view column, std::string_view rule,
             std::string message, Severity severity = Severity::Error) {
        Finding f;
        f.year = data_.year;
        f.file = t.file;
        f.table = t.spec->name;
        f.row = static_cast<long>(t.row_of[row]);
        f.column = column;
        f.rule = rule;
        f.message = std::move(message);
        f.severity = severity;
        if (auto c = t.value(row, 0)) f.child = *c;
        f.stage = "read";
        data_.findings.push_back(std::move(f));
    }

    static std::optional<Date> date_of(const ReturnTable& t, std::size_t row, int field) {
        auto v = t.value(row, field);
        return v ? care::parse_iso(*v) : std::nullopt;
    }

    void index_header() {
        const ReturnTable* h = data_.find(TableId::Header);
        if (!h) return;
        int dob = field_index(*h->spec, "DOB"), sex = field_index(*h->spec, "SEX");
        for (std::size_t r = 0; r < h->rows.rows(); ++r) {
            auto child = h->value(r, 0);
            if (!child) continue;
            HeaderRow row{h->value(r, dob).value_or(""), h->value(r, sex).value_or(""), static_cast<long>(h->row_of[r])};
            if (!header_.emplace(*child, row).second)
                add(*h, r, "CHILD", "INT32", "child " + std::string(*child) + " has more than one Header row");
            if (auto d = date_of(*h, r, dob); d && *d > end_)
                add(*h, r, "DOB", "301", "date of birth is after the end of the collection year");
        }
    }

    void check_against_header(const ReturnTable& t) {
        static const std::unordered_map<int, std::pair<const char*, const char*>> rules = {
            {static_cast<int>(TableId::Ad1), {"INT01", "INT11"}},
            {static_cast<int>(TableId::PlacedAdoption), {"INT02", "INT12"}},
            {static_cast<int>(TableId::Episodes), {"INT03", ""}},
            {static_cast<int>(TableId::Missing), {"INT04", "INT13"}},
            {static_cast<int>(TableId::Oc2), {"INT05", "INT14"}},
            {static_cast<int>(TableId::Oc3), {"INT06", "INT15"}},
            {static_cast<int>(TableId::PrevPerm), {"INT07", "INT16"}},
            {static_cast<int>(TableId::Reviews), {"INT08", "INT17"}},
            {static_cast<int>(TableId::Uasc), {"INT09", "INT18"}},
            {static_cast<int>(TableId::SwEpisodes), {"HEADER", "DOB"}},
            {static_cast<int>(TableId::DoLo), {"HEADER", "DOB"}},
        };
        static const std::unordered_map<int, const char*> once = {
            {static_cast<int>(TableId::Ad1), "INT31"}, {static_cast<int>(TableId::Oc2), "INT33"},
            {static_cast<int>(TableId::Oc3), "INT34"}, {static_cast<int>(TableId::PrevPerm), "INT35"},
            {static_cast<int>(TableId::Uasc), "INT36"},
        };
        auto [missing_rule, dob_rule] = rules.at(static_cast<int>(t.spec->id));
        int dob = field_index(*t.spec, "DOB"), sex = field_index(*t.spec, "SEX");
        auto once_rule = once.find(static_cast<int>(t.spec->id));
        std::unordered_map<std::string_view, std::size_t> seen;
        for (std::size_t r = 0; r < t.rows.rows(); ++r) {
            auto child = t.value(r, 0);
            if (!child) continue;
            if (once_rule != once.end() && !seen.emplace(*child, r).second)
                add(t, r, "CHILD", once_rule->second,
                    "child " + std::string(*child) + " should appear once in " + std::string(t.spec->name) +
                        "; the last row is used");
            auto h = header_.find(*child);
            if (h == header_.end()) {
                add(t, r, "CHILD", missing_rule, "child " + std::string(*child) + " has no row in the Header table");
                continue;
            }
            if (dob >= 0) {
                auto v = t.value(r, dob);
                if (v && !h->second.dob.empty() && *v != h->second.dob)
                    add(t, r, "DOB", dob_rule,
                        "date of birth differs from the Header's (row " + std::to_string(h->second.row) + ")");
            }
            if (sex >= 0) {
                auto v = t.value(r, sex);
                if (v && !h->second.sex.empty() && *v != h->second.sex)
                    add(t, r, "SEX", "INT21", "sex differs from the Header's (row " + std::to_string(h->second.row) + ")");
            }
        }
    }

    void check_in_year(const ReturnTable& t, std::string_view column, std::string_view rule, const std::string& message,
                       bool allow_before) {
        int f = field_index(*t.spec, column);
        for (std::size_t r = 0; r < t.rows.rows(); ++r) {
            auto d = date_of(t, r, f);
            if (d && (*d > end_ || (!allow_before && *d < start_))) add(t, r, column, rule, message, Severity::Warning);
        }
    }

    void check_episodes(const ReturnTable& t) {
        const auto& s = *t.spec;
        int decom = field_index(s, "DECOM"), dec = field_index(s, "DEC"), rec = field_index(s, "REC");
        struct Ep {
            std::size_t row;
            Date decom;
            std::optional<Date> dec;
            bool x1;
        };
        std::unordered_map<std::string_view, std::vector<Ep>> by_child;
        for (std::size_t r = 0; r < t.rows.rows(); ++r) {
            auto child = t.value(r, 0);
            auto start = date_of(t, r, decom);
            auto end = date_of(t, r, dec);
            auto reason = t.value(r, rec);
            // A value that was there but invalid has its own finding; 148 is about blanks.
            if (end.has_value() != reason.has_value() && !t.was_invalid(r, dec) && !t.was_invalid(r, rec))
                add(t, r, end ? "REC" : "DEC", "148", "date episode ceased and reason episode ceased must both be given, or both be blank");
            if (!start) continue;
            if (*start > end_) add(t, r, "DECOM", "354", "the episode starts after the end of the collection year");
            if (end && *end > end_) add(t, r, "DEC", "385", "the episode ceased after the end of the collection year");
            if (end && *end < *start) add(t, r, "DEC", "356", "the episode ceased before it started");
            if (end && *end < start_)
                add(t, r, "DEC", "EPI-YEAR", "the episode ended before the collection year began: it belongs to an earlier return",
                    Severity::Warning);
            if (child) by_child[*child].push_back({r, *start, end, reason && *reason == "X1"});
        }
        for (auto& [child, eps] : by_child) {
            std::stable_sort(eps.begin(), eps.end(), [](const Ep& a, const Ep& b) { return a.decom < b.decom; });
            for (std::size_t i = 0; i < eps.size(); ++i) {
                const Ep& e = eps[i];
                const Ep* next = i + 1 < eps.size() ? &eps[i + 1] : nullptr;
                if (next && next->decom == e.decom) {
                    add(t, e.row, "DECOM", "EPI-DUP",
                        "child " + std::string(child) + " has another episode starting the same day (row " +
                            std::to_string(t.row_of[next->row]) + "); the later row is used",
                        Severity::Warning);
                    continue;
                }
                if (next && !e.dec)
                    add(t, e.row, "DEC", "142", "a new episode has started (row " + std::to_string(t.row_of[next->row]) +
                                                    ") but this one has not ended");
                else if (next && *e.dec > next->decom)
                    add(t, next->row, "DECOM", "501",
                        "the episode starts before the previous episode (row " + std::to_string(t.row_of[e.row]) + ") ended");
                if (e.x1 && e.dec && (!next || next->decom != *e.dec) && *e.dec < end_)
                    add(t, e.row, "REC", "388", "reason episode ceased is X1 (new episode begins) but no episode begins that day");
            }
        }
    }

    void check_missing(const ReturnTable& t) {
        int start = field_index(*t.spec, "MIS_START"), end = field_index(*t.spec, "MIS_END");
        for (std::size_t r = 0; r < t.rows.rows(); ++r) {
            auto s = date_of(t, r, start), e = date_of(t, r, end);
            if (s && *s > end_) add(t, r, "MIS_START", "570", "the missing or away episode starts after the end of the collection year");
            if (s && e && *e < *s) add(t, r, "MIS_END", "567", "the missing or away episode ends before it started");
            if (e && (*e < start_ || *e > end_))
                add(t, r, "MIS_END", "571", "the missing or away episode ends outside the collection year");
        }
    }

    void check_sw_episodes(const ReturnTable& t) {
        int start = field_index(*t.spec, "SW_DECOM"), end = field_index(*t.spec, "SW_DEC");
        for (std::size_t r = 0; r < t.rows.rows(); ++r) {
            auto s = date_of(t, r, start), e = date_of(t, r, end);
            if (s && *s > end_) add(t, r, "SW_DECOM", "SW06STG2", "the social worker episode starts after the collection year");
            if (e && (*e < start_ || *e > end_))
                add(t, r, "SW_DEC", "SW07STG2", "the social worker episode ends outside the collection year");
            if (s && e && *e < *s) add(t, r, "SW_DEC", "SW10STG2", "the social worker episode ends before it started");
        }
    }
};

}  // namespace

void check_consistency(ReturnData& data) { Checker(data).run(); }

}  // namespace corparent::ssda903
