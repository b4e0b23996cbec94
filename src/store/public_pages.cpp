#include "store/public_pages.h"

namespace corparent::store {

std::optional<PublicPageRow> find_public_page(Database& db, const std::string& slug) {
    PublicPageRow r;
    soci::statement st = (db.session().prepare << "SELECT slug, body, updated_at, updated_by FROM public_pages WHERE slug = :s",
                          soci::into(r.slug), soci::into(r.body), soci::into(r.updated_at), soci::into(r.updated_by),
                          soci::use(slug));
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return r;
}

void save_public_page(Database& db, const PublicPageRow& p) {
    soci::transaction tx(db.session());
    db.session() << "DELETE FROM public_pages WHERE slug = :s", soci::use(p.slug);
    db.session() << "INSERT INTO public_pages (slug, body, updated_at, updated_by) VALUES (:s, :b, :a, :u)",
        soci::use(p.slug), soci::use(p.body), soci::use(p.updated_at), soci::use(p.updated_by);
    tx.commit();
}

}  // namespace corparent::store
