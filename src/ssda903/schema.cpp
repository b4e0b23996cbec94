#include "ssda903/schema.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace corparent::ssda903 {
namespace {

using K = FieldKind;
using C = CodeList;

FieldSpec child() { return {"CHILD", K::Child, true, C::Flag, "CHILD"}; }
FieldSpec dob(std::string_view rule = "102") { return {"DOB", K::Date, true, C::Flag, rule}; }
FieldSpec code(std::string_view name, C list, bool required, std::string_view rule) {
    return {name, K::Code, required, list, rule};
}
FieldSpec date(std::string_view name, bool required, std::string_view rule) {
    return {name, K::Date, required, C::Flag, rule};
}
FieldSpec flag(std::string_view name) { return {name, K::Code, false, C::Flag, "FLAG"}; }

std::vector<TableSpec> make_tables() {
    return {
        {TableId::Header, "Header", "header.csv", "r903_header", 0,
         {child(), code("SEX", C::Sex, true, "101"), dob(), code("ETHNIC", C::Ethnic, true, "103"),
          {"UPN", K::Upn, true, C::Flag, "168"}, code("MOTHER", C::Mother, false, "FLAG"),
          date("MC_DOB", false, "171")},
         ""},
        {TableId::Episodes, "Episodes", "episodes.csv", "r903_episodes", 0,
         {child(), date("DECOM", true, "141"), code("RNE", C::Rne, true, "143"),
          code("LS", C::LegalStatus, true, "144"), code("CIN", C::CategoryOfNeed, true, "145"),
          code("PLACE", C::Place, true, "146"), code("PLACE_PROVIDER", C::PlaceProvider, false, "178"),
          date("DEC", false, "147"), code("REC", C::Rec, false, "149"),
          code("REASON_PLACE_CHANGE", C::ReasonPlaceChange, false, "1009"),
          {"HOME_POST", K::Postcode, false, C::Flag, "392c"}, {"PL_POST", K::Postcode, false, C::Flag, "392c"},
          {"URN", K::Urn, false, C::Flag, "1008"}},
         "DECOM"},
        {TableId::Reviews, "Reviews", "reviews.csv", "r903_reviews", 0,
         {child(), dob("INT17"), date("REVIEW", true, "166"), code("REVIEW_CODE", C::ReviewCode, true, "167")},
         "REVIEW"},
        {TableId::Uasc, "UASC", "uasc.csv", "r903_uasc", 0,
         {child(), code("SEX", C::Sex, true, "101"), dob("INT18"), date("DUC", false, "104")}, ""},
        {TableId::Oc2, "OC2", "oc2.csv", "r903_oc2", 0,
         {child(), dob("INT14"), {"SDQ_SCORE", K::Score, false, C::Flag, "180", 0, 40},
          code("SDQ_REASON", C::SdqReason, false, "196"), flag("CONVICTED"), flag("HEALTH_CHECK"),
          flag("IMMUNISATIONS"), flag("TEETH_CHECK"), flag("HEALTH_ASSESSMENT"), flag("SUBSTANCE_MISUSE"),
          flag("INTERVENTION_RECEIVED"), flag("INTERVENTION_OFFERED")},
         ""},
        {TableId::Oc3, "OC3", "oc3.csv", "r903_oc3", 0,
         {child(), dob("INT15"), code("IN_TOUCH", C::InTouch, true, "131"), code("ACTIV", C::Activ, true, "132"),
          code("ACCOM", C::Accom, true, "133")},
         ""},
        {TableId::Ad1, "AD1", "ad1.csv", "r903_ad1", 0,
         {child(), dob("INT11"), date("DATE_INT", true, "112"), date("DATE_MATCH", true, "113"),
          code("FOSTER_CARE", C::Flag, true, "114"), code("NB_ADOPTR", C::NbAdoptr, true, "175"),
          code("SEX_ADOPTR", C::SexAdoptr, true, "176"), code("LS_ADOPTR", C::LsAdoptr, true, "177")},
         ""},
        {TableId::PlacedAdoption, "PlacedAdoption", "placed_for_adoption.csv", "r903_placed_adoption", 0,
         {child(), dob("INT12"), date("DATE_PLACED", true, "115"), date("DATE_PLACED_CEASED", false, "116"),
          code("REASON_PLACED_CEASED", C::ReasonPlacedCeased, false, "120")},
         "DATE_PLACED"},
        {TableId::PrevPerm, "PrevPerm", "previous_permanence.csv", "r903_prev_perm", 0,
         {child(), dob("INT16"), code("PREV_PERM", C::PrevPerm, true, "631"),
          {"LA_PERM", K::LaCode, false, C::Flag, "633"}, {"DATE_PERM", K::PartialDate, false, C::Flag, "632"}},
         ""},
        {TableId::Missing, "Missing", "missing.csv", "r903_missing", 0,
         {child(), dob("INT13"), code("MISSING", C::MissingType, true, "1006"), date("MIS_START", true, "1004"),
          date("MIS_END", false, "1005")},
         "MIS_START"},
        {TableId::SwEpisodes, "SWEpisodes", "sw_episodes.csv", "r903_sw_episodes", 2024,
         {child(), dob("DOB"), {"SW_ID", K::SwId, true, C::Flag, "SW02STG1"}, date("SW_DECOM", true, "SW04STG1"),
          date("SW_DEC", false, "SW05STG1"), code("SW_REASON", C::SwReason, false, "SW13STG1")},
         "SW_DECOM"},
        {TableId::DoLo, "DoLo", "DoLo.csv", "r903_dolo", 2027,
         {child(), dob("DOB"), date("DOLO_START", true, "DOLO_START"), date("DOLO_END", false, "DOLO_END")},
         "DOLO_START"},
    };
}

}  // namespace

const std::vector<TableSpec>& tables() {
    static const std::vector<TableSpec> all = make_tables();
    return all;
}

const TableSpec& table(TableId id) {
    for (const auto& t : tables())
        if (t.id == id) return t;
    throw std::logic_error("unknown 903 table");
}

int field_index(const TableSpec& t, std::string_view name) {
    for (std::size_t i = 0; i < t.fields.size(); ++i)
        if (t.fields[i].name == name) return static_cast<int>(i);
    return -1;
}

HeaderMatch match_header(const std::vector<std::string>& columns) {
    HeaderMatch match;
    std::set<std::string> seen;
    for (const auto& c : columns)
        if (!seen.insert(c).second) match.duplicated.push_back(c);

    std::size_t best_overlap = 0;
    for (const auto& t : tables()) {
        std::set<std::string> wanted;
        for (const auto& f : t.fields) wanted.insert(std::string(f.name));
        std::vector<std::string> missing, extra;
        std::size_t overlap = 0;   // columns shared, not counting CHILD and DOB that most tables have
        for (const auto& w : wanted) {
            if (!seen.count(w)) missing.push_back(w);
            else if (w != "CHILD" && w != "DOB") ++overlap;
        }
        for (const auto& s : seen)
            if (!wanted.count(s)) extra.push_back(s);
        if (missing.empty() && extra.empty()) {
            (match.duplicated.empty() ? match.table : match.nearest) = &t;
            match.missing.clear();
            match.extra.clear();
            return match;
        }
        // A header "looks like" the table it shares most of its own columns with.
        if (overlap > best_overlap) {
            best_overlap = overlap;
            match.nearest = &t;
            match.missing = std::move(missing);
            match.extra = std::move(extra);
        }
    }
    return match;
}

}  // namespace corparent::ssda903
