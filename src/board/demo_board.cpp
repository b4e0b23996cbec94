#include "board/demo_board.h"

#include <stdexcept>

#include "board/actions.h"
#include "board/meetings.h"
#include "board/members.h"
#include "board/you_said.h"

namespace corparent::board {
namespace {

const accounts::Actor kDemo{"demo", "local"};

long long must(const Added& a, const char* what) {
    if (!a.ok()) throw std::runtime_error(std::string("the demo Board's ") + what + " was refused: " + a.problems[0].message);
    return a.id;
}

void must(const std::vector<Problem>& problems, const char* what) {
    if (!problems.empty()) throw std::runtime_error(std::string("the demo Board's ") + what + " was refused: " + problems[0].message);
}

}  // namespace

void add_demo_board(store::Database& db, care::Date today) {
    using std::chrono::days;
    auto T = [&](int offset) { return today + days{offset}; };

    // Members.
    struct M {
        const char* name;
        MemberKind kind;
        const char* organisation;
        BoardRole role;
    };
    std::vector<long long> members;
    for (const M& m : std::vector<M>{
             {"Cllr Helen Marsh", MemberKind::ElectedMember, "Lead Member for Children's Services", BoardRole::Chair},
             {"Cllr David Osei", MemberKind::ElectedMember, "Councillor, Northfield ward", BoardRole::ViceChair},
             {"Cllr Sarah Thompson", MemberKind::ElectedMember, "Councillor, Riverside ward", BoardRole::Member},
             {"Cllr Imran Hussain", MemberKind::ElectedMember, "Councillor, Eastgate ward", BoardRole::Member},
             {"Jordan, Children in Care Council", MemberKind::YoungPerson, "Children in Care Council", BoardRole::Member},
             {"Amira, Care Leavers Forum", MemberKind::YoungPerson, "Care Leavers Forum", BoardRole::Member},
             {"Angela Brooks", MemberKind::Officer, "Director of Children's Services", BoardRole::Member},
             {"Mark Ellison", MemberKind::Officer, "Virtual School Head", BoardRole::Member},
             {"Dr Ruth Adeyemi", MemberKind::Partner, "Designated Nurse for Children in Care, Integrated Care Board", BoardRole::Member},
             {"Paul Hendry", MemberKind::FosterCarer, "Foster Carers' Association", BoardRole::Member},
         })
        members.push_back(must(add_member(db, {0, m.name, m.kind, m.organisation, m.role, true}, kDemo), "member"));
    long long former = must(add_member(db, {0, "Cllr Peter Lane", MemberKind::ElectedMember, "Councillor, Westwood ward",
                                            BoardRole::Member, true}, kDemo), "member");
    must(stand_down(db, former, kDemo), "member");

    // A year of meetings: three held, two to come; one of them on health, in this municipal year.
    int year = municipal_year_of(today);
    bool health_before = municipal_year_of(T(-100)) == year;
    std::vector<std::string> agenda = {"Welcome, apologies and the minutes of the last meeting",
                                       "What children and young people want to tell the Board",
                                       "You said, We did: the action plan", "Themed report", "Any other business"};
    auto meeting = [&](int offset, const std::string& theme, bool health) {
        auto items = agenda;
        items[3] = "Themed report: " + theme;
        return must(add_meeting(db, {T(offset), theme, health, items}, kDemo), "meeting");
    };
    long long m1 = meeting(-160, "Care leavers", false);
    long long m2 = meeting(-100, health_before ? "Health" : "Education", health_before);
    long long m3 = meeting(-30, "Placement stability", false);
    meeting(35, health_before ? "Education" : "Health", !health_before);
    meeting(90, "The annual Pledge report", false);

    // What children said, from every kind of source, and the actions taken.
    auto said = [&](Source source, const std::string& reference, int offset, std::vector<std::string> statements,
                    const std::string& words, bool consent, const std::string& summary, std::vector<EvidenceLink> evidence = {},
                    std::optional<long long> meeting_id = std::nullopt) {
        NewYouSaid y{source, reference, T(offset), std::move(statements), words, consent, summary, std::move(evidence), meeting_id};
        return must(add_you_said(db, y, kDemo, T(offset)), "You said item");
    };
    auto act = [&](long long you_said, int created, const std::string& title, const std::string& owner,
                   const std::string& partner, int due) {
        return must(add_action(db, {you_said, title, owner, partner, T(due)}, kDemo, T(created)), "action");
    };
    auto move = [&](long long action, Status to, int offset, const std::string& we_did = "") {
        must(change_status(db, action, to, we_did, kDemo, T(offset)), "status");
    };
    auto note = [&](long long action, int offset, const std::string& text) { must(add_note(db, action, text, kDemo, T(offset)), "note"); };
    using K = EvidenceLink::Kind;

    long long bedrooms = said(Source::Survey, "Annual survey, theme 'my bedroom'", -230, {"safe-and-settled"},
                              "my room is just a bed and a wardrobe, nothing in it is mine", false,
                              "In the annual survey, 14 children said their bedroom does not feel like their own: bare walls, "
                              "nowhere safe to keep their things.",
                              {{K::SurveyIndicator, "like_bedroom"}, {K::Measure, "stability_short"}});
    long long a1 = act(bedrooms, -220, "Give every child moving home a bedroom budget and a box that locks", "Head of Fostering",
                       "Foster Carers' Association", -120);
    note(a1, -180, "Budget agreed with finance: £100 a child, paid to the carer on the day the child moves in.");
    move(a1, Status::InProgress, -200);
    move(a1, Status::Done, -130, "Every child moving into a new home now gets £100 to choose how their bedroom looks, and a box that locks.");
    must(set_published(db, a1, true, kDemo), "publishing");
    move(a1, Status::Closed, -100);

    long long prescriptions = said(Source::CareLeaversForum, "Care Leavers Forum", -200, {"healthy"},
                                   "I didn't know I could still get free prescriptions. Nobody told me.", true, "",
                                   {{K::Measure, "health_assessment"}});
    long long a2 = act(prescriptions, -190, "Tell every care leaver about free prescriptions and give them their health passport at 17",
                       "Leaving Care Service Manager", "Integrated Care Board", -60);
    move(a2, Status::InProgress, -150);
    note(a2, -120, "Health passport printed; personal advisers trained to go through it at the pathway plan review.");
    move(a2, Status::Done, -70, "We now give every young person their health passport and a card about free prescriptions before they turn 18.");
    must(set_published(db, a2, true, kDemo), "publishing");

    long long worker = said(Source::BoardConsultation, "", -160, {"keep-me-informed"},
                            "When my social worker left, no one told me for weeks.", true, "", {{K::Measure, "sw_stability"}}, m1);
    long long a3 = act(worker, -160, "Write to the child within 5 working days whenever their social worker changes",
                       "Principal Social Worker", "", -20);
    move(a3, Status::InProgress, -140);
    note(a3, -90, "Letter drafted with the Children in Care Council; the case system change is waiting for the supplier.");

    long long activities = said(Source::VoicesOfCare, "Voices of Care, summer activities session", -150, {"happy-and-fun"},
                                "We want to try things our friends do, like the climbing wall, without waiting weeks for forms.",
                                true, "");
    long long a4 = act(activities, -145, "Let foster carers agree everyday activities without asking the social worker",
                       "Head of Service, Children in Care", "", 60);
    move(a4, Status::InProgress, -110);
    note(a4, -45, "Delegated authority guidance rewritten; being checked by the Foster Carers' Association.");

    long long laptop = said(Source::FeedbackForm, "Online feedback form", -100, {"education-training-jobs"},
                            "I cant do my homework because there is no laptop at my placement and the wifi is off at 9", false,
                            "A young person said they could not do homework because there was no laptop or internet where they live.");
    act(laptop, -95, "Give a laptop and internet to every child in care in Year 7 and above who needs one", "Virtual School Head",
        "", -10);

    long long housing = said(Source::Complaint, "Complaint about a housing application", -90, {"services-work-together"},
                             "I had to tell my whole story again to three different teams to get a flat", false,
                             "A care leaver had to tell their story again to three different teams when applying for housing.");
    long long a6 = act(housing, -85, "Agree a joint housing protocol so care leavers tell their story once", "Leaving Care Service Manager",
                       "Housing Options", 90);
    note(a6, -40, "First meeting with Housing Options held; draft protocol due next month.");

    long long names = said(Source::Advocacy, "Independent advocacy service", -60, {"included"},
                           "I want my worker to say my name right and know about my culture.", true, "");
    act(names, -55, "Training on identity and culture for every social worker and personal adviser", "Principal Social Worker",
        "", 120);
    long long a8 = act(names, -55, "Add a 'how to say my name' field to the case record", "Head of Business Support", "", 30);
    note(a8, -35, "Not needed: the new case system already has this field, used from next month.");
    move(a8, Status::Cancelled, -35);

    long long money = said(Source::Survey, "Care leavers' survey, theme 'money'", -40, {"services-work-together", "healthy"},
                           "I worry every month about the council tax bill", false,
                           "Care leavers in the survey said they worry about money in their first flat, most of all council tax.",
                           {{K::SurveyIndicator, "cl_coping_money"}});
    long long a9 = act(money, -38, "Exempt care leavers from council tax until they are 25", "Director of Children's Services",
                       "Revenues and Benefits", 30);
    move(a9, Status::Done, -5, "Care leavers living in our area no longer pay council tax until they are 25.");
    must(set_published(db, a9, true, kDemo), "publishing");

    said(Source::BoardConsultation, "", -30, {"safe-and-settled"},
         "Moving school when you move home is the worst bit. Please keep us at our school.", true, "",
         {{K::Measure, "stability_long"}}, m3);

    // The meetings held: who came, the minutes, the action plan reviewed.
    must(record_meeting(db, m1,
                        "The Board heard from the Care Leavers Forum about health and money.\n\n"
                        "The Board agreed the action on letters when a social worker changes.",
                        {members[0], members[1], members[2], members[4], members[5], members[6], members[8]}, {a1, a2, a3}, kDemo, today),
         "meeting record");
    must(record_meeting(db, m2,
                        "The Designated Nurse presented the annual health report for children in care.\n\n"
                        "The Board closed the bedroom budget action and asked for the laptop action to be prioritised.",
                        {members[0], members[2], members[3], members[4], members[6], members[7], members[8], members[9]},
                        {a1, a2, a3, a4}, kDemo, today),
         "meeting record");
    must(record_meeting(db, m3,
                        "Young people told the Board that changing school when they move home is the hardest part.\n\n"
                        "The Board noted two overdue actions and asked their owners for a date at the next meeting.",
                        {members[0], members[1], members[4], members[5], members[6], members[7], members[9]}, {a2, a3, a4, a6}, kDemo, today),
         "meeting record");
}

}  // namespace corparent::board
