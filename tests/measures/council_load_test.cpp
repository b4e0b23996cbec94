// Measures read the store the same way on SQLite and PostgreSQL: a return imported, its council loaded,
// its figures computed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "measures/council.h"
#include "measures/engine.h"
#include "ssda903/importer.h"
#include "../store/test_database.h"

using namespace corparent;
namespace fs = std::filesystem;

namespace {

const measures::MeasureRow& row(const measures::MeasureResult& r, const std::string& id, const std::string& breakdown = "") {
    for (const auto& m : r.rows)
        if (m.id == id && m.breakdown == breakdown) return m;
    throw std::runtime_error("no row " + id + " " + breakdown);
}

class CouncilLoad : public ::testing::TestWithParam<store::Backend> {};

}  // namespace

TEST_P(CouncilLoad, ImportedReturnsGiveTheHandWorkedFigures) {
    auto db = test_support::fresh_database(GetParam());
    ASSERT_TRUE(db);
    fs::path dir = fs::temp_directory_path() / ("corparent_council_" + std::to_string(::getpid()) + "_" +
                                                std::to_string(static_cast<int>(GetParam())));
    fs::create_directories(dir);
    // Three children in 2024-25 (written in an order the store must not rely on):
    //  Z: in care from 01/01/2020, placements S (2020), P 01/05/2024, P 01/09/2024, P 01/01/2025: 4
    //     placements touch the year -> in stability_short's numerator.
    //  A: in care from 01/06/2024, one placement -> in the cohort, not the numerator.
    //  M: left care on 31/03/2025 (E4A): not looked after at 31 March; a period that ended in the year.
    std::ofstream(dir / "header.csv") << "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                                         "Z,M,01/01/2012,WBRI,UN3,,\nA,F,01/01/2015,BAFR,UN3,0,\nM,M,01/01/2010,AIND,UN3,,\n";
    std::ofstream(dir / "episodes.csv")
        << "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
           "Z,01/01/2025,P,C2,N1,U6,PR1,,,,CV1 1AA,CV4 4DD,\n"
           "A,01/06/2024,S,V2,N1,U6,PR1,,,,CV1 1AA,CV5 5EE,\n"
           "Z,01/01/2020,S,C2,N1,U4,PR1,01/05/2024,X1,CREQB,CV1 1AA,CV1 1BB,\n"
           "M,01/02/2024,S,V2,N4,K2,PR4,31/03/2025,E4A,,CV2 2AA,B1 1AA,1234567\n"
           "Z,01/09/2024,P,C2,N1,K2,PR4,01/01/2025,X1,STAND,CV1 1AA,CV3 3CC,7654321\n"
           "Z,01/05/2024,P,C2,N1,U6,PR4,01/09/2024,X1,CARPL,CV1 1AA,CV2 2CC,\n";
    auto outcome = ssda903::import_returns(*db, {{2025, dir}}, false);
    fs::remove_all(dir);
    ASSERT_TRUE(outcome.committed);

    auto council = measures::load_council(*db, 2025);
    ASSERT_EQ(council.children.size(), 3u);
    auto result = measures::compute_measures(council, {}, false);
    EXPECT_EQ(row(result, "cla_31mar").numerator, 2);
    EXPECT_EQ(row(result, "stability_short").numerator, 1);
    EXPECT_EQ(row(result, "stability_short").denominator, 2);
    // Endings in the year with a reason: CREQB (01/05), CARPL (01/09), STAND (01/01): 2 unplanned of 3.
    EXPECT_EQ(row(result, "moves_unplanned").numerator, 2);
    EXPECT_EQ(row(result, "moves_unplanned").denominator, 3);
    EXPECT_EQ(row(result, "ceased_in_year").numerator, 1);
    EXPECT_EQ(row(result, "ceased_in_year", "returned_home").numerator, 1);
    EXPECT_EQ(row(result, "placement_type", "foster").numerator, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, CouncilLoad, ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         test_support::backend_name);
