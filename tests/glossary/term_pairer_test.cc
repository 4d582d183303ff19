#include "glossary/term_pairer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/tokenizer.h"

namespace tandem {
namespace {

const TermPair* find(const std::vector<TermPair>& pairs, std::string_view fr) {
  for (const TermPair& p : pairs)
    if (p.fr == fr) return &p;
  return nullptr;
}

std::vector<AlignedUnit> units_of(const std::vector<std::pair<std::string, std::string>>& texts) {
  std::vector<AlignedUnit> units;
  for (std::size_t i = 0; i < texts.size(); ++i)
    units.push_back({texts[i].first, texts[i].second, static_cast<std::int64_t>(100 + i)});
  return units;
}

const std::vector<std::pair<std::string, std::string>> kUnits = {
    {"Les mercenaires ont rencontré des contacts turcs à Ankara.",
     "The mercenaries met Turkish contacts in Ankara."},
    {"Le matériel militaire est arrivé par camion hier.",
     "The military equipment arrived by truck yesterday."},
    {"Le ministre a visité la frontière nord.", "The minister visited the northern border."},
};

TEST(TermPairer, CognatesAndMirroredWordOrderPairMultiWordTerms) {
  Lexicon lexicon;
  lexicon.add("turc", "turk");
  TermPairer pairer(&lexicon);
  auto units = units_of(kUnits);
  auto pairs = pairer.pair(units);
  const TermPair* contacts = find(pairs, "contacts turcs");
  ASSERT_NE(contacts, nullptr);
  EXPECT_EQ(contacts->en, "turkish contacts");
  EXPECT_EQ(contacts->frequency, 1u);
  ASSERT_EQ(contacts->examples.size(), 1u);
  EXPECT_EQ(contacts->examples[0], 0u);
  // "matériel" is in no dictionary: the compositional rule pairs it with the mirrored word.
  const TermPair* equipment = find(pairs, "matériel militaire");
  ASSERT_NE(equipment, nullptr);
  EXPECT_EQ(equipment->en, "military equipment");
  ASSERT_NE(find(pairs, "mercenaires"), nullptr);
  EXPECT_EQ(find(pairs, "mercenaires")->en, "mercenaries");
}

TEST(TermPairer, LinksEachTermOnce) {
  TermPairer pairer(nullptr);
  auto units = units_of(kUnits);
  auto pairs = pairer.pair(units);
  for (std::size_t i = 0; i < pairs.size(); ++i)
    for (std::size_t j = i + 1; j < pairs.size(); ++j) {
      EXPECT_NE(pairs[i].fr, pairs[j].fr);
      EXPECT_NE(pairs[i].en, pairs[j].en);
    }
  for (std::size_t i = 1; i < pairs.size(); ++i) EXPECT_GE(pairs[i - 1].score, pairs[i].score);
}

TEST(TermPairer, UnrelatedWordsAreNotPaired) {
  TermPairer pairer(nullptr);
  auto units = units_of(kUnits);
  auto pairs = pairer.pair(units);
  EXPECT_EQ(find(pairs, "camion"), nullptr);  // truck: no spelling, dictionary or repeat evidence
  for (const TermPair& p : pairs) EXPECT_NE(p.en, "truck") << p.fr;
}

TEST(TermPairer, RepeatedCooccurrenceTeachesAWordPair) {
  std::vector<std::pair<std::string, std::string>> texts = {
      {"Le camion est vert.", "The truck is green."},
      {"Un camion arrive.", "A truck arrives."},
      {"Ce camion est lent.", "This truck is slow."},
  };
  TermPairer pairer(nullptr);
  auto units = units_of(texts);
  auto pairs = pairer.pair(units);
  ASSERT_NE(find(pairs, "camion"), nullptr);
  EXPECT_EQ(find(pairs, "camion")->en, "truck");
  EXPECT_EQ(find(pairs, "camion")->frequency, 3u);
}

TEST(TermPairer, WordEvidenceUsesDictionaryStemsAndCognates) {
  Lexicon lexicon;
  lexicon.add("pale", "blade");
  TermPairer pairer(&lexicon);
  EXPECT_GE(pairer.word_evidence("pales", "pal", "blades", "blade"), 0.9);
  EXPECT_GE(pairer.word_evidence("qualite", "qualit", "quality", "qualiti"), 0.8);
  EXPECT_EQ(pairer.word_evidence("camion", "camion", "truck", "truck"), 0.0);
}

MonolingualTerm mono(std::string term, std::vector<std::string> words, Lang lang, double weight) {
  Tokenizer tok(lang);
  MonolingualTerm t{std::move(term), std::move(words), {}, weight, {}, 0};
  for (const std::string& w : t.words) t.stems.push_back(tok.words(w)[0].stem);
  return t;
}

TEST(TermPairerComparable, RanksCompositionalTranslationsFirst) {
  Lexicon lexicon;
  lexicon.add("vitesse", "speed");
  TermPairer pairer(&lexicon);
  std::vector<MonolingualTerm> fr = {mono("vitesse du vent", {"vitesse", "vent"}, Lang::fr, 5),
                                     mono("turbine", {"turbine"}, Lang::fr, 4)};
  std::vector<MonolingualTerm> en = {mono("rotor speed", {"rotor", "speed"}, Lang::en, 3),
                                     mono("wind speed", {"wind", "speed"}, Lang::en, 6),
                                     mono("turbines", {"turbines"}, Lang::en, 2),
                                     mono("gearbox", {"gearbox"}, Lang::en, 5)};
  auto pairs = pairer.pair_comparable(fr, en, 2);
  ASSERT_GE(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].fr, "vitesse du vent");
  // Both English terms explain "vitesse"; the mirrored residual pairs "vent" with the more
  // prominent one, and nothing pairs with "gearbox".
  EXPECT_EQ(pairs[0].en, "wind speed");
  bool turbine = false;
  for (const TermPair& p : pairs) {
    EXPECT_NE(p.en, "gearbox");
    turbine = turbine || (p.fr == "turbine" && p.en == "turbines");
  }
  EXPECT_TRUE(turbine);
}

// "wind farm" and "wind farms" are one translation told twice: the singular French term gets
// the singular first and the plural one the plural, whichever ranks higher in its corpus.
TEST(TermPairerComparable, TheVariantAgreeingInNumberComesFirst) {
  Lexicon lexicon;
  lexicon.add("parc", "farm");
  lexicon.add("éolien", "wind");
  TermPairer pairer(&lexicon);
  std::vector<MonolingualTerm> fr = {mono("parc éolien", {"parc", "eolien"}, Lang::fr, 5),
                                     mono("parcs éoliens", {"parcs", "eoliens"}, Lang::fr, 4)};
  for (double plural_weight : {1.0, 9.0}) {
    std::vector<MonolingualTerm> en = {
        mono("wind farm", {"wind", "farm"}, Lang::en, 5),
        mono("wind farms", {"wind", "farms"}, Lang::en, plural_weight)};
    auto pairs = pairer.pair_comparable(fr, en, 2);
    ASSERT_EQ(pairs.size(), 4u);
    EXPECT_EQ(pairs[0].fr, "parc éolien");
    EXPECT_EQ(pairs[0].en, "wind farm");
    EXPECT_EQ(pairs[2].fr, "parcs éoliens");
    EXPECT_EQ(pairs[2].en, "wind farms");
  }
}

// Two forms of one stem, neither plural: the one the English text uses more often comes first,
// although the other ranks higher as a term.
TEST(TermPairerComparable, TheMoreFrequentFormOfOneStemComesFirst) {
  Lexicon lexicon;
  lexicon.add("écoulement", "flow");
  TermPairer pairer(&lexicon);
  std::vector<MonolingualTerm> fr = {mono("écoulement", {"ecoulement"}, Lang::fr, 5)};
  std::vector<MonolingualTerm> en = {mono("flowing", {"flowing"}, Lang::en, 9),
                                     mono("flow", {"flow"}, Lang::en, 2)};
  en[0].frequency = 2;
  en[1].frequency = 12;
  auto pairs = pairer.pair_comparable(fr, en, 2);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].en, "flow");
  EXPECT_EQ(pairs[1].en, "flowing");
}

// Same number, same frequency: the form ranked higher as a term comes first, whatever the order
// the English terms are given in.
TEST(TermPairerComparable, TiedFormsOfOneStemFollowTheirTermRank) {
  Lexicon lexicon;
  lexicon.add("écoulement", "flow");
  TermPairer pairer(&lexicon);
  std::vector<MonolingualTerm> fr = {mono("écoulement", {"ecoulement"}, Lang::fr, 5)};
  for (bool flowing_first : {true, false}) {
    std::vector<MonolingualTerm> en = {mono("flowing", {"flowing"}, Lang::en, 9),
                                       mono("flow", {"flow"}, Lang::en, 2)};
    en[0].frequency = en[1].frequency = 7;
    if (!flowing_first) std::swap(en[0], en[1]);
    auto pairs = pairer.pair_comparable(fr, en, 2);
    ASSERT_EQ(pairs.size(), 2u);
    EXPECT_EQ(pairs[0].en, "flowing") << "flowing given first: " << flowing_first;
  }
}

}  // namespace
}  // namespace tandem
