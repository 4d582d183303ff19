#include "tm/concordance.h"

#include <gtest/gtest.h>

#include "corpus/workspace.h"
#include "tests/test_support.h"
#include "tm/tmx_import.h"

namespace tandem {
namespace {

class ConcordanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::pair<std::string, std::string>> pairs = {
        {"L'ÉLECTION du maire aura lieu en mars.", "The mayor's election will be held in March."},
        {"Il a gardé des contacts turcs à Izmir.", "He kept Turkish contacts in Izmir."},
        {"Des contacts avec des Turcs ont eu lieu.", "Contacts with Turks took place."},
        {"Une élection anticipée est possible.", "An early election is possible."},
    };
    for (auto& [fr, en] : pairs) {
      NewUnit unit;
      unit.fr = fr;
      unit.en = en;
      ids.push_back(tm.add_unit(unit));
    }
  }
  Workspace ws{":memory:"};
  TranslationMemory tm{ws.db()};
  std::vector<std::int64_t> ids;
};

TEST_F(ConcordanceTest, IgnoresCaseAndAccents) {
  Concordance concordance(tm);
  EXPECT_EQ(concordance.count("election"), 2);
  EXPECT_EQ(concordance.count("Élection"), 2);
  auto hits = concordance.search("élection", 10);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].fr, "L'[ÉLECTION] du maire aura lieu en mars.");
  EXPECT_EQ(hits[0].en, "The mayor's [election] will be held in March.");
}

TEST_F(ConcordanceTest, MatchesAPhraseOnlyWithItsWordsInOrder) {
  Concordance concordance(tm);
  auto hits = concordance.search("Contacts TURCS", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].unit_id, ids[1]);
  EXPECT_EQ(hits[0].fr, "Il a gardé des [contacts turcs] à Izmir.");  // the phrase as one span
  // Quoted phrase plus a loose word: both must be present, anywhere.
  EXPECT_EQ(concordance.count("\"des contacts\" Turcs"), 2);
  EXPECT_EQ(concordance.count("\"contacts avec\" Izmir"), 0);
  EXPECT_EQ(concordance.first_tuids("contacts", 10),
            (std::vector<std::string>{std::to_string(ids[1]), std::to_string(ids[2])}));
}

TEST_F(ConcordanceTest, TreatsQuotesAndOperatorsInUserInputAsText) {
  Concordance concordance(tm);
  for (const char* input : {"\"", "contacts\" OR", "NEAR(contacts turcs)", "turcs*", "a AND",
                            "-maire", "en:mars", "^L'", "(", "\"\"\"", "!!!"}) {
    EXPECT_NO_THROW(concordance.count(input)) << input;
    EXPECT_NO_THROW(concordance.search(input, 5)) << input;
  }
  EXPECT_EQ(concordance.count("!!!"), 0);
  EXPECT_EQ(concordance.count("NEAR(contacts turcs)"), 0);  // "near contacts turcs" as a phrase
  EXPECT_EQ(concordance.count("en:mars"), 1);  // the phrase "en mars", not a column filter
}

TEST_F(ConcordanceTest, FollowsRemovedUnits) {
  Concordance concordance(tm);
  ASSERT_TRUE(tm.remove(ids[3]));
  EXPECT_EQ(concordance.count("election"), 1);
}

TEST_F(ConcordanceTest, FindsUnitsRightAfterATmxImport) {
  testing::TempDir dir;
  // Our own sentences: two new pairs, one already in the memory (merged, not indexed twice).
  testing::write_file(dir / "more.tmx", R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" creationtool="t" creationtoolversion="1"
  segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu tuid="n1"><tuv xml:lang="fr"><seg>Les élections régionales sont reportées.</seg></tuv>
  <tuv xml:lang="en"><seg>The regional elections are postponed.</seg></tuv></tu>
<tu tuid="n2"><tuv xml:lang="fr"><seg>Le port d'Izmir reste ouvert.</seg></tuv>
  <tuv xml:lang="en"><seg>The port of Izmir stays open.</seg></tuv></tu>
<tu tuid="n3"><tuv xml:lang="fr"><seg>Une élection anticipée est possible.</seg></tuv>
  <tuv xml:lang="en"><seg>An early election is possible.</seg></tuv></tu>
</body></tmx>
)");
  TmxImportStats stats = import_tmx(tm, (dir / "more.tmx").string());
  EXPECT_EQ(stats.inserted, 2);
  EXPECT_EQ(stats.merged, 1);
  Concordance concordance(tm);
  EXPECT_EQ(concordance.first_tuids("Izmir", 10),
            (std::vector<std::string>{std::to_string(ids[1]), "n2"}));
  EXPECT_EQ(concordance.count("election"), 2);  // the merged pair is still one hit
  auto hits = concordance.search("élections régionales", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].tuid, "n1");
  EXPECT_EQ(hits[0].fr, "Les [élections régionales] sont reportées.");
}

}  // namespace
}  // namespace tandem
