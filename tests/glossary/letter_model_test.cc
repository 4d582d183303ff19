#include "glossary/letter_model.h"

#include <gtest/gtest.h>

#include "glossary/general_frequencies.h"

namespace tandem {
namespace {

TEST(LetterModel, WordsSpelledLikeTheVocabularyScoreHigherThanLetterSoup) {
  LetterModel model;
  for (const char* w : {"station", "nation", "ration", "moteur", "rotor", "onduleur", "tension",
                        "mesure", "batterie", "stockage", "courant", "contrat", "tour"})
    model.add_word(w);
  EXPECT_EQ(model.words(), 13u);
  // An unseen but well-formed word against a string of a shifted font.
  EXPECT_GT(model.log_likelihood("rotation"), model.log_likelihood("lphqvlrqqhphqw"));
  EXPECT_GT(model.log_likelihood("moteurs"), model.log_likelihood("qqhphq"));
  EXPECT_LE(model.log_likelihood("station"), 0.0);
  EXPECT_EQ(model.log_likelihood(""), 0.0);
}

TEST(LetterModel, BundledFrenchTableKnowsFrenchSpelling) {
  GeneralFrequencies table = GeneralFrequencies::load_bundled(Lang::fr);
  const LetterModel& letters = table.letters();
  EXPECT_GT(letters.words(), 10000u);
  // Domain words never listed in a general lexicon still read as French.
  for (const char* word : {"anemometre", "onduleur", "supercondensateur"})
    EXPECT_GT(letters.log_likelihood(word), letters.log_likelihood("lphqvlrqqhphqw")) << word;
  EXPECT_GT(letters.log_likelihood("eolienne"), -5.0);
  EXPECT_LT(letters.log_likelihood("lphqvlrqqhphqw"), -6.0);
}

}  // namespace
}  // namespace tandem
