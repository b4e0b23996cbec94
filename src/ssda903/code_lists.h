// The 903's code lists, by collection year (spec/ssda903.md section 2 and its decisions).
#pragma once

#include <string_view>

namespace corparent::ssda903 {

enum class CodeList {
    Sex, Ethnic, Mother, Rne, LegalStatus, CategoryOfNeed, Place, PlaceProvider, Rec, ReasonPlaceChange,
    ReviewCode, SdqReason, Flag, InTouch, Activ, Accom, NbAdoptr, SexAdoptr, LsAdoptr, ReasonPlacedCeased,
    PrevPerm, MissingType, SwReason,
};

// True when `code` (already trimmed and upper-cased) is valid in the return for `year`, the year
// ending 31 March. Returns before 2022-23 use the 2022-23 lists.
bool code_valid(CodeList list, int year, std::string_view code);

// The codes valid in `year`, separated by ", ", for messages.
std::string_view codes_for_message(CodeList list, int year);

}  // namespace corparent::ssda903
