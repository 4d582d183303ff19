#include "glossary/candidate_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tandem {
namespace {

const TermCandidate* find(const CandidateExtractor& x, std::string_view term) {
  for (const TermCandidate& c : x.candidates())
    if (c.term == term) return &c;
  return nullptr;
}

TEST(CandidateExtractorFr, SplitsElidedArticleOffTheTerm) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("L'éolienne du village tourne depuis mardi.", 0);
  EXPECT_NE(find(x, "éolienne"), nullptr);
  EXPECT_EQ(find(x, "l'éolienne"), nullptr);
  EXPECT_EQ(find(x, "l’éolienne"), nullptr);
}

TEST(CandidateExtractorFr, KeepsLinkingPrepositionAndSurfaceForm) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("Le préfet exige une Étude d’impact avant le chantier.", 0);
  ASSERT_NE(find(x, "étude d’impact"), nullptr);
  EXPECT_EQ(find(x, "étude d’impact")->stems.size(), 2u);
  EXPECT_EQ(find(x, "étude d’"), nullptr);  // never ends on a linking word
}

TEST(CandidateExtractorFr, CountsWhereOccurrencesSit) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("Une pompe hydraulique a cédé.", 0);
  x.add_sentence("Le technicien change la pompe hydraulique usée.", 0);
  const TermCandidate* pump = find(x, "pompe hydraulique");
  ASSERT_NE(pump, nullptr);
  EXPECT_EQ(pump->frequency, 2u);
  EXPECT_EQ(pump->after_determiner, 2u);  // "une", "la"
  EXPECT_EQ(pump->left_open, 0u);
  EXPECT_EQ(pump->right_open, 1u);  // "usée" follows once: a longer phrase goes on
  const TermCandidate* fragment = find(x, "hydraulique");
  ASSERT_NE(fragment, nullptr);
  EXPECT_EQ(fragment->left_open, 2u);  // always glued to "pompe"
  EXPECT_EQ(fragment->after_determiner, 0u);
}

// Regression: a web page on one line made every new candidate copy the whole line (4.7 GB for
// the TTC corpus). Examples from long lines are a window around the term.
TEST(CandidateExtractorEn, ExampleFromAVeryLongLineIsAWindowAroundTheTerm) {
  std::string line;
  for (int i = 0; i < 2000; ++i)
    line += "Crew " + std::to_string(i) + " serviced gearbox unit " + std::to_string(i) + ". ";
  line += "Finally the nacelle crane was tested.";
  CandidateExtractor x(Lang::en);
  x.add_sentence(line, 0);
  ASSERT_GT(line.size(), 50000u);
  const TermCandidate* crane = find(x, "nacelle crane");
  ASSERT_NE(crane, nullptr);
  EXPECT_NE(crane->example_text.find("Finally the nacelle crane was tested."), std::string::npos);
  EXPECT_TRUE(crane->example_text.starts_with("… "));
  std::size_t total = 0;
  for (const TermCandidate& c : x.candidates()) {
    EXPECT_LE(c.example_text.size(), 500u) << c.term;
    total += c.example_text.size();
  }
  EXPECT_LT(total, 100 * line.size() / 10);
  // Ordinary sentences stay whole.
  x.add_sentence("The yaw brake squealed.", 1);
  EXPECT_EQ(find(x, "yaw brake")->example_text, "The yaw brake squealed.");
}

TEST(CandidateExtractorFr, AllowsArticleOnlyAfterDe) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("La production de l'électricité baisse la nuit.", 0);
  EXPECT_NE(find(x, "production de l'électricité"), nullptr);
  EXPECT_EQ(find(x, "électricité baisse la nuit"), nullptr);
}

TEST(CandidateExtractorEn, StopsAtPunctuationAndFunctionWords) {
  CandidateExtractor x(Lang::en);
  x.add_sentence("The Wind Turbine, the gearbox and the tower were inspected.", 7);
  const TermCandidate* c = find(x, "wind turbine");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->capitalised, 1u);
  EXPECT_EQ(c->example_document, 7);
  EXPECT_EQ(find(x, "wind turbine gearbox"), nullptr);
  EXPECT_EQ(find(x, "turbine the"), nullptr);
}

TEST(CandidateExtractorEn, KeepsOfInsideButNotAtTheEdges) {
  CandidateExtractor x(Lang::en);
  x.add_sentence("We changed the angle of attack of each blade.", 0);
  EXPECT_NE(find(x, "angle of attack"), nullptr);
  EXPECT_EQ(find(x, "angle of"), nullptr);
  EXPECT_EQ(find(x, "of attack"), nullptr);
}

TEST(CandidateExtractorEn, CountsOccurrencesAndDocuments) {
  CandidateExtractor x(Lang::en);
  x.add_sentence("A pitch bearing failed.", 1, 10);
  x.add_sentence("Another pitch bearing was replaced.", 1, 11);
  x.add_sentence("Pitch bearing wear is slow.", 2, 12);
  const TermCandidate* c = find(x, "pitch bearing");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->frequency, 3u);
  EXPECT_EQ(c->documents.size(), 2u);
  EXPECT_EQ(c->example_sentence, 10);
  EXPECT_EQ(x.document_count(), 2u);
  EXPECT_EQ(x.stem_frequency(c->stems[0]), 3u);
}

TEST(CandidateExtractorEn, DropsFormulaSymbolsAndBareNumbers) {
  CandidateExtractor x(Lang::en);
  x.add_sentence("The power is 1500 kW when λ equals 7.", 0);
  EXPECT_EQ(find(x, "λ"), nullptr);
  EXPECT_EQ(find(x, "1500"), nullptr);
  EXPECT_NE(find(x, "power"), nullptr);
}

TEST(CandidateExtractorEn, CountsCapitalsAwayFromTheSentenceStart) {
  CandidateExtractor x(Lang::en);
  x.add_sentence("Gearbox oil was checked.", 0);
  x.add_sentence("The crew met Northwind Energy at the SCADA desk.", 0);
  x.add_sentence("Later the gearbox was opened.", 0);
  const TermCandidate* gearbox = find(x, "gearbox");
  ASSERT_NE(gearbox, nullptr);
  EXPECT_EQ(gearbox->capitalised, 1u);
  EXPECT_EQ(gearbox->capitalised_inside, 0u);
  const TermCandidate* name = find(x, "northwind energy");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->capitalised_inside, 1u);
  const TermCandidate* desk = find(x, "scada desk");
  ASSERT_NE(desk, nullptr);
  EXPECT_EQ(desk->with_capitals_word, 1u);
  EXPECT_EQ(gearbox->with_capitals_word, 0u);
}

TEST(CandidateExtractorFr, ShowsNamesAsWrittenAndOtherTermsInLowerCase) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("M. Paul Girard a présenté le rapport hier soir.", 1, 1);
  x.add_sentence("La ligne de bus reprendra lundi.", 1, 2);
  x.add_sentence("Ligne de bus fermée jusqu'à nouvel ordre.", 1, 3);
  const TermCandidate* name = find(x, "paul girard");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->display(), "Paul Girard")
      << "after the title M. the name is not at a sentence start";
  const TermCandidate* term = find(x, "ligne de bus");
  ASSERT_NE(term, nullptr);
  EXPECT_EQ(term->display(), "ligne de bus") << "capitalised only at a sentence start";
}

}  // namespace
}  // namespace tandem
