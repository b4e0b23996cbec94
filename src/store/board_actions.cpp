#include "store/board_actions.h"

#include <map>

namespace corparent::store {

long long insert_action(Database& db, const ActionRow& r) {
    auto& sql = db.session();
    long long id = 0;
    int published = r.published;
    std::string finished = r.finished_on.value_or("");
    soci::indicator finished_ind = r.finished_on ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO board_actions (you_said_id, title, owner, partner, due_on, status, we_did, published, created_on, "
           "created_by, finished_on) VALUES (:y, :t, :o, :p, :d, :s, :w, :pub, :c, :b, :f) RETURNING id",
        soci::use(r.you_said_id), soci::use(r.title), soci::use(r.owner), soci::use(r.partner), soci::use(r.due_on),
        soci::use(r.status), soci::use(r.we_did), soci::use(published), soci::use(r.created_on), soci::use(r.created_by),
        soci::use(finished, finished_ind), soci::into(id);
    for (const auto& n : r.notes) insert_action_note(db, id, n);
    for (const auto& e : r.evidence) insert_action_evidence(db, id, e);
    for (long long m : r.reviewed_at) insert_action_review(db, id, m);
    return id;
}

std::vector<ActionRow> load_actions(Database& db) {
    auto& sql = db.session();
    std::vector<ActionRow> out;
    std::map<long long, std::size_t> index;
    {
        ActionRow r;
        int published = 0;
        std::string finished;
        soci::indicator finished_ind = soci::i_null;
        soci::statement st = (sql.prepare << "SELECT id, you_said_id, title, owner, partner, due_on, status, we_did, published, "
                                             "created_on, created_by, finished_on FROM board_actions ORDER BY due_on, id",
                              soci::into(r.id), soci::into(r.you_said_id), soci::into(r.title), soci::into(r.owner),
                              soci::into(r.partner), soci::into(r.due_on), soci::into(r.status), soci::into(r.we_did),
                              soci::into(published), soci::into(r.created_on), soci::into(r.created_by),
                              soci::into(finished, finished_ind));
        st.execute();
        while (st.fetch()) {
            r.published = published != 0;
            r.finished_on = finished_ind == soci::i_ok ? std::optional<std::string>(finished) : std::nullopt;
            index[r.id] = out.size();
            out.push_back(r);
        }
    }
    {
        long long id = 0;
        ActionNoteRow n;
        soci::statement st = (sql.prepare << "SELECT action_id, written_on, written_by, note FROM board_action_notes "
                                             "ORDER BY action_id, written_on, id",
                              soci::into(id), soci::into(n.written_on), soci::into(n.written_by), soci::into(n.note));
        st.execute();
        while (st.fetch())
            if (index.count(id)) out[index[id]].notes.push_back(n);
    }
    {
        long long id = 0;
        EvidenceLinkRow e;
        soci::statement st = (sql.prepare << "SELECT action_id, kind, ref FROM board_action_evidence ORDER BY action_id, kind, ref",
                              soci::into(id), soci::into(e.kind), soci::into(e.ref));
        st.execute();
        while (st.fetch())
            if (index.count(id)) out[index[id]].evidence.push_back(e);
    }
    {
        long long id = 0, meeting = 0;
        soci::statement st = (sql.prepare << "SELECT action_id, meeting_id FROM board_action_reviews ORDER BY action_id, meeting_id",
                              soci::into(id), soci::into(meeting));
        st.execute();
        while (st.fetch())
            if (index.count(id)) out[index[id]].reviewed_at.push_back(meeting);
    }
    return out;
}

std::optional<ActionRow> find_action(Database& db, long long id) {
    for (auto& r : load_actions(db))
        if (r.id == id) return r;
    return std::nullopt;
}

void update_action_status(Database& db, long long id, const std::string& status, const std::string& we_did,
                          const std::optional<std::string>& finished_on, bool published) {
    int pub = published;
    std::string finished = finished_on.value_or("");
    soci::indicator finished_ind = finished_on ? soci::i_ok : soci::i_null;
    db.session() << "UPDATE board_actions SET status = :s, we_did = :w, finished_on = :f, published = :p WHERE id = :i",
        soci::use(status), soci::use(we_did), soci::use(finished, finished_ind), soci::use(pub), soci::use(id);
}

void insert_action_note(Database& db, long long action_id, const ActionNoteRow& n) {
    db.session() << "INSERT INTO board_action_notes (action_id, written_on, written_by, note) VALUES (:a, :d, :b, :n)",
        soci::use(action_id), soci::use(n.written_on), soci::use(n.written_by), soci::use(n.note);
}

void insert_action_evidence(Database& db, long long action_id, const EvidenceLinkRow& e) {
    int already = 0;
    db.session() << "SELECT COUNT(*) FROM board_action_evidence WHERE action_id = :a AND kind = :k AND ref = :r",
        soci::use(action_id), soci::use(e.kind), soci::use(e.ref), soci::into(already);
    if (already) return;
    db.session() << "INSERT INTO board_action_evidence (action_id, kind, ref) VALUES (:a, :k, :r)", soci::use(action_id),
        soci::use(e.kind), soci::use(e.ref);
}

void insert_action_review(Database& db, long long action_id, long long meeting_id) {
    int already = 0;
    db.session() << "SELECT COUNT(*) FROM board_action_reviews WHERE action_id = :a AND meeting_id = :m",
        soci::use(action_id), soci::use(meeting_id), soci::into(already);
    if (already) return;
    db.session() << "INSERT INTO board_action_reviews (action_id, meeting_id) VALUES (:a, :m)", soci::use(action_id),
        soci::use(meeting_id);
}

}  // namespace corparent::store
