#include "store/board_meetings.h"

#include <map>

namespace corparent::store {

long long insert_member(Database& db, const BoardMemberRow& r) {
    long long id = 0;
    int active = r.active;
    db.session() << "INSERT INTO board_members (name, kind, organisation, board_role, active) VALUES (:n, :k, :o, :r, :a) "
                    "RETURNING id",
        soci::use(r.name), soci::use(r.kind), soci::use(r.organisation), soci::use(r.board_role), soci::use(active),
        soci::into(id);
    return id;
}

std::vector<BoardMemberRow> load_members(Database& db) {
    std::vector<BoardMemberRow> out;
    BoardMemberRow r;
    int active = 0;
    soci::statement st = (db.session().prepare << "SELECT id, name, kind, organisation, board_role, active FROM board_members "
                                                  "ORDER BY name, id",
                          soci::into(r.id), soci::into(r.name), soci::into(r.kind), soci::into(r.organisation),
                          soci::into(r.board_role), soci::into(active));
    st.execute();
    while (st.fetch()) {
        r.active = active != 0;
        out.push_back(r);
    }
    return out;
}

void set_member_active(Database& db, long long id, bool active) {
    int a = active;
    db.session() << "UPDATE board_members SET active = :a WHERE id = :i", soci::use(a), soci::use(id);
}

long long insert_meeting(Database& db, const MeetingRow& r) {
    auto& sql = db.session();
    long long id = 0;
    int health = r.health_theme;
    sql << "INSERT INTO board_meetings (held_on, theme, health_theme, minutes, created_by) VALUES (:d, :t, :h, :m, :b) "
           "RETURNING id",
        soci::use(r.held_on), soci::use(r.theme), soci::use(health), soci::use(r.minutes), soci::use(r.created_by),
        soci::into(id);
    int position = 0;
    for (const auto& item : r.agenda) {
        ++position;
        sql << "INSERT INTO board_agenda_items (meeting_id, position, item) VALUES (:m, :p, :i)", soci::use(id),
            soci::use(position), soci::use(item);
    }
    for (long long member : r.attended)
        sql << "INSERT INTO board_attendance (meeting_id, member_id) VALUES (:m, :p)", soci::use(id), soci::use(member);
    return id;
}

std::vector<MeetingRow> load_meetings(Database& db) {
    auto& sql = db.session();
    std::vector<MeetingRow> out;
    std::map<long long, std::size_t> index;
    {
        MeetingRow r;
        int health = 0;
        soci::statement st = (sql.prepare << "SELECT id, held_on, theme, health_theme, minutes, created_by FROM board_meetings "
                                             "ORDER BY held_on, id",
                              soci::into(r.id), soci::into(r.held_on), soci::into(r.theme), soci::into(health),
                              soci::into(r.minutes), soci::into(r.created_by));
        st.execute();
        while (st.fetch()) {
            r.health_theme = health != 0;
            index[r.id] = out.size();
            out.push_back(r);
        }
    }
    {
        long long id = 0;
        std::string item;
        soci::statement st = (sql.prepare << "SELECT meeting_id, item FROM board_agenda_items ORDER BY meeting_id, position",
                              soci::into(id), soci::into(item));
        st.execute();
        while (st.fetch())
            if (index.count(id)) out[index[id]].agenda.push_back(item);
    }
    {
        long long id = 0, member = 0;
        soci::statement st = (sql.prepare << "SELECT meeting_id, member_id FROM board_attendance ORDER BY meeting_id, member_id",
                              soci::into(id), soci::into(member));
        st.execute();
        while (st.fetch())
            if (index.count(id)) out[index[id]].attended.push_back(member);
    }
    return out;
}

void record_meeting(Database& db, long long id, const std::string& minutes, const std::vector<long long>& attended) {
    auto& sql = db.session();
    sql << "UPDATE board_meetings SET minutes = :m WHERE id = :i", soci::use(minutes), soci::use(id);
    sql << "DELETE FROM board_attendance WHERE meeting_id = :i", soci::use(id);
    for (long long member : attended)
        sql << "INSERT INTO board_attendance (meeting_id, member_id) VALUES (:m, :p)", soci::use(id), soci::use(member);
}

}  // namespace corparent::store
