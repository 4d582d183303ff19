#include "glossary/termhood.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "corpus/error.h"
#include "tests/test_support.h"

namespace tandem {
namespace {

GeneralFrequencies small_table(const testing::TempDir& dir) {
  auto path = dir / "general.txt";
  testing::write_file(path,
                      "__NB_CORPUS_WORDS__::option::1000000\n"
                      "day::N::5000\nweather::N::900\nmorning::N::2000\nturbine::N::3\n");
  return GeneralFrequencies::load(path.string(), Lang::en);
}

std::size_t rank_of(const std::vector<ScoredTerm>& ranked, std::string_view term) {
  for (std::size_t i = 0; i < ranked.size(); ++i)
    if (ranked[i].term == term) return i;
  return ranked.size();
}

TEST(GeneralFrequencies, FindsInflectedFormsThroughStems) {
  testing::TempDir dir;
  GeneralFrequencies table = small_table(dir);
  EXPECT_EQ(table.corpus_words(), 1000000u);
  Tokenizer tok(Lang::en);
  EXPECT_EQ(table.count(tok.words("mornings")[0].stem), 2000u);
  EXPECT_EQ(table.count(tok.words("gearbox")[0].stem), 0u);
}

TEST(GeneralFrequencies, MalformedLineIsReportedWithItsLine) {
  testing::TempDir dir;
  auto path = dir / "bad.txt";
  testing::write_file(path, "__NB_CORPUS_WORDS__::option::10\nday::N::5\nnight::N\n");
  try {
    GeneralFrequencies::load(path.string(), Lang::en);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 3u);
  }
}

TEST(GeneralFrequencies, BundledTablesLoadForBothLanguages) {
  for (Lang lang : {Lang::en, Lang::fr}) {
    GeneralFrequencies table = GeneralFrequencies::load_bundled(lang);
    Tokenizer tok(lang);
    const char* common = lang == Lang::en ? "system" : "système";
    EXPECT_GT(table.count(tok.words(common)[0].stem), 1000u) << to_tag(lang);
    EXPECT_GT(table.corpus_words(), 1000000u);
  }
}

TEST(Termhood, DomainWordsOutrankGeneralWords) {
  testing::TempDir dir;
  GeneralFrequencies table = small_table(dir);
  CandidateExtractor x(Lang::en);
  const char* text[] = {
      "The gearbox of the turbine was noisy that morning.",
      "Every day the weather changed but the gearbox kept turning.",
      "A cracked gearbox stops a turbine for a day.",
      "The turbine gearbox was replaced in the morning.",
  };
  for (int i = 0; i < 4; ++i) x.add_sentence(text[i], i);
  TermhoodOptions all;
  all.threshold = -1e9;
  auto ranked = rank_terms(x, table, all);
  EXPECT_LT(rank_of(ranked, "gearbox"), rank_of(ranked, "day"));
  EXPECT_LT(rank_of(ranked, "turbine"), rank_of(ranked, "weather"));
  EXPECT_LT(rank_of(ranked, "turbine gearbox"), rank_of(ranked, "morning"));
  EXPECT_TRUE(std::is_sorted(ranked.begin(), ranked.end(),
                             [](auto& a, auto& b) { return a.score > b.score; }));
}

TEST(Termhood, CandidateOnlySeenInsideALongerOneRanksBelowIt) {
  testing::TempDir dir;
  GeneralFrequencies table = small_table(dir);
  CandidateExtractor x(Lang::en);
  for (int i = 0; i < 5; ++i) x.add_sentence("Check the yaw drive motor daily.", i);
  TermhoodOptions all;
  all.threshold = -1e9;
  auto ranked = rank_terms(x, table, all);
  EXPECT_LT(rank_of(ranked, "yaw drive motor"), rank_of(ranked, "drive motor"));
}

// On real annotated text (ACTER wind energy, en): the head of the list is mostly gold terms.
TEST(Termhood, TopOfTheListIsMostlyGoldTermsOnActerWindEnglish) {
  auto dir = testing::shared_path("dev/terms/acter/en/wind/annotated/texts");
  CandidateExtractor x(Lang::en);
  std::int64_t doc = 0;
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    std::istringstream in(testing::read_file(file.path()));
    for (std::string line; std::getline(in, line);) x.add_sentence(line, doc);
    ++doc;
  }
  std::set<std::string> gold;
  std::istringstream key(testing::read_file(
      testing::shared_path("dev/terms/acter/en/wind/annotated/annotations/unique_annotation_lists/"
                           "wind_en_terms_nes.tsv")));
  for (std::string line; std::getline(key, line);) gold.insert(line.substr(0, line.find('\t')));
  auto ranked = rank_terms(x, GeneralFrequencies::load_bundled(Lang::en));
  ASSERT_GE(ranked.size(), 100u);
  int hits = 0;
  for (std::size_t i = 0; i < 100; ++i) hits += gold.count(ranked[i].term);
  EXPECT_GE(hits, 50);
}

// A model file with the given weights (others 0) and cut.
std::string model_text(const std::map<std::string, std::string>& weights) {
  std::string text = "# my test model\n";
  for (std::string_view name : termhood_feature_names()) {
    auto it = weights.find(std::string(name));
    text += std::string(name) + "\t" + (it == weights.end() ? "0" : it->second) + "\n";
  }
  return text;
}

TEST(TermhoodModel, LoadsWeights) {
  testing::TempDir dir;
  auto path = dir / "weights.tsv";
  testing::write_file(path, model_text({{"bias", "0.5"}, {"digit", "-2"}}));
  TermhoodModel model = TermhoodModel::load(path.string());
  std::vector<double> features(termhood_feature_names().size(), 1.0);
  EXPECT_DOUBLE_EQ(model.score(features), -1.5);
}

TEST(TermhoodModel, BadWeightIsReportedWithFileAndLine) {
  testing::TempDir dir;
  auto path = dir / "weights.tsv";
  testing::write_file(path, model_text({{"log_frequency", "1.2x"}}));
  try {
    TermhoodModel::load(path.string());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, path.string());
    EXPECT_EQ(e.where().line, 3u);  // comment, bias, log_frequency
  }
}

TEST(TermhoodModel, UnknownOrMissingFeatureIsAnError) {
  testing::TempDir dir;
  auto unknown = dir / "unknown.tsv";
  testing::write_file(unknown, model_text({}) + "wind_bonus\t3\n");
  EXPECT_THROW(TermhoodModel::load(unknown.string()), Error);
  auto missing = dir / "missing.tsv";
  testing::write_file(missing, "bias\t1\nlog_frequency\t0\n");
  EXPECT_THROW(TermhoodModel::load(missing.string()), Error);
}

TEST(TermhoodModel, RankingFollowsTheWeightsAndAnExplicitCut) {
  testing::TempDir dir;
  auto path = dir / "weights.tsv";
  // Only frequency counts: log2(1 + frequency) >= 1.5 keeps words seen twice or more.
  testing::write_file(path, model_text({{"log_frequency", "1"}}));
  TermhoodModel model = TermhoodModel::load(path.string());
  GeneralFrequencies table = small_table(dir);
  CandidateExtractor x(Lang::en);
  x.add_sentence("The gearbox hummed.", 0);
  x.add_sentence("A gearbox rattled near the nacelle.", 0);
  x.add_sentence("Every gearbox wears.", 1);
  TermhoodOptions options;
  options.model = &model;
  options.threshold = 1.5;
  auto ranked = rank_terms(x, table, options);
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked[0].term, "gearbox");
  EXPECT_EQ(rank_of(ranked, "nacelle"), ranked.size());  // seen once: under the cut
  EXPECT_DOUBLE_EQ(ranked[0].score, 2.0);
}

TEST(TermhoodModel, BundledModelsLoadForBothLanguages) {
  for (Lang lang : {Lang::fr, Lang::en}) {
    std::vector<double> features(termhood_feature_names().size(), 0.5);
    double score = std::nan("");
    EXPECT_NO_THROW(score = TermhoodModel::bundled(lang).score(features)) << to_tag(lang);
    EXPECT_TRUE(std::isfinite(score));
  }
}

std::vector<ScoredTerm> scored(std::initializer_list<double> log_odds) {
  std::vector<ScoredTerm> ranked;
  for (double s : log_odds) ranked.push_back({std::to_string(ranked.size()), s, 0});
  return ranked;
}

TEST(Termhood, DefaultCutKeepsWhatTheModelExpectsToBeTerms) {
  // Probabilities .98 .95 .88 | .05 .02 .01: the expected F1 peaks after the third.
  EXPECT_EQ(f1_optimal_count(scored({4, 3, 2, -3, -4, -5})), 3u);
  // All likely: keep all; none likely: keep the best alone rather than nothing at all.
  EXPECT_EQ(f1_optimal_count(scored({5, 4, 3})), 3u);
  EXPECT_EQ(f1_optimal_count(scored({-6, -7, -8})), 1u);
  EXPECT_EQ(f1_optimal_count({}), 0u);
  // The cut adapts: the same scores shifted down keep fewer.
  EXPECT_LT(f1_optimal_count(scored({1, 0.5, 0, -0.5, -1, -1.5, -2})),
            f1_optimal_count(scored({3, 2.5, 2, 1.5, 1, 0.5, 0})));
}

double feature(const CandidateExtractor& x, const GeneralFrequencies& table, std::string_view term,
               std::string_view name) {
  auto names = termhood_feature_names();
  auto column =
      static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  auto rows = termhood_features(x, table);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (x.candidates()[i].term == term) return rows[i].at(column);
  ADD_FAILURE() << "no candidate " << term;
  return std::nan("");
}

TEST(TermhoodFeatures, NameIsAlwaysCapitalisedAndSeenInsideASentence) {
  testing::TempDir dir;
  GeneralFrequencies table = small_table(dir);
  CandidateExtractor x(Lang::en);
  x.add_sentence("Engineers from Brightwater inspected the gearbox.", 0);
  x.add_sentence("Gearbox wear worried Brightwater.", 1);
  x.add_sentence("Morning shifts are short.", 1);
  EXPECT_EQ(feature(x, table, "brightwater", "proper_name"), 1.0);
  EXPECT_EQ(feature(x, table, "gearbox", "proper_name"), 0.0);  // also lower case
  EXPECT_EQ(feature(x, table, "morning", "proper_name"), 0.0);  // only at a sentence start
}

TEST(TermhoodFeatures, MarksAcronymsAndTheTermsTheyAbbreviate) {
  testing::TempDir dir;
  GeneralFrequencies table = small_table(dir);
  CandidateExtractor x(Lang::en);
  x.add_sentence("The vertical-axis wind turbine (VAWT) needs no yaw drive.", 0);
  x.add_sentence("A VAWT turns in any wind.", 0);
  EXPECT_EQ(feature(x, table, "vertical-axis wind turbine", "before_own_acronym"), 1.0);
  EXPECT_EQ(feature(x, table, "wind turbine", "before_own_acronym"), 0.0);
  EXPECT_EQ(feature(x, table, "vawt", "defined_acronym"), 1.0);
  EXPECT_EQ(feature(x, table, "yaw drive", "defined_acronym"), 0.0);
}

TEST(TermhoodFeatures, EverySingleWordFeatureHasItsPhraseFeature) {
  auto names = termhood_feature_names();
  std::set<std::string_view> all(names.begin(), names.end());
  EXPECT_EQ(all.size(), names.size()) << "duplicate feature names";
  int single = 0;
  for (std::string_view name : names) {
    if (!name.starts_with("single_") || name == "single_word") continue;
    ++single;
    EXPECT_TRUE(all.count(name.substr(7))) << name;
  }
  EXPECT_GT(single, 10);
}

}  // namespace
}  // namespace tandem
