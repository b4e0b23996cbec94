// The Board pack's part on the local offer: take-up by area (eligible, offered, taken up), as the /offer
// page gives it to the Board, small numbers c.
#include <fmt/format.h>

#include "board/paper_parts.h"
#include "offer/take_up.h"

namespace corparent::board::paper {

render::DocumentTable offer_take_up_table(store::Database& db, const settings::Settings& settings, const Data& data) {
    auto figures = offer::take_up(db, settings.choices, data.rules);
    const measures::MeasureReport* latest = data.latest();
    std::string as_on = latest ? long_date(care::year_end(latest->year)) : std::string("the data's end");
    render::DocumentTable t{"Take-up of the local offer by area, on " + as_on,
                            {"Area", "Eligible", "Offered", "Per cent offered", "Taken up", "Per cent taken up"},
                            {false, true, true, true, true, true},
                            {},
                            fmt::format("Source: take-up recorded by workers and personal advisers, and imported from the case "
                                        "management system, for the young people of our 903 returns on {}; produced {}. "
                                        "Numbers from 1 to {} are shown as c.",
                                        as_on, long_date(data.today), data.rules.smallest_count - 1)};
    for (const auto& f : figures)
        if (f.entitlement.empty() && f.age_band.empty())
            t.rows.push_back({f.name, offer::count_text(f.eligible), offer::count_text(f.offered), offer::percent_text(f.offered),
                              offer::count_text(f.taken_up), offer::percent_text(f.taken_up)});
    return t;
}

}  // namespace corparent::board::paper
