// The pages anyone may read, and their editing by administrators only.
#include <gtest/gtest.h>

#include "board/public_pages.h"
#include "web_fixture.h"

using namespace corparent;
using accounts::Role;

TEST(PublicPages, AnyoneReadsThemWithoutSigningIn) {
    test_support::WebFixture w;
    auto accessibility = w.get("/accessibility");
    ASSERT_EQ(accessibility.status, 200);
    EXPECT_NE(accessibility.body.find("<h1 class=\"govuk-heading-l\">Accessibility statement for corparent</h1>"), std::string::npos);
    EXPECT_NE(accessibility.body.find("Accessibility Regulations 2018"), std::string::npos);
    EXPECT_NE(accessibility.body.find("Coventry City Council is committed"), std::string::npos);   // the name filled in
    EXPECT_EQ(accessibility.body.find("{{council}}"), std::string::npos);
    auto privacy = w.get("/privacy");
    ASSERT_EQ(privacy.status, 200);
    EXPECT_NE(privacy.body.find("href=\"/privacy/young-people\""), std::string::npos);
    auto young = w.get("/privacy/young-people");
    ASSERT_EQ(young.status, 200);
    EXPECT_NE(young.body.find("Childline"), std::string::npos);
}

TEST(PublicPages, TheTextFormReadsIntoHeadingsParagraphsAndLists) {
    auto page = board::parse_public_page("privacy", "Title here\n\nFirst line\ncontinues.\n\n## Heading\n- one\n- two\n\n### Small\nEnd",
                                         "X Council");
    EXPECT_EQ(page.title, "Title here");
    ASSERT_EQ(page.blocks.size(), 5u);
    EXPECT_EQ(page.blocks[0].text, "First line continues.");
    EXPECT_EQ(page.blocks[1].kind, board::Block::Kind::Heading2);
    EXPECT_EQ(page.blocks[2].items, (std::vector<std::string>{"one", "two"}));
    EXPECT_EQ(page.blocks[3].kind, board::Block::Kind::Heading3);
    EXPECT_EQ(page.blocks[4].text, "End");
}

TEST(PublicPages, OnlyAnAdministratorEditsThemAndTheChangeIsAudited) {
    test_support::WebFixture w;
    std::string member = w.signed_in(Role::BoardMember);
    EXPECT_EQ(w.post("/admin/pages/privacy", {{"csrf", w.csrf(member)}, {"text", "Changed"}}, member).status, 403);
    std::string admin = w.signed_in(Role::Admin);
    auto form = w.get("/admin/pages/privacy", admin);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("<textarea"), std::string::npos);
    auto empty = w.post("/admin/pages/privacy", {{"csrf", w.csrf(admin)}, {"text", "  \n"}}, admin);
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(empty.body.find("Enter the page, starting with its title"), std::string::npos);
    auto saved = w.post("/admin/pages/privacy",
                        {{"csrf", w.csrf(admin)}, {"text", "Our privacy notice\n\nWe keep <very> little."}}, admin);
    EXPECT_EQ(saved.status, 303);
    auto page = w.get("/privacy");
    EXPECT_NE(page.body.find("Our privacy notice"), std::string::npos);
    EXPECT_NE(page.body.find("We keep &lt;very&gt; little."), std::string::npos);   // escaped, never markup
    store::AuditFilter f;
    f.action = "setting.public_page";
    EXPECT_EQ(store::count_audit(*w.db, f), 1);
    EXPECT_EQ(w.get("/admin/pages/no-such-page", admin).status, 404);
}
