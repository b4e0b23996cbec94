#include "ssda903/code_lists.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace corparent::ssda903 {
namespace {

struct YearList {
    int from_year;   // first collection year this list applies to
    std::string_view codes;   // space-separated
};

// Each list names the year from which it applies; the latest list not after the return's year wins.
std::vector<YearList> lists_for(CodeList list) {
    switch (list) {
    case CodeList::Sex: return {{0, "1 2"}, {2025, "M F U"}};
    case CodeList::Ethnic:
        return {{0, "WBRI WIRI WOTH WIRT WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT"}};
    case CodeList::Mother: return {{0, "0 1"}};
    case CodeList::Rne: return {{0, "S L P T U B"}};
    case CodeList::LegalStatus: return {{0, "C1 C2 D1 E1 V2 V3 V4 L1 L2 L3 J1 J2 J3"}};
    case CodeList::CategoryOfNeed: return {{0, "N1 N2 N3 N4 N5 N6 N7 N8"}};
    case CodeList::Place:
        return {{0, "A3 A4 A5 A6 H5 K1 K2 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1"},
                {2025, "A3 A4 A5 A6 H5 K1 K2 K3 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1"},
                {2026, "A3 A4 A5 A6 K1 K2 K3 P1 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z11 Z12 Z13 Z14"}};
    case CodeList::PlaceProvider: return {{0, "PR0 PR1 PR2 PR3 PR4 PR5"}};
    case CodeList::Rec:
        return {{0, "X1 E11 E12 E13 E14 E15 E16 E17 E2 E3 E41 E45 E46 E47 E48 E4A E4B E5 E6 E7 E8 E9"}};
    case CodeList::ReasonPlaceChange:
        return {{0, "CARPL CLOSE ALLEG STAND APPRR CREQB CREQO CHILD LAREQ PLACE CUSTOD OTHER"}};
    case CodeList::ReviewCode: return {{0, "PN0 PN1 PN2 PN3 PN4 PN5 PN6 PN7"}};
    case CodeList::SdqReason: return {{0, "SDQ1 SDQ2 SDQ3 SDQ4 SDQ5"}};
    case CodeList::Flag: return {{0, "0 1"}};
    case CodeList::InTouch: return {{0, "YES NO DIED REFU NREQ RHOM"}};
    case CodeList::Activ: return {{0, "F1 P1 F2 P2 F4 P4 F5 P5 G4 G5 G6 0"}};
    case CodeList::Accom:
        return {{0, "B1 B2 C1 C2 D1 D2 E1 E2 G1 G2 H1 H2 K1 K2 R1 R2 S2 T1 T2 U1 U2 V1 V2 W1 W2 X2 Y1 Y2 Z1 Z2 0"}};
    case CodeList::NbAdoptr: return {{0, "1 2"}};
    case CodeList::SexAdoptr: return {{0, "M1 F1 MM FF MF"}};
    case CodeList::LsAdoptr: return {{0, "L0 L11 L12 L2 L3 L4"}};
    case CodeList::ReasonPlacedCeased: return {{0, "RD1 RD2 RD3 RD4"}};
    case CodeList::PrevPerm: return {{0, "P1 P2 P3 P4 Z1"}};
    case CodeList::MissingType: return {{0, "M A"}};
    case CodeList::SwReason: return {{0, "MANAGE FCONTA LEFTRL ORGRST TSPROC ABSENC CHCHAN PCCHAN SWDIED OTHERS"}};
    }
    return {};
}

constexpr std::size_t kLists = static_cast<std::size_t>(CodeList::SwReason) + 1;

struct Table {
    std::vector<YearList> years;
    std::vector<std::vector<std::string_view>> sorted;   // per entry of `years`
    std::vector<std::string> message;
};

const Table& table_for(CodeList list) {
    static const std::array<Table, kLists> tables = [] {
        std::array<Table, kLists> all;
        for (std::size_t i = 0; i < kLists; ++i) {
            Table& t = all[i];
            t.years = lists_for(static_cast<CodeList>(i));
            for (const auto& y : t.years) {
                std::vector<std::string_view> codes;
                std::string message;
                std::size_t p = 0;
                while (p < y.codes.size()) {
                    std::size_t q = y.codes.find(' ', p);
                    if (q == std::string_view::npos) q = y.codes.size();
                    codes.push_back(y.codes.substr(p, q - p));
                    message += (message.empty() ? "" : ", ") + std::string(codes.back());
                    p = q + 1;
                }
                std::sort(codes.begin(), codes.end());
                t.sorted.push_back(std::move(codes));
                t.message.push_back(std::move(message));
            }
        }
        return all;
    }();
    return tables[static_cast<std::size_t>(list)];
}

std::size_t entry_for(const Table& t, int year) {
    std::size_t chosen = 0;
    for (std::size_t i = 0; i < t.years.size(); ++i)
        if (t.years[i].from_year <= year) chosen = i;
    return chosen;
}

}  // namespace

bool code_valid(CodeList list, int year, std::string_view code) {
    const Table& t = table_for(list);
    const auto& codes = t.sorted[entry_for(t, year)];
    return std::binary_search(codes.begin(), codes.end(), code);
}

std::string_view codes_for_message(CodeList list, int year) {
    const Table& t = table_for(list);
    return t.message[entry_for(t, year)];
}

}  // namespace corparent::ssda903
