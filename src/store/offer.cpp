#include "store/offer.h"

namespace corparent::store {
namespace {

struct OptionalInt {
    int value = 0;
    soci::indicator ind = soci::i_null;
    void set(std::optional<int> v) {
        value = v.value_or(0);
        ind = v ? soci::i_ok : soci::i_null;
    }
    std::optional<int> get() const { return ind == soci::i_ok ? std::optional<int>(value) : std::nullopt; }
};

constexpr const char* kTakeUpColumns =
    "SELECT id, child, entitlement, status, on_date, note, recorded_at, recorded_by, source FROM offer_take_up";

std::vector<TakeUpRow> read_take_up(Database& db, const std::optional<std::string>& child) {
    std::vector<TakeUpRow> out;
    TakeUpRow r;
    const std::string order = " ORDER BY child, entitlement, on_date, id";
    const std::string bound = child.value_or("");
    soci::statement st = child ? (db.session().prepare << std::string(kTakeUpColumns) + " WHERE child = :c" + order,
                                  soci::use(bound))
                               : (db.session().prepare << std::string(kTakeUpColumns) + order);
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.child));
    st.exchange(soci::into(r.entitlement));
    st.exchange(soci::into(r.status));
    st.exchange(soci::into(r.on_date));
    st.exchange(soci::into(r.note));
    st.exchange(soci::into(r.recorded_at));
    st.exchange(soci::into(r.recorded_by));
    st.exchange(soci::into(r.source));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.push_back(r);
    return out;
}

}  // namespace

std::optional<std::string> offer_catalogue_source(Database& db) {
    std::string source;
    soci::indicator ind = soci::i_null;
    db.session() << "SELECT source FROM offer_catalogue WHERE id = 1", soci::into(source, ind);
    if (!db.session().got_data() || ind != soci::i_ok) return std::nullopt;
    return source;
}

bool insert_offer_catalogue(Database& db, const std::string& source, const std::string& seeded_at) {
    soci::statement st = (db.session().prepare << "INSERT INTO offer_catalogue (id, source, seeded_at) VALUES (1, :s, :a) "
                                                  "ON CONFLICT (id) DO NOTHING",
                          soci::use(source), soci::use(seeded_at));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::vector<EntitlementRow> load_entitlements(Database& db) {
    std::vector<EntitlementRow> out;
    EntitlementRow r;
    OptionalInt from, until;
    soci::statement st = (db.session().prepare << "SELECT id, area, name, description, who, age_from, age_until, "
                                                  "conditions, provider, review_date, updated_at, updated_by "
                                                  "FROM offer_entitlements ORDER BY position, id",
                          soci::into(r.id), soci::into(r.area), soci::into(r.name), soci::into(r.description),
                          soci::into(r.who), soci::into(from.value, from.ind), soci::into(until.value, until.ind),
                          soci::into(r.conditions), soci::into(r.provider), soci::into(r.review_date),
                          soci::into(r.updated_at), soci::into(r.updated_by));
    st.execute();
    while (st.fetch()) {
        r.age_from = from.get();
        r.age_until = until.get();
        out.push_back(r);
    }
    return out;
}

void save_entitlement(Database& db, const EntitlementRow& r) {
    auto& sql = db.session();
    OptionalInt from, until;
    from.set(r.age_from);
    until.set(r.age_until);
    long long held = 0;
    sql << "SELECT COUNT(*) FROM offer_entitlements WHERE id = :i", soci::use(r.id), soci::into(held);
    if (held) {
        sql << "UPDATE offer_entitlements SET area = :a, name = :n, description = :d, who = :w, age_from = :f, "
               "age_until = :u, conditions = :c, provider = :p, review_date = :r, updated_at = :at, updated_by = :by "
               "WHERE id = :i",
            soci::use(r.area), soci::use(r.name), soci::use(r.description), soci::use(r.who),
            soci::use(from.value, from.ind), soci::use(until.value, until.ind), soci::use(r.conditions),
            soci::use(r.provider), soci::use(r.review_date), soci::use(r.updated_at), soci::use(r.updated_by),
            soci::use(r.id);
        return;
    }
    int position = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MAX(position) FROM offer_entitlements", soci::into(position, ind);
    position = ind == soci::i_ok ? position + 1 : 1;
    sql << "INSERT INTO offer_entitlements (id, position, area, name, description, who, age_from, age_until, "
           "conditions, provider, review_date, updated_at, updated_by) "
           "VALUES (:i, :pos, :a, :n, :d, :w, :f, :u, :c, :p, :r, :at, :by)",
        soci::use(r.id), soci::use(position), soci::use(r.area), soci::use(r.name), soci::use(r.description),
        soci::use(r.who), soci::use(from.value, from.ind), soci::use(until.value, until.ind), soci::use(r.conditions),
        soci::use(r.provider), soci::use(r.review_date), soci::use(r.updated_at), soci::use(r.updated_by);
}

std::vector<TakeUpRow> load_take_up(Database& db) { return read_take_up(db, std::nullopt); }
std::vector<TakeUpRow> load_take_up_of(Database& db, const std::string& child) { return read_take_up(db, child); }

bool take_up_held(Database& db, const TakeUpRow& r) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM offer_take_up WHERE child = :c AND entitlement = :e AND status = :s "
                    "AND on_date = :d",
        soci::use(r.child), soci::use(r.entitlement), soci::use(r.status), soci::use(r.on_date), soci::into(n);
    return n > 0;
}

void insert_take_up(Database& db, const TakeUpRow& r) {
    db.session() << "INSERT INTO offer_take_up (child, entitlement, status, on_date, note, recorded_at, recorded_by, "
                    "source) VALUES (:c, :e, :s, :d, :n, :at, :by, :src)",
        soci::use(r.child), soci::use(r.entitlement), soci::use(r.status), soci::use(r.on_date), soci::use(r.note),
        soci::use(r.recorded_at), soci::use(r.recorded_by), soci::use(r.source);
}

std::vector<AdviserRow> load_advisers(Database& db) {
    std::vector<AdviserRow> out;
    AdviserRow r;
    soci::statement st = (db.session().prepare << "SELECT child, adviser, assigned_at, assigned_by FROM offer_advisers "
                                                  "ORDER BY child",
                          soci::into(r.child), soci::into(r.adviser), soci::into(r.assigned_at), soci::into(r.assigned_by));
    st.execute();
    while (st.fetch()) out.push_back(r);
    return out;
}

std::optional<AdviserRow> find_adviser(Database& db, const std::string& child) {
    AdviserRow r;
    db.session() << "SELECT child, adviser, assigned_at, assigned_by FROM offer_advisers WHERE child = :c",
        soci::use(child), soci::into(r.child), soci::into(r.adviser), soci::into(r.assigned_at),
        soci::into(r.assigned_by);
    if (!db.session().got_data()) return std::nullopt;
    return r;
}

void set_adviser(Database& db, const AdviserRow& r) {
    auto& sql = db.session();
    sql << "DELETE FROM offer_advisers WHERE child = :c", soci::use(r.child);
    if (r.adviser.empty()) return;
    sql << "INSERT INTO offer_advisers (child, adviser, assigned_at, assigned_by) VALUES (:c, :a, :at, :by)",
        soci::use(r.child), soci::use(r.adviser), soci::use(r.assigned_at), soci::use(r.assigned_by);
}

}  // namespace corparent::store
