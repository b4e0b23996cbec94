#include "store/education.h"

namespace corparent::store {
namespace {

// A nullable integer as SOCI binds it.
struct IntField {
    int value = 0;
    soci::indicator ind = soci::i_null;
    void set(std::optional<int> v) {
        value = v.value_or(0);
        ind = v ? soci::i_ok : soci::i_null;
    }
    void set(std::optional<bool> v) { set(v ? std::optional<int>(*v ? 1 : 0) : std::nullopt); }
    std::optional<int> get() const { return ind == soci::i_ok ? std::optional<int>(value) : std::nullopt; }
    std::optional<bool> flag() const { return ind == soci::i_ok ? std::optional<bool>(value != 0) : std::nullopt; }
};

struct TextField {
    std::string value;
    soci::indicator ind = soci::i_null;
    void set(std::optional<care::Date> d) {
        value = d ? care::to_iso(*d) : std::string();
        ind = d ? soci::i_ok : soci::i_null;
    }
    std::optional<care::Date> date() const { return ind == soci::i_ok ? care::parse_iso(value) : std::nullopt; }
};

// Every column but the import's time, in this order in both statements.
constexpr const char* kColumns =
    "academic_year, row_no, child, upn, school_urn, start_date, sessions_possible, sessions_attended, suspensions, "
    "suspension_days_tenths, permanent_exclusions, ks2_reading, ks2_writing, ks2_maths, ks4_attainment8_tenths, "
    "ks4_english_maths_4, pep_date, source, raw";

struct Bound {
    IntField year, possible, attended, suspensions, days, exclusions, reading, writing, maths, a8, em4;
    TextField start, pep;
    int row = 0;
    std::string child, upn, urn, source, raw;
};

}  // namespace

long long replace_education(Database& db, const std::set<int>& years, const std::string& source,
                            const std::vector<EducationRecord>& records, const std::vector<EducationFinding>& findings,
                            const std::string& imported_at) {
    auto& sql = db.session();
    long long removed = 0;
    for (int y : years) {
        long long n = 0;
        sql << "SELECT COUNT(*) FROM education_records WHERE academic_year = :y", soci::use(y), soci::into(n);
        removed += n;
        sql << "DELETE FROM education_records WHERE academic_year = :y", soci::use(y);
    }
    long long unplaced = 0;
    sql << "SELECT COUNT(*) FROM education_records WHERE academic_year IS NULL AND source = :s", soci::use(source),
        soci::into(unplaced);
    removed += unplaced;
    sql << "DELETE FROM education_records WHERE academic_year IS NULL AND source = :s", soci::use(source);
    sql << "DELETE FROM education_findings WHERE file = :s", soci::use(source);

    Bound b;
    soci::statement st =
        (sql.prepare << std::string("INSERT INTO education_records (") + kColumns +
                            ", imported_at) VALUES (:y, :r, :c, :u, :urn, :sd, :sp, :sa, :s, :sdt, :pe, :k2r, :k2w, "
                            ":k2m, :a8, :em4, :pep, :src, :raw, :at)",
         soci::use(b.year.value, b.year.ind), soci::use(b.row), soci::use(b.child), soci::use(b.upn), soci::use(b.urn),
         soci::use(b.start.value, b.start.ind), soci::use(b.possible.value, b.possible.ind),
         soci::use(b.attended.value, b.attended.ind), soci::use(b.suspensions.value, b.suspensions.ind),
         soci::use(b.days.value, b.days.ind), soci::use(b.exclusions.value, b.exclusions.ind),
         soci::use(b.reading.value, b.reading.ind), soci::use(b.writing.value, b.writing.ind),
         soci::use(b.maths.value, b.maths.ind), soci::use(b.a8.value, b.a8.ind), soci::use(b.em4.value, b.em4.ind),
         soci::use(b.pep.value, b.pep.ind), soci::use(b.source), soci::use(b.raw), soci::use(imported_at));
    for (const auto& r : records) {
        b.year.set(r.academic_year);
        b.row = static_cast<int>(r.row);
        b.child = r.child;
        b.upn = r.upn;
        b.urn = r.school_urn;
        b.start.set(r.start_date);
        b.possible.set(r.sessions_possible);
        b.attended.set(r.sessions_attended);
        b.suspensions.set(r.suspensions);
        b.days.set(r.suspension_days_tenths);
        b.exclusions.set(r.permanent_exclusions);
        b.reading.set(r.ks2_reading);
        b.writing.set(r.ks2_writing);
        b.maths.set(r.ks2_maths);
        b.a8.set(r.ks4_attainment8_tenths);
        b.em4.set(r.ks4_english_maths_4);
        b.pep.set(r.pep_date);
        b.source = r.source;
        b.raw = r.raw;
        st.execute(true);
    }
    EducationFinding f;
    int row = 0;
    soci::statement fs = (sql.prepare << "INSERT INTO education_findings (file, row_no, column_name, rule, severity, "
                                         "message, child, raw, imported_at) VALUES (:f, :r, :c, :ru, :s, :m, :ch, :raw, :at)",
                          soci::use(f.file), soci::use(row), soci::use(f.column), soci::use(f.rule), soci::use(f.severity),
                          soci::use(f.message), soci::use(f.child), soci::use(f.raw), soci::use(imported_at));
    for (const auto& finding : findings) {
        f = finding;
        row = static_cast<int>(finding.row);
        fs.execute(true);
    }
    return removed;
}

std::vector<EducationRecord> load_education(Database& db) {
    std::vector<EducationRecord> out;
    Bound b;
    soci::indicator child_ind, upn_ind, urn_ind;
    soci::statement st =
        (db.session().prepare << std::string("SELECT ") + kColumns +
                                     " FROM education_records ORDER BY academic_year, source, row_no",
         soci::into(b.year.value, b.year.ind), soci::into(b.row), soci::into(b.child, child_ind),
         soci::into(b.upn, upn_ind), soci::into(b.urn, urn_ind), soci::into(b.start.value, b.start.ind),
         soci::into(b.possible.value, b.possible.ind), soci::into(b.attended.value, b.attended.ind),
         soci::into(b.suspensions.value, b.suspensions.ind), soci::into(b.days.value, b.days.ind),
         soci::into(b.exclusions.value, b.exclusions.ind), soci::into(b.reading.value, b.reading.ind),
         soci::into(b.writing.value, b.writing.ind), soci::into(b.maths.value, b.maths.ind),
         soci::into(b.a8.value, b.a8.ind), soci::into(b.em4.value, b.em4.ind), soci::into(b.pep.value, b.pep.ind),
         soci::into(b.source), soci::into(b.raw));
    st.execute();
    while (st.fetch()) {
        EducationRecord r;
        r.academic_year = b.year.get();
        r.row = b.row;
        r.child = child_ind == soci::i_ok ? b.child : std::string();
        r.upn = upn_ind == soci::i_ok ? b.upn : std::string();
        r.school_urn = urn_ind == soci::i_ok ? b.urn : std::string();
        r.start_date = b.start.date();
        r.sessions_possible = b.possible.get();
        r.sessions_attended = b.attended.get();
        r.suspensions = b.suspensions.get();
        r.suspension_days_tenths = b.days.get();
        r.permanent_exclusions = b.exclusions.get();
        r.ks2_reading = b.reading.flag();
        r.ks2_writing = b.writing.flag();
        r.ks2_maths = b.maths.flag();
        r.ks4_attainment8_tenths = b.a8.get();
        r.ks4_english_maths_4 = b.em4.flag();
        r.pep_date = b.pep.date();
        r.source = b.source;
        r.raw = b.raw;
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<int> education_years(Database& db) {
    std::vector<int> out;
    int y = 0;
    soci::statement st = (db.session().prepare << "SELECT DISTINCT academic_year FROM education_records WHERE "
                                                  "academic_year IS NOT NULL ORDER BY academic_year",
                          soci::into(y));
    st.execute();
    while (st.fetch()) out.push_back(y);
    return out;
}

}  // namespace corparent::store
