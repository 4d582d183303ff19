#include "corpus/normalizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <string>

#include "corpus/text_reader.h"
#include "tests/test_support.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(NormalizeText, ComposesDecomposedAccentsToNfc) {
  // "e" + combining acute, "A" + combining grave.
  EXPECT_EQ(normalize_text("Le cafe\u0301 est ferme\u0301. A\u0300 demain.", Lang::fr),
            "Le café est fermé. À demain.");
}

TEST(NormalizeText, RemovesControlAndZeroWidthCharactersAndCountsThem) {
  NormalizeStats stats;
  std::string text = normalize_text("Les\u200B négo\u00ADciations\x07 ont\u200E repris\uFEFF hier.",
                                    Lang::fr, &stats);
  EXPECT_EQ(text, "Les négociations ont repris hier.");
  EXPECT_EQ(stats.characters_removed, 5);
}

TEST(NormalizeText, MakesUnicodeSpacesPlainAndCollapsesRuns) {
  EXPECT_EQ(normalize_text("Environ 50\u00A0000 soldats\u202F: «\u202Fnon\u202F».\t\tFin   ici.",
                           Lang::fr),
            "Environ 50 000 soldats : « non ». Fin ici.");
}

TEST(NormalizeText, TrimsLinesAndCollapsesBlankLinesKeepingParagraphs) {
  EXPECT_EQ(normalize_text("\n\n  Premier paragraphe.  \n\n\n\n\tSecond paragraphe.\r\n"
                           "Suite du second.\n\n\n",
                           Lang::fr),
            "Premier paragraphe.\n\nSecond paragraphe.\nSuite du second.");
}

TEST(NormalizeText, ParagraphSeparatorsBecomeLineBreaks) {
  EXPECT_EQ(normalize_text("Un.\u2029Deux.\u2028Trois.\fQuatre.", Lang::en),
            "Un.\nDeux.\nTrois.\nQuatre.");
}

TEST(NormalizeText, RepairsFrenchElisionsTurnedIntoQuestionMarks) {
  NormalizeStats stats;
  std::string text = normalize_text(
      "Il n?a pas dit qu?il viendrait aujourd?hui, ni jusqu?à quand l?ONU resterait.", Lang::fr,
      &stats);
  EXPECT_EQ(text, "Il n’a pas dit qu’il viendrait aujourd’hui, ni jusqu’à quand l’ONU resterait.");
  EXPECT_EQ(stats.apostrophes_repaired, 5);
}

TEST(NormalizeText, RepairsWhenTheLanguageIsUndetermined) {
  EXPECT_EQ(normalize_text("C?est l?heure.", Lang::und), "C’est l’heure.");
}

TEST(NormalizeText, RepairsEnglishContractionsAndNames) {
  EXPECT_EQ(normalize_text("They don?t know Russia?s plans, said Mr O?Brien.", Lang::en),
            "They don’t know Russia’s plans, said Mr O’Brien.");
}

TEST(NormalizeText, KeepsRealQuestionMarks) {
  NormalizeStats stats;
  std::string input =
      "Viendra-t-il ? Oui.\nEst-ce vrai?\nPourquoi?Parce que.\nVoir https://exemple.fr/page?id=3 "
      "et index.php?lang=fr aussi.";
  EXPECT_EQ(normalize_text(input, Lang::fr, &stats), input);
  EXPECT_EQ(stats.apostrophes_repaired, 0);
}

TEST(NormalizeText, RepairsTheDamagedApostrophesOfSeed004) {
  std::string raw =
      read_text_file(testing::shared_path("seeds/004_d110b3afd0e57c97.txt").string()).utf8;
  NormalizeStats stats;
  std::string text = normalize_text(raw, Lang::fr, &stats);
  for (const char* repaired :
       {"d’un millier", "l’AFP", "s’intensifient", "n’avons", "L’arrivée", "l’engagement"}) {
    EXPECT_THAT(text, HasSubstr(repaired));
  }
  // No '?' is left between two letters.
  UErrorCode status = U_ZERO_ERROR;
  icu::RegexMatcher letter_question_letter(u"\\p{L}\\?\\p{L}", 0, status);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  letter_question_letter.reset(unicode);
  EXPECT_FALSE(letter_question_letter.find(status));
  ASSERT_TRUE(U_SUCCESS(status));
  EXPECT_GE(stats.apostrophes_repaired, 10);
  // A real question mark at the end of a sentence survives.
  EXPECT_THAT(text, HasSubstr("bien au contraire?"));
  EXPECT_THAT(text, Not(HasSubstr("contraire’")));
}

TEST(FoldTypography, FoldsQuotesDashesAndEllipsis) {
  EXPECT_EQ(fold_typography("« L’été — dit‑il – “fini”… »"), "\" L'été - dit-il - \"fini\"... \"");
}

TEST(FoldTypography, LeavesOtherTextAlone) {
  std::string text = "Élysée, 50 000 soldats, café crème; don't \"quote\".";
  EXPECT_EQ(fold_typography(text), text);
  EXPECT_EQ(fold_typography_char(U'é'), std::nullopt);
  EXPECT_EQ(fold_typography_char(U'’'), "'");
}

}  // namespace
}  // namespace tandem
