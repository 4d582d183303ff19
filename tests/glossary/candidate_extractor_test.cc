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

TEST(CandidateExtractorFr, BracketedCitationKeysAreNotCandidates) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("Le volant d'inertie lisse la production [BOU 05].", 0);
  x.add_sentence("Selon [Marchand 2004a], le volant d'inertie tourne vite.", 0);
  x.add_sentence("Le schéma [Onduleur triphasé] montre le montage.", 0);
  EXPECT_EQ(find(x, "bou"), nullptr);
  EXPECT_EQ(find(x, "marchand"), nullptr);
  ASSERT_NE(find(x, "volant d'inertie"), nullptr);
  EXPECT_EQ(find(x, "volant d'inertie")->frequency, 2u);
  // Brackets without a year or number are not a citation.
  EXPECT_NE(find(x, "onduleur triphasé"), nullptr);
}

TEST(CandidateExtractorFr, TellsLongWordsInCapitalsFromAcronyms) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("CONCLUSION GENERALE sur le convertisseur", 0);
  x.add_sentence("Le gestionnaire RTE coupe la ligne.", 0);
  const TermCandidate* heading = find(x, "conclusion generale");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->with_capitals_word, 1u);
  EXPECT_EQ(heading->with_long_capitals_word, 1u);
  const TermCandidate* acronym = find(x, "rte");
  ASSERT_NE(acronym, nullptr);
  EXPECT_EQ(acronym->with_capitals_word, 1u);
  EXPECT_EQ(acronym->with_long_capitals_word, 0u);
}

TEST(CandidateExtractorFr, TableOfContentsEntryStartsAfterItsPageNumber) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("Chapitre premier .......... 12 Etat de l'art des onduleurs", 0);
  x.add_sentence("La société Ventadour livre les pales.", 0);
  const TermCandidate* entry = find(x, "etat");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->capitalised, 1u);
  EXPECT_EQ(entry->capitalised_inside, 0u);
  const TermCandidate* name = find(x, "ventadour");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->capitalised_inside, 1u);
}

TEST(Abbreviates, FindsTheLettersOfTheAcronymFromTheFirstWord) {
  EXPECT_TRUE(abbreviates("mli", "modulation de largeur d'impulsion"));
  EXPECT_TRUE(abbreviates("hawt", "horizontal-axis wind turbine"));
  EXPECT_TRUE(abbreviates("pde", "production decentralisee"));
  // The long form must start with the acronym, and hold all its letters.
  EXPECT_FALSE(abbreviates("mli", "largeur d'impulsion"));
  EXPECT_FALSE(abbreviates("hawt", "wind turbine"));
  EXPECT_FALSE(abbreviates("edf", "mw"));
  EXPECT_FALSE(abbreviates("", "wind turbine"));
}

TEST(CandidateExtractorFr, CountsTermsDefinedByAnAcronymInParentheses) {
  CandidateExtractor x(Lang::fr);
  x.add_sentence("La modulation de largeur d'impulsion (MLI) commande l'onduleur.", 0);
  x.add_sentence("La MLI réduit les harmoniques du parc de 12 MW (EDF).", 0);
  const TermCandidate* long_form = find(x, "modulation de largeur d'impulsion");
  ASSERT_NE(long_form, nullptr);
  EXPECT_EQ(long_form->before_own_acronym, 1u);
  EXPECT_EQ(find(x, "largeur d'impulsion")->before_own_acronym, 0u);
  const TermCandidate* acronym = find(x, "mli");
  ASSERT_NE(acronym, nullptr);
  EXPECT_EQ(acronym->frequency, 2u);
  EXPECT_EQ(acronym->as_defined_acronym, 1u);
  // "EDF" does not abbreviate "MW".
  EXPECT_EQ(find(x, "mw")->before_own_acronym, 0u);
  EXPECT_EQ(find(x, "edf")->as_defined_acronym, 0u);
}

TEST(CandidateExtractorEn, KeepsAModelNumberAfterACapitalisedName) {
  CandidateExtractor x(Lang::en);
  x.add_sentence("The rotor uses a Clarkfield 2210 profile at 12 metres.", 0);
  EXPECT_NE(find(x, "clarkfield 2210"), nullptr);
  EXPECT_NE(find(x, "clarkfield 2210 profile"), nullptr);
  EXPECT_EQ(find(x, "2210 profile"), nullptr);  // a number never starts a term
  EXPECT_EQ(find(x, "2210"), nullptr);
  EXPECT_EQ(find(x, "12 metres"), nullptr);
  x.add_sentence("A profile 2210 was not tested.", 0);  // lower-case word: no name
  EXPECT_EQ(find(x, "profile 2210"), nullptr);
  x.add_sentence("Crew 4 serviced the gearbox.", 0);  // capitalised as a sentence start
  EXPECT_EQ(find(x, "crew 4"), nullptr);
  x.add_sentence("The IEC 61400 standard applies.", 0);
  EXPECT_NE(find(x, "iec 61400 standard"), nullptr);
}

// Regression: every English word ending in "ed" was taken for a past participle, so "wind
// speed" was never a candidate. Words in -eed with no vowel before are nouns; participles are not.
TEST(CandidateExtractorEn, NounsInEedEndTermsParticiplesDoNot) {
  CandidateExtractor x(Lang::en);
  x.add_sentence("The mean wind speed rose while the seed bank stayed closed.", 0);
  x.add_sentence("The turbine load agreed with the model.", 0);
  EXPECT_NE(find(x, "mean wind speed"), nullptr);
  EXPECT_NE(find(x, "wind speed"), nullptr);
  EXPECT_NE(find(x, "seed"), nullptr);
  EXPECT_EQ(find(x, "turbine load agreed"), nullptr);
  EXPECT_NE(find(x, "turbine load"), nullptr);
}

}  // namespace
}  // namespace tandem
