#include "glossary/term_lookup.h"

#include <gtest/gtest.h>

#include "corpus/workspace.h"
#include "tests/glossary/glossary_fixture.h"

namespace tandem {
namespace {

class TermLookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const Concept& c : testing::sample_concepts()) base.add(c);
  }
  const TermEntry& matched(const LookupHit& hit) { return hit.entry.terms[hit.term]; }
  Workspace ws{":memory:"};
  TermBase base{ws.db()};
};

TEST_F(TermLookupTest, SingularFindsPluralThroughStems) {
  auto hits = lookup_terms(base, "mercenaire");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(matched(hits[0]).text, "mercenaires");
  EXPECT_EQ(hits[0].kind, MatchKind::stem);
  ASSERT_NE(hits[0].entry.term_in(Lang::en), nullptr);
  EXPECT_EQ(hits[0].entry.term_in(Lang::en)->text, "mercenaries");
}

TEST_F(TermLookupTest, IgnoresCaseAndAccents) {
  auto hits = lookup_terms(base, "EOLIENNE");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(matched(hits[0]).text, "éolienne");
  EXPECT_EQ(hits[0].kind, MatchKind::exact);
  EXPECT_EQ(matched(hits[0]).context, "L'éolienne tourne, enfin.");
}

TEST_F(TermLookupTest, EnglishQueryFindsTheFrenchSide) {
  auto hits = lookup_terms(base, "Mercenary");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry.term_in(Lang::fr)->text, "mercenaires");
}

TEST_F(TermLookupTest, ForgivesATypo) {
  auto hits = lookup_terms(base, "mercanaires");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, MatchKind::fuzzy);
  EXPECT_EQ(hits[0].entry.term_in(Lang::fr)->text, "mercenaires");
  EXPECT_TRUE(lookup_terms(base, "missionnaire").empty());
}

TEST_F(TermLookupTest, AWordFindsTheTermsItIsPartOf) {
  auto hits = lookup_terms(base, "equipment");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, MatchKind::partial);
  EXPECT_EQ(matched(hits[0]).text, "military equipment");
}

TEST(BoundedEditDistance, CountsCodePointsNotBytes) {
  EXPECT_EQ(bounded_edit_distance("élan", "elan", 2), 1);
  EXPECT_EQ(bounded_edit_distance("abc", "abc", 0), 0);
  EXPECT_EQ(bounded_edit_distance("kitten", "sitting", 5), 3);
  EXPECT_EQ(bounded_edit_distance("kitten", "sitting", 1), 2);  // past the bound
}

}  // namespace
}  // namespace tandem
