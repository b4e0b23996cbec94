// A small council for the local offer's tests: a hand-made 2024-25 return (31 March 2025) with the
// default catalogue seeded.
//  C1  born 01/05/2015 (9): in care since 01/04/2023; social worker SW000001. A child in care.
//  C2  born 01/01/2008 (17): looked after 01/05/2024 to 01/12/2024 (214 days, left at 16), went home
//      (E4A); social worker SW000002 while in care. A care leaver aged 17.
//  C3  born 01/06/2004 (20): no episode in the year; in the care leavers' table (OC3, in touch). A care
//      leaver aged 20.
//  C4  born 01/03/2012 (13): in care since 01/01/2025; social worker SW000001. A child in care.
//  C5  born 01/01/2010 (15): looked after 01/06/2024 to 01/09/2024, went home at 14: neither.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "offer/catalogue.h"
#include "ssda903/importer.h"
#include "store/database.h"

namespace corparent::test_support {

inline std::filesystem::path offer_temp_path(const std::string& name) {
    static int n = 0;
    return std::filesystem::temp_directory_path() /
           ("corparent_offer_" + std::to_string(::getpid()) + "_" + std::to_string(n++) + "_" + name);
}

inline void write_offer_return(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "header.csv") << "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                                         "C1,F,01/05/2015,WBRI,UN3,,\n"
                                         "C2,M,01/01/2008,BAFR,UN3,,\n"
                                         "C3,F,01/06/2004,WBRI,UN3,,\n"
                                         "C4,F,01/03/2012,WBRI,UN3,0,\n"
                                         "C5,M,01/01/2010,WBRI,UN3,,\n";
    std::ofstream(dir / "episodes.csv")
        << "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
           "C1,01/04/2023,S,C2,N1,U6,PR1,,,,CV1 1AA,CV2 2BB,SC123456\n"
           "C2,01/05/2024,S,V2,N4,U6,PR1,01/12/2024,E4A,,CV1 1AA,CV4 4DD,SC111111\n"
           "C4,01/01/2025,S,V2,N1,U6,PR1,,,,CV1 1AA,CV8 8HH,SC555555\n"
           "C5,01/06/2024,S,V2,N4,U6,PR1,01/09/2024,E4A,,CV1 1AA,CV4 4DD,SC111111\n";
    std::ofstream(dir / "oc3.csv") << "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"
                                      "C3,01/06/2004,YES,F2,S1\n";
    std::ofstream(dir / "sw_episodes.csv") << "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"
                                              "C1,01/05/2015,SW000001,01/04/2023,,TSPROC\n"
                                              "C2,01/01/2008,SW000002,01/05/2024,01/12/2024,TSPROC\n"
                                              "C4,01/03/2012,SW000001,01/01/2025,,TSPROC\n";
}

// Imports the return into `db` and seeds the default catalogue.
inline void load_offer_council(store::Database& db) {
    auto dir = offer_temp_path("return");
    write_offer_return(dir);
    auto outcome = ssda903::import_returns(db, {{2025, dir}}, false);
    std::filesystem::remove_all(dir);
    ASSERT_TRUE(outcome.committed);
    offer::seed_catalogue(db, CORPARENT_DATA_DIR);
}

}  // namespace corparent::test_support
