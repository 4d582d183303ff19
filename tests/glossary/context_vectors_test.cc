#include "glossary/context_vectors.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/tokenizer.h"
#include "glossary/term_pairer.h"

namespace tandem {
namespace {

bool has_dimension(const CorpusContexts& c, const SparseVector& v, std::string_view key) {
  std::uint32_t id = c.id_of_key(key);
  for (const auto& [d, w] : v.entries)
    if (d == id) return w > 0;
  return false;
}

TEST(CorpusContexts, CountsContentWordsAroundATermWithinItsSentence) {
  CorpusContexts c(Lang::fr, {.window = 3});
  c.add_sentence("Le béton de la tour sèche lentement.");
  c.add_sentence("Les ouvriers peignent la tour.");
  c.add_sentence("Un chat dort au soleil.");
  std::vector<std::string> tour{"tour"};
  SparseVector v = c.vector_of(tour);
  EXPECT_TRUE(has_dimension(c, v, "beton"));
  EXPECT_TRUE(has_dimension(c, v, "peignent"));
  EXPECT_FALSE(has_dimension(c, v, "la"));    // function word
  EXPECT_FALSE(has_dimension(c, v, "chat"));  // another sentence
  EXPECT_FALSE(has_dimension(c, v, "soleil"));
  EXPECT_EQ(c.occurrences(tour), 2u);
}

TEST(CorpusContexts, InflectedFormsShareOneVectorAndMultiWordTermsMatchInSequence) {
  CorpusContexts c(Lang::fr);
  c.add_sentence("La pale tourne vite.");
  c.add_sentence("Les pales tournent vite.");
  c.add_sentence("Le bout de pale casse parfois.");
  c.add_sentence("Le bout du tunnel est loin.");
  std::vector<std::string> singular{"pale"}, plural{"pales"}, tip{"bout", "de", "pale"};
  EXPECT_EQ(c.occurrences(singular), 3u);
  EXPECT_NEAR(cosine(c.vector_of(singular), c.vector_of(plural)), 1.0, 1e-6);
  EXPECT_EQ(c.occurrences(tip), 1u);
  SparseVector v = c.vector_of(tip);
  EXPECT_TRUE(has_dimension(c, v, "casse"));
  EXPECT_FALSE(has_dimension(c, v, "tunnel"));
}

TEST(ContextVectors, TranslationThroughSeedsMakesEquivalentContextsAlike) {
  SparseVector fr{{{0, 0.6f}, {1, 0.8f}}};
  SeedLexicon seeds(2);
  seeds[0] = {{7, 1.0f}};
  seeds[1] = {{3, 1.0f}};
  SparseVector en = translate(fr, seeds);
  ASSERT_EQ(en.entries.size(), 2u);
  EXPECT_EQ(en.entries[0].first, 3u);  // sorted by dimension
  SparseVector same{{{3, 0.8f}, {7, 0.6f}}};
  SparseVector other{{{5, 1.0f}}};
  EXPECT_NEAR(cosine(en, same), 1.0, 1e-6);
  EXPECT_EQ(cosine(en, other), 0.0);

  VectorIndex index;
  index.add(10, other);
  index.add(11, same);
  auto nearest = index.nearest(en, 5);
  ASSERT_EQ(nearest.size(), 1u);  // no shared dimension, no neighbour
  EXPECT_EQ(nearest[0].first, 11u);
}

MonolingualTerm term(const std::string& text, Lang lang, double weight, std::uint32_t frequency) {
  Tokenizer tok(lang);
  MonolingualTerm t;
  t.term = text;
  t.weight = weight;
  t.frequency = frequency;
  for (const Token& w : tok.words(text)) {
    t.keys.push_back(w.key);
    t.words.push_back(w.key);
    t.stems.push_back(w.stem);
  }
  return t;
}

// "tour" is both "tower" and "turn" in the dictionary; the English corpus uses both. Only the
// company the words keep says which one the French building text means.
TEST(TermPairerComparable, ContextDecidesBetweenTwoDictionaryTranslations) {
  Lexicon lexicon;
  lexicon.add("tour", "tower");
  lexicon.add("tour", "turn");
  lexicon.add("béton", "concrete");
  lexicon.add("hauteur", "height");
  lexicon.add("acier", "steel");
  lexicon.add("gauche", "left");
  lexicon.add("route", "road");
  CorpusContexts fr(Lang::fr), en(Lang::en);
  for (int i = 0; i < 3; ++i) {
    fr.add_sentence("La tour en béton gagne en hauteur chaque mois.");
    fr.add_sentence("Une tour en acier et en béton domine la ville.");
    en.add_sentence("The concrete tower gains height every month.");
    en.add_sentence("A steel and concrete tower dominates the town.");
    en.add_sentence("Take the next turn left on the road.");
    en.add_sentence("A sharp turn left leaves the main road.");
  }
  std::vector<MonolingualTerm> fr_terms{term("tour", Lang::fr, 1, 6)};
  // "turn" ranks higher in its corpus: without contexts it would win the tie.
  std::vector<MonolingualTerm> en_terms{term("turn", Lang::en, 2, 6),
                                        term("tower", Lang::en, 1, 6)};
  TermPairer pairer(&lexicon);

  auto plain = pairer.pair_comparable(fr_terms, en_terms, 2);
  ASSERT_FALSE(plain.empty());
  EXPECT_EQ(plain[0].en, "turn");

  auto with_contexts = pairer.pair_comparable(fr_terms, en_terms, 2, {&fr, &en});
  ASSERT_FALSE(with_contexts.empty());
  EXPECT_EQ(with_contexts[0].fr, "tour");
  EXPECT_EQ(with_contexts[0].en, "tower");
}

// Contexts alone propose a term only among the French term's nearest terms by context, and word
// evidence only terms within one word of its length: a long English term that merely holds a
// translation of the word ("tower" in "tall tower crane operator"), and so shares its company,
// is not proposed for it.
TEST(TermPairerComparable, ContextsAloneDoNotProposeALongTermThatHoldsTheWord) {
  Lexicon lexicon;
  lexicon.add("tour", "tower");
  lexicon.add("béton", "concrete");
  lexicon.add("hauteur", "height");
  lexicon.add("mois", "month");
  CorpusContexts fr(Lang::fr), en(Lang::en);
  for (int i = 0; i < 3; ++i) {
    fr.add_sentence("La tour en béton gagne en hauteur chaque mois.");
    fr.add_sentence("Chaque mois, la tour de béton prend de la hauteur.");
    en.add_sentence("The concrete tower gains height every month.");
    en.add_sentence(
        "Every month the tall tower crane operator climbs to a new height of concrete.");
  }
  std::vector<MonolingualTerm> fr_terms{term("tour", Lang::fr, 1, 6)};
  std::vector<MonolingualTerm> en_terms{term("tower", Lang::en, 2, 6),
                                        term("tall tower crane operator", Lang::en, 1, 3)};
  TermPairer pairer(&lexicon);
  auto pairs = pairer.pair_comparable(fr_terms, en_terms, 5, {&fr, &en});
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs[0].en, "tower");
  for (const TermPair& p : pairs) EXPECT_NE(p.en, "tall tower crane operator");
}

// No dictionary entry and no resemblance: "pale" finds "blade" because both stand among the
// translations of the same words.
TEST(TermPairerComparable, ContextsProposeAWordTheDictionaryLacks) {
  Lexicon lexicon;
  lexicon.add("longueur", "length");
  lexicon.add("vent", "wind");
  lexicon.add("pluie", "rain");
  lexicon.add("ville", "town");
  CorpusContexts fr(Lang::fr), en(Lang::en);
  for (int i = 0; i < 3; ++i) {
    fr.add_sentence("La longueur de la pale du rotor face au vent.");
    fr.add_sentence("Le rotor porte une pale dont la longueur compte.");
    fr.add_sentence("La pluie tombe sur la ville.");
    en.add_sentence("The blade length of the rotor facing the wind.");
    en.add_sentence("The rotor carries one blade whose length matters.");
    en.add_sentence("The rain falls on the town umbrella.");
    en.add_sentence("An umbrella keeps the rain off in town.");
  }
  std::vector<MonolingualTerm> fr_terms{term("pale", Lang::fr, 1, 6)};
  std::vector<MonolingualTerm> en_terms{term("umbrella", Lang::en, 2, 6),
                                        term("blade", Lang::en, 1, 6)};
  TermPairer pairer(&lexicon);
  EXPECT_TRUE(pairer.pair_comparable(fr_terms, en_terms, 2).empty());
  auto pairs = pairer.pair_comparable(fr_terms, en_terms, 2, {&fr, &en});
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs[0].en, "blade");
}

// "pale" is spelled like an English word, but the English "pale" keeps other company (the
// sky, the rain) than the French blade does: the look-alike is doubted and the word whose
// contexts match, "blade", comes first.
TEST(TermPairerComparable, ALookAlikeWithoutContextSupportYieldsToAContextNeighbour) {
  Lexicon lexicon;
  lexicon.add("longueur", "length");
  lexicon.add("vent", "wind");
  lexicon.add("pluie", "rain");
  lexicon.add("ville", "town");
  lexicon.add("ciel", "sky");
  CorpusContexts fr(Lang::fr), en(Lang::en);
  for (int i = 0; i < 3; ++i) {
    fr.add_sentence("La longueur de la pale du rotor face au vent.");
    fr.add_sentence("Le rotor porte une pale dont la longueur compte.");
    fr.add_sentence("La pluie tombe sur la ville sous le ciel.");
    en.add_sentence("The blade length of the rotor facing the wind.");
    en.add_sentence("The rotor carries one blade whose length matters.");
    en.add_sentence("A pale sky over the town before the rain.");
    en.add_sentence("The rain left the town pale under a grey sky.");
  }
  std::vector<MonolingualTerm> fr_terms{term("pale", Lang::fr, 1, 6)};
  std::vector<MonolingualTerm> en_terms{term("pale", Lang::en, 2, 6),
                                        term("blade", Lang::en, 1, 6)};
  TermPairer pairer(&lexicon);
  auto plain = pairer.pair_comparable(fr_terms, en_terms, 2);
  ASSERT_FALSE(plain.empty());
  EXPECT_EQ(plain[0].en, "pale");  // the spelling alone says "pale"
  auto pairs = pairer.pair_comparable(fr_terms, en_terms, 2, {&fr, &en});
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs[0].en, "blade");
}

// Two dictionary translations, the same company (none the seeds link): the one whose inflections
// together are about as frequent as the French term's wins, although each surface form is seen
// once and the other ranks higher in its corpus.
TEST(TermPairerComparable, FrequencyAgreementCountsAllInflectionsOfATerm) {
  Lexicon lexicon;
  lexicon.add("tour", "tower");
  lexicon.add("tour", "turn");
  CorpusContexts fr(Lang::fr), en(Lang::en);
  fr.add_sentence("Une tour se dresse.");
  for (int i = 0; i < 5; ++i) fr.add_sentence("Des tours se dressent.");
  en.add_sentence("A tower stands.");
  for (int i = 0; i < 5; ++i) en.add_sentence("Some towers stand.");
  en.add_sentence("Take a turn.");
  std::vector<MonolingualTerm> fr_terms{term("tour", Lang::fr, 1, 1)};
  std::vector<MonolingualTerm> en_terms{term("turn", Lang::en, 3, 1), term("tower", Lang::en, 2, 1),
                                        term("stands", Lang::en, 1, 1)};
  TermPairer pairer(&lexicon);
  auto pairs = pairer.pair_comparable(fr_terms, en_terms, 2, {&fr, &en});
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs[0].en, "tower");
}

// "turn" is only ever the start of "turn signal" in this English text: a fragment of a longer
// term, not a translation of "tour" on its own. Once it also stands alone, it wins again.
TEST(TermPairerComparable, AFragmentOfOneLongerEnglishTermIsAWorseTranslation) {
  Lexicon lexicon;
  lexicon.add("tour", "tower");
  lexicon.add("tour", "turn");
  CorpusContexts fr(Lang::fr);
  for (int i = 0; i < 3; ++i) fr.add_sentence("Une tour se dresse.");
  auto best_for_tour = [&](bool turn_alone) {
    CorpusContexts en(Lang::en);
    for (int i = 0; i < 3; ++i) {
      en.add_sentence("A tower stands.");
      en.add_sentence("Use the turn signal.");
      if (turn_alone) en.add_sentence("Take a turn.");
    }
    std::vector<MonolingualTerm> fr_terms{term("tour", Lang::fr, 1, 3)};
    std::vector<MonolingualTerm> en_terms{term("turn", Lang::en, 3, 3),
                                          term("tower", Lang::en, 2, 3),
                                          term("turn signal", Lang::en, 1, 3)};
    TermPairer pairer(&lexicon);
    auto pairs = pairer.pair_comparable(fr_terms, en_terms, 2, {&fr, &en});
    return pairs.empty() ? std::string() : pairs[0].en;
  };
  EXPECT_EQ(best_for_tour(false), "tower");
  EXPECT_EQ(best_for_tour(true), "turn");
}

}  // namespace
}  // namespace tandem
