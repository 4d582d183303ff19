#include "corpus/language_id.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/test_support.h"

namespace tandem {
namespace {

class LanguageIdTest : public ::testing::Test {
 protected:
  LanguageIdentifier id;
};

TEST_F(LanguageIdTest, RecognisesFrenchParagraph) {
  LanguageGuess g = id.identify(
      "Le conseil municipal a voté mardi soir un budget en hausse pour la rénovation des écoles "
      "du quartier, malgré l'opposition de plusieurs élus qui jugent la dépense trop lourde.");
  EXPECT_EQ(g.lang, Lang::fr);
  EXPECT_GT(g.confidence, 0.8);
}

TEST_F(LanguageIdTest, RecognisesEnglishParagraph) {
  LanguageGuess g = id.identify(
      "The city council voted on Tuesday evening for a larger budget to renovate the schools of "
      "the district, despite objections from several members who think it costs too much.");
  EXPECT_EQ(g.lang, Lang::en);
  EXPECT_GT(g.confidence, 0.8);
}

TEST_F(LanguageIdTest, RecognisesShortFrenchLines) {
  for (const char* line : {"Fermez la porte !", "Il pleut encore.", "J'ai faim.",
                           "Où sont mes clés ?", "Regardez ça."})
    EXPECT_EQ(id.identify(line).lang, Lang::fr) << line;
}

TEST_F(LanguageIdTest, RecognisesShortEnglishLines) {
  for (const char* line : {"Close the door!", "It is raining again.", "I'm hungry.",
                           "Where are my keys?", "Look at that."})
    EXPECT_EQ(id.identify(line).lang, Lang::en) << line;
}

TEST_F(LanguageIdTest, OtherLanguagesAreUndetermined) {
  EXPECT_EQ(id.identify("El ayuntamiento aprobó el martes un presupuesto mayor para renovar las "
                        "escuelas del barrio, a pesar de las objeciones de varios concejales.")
                .lang,
            Lang::und);
  EXPECT_EQ(id.identify("Der Stadtrat hat am Dienstag einen höheren Haushalt für die Renovierung "
                        "der Schulen des Viertels beschlossen, trotz einiger Einwände.")
                .lang,
            Lang::und);
}

TEST_F(LanguageIdTest, TextWithoutWordsIsUndetermined) {
  LanguageGuess g = id.identify("12 345 — 67,5 % !");
  EXPECT_EQ(g.lang, Lang::und);
  EXPECT_EQ(g.confidence, 0.0);
  EXPECT_EQ(id.identify("").lang, Lang::und);
}

TEST_F(LanguageIdTest, ConfidenceGrowsWithEvidence) {
  double short_line = id.identify("Il dort.").confidence;
  double long_line =
      id.identify("Il dort dans la chambre du fond depuis que nous sommes rentrés de la plage.")
          .confidence;
  EXPECT_GT(long_line, short_line);
  EXPECT_LE(long_line, 1.0);
  EXPECT_GE(short_line, 0.0);
}

TEST_F(LanguageIdTest, DetectsTheSeeds) {
  struct Seed {
    const char* file;
    Lang lang;
  };
  for (Seed s : {Seed{"seeds/000_8fca94e8e463837d.txt", Lang::fr},
                 Seed{"seeds/001_28478a00887480cc.txt", Lang::fr},
                 Seed{"seeds/002_9e0a7987417c006f.txt", Lang::en},
                 Seed{"seeds/003_ce2aef6978b8f79b.txt", Lang::fr},
                 Seed{"seeds/004_d110b3afd0e57c97.txt", Lang::fr}}) {
    LanguageGuess g = id.identify(testing::read_file(testing::shared_path(s.file)));
    EXPECT_EQ(g.lang, s.lang) << s.file;
    EXPECT_GT(g.confidence, 0.5) << s.file;
  }
}

TEST_F(LanguageIdTest, IsAccurateOnTatoebaLines) {
  struct File {
    const char* path;
    Lang lang;
  };
  for (File f : {File{"dev/align/tatoeba/tatoeba.fra-eng.fra", Lang::fr},
                 File{"dev/align/tatoeba/tatoeba.fra-eng.eng", Lang::en}}) {
    std::string text = testing::read_file(testing::shared_path(f.path));
    int lines = 0, right = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      ++lines;
      right += id.identify(std::string_view(text).substr(start, end - start)).lang == f.lang;
      start = end + 1;
    }
    EXPECT_GE(lines, 1000) << f.path;
    EXPECT_GE(static_cast<double>(right) / lines, 0.99) << f.path;
  }
}

}  // namespace
}  // namespace tandem
