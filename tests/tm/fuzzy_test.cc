// Fuzzy lookup: the bit-parallel kernel, the index against an exhaustive scan, and the CAT-style
// scoring details.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <random>

#include "corpus/workspace.h"
#include "tests/test_support.h"
#include "tm/edit_distance.h"
#include "tm/fuzzy_index.h"
#include "tm/fuzzy_lookup.h"
#include "tm/tm_store.h"

namespace tandem {
namespace {

TEST(EditDistance, BitParallelAgreesWithDynamicProgrammeOnRandomSequences) {
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::uniform_int_distribution<int> length(0, round % 10 == 0 ? 90 : 30);
    std::uniform_int_distribution<TokenId> token(0, round % 2 ? 4 : 40);
    std::vector<TokenId> a(length(random)), b(length(random));
    for (auto& t : a) t = token(random);
    for (auto& t : b) t = token(random);
    BitParallelPattern pattern(a);
    ASSERT_EQ(pattern.distance(b), edit_distance_dp(a, b)) << "round " << round;
  }
}

TEST(EditDistance, CountsWordEditsNotCharacters) {
  std::vector<TokenId> a{1, 2, 3, 4}, b{1, 9, 3, 4, 5};
  EXPECT_EQ(BitParallelPattern(a).distance(b), 2u);
  EXPECT_EQ(BitParallelPattern(a).distance(std::vector<TokenId>{}), 4u);
}

// Made-up sentences from small word lists (our own), with many near-duplicates.
std::vector<std::string> generated_sentences(std::size_t count, std::mt19937& random) {
  const std::vector<std::string> subjects = {"Le conseil", "La ville",  "Notre équipe",
                                             "Le maire",   "La région", "Un voisin",
                                             "Le comité",  "La société"};
  const std::vector<std::string> verbs = {"annonce", "prépare", "refuse",  "examine",
                                          "publie",  "finance", "reporte", "valide"};
  const std::vector<std::string> objects = {"un nouveau projet",     "le budget annuel",
                                            "la rénovation du pont", "un plan de transport",
                                            "les travaux du marché", "une étude sur l'eau",
                                            "le festival d'été",     "la fermeture du musée"};
  const std::vector<std::string> tails = {"pour la rentrée", "avant l'hiver",        "depuis mardi",
                                          "sans débat",      "avec prudence",        "en 2024",
                                          "pour 3 ans",      "malgré les critiques", ""};
  std::vector<std::string> sentences;
  auto pick = [&](const std::vector<std::string>& list) {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(random)];
  };
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<std::string> words = {pick(subjects), pick(verbs), pick(objects)};
    for (int extra = static_cast<int>(i % 3); extra >= 0; --extra) words.push_back(pick(tails));
    words.push_back(fmt::format("(note {}).", i % 97));
    sentences.push_back(fmt::format("{}", fmt::join(words, " ")));
  }
  return sentences;
}

TEST(FuzzyIndex, FindsExactlyTheHitsOfAnExhaustiveScan) {
  std::mt19937 random(42);
  auto sentences = generated_sentences(3000, random);
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  std::vector<NewUnit> units;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    NewUnit unit;
    unit.fr = sentences[i];
    unit.en = "English side " + std::to_string(i);
    units.push_back(unit);
  }
  tm.add_units(units);
  FuzzyLookup lookup(tm, Lang::fr, "");
  FuzzyIndex& index = lookup.index();
  Tokenizer tokenizer(Lang::fr);
  auto queries = generated_sentences(200, random);
  std::size_t total_hits = 0;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    auto ids = index.query_ids(fuzzy_keys(tokenizer.tokenize(queries[q])));
    for (double threshold : {0.5, 0.7, 0.9}) {
      auto fast = index.search(ids, threshold);
      auto slow = index.search_exhaustive(ids, threshold);
      ASSERT_EQ(fast.size(), slow.size()) << queries[q] << " at " << threshold;
      for (std::size_t i = 0; i < fast.size(); ++i) {
        ASSERT_EQ(fast[i].unit_id, slow[i].unit_id);
        ASSERT_EQ(fast[i].distance, slow[i].distance);
      }
      total_hits += fast.size();
      if (threshold == 0.7) {
        EXPECT_LT(index.last_stats().candidates, index.size());
      }
    }
  }
  EXPECT_GT(total_hits, 200u);  // the comparison was not vacuous
}

NewUnit unit_of(std::string fr, std::string en) {
  NewUnit unit;
  unit.fr = std::move(fr);
  unit.en = std::move(en);
  return unit;
}

TEST(FuzzyLookup, SameWordsWithOtherNumbersScoreJustBelowExactAndSaySo) {
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  tm.add_units(std::vector<NewUnit>{
      unit_of("Le train de 8 h part du quai 3.", "The 8 o'clock train leaves from platform 3."),
      unit_of("Le bus de 8 h part de la gare routière.",
              "The 8 o'clock bus leaves the bus station.")});
  FuzzyLookup lookup(tm, Lang::fr, "");
  auto matches = lookup.lookup("Le train de 9 h part du quai 3.", 70, 5);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].unit.fr, "Le train de 8 h part du quai 3.");
  EXPECT_DOUBLE_EQ(matches[0].similarity, 1.0);
  EXPECT_TRUE(matches[0].numbers_differ);
  EXPECT_FALSE(matches[0].exact);
  EXPECT_LT(matches[0].score, 100.0);
  EXPECT_GE(matches[0].score, 95.0);
  ASSERT_EQ(matches[0].differences.size(), 1u);
  EXPECT_EQ(matches[0].differences[0].query, "9");
  EXPECT_EQ(matches[0].differences[0].unit, "8");

  auto exact = lookup.lookup("Le train de 8 h part du quai 3.", 70, 1);
  ASSERT_EQ(exact.size(), 1u);
  EXPECT_TRUE(exact[0].exact);
  EXPECT_DOUBLE_EQ(exact[0].score, 100.0);
}

TEST(FuzzyLookup, ReportsCasePunctuationAndWordDifferences) {
  Workspace ws(":memory:");
  TranslationMemory tm(ws.db());
  tm.add_unit(unit_of("Le comité examine le budget de la région.",
                      "The committee is reviewing the region's budget."));
  FuzzyLookup lookup(tm, Lang::fr, "");
  auto cased = lookup.lookup("le COMITÉ examine le budget de la région !", 50, 1);
  ASSERT_EQ(cased.size(), 1u);
  EXPECT_TRUE(cased[0].case_differs);
  EXPECT_TRUE(cased[0].punctuation_differs);
  EXPECT_DOUBLE_EQ(cased[0].score, 98.0);

  auto edited = lookup.lookup("Le comité examine le budget annuel de la ville.", 50, 1);
  ASSERT_EQ(edited.size(), 1u);
  // 9 query words, 8 unit words: "annuel" removed, "ville" → "région" = 2 edits of 9.
  EXPECT_NEAR(edited[0].similarity, 7.0 / 9.0, 1e-9);
  ASSERT_EQ(edited[0].differences.size(), 2u);
  EXPECT_EQ(edited[0].differences[0].op, MatchDifference::Op::remove);
  EXPECT_EQ(edited[0].differences[0].query, "annuel");
  EXPECT_EQ(edited[0].differences[1].op, MatchDifference::Op::replace);
  EXPECT_EQ(edited[0].differences[1].unit, "région");
}

TEST(FuzzyLookup, IndexFileIsRebuiltOnlyWhenTheMemoryChanged) {
  testing::TempDir dir;
  std::string db = (dir / "ws.db").string();
  Workspace ws(db);
  TranslationMemory tm(ws.db());
  tm.add_unit(unit_of("La porte est ouverte.", "The door is open."));
  std::string path = fuzzy_index_path(db, Lang::fr);
  {
    FuzzyLookup lookup(tm, Lang::fr, path);
    EXPECT_TRUE(lookup.ensure_index());
    EXPECT_FALSE(lookup.ensure_index());
  }
  {
    FuzzyLookup reopened(tm, Lang::fr, path);
    EXPECT_FALSE(reopened.ensure_index());  // the saved file is current
    tm.add_unit(unit_of("La fenêtre est ouverte.", "The window is open."));
    EXPECT_TRUE(reopened.ensure_index());
    auto matches = reopened.lookup("La fenêtre est fermée.", 50, 5);
    ASSERT_EQ(matches.size(), 2u);
    EXPECT_EQ(matches[0].unit.en, "The window is open.");
  }
  auto id = tm.query({}).front().id;
  tm.set_status(id, UnitStatus::rejected);
  FuzzyLookup after(tm, Lang::fr, path);
  auto matches = after.lookup("La porte est ouverte.", 50, 5);
  ASSERT_EQ(matches.size(), 1u);  // rejected units are never proposed
  EXPECT_EQ(matches[0].unit.fr, "La fenêtre est ouverte.");
}

}  // namespace
}  // namespace tandem
