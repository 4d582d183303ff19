#include "glossary/term_list.h"

#include <gtest/gtest.h>

#include "corpus/error.h"
#include "glossary/general_frequencies.h"
#include "tests/test_support.h"

namespace tandem {
namespace {

using testing::TempDir;
using testing::write_file;

TEST(ReadTermList, TakesTheFirstColumnOnceSkippingCommentsAndBlankLines) {
  TempDir dir;
  write_file(dir / "terms.tsv",
             "# my client's wind-farm terms\n"
             "Pale d'éolienne\t0.93\n"
             "\n"
             "  moyeu  \r\n"
             "pale   d'éolienne\t0.40\n"
             "mât de mesure");
  std::vector<std::string> terms = read_term_list((dir / "terms.tsv").string());
  EXPECT_EQ(terms, (std::vector<std::string>{"pale d'éolienne", "moyeu", "mât de mesure"}));
}

TEST(ReadTermList, NamesTheFileItCannotRead) {
  try {
    read_term_list("/nonexistent/terms.txt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.describe().find("/nonexistent/terms.txt"), std::string::npos);
  }
}

class ResolveTermList : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* s : {"Les éoliennes flottantes produisent une énergie éolienne régulière.",
                          "Deux éoliennes flottantes ont été remorquées au large.",
                          "Une éolienne flottante coûte plus cher qu'une éolienne posée."})
      corpus.add_sentence(s, 0);
    TermhoodOptions all;
    all.threshold = -1e9;  // every candidate ranked, as pair-files does
    ranking = rank_terms(corpus, GeneralFrequencies::load_bundled(Lang::fr), all);
  }
  CandidateExtractor corpus{Lang::fr};
  std::vector<ScoredTerm> ranking;
};

TEST_F(ResolveTermList, ALemmaTakesTheOccurrencesOfEveryInflection) {
  std::vector<std::string> list{"éolienne flottant"};
  auto terms = resolve_term_list(Lang::fr, list, corpus, ranking);
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].term, "éolienne flottant");  // as listed
  EXPECT_EQ(terms[0].frequency, 3u);  // "éoliennes flottantes" ×2, "éolienne flottante"
  EXPECT_EQ(terms[0].words.size(), 2u);
  // Its keys are those of a variant the corpus uses, so its contexts can be found.
  EXPECT_TRUE(terms[0].keys[1] == "flottantes" || terms[0].keys[1] == "flottante");
}

TEST_F(ResolveTermList, ATermTheCorpusNeverUsesIsKeptFromItsOwnWords) {
  std::vector<std::string> list{"mât de mesure", "énergie éolien"};
  auto terms = resolve_term_list(Lang::fr, list, corpus, ranking);
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].term, "mât de mesure");
  EXPECT_EQ(terms[0].frequency, 0u);
  EXPECT_EQ(terms[0].words, (std::vector<std::string>{"mat", "mesure"}));
  EXPECT_EQ(terms[1].frequency, 1u);
  EXPECT_GT(terms[1].weight, terms[0].weight);  // ranked in its corpus, the other not at all
}

}  // namespace
}  // namespace tandem
