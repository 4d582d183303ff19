#include "corpus/segmenter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/test_support.h"

namespace tandem {
namespace {

using ::testing::ElementsAre;

TEST(SegmenterFr, KeepsAbbreviationMonsieurInSentence) {
  Segmenter seg(Lang::fr);
  EXPECT_THAT(
      seg.sentences("La ministre a reçu M. Kirby hier. M. Kirby a déclaré qu'il partait."),
      ElementsAre("La ministre a reçu M. Kirby hier.", "M. Kirby a déclaré qu'il partait."));
}

TEST(SegmenterFr, KeepsTitlesInSentence) {
  Segmenter seg(Lang::fr);
  EXPECT_THAT(seg.sentences("Mme Durand et MM. Petit et Roux sont venus. Le Dr. Blanc aussi. "
                            "Mlle. Noir est restée."),
              ElementsAre("Mme Durand et MM. Petit et Roux sont venus.", "Le Dr. Blanc aussi.",
                          "Mlle. Noir est restée."));
}

TEST(SegmenterFr, KeepsReferenceAbbreviationsInSentence) {
  Segmenter seg(Lang::fr);
  EXPECT_THAT(seg.sentences("Voir p. ex. la page 4, cf. Annexe B, vol. 2 et art. 12 du code. "
                            "Il est né vers 40 av. J.-C. à Rome."),
              ElementsAre("Voir p. ex. la page 4, cf. Annexe B, vol. 2 et art. 12 du code.",
                          "Il est né vers 40 av. J.-C. à Rome."));
}

TEST(SegmenterFr, DoesNotBreakInsideNumbers) {
  Segmenter seg(Lang::fr);
  EXPECT_THAT(seg.sentences("Ils étaient 50 000 dans la rue. La hausse atteint 3.5 points, "
                            "soit 1 200 000 euros."),
              ElementsAre("Ils étaient 50 000 dans la rue.",
                          "La hausse atteint 3.5 points, soit 1 200 000 euros."));
}

TEST(SegmenterFr, ClosingGuillemetBelongsToSentenceBeforeBreak) {
  Segmenter seg(Lang::fr);
  EXPECT_THAT(seg.sentences("Elle a conclu : « C'est la fin. » Puis elle est sortie."),
              ElementsAre("Elle a conclu : « C'est la fin. »", "Puis elle est sortie."));
}

TEST(SegmenterFr, QuestionInsideGuillemetsMidSentence) {
  Segmenter seg(Lang::fr);
  EXPECT_THAT(seg.sentences("« Qui vient ? » demanda le garde. « Nous ! » cria la foule."),
              ElementsAre("« Qui vient ? » demanda le garde.", "« Nous ! » cria la foule."));
}

TEST(SegmenterFr, EllipsisBreaksOnlyBeforeCapital) {
  Segmenter seg(Lang::fr);
  EXPECT_THAT(
      seg.sentences("Il attendit… Rien ne vint. Il hésita... et repartit... Enfin."),
      ElementsAre("Il attendit…", "Rien ne vint.", "Il hésita... et repartit...", "Enfin."));
}

TEST(SegmenterFr, BreaksBeforeDashOpeningNewTurn) {
  Segmenter seg(Lang::fr);
  EXPECT_THAT(seg.sentences("Je soutiens ce texte. - Monsieur le Président, je conclus."),
              ElementsAre("Je soutiens ce texte.", "- Monsieur le Président, je conclus."));
}

TEST(SegmenterEn, KeepsTitlesAndInitialsInSentence) {
  Segmenter seg(Lang::en);
  EXPECT_THAT(seg.sentences("Mr. Brown met Dr. Lee and J. Watson in the U.S. Capitol. "
                            "John F. Kennedy was not there. Prof. Hall, Sen. Ward and Gen. Moss "
                            "came later."),
              ElementsAre("Mr. Brown met Dr. Lee and J. Watson in the U.S. Capitol.",
                          "John F. Kennedy was not there.",
                          "Prof. Hall, Sen. Ward and Gen. Moss came later."));
}

TEST(SegmenterEn, KeepsLatinAbbreviationsInSentence) {
  Segmenter seg(Lang::en);
  EXPECT_THAT(seg.sentences("Some fruit, e.g. Apples, i.e. Red ones, vs. Pears. We ate them."),
              ElementsAre("Some fruit, e.g. Apples, i.e. Red ones, vs. Pears.", "We ate them."));
}

TEST(SegmenterEn, CompanySuffixBreaksOnlyBeforeNewSentence) {
  Segmenter seg(Lang::en);
  EXPECT_THAT(seg.sentences("Shares of Acme Inc. rose. They fell at Widget Ltd. and recovered."),
              ElementsAre("Shares of Acme Inc. rose.", "They fell at Widget Ltd. and recovered."));
}

TEST(SegmenterEn, ClosingQuoteAfterFullStop) {
  Segmenter seg(Lang::en);
  EXPECT_THAT(
      seg.sentences("She said, \u201CIt is done.\u201D Then she left. \"Go.\" He went."),
      ElementsAre("She said, \u201CIt is done.\u201D", "Then she left.", "\"Go.\"", "He went."));
}

TEST(Segmenter, SpansAreTrimmedOffsets) {
  Segmenter seg(Lang::en);
  std::string text = "  One here.   Two there.  ";
  auto spans = seg.split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "One here.");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "Two there.");
}

TEST(Segmenter, EmptyAndBlankParagraphsHaveNoSentences) {
  Segmenter seg(Lang::fr);
  EXPECT_TRUE(seg.split("").empty());
  EXPECT_TRUE(seg.split("   \u00A0 ").empty());
}

TEST(SegmenterSeed, NoSentenceOfSeed001EndsWithMonsieur) {
  std::istringstream in(testing::read_file(testing::shared_path("seeds/001_28478a00887480cc.txt")));
  Segmenter seg(Lang::fr);
  int sentences = 0;
  int kirby = 0;
  for (std::string line; std::getline(in, line);) {
    for (const std::string& s : seg.sentences(line)) {
      ++sentences;
      EXPECT_FALSE(s.size() >= 3 && s.substr(s.size() - 3) == " M.") << s;
      EXPECT_NE(s, "M.");
      if (s.find("M. Kirby") != std::string::npos) ++kirby;
    }
  }
  EXPECT_GT(sentences, 10);
  EXPECT_GE(kirby, 3);  // "M. Kirby" stays inside its sentences
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

TEST(SegmenterEn, ForEachSentenceCutsEveryLineIntoSentences) {
  Segmenter segmenter(Lang::en);
  std::vector<std::string> seen;
  segmenter.for_each_sentence(
      "The rotor stopped. Mr. Lane checked the brake.\n\nA page on one line. Then another one.",
      [&](std::string_view s) { seen.emplace_back(s); });
  EXPECT_EQ(seen, (std::vector<std::string>{"The rotor stopped.", "Mr. Lane checked the brake.",
                                            "A page on one line.", "Then another one."}));
  seen.clear();
  segmenter.for_each_sentence("", [&](std::string_view s) { seen.emplace_back(s); });
  EXPECT_TRUE(seen.empty());
}

}  // namespace
}  // namespace tandem
