#include "corpus/document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/test_support.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string seed(const std::string& name) { return testing::shared_path("seeds/" + name).string(); }

bool has_sentence_containing(const Document& doc, std::string_view needle) {
  return std::any_of(doc.sentences.begin(), doc.sentences.end(),
                     [&](const Sentence& s) { return s.text.find(needle) != std::string::npos; });
}

bool dropped_with_reason(const Document& doc, std::string_view needle) {
  return std::any_of(doc.boilerplate.begin(), doc.boilerplate.end(), [&](const auto& d) {
    return d.text.find(needle) != std::string::npos && !d.reason.empty();
  });
}

TEST(SplitParagraphs, EachLineOfWebTextIsAParagraph) {
  auto paragraphs = split_paragraphs("Titre court\nPremière phrase. Deuxième.\n\nAutre bloc.\n");
  EXPECT_THAT(paragraphs,
              ::testing::ElementsAre("Titre court", "Première phrase. Deuxième.", "Autre bloc."));
}

TEST(SplitParagraphs, JoinsHardWrappedBlocks) {
  auto paragraphs = split_paragraphs(
      "The committee met on Monday to discuss the new budget and\n"
      "decided that the bridge would be repaired before the winter\n"
      "season begins.\n\nNext paragraph.");
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[0],
            "The committee met on Monday to discuss the new budget and decided that the bridge "
            "would be repaired before the winter season begins.");
}

TEST(ContentHash, DependsOnContentOnly) {
  EXPECT_EQ(content_hash("abc"), content_hash("abc"));
  EXPECT_NE(content_hash("abc"), content_hash("abd"));
  EXPECT_EQ(content_hash("").size(), 16u);
}

TEST(DocumentParser, SeedsGetTheirLanguages) {
  DocumentParser parser;
  EXPECT_EQ(parser.parse_file(seed("000_8fca94e8e463837d.txt")).lang, Lang::fr);
  EXPECT_EQ(parser.parse_file(seed("001_28478a00887480cc.txt")).lang, Lang::fr);
  EXPECT_EQ(parser.parse_file(seed("002_9e0a7987417c006f.txt")).lang, Lang::en);
  EXPECT_EQ(parser.parse_file(seed("003_ce2aef6978b8f79b.txt")).lang, Lang::fr);
  EXPECT_EQ(parser.parse_file(seed("004_d110b3afd0e57c97.txt")).lang, Lang::fr);
}

TEST(DocumentParser, Seed000DateBecomesMetadataAndTextIsKept) {
  DocumentParser parser;
  Document doc = parser.parse_file(seed("000_8fca94e8e463837d.txt"));
  ASSERT_TRUE(doc.date.has_value());
  EXPECT_EQ(*doc.date, "2023-05");
  ASSERT_FALSE(doc.sentences.empty());
  EXPECT_THAT(doc.sentences.front().text, ::testing::StartsWith("L'administration américaine"));
  EXPECT_FALSE(has_sentence_containing(doc, "date 2023"));
  EXPECT_TRUE(dropped_with_reason(doc, "Article similaire"));
  EXPECT_FALSE(has_sentence_containing(doc, "Article similaire"));
  EXPECT_TRUE(has_sentence_containing(doc, "contacts turcs"));
}

TEST(DocumentParser, Seed001NeverBreaksInsideMonsieurKirby) {
  DocumentParser parser;
  Document doc = parser.parse_file(seed("001_28478a00887480cc.txt"));
  int mentions = 0;
  for (const Sentence& s : doc.sentences) {
    EXPECT_THAT(s.text, Not(::testing::EndsWith(" M."))) << s.text;
    EXPECT_NE(s.text.rfind("Kirby", 0), 0u) << "sentence starts with a split-off name: " << s.text;
    if (s.text.find("M. Kirby") != std::string::npos) ++mentions;
  }
  EXPECT_EQ(mentions, 3);
  EXPECT_TRUE(dropped_with_reason(doc, "Image:"));
  EXPECT_FALSE(has_sentence_containing(doc, "Image:"));
}

TEST(DocumentParser, Seed002BylinesDropped) {
  DocumentParser parser;
  Document doc = parser.parse_file(seed("002_9e0a7987417c006f.txt"));
  EXPECT_TRUE(dropped_with_reason(doc, "Photo of author"));
  EXPECT_TRUE(dropped_with_reason(doc, "By John"));
  EXPECT_FALSE(has_sentence_containing(doc, "By John"));
  EXPECT_TRUE(has_sentence_containing(doc, "met Turkish contacts in early February"));
}

TEST(DocumentParser, Seed003NavigationCopyrightAndRepeatedTitleDropped) {
  DocumentParser parser;
  Document doc = parser.parse_file(seed("003_ce2aef6978b8f79b.txt"));
  EXPECT_TRUE(dropped_with_reason(doc, "Vous êtes ici"));
  EXPECT_TRUE(dropped_with_reason(doc, "Copyright"));
  EXPECT_TRUE(dropped_with_reason(doc, "Retour en haut de la page"));
  int titles = 0;
  for (const Sentence& s : doc.sentences)
    if (s.text.find("Les rebelles indépendantistes Touaregs aidés") != std::string::npos) ++titles;
  EXPECT_EQ(titles, 1) << "the headline printed twice is kept once";
  EXPECT_FALSE(has_sentence_containing(doc, "All rights reserved"));
}

TEST(DocumentParser, Seed004ApostrophesRepairedAndTeasersDropped) {
  DocumentParser parser;
  Document doc = parser.parse_file(seed("004_d110b3afd0e57c97.txt"));
  EXPECT_GT(doc.apostrophes_repaired, 10);
  EXPECT_TRUE(has_sentence_containing(doc, "s’intensifient"));
  EXPECT_TRUE(has_sentence_containing(doc, "d’un millier"));
  EXPECT_TRUE(has_sentence_containing(doc, "l’AFP"));
  for (const Sentence& s : doc.sentences) {
    EXPECT_THAT(s.text, Not(HasSubstr("d?un")));
    EXPECT_THAT(s.text, Not(HasSubstr("Lire la suite")));
    EXPECT_THAT(s.text, Not(HasSubstr("commentaires")));
  }
  EXPECT_TRUE(dropped_with_reason(doc, "Lire la suite"));
  EXPECT_TRUE(dropped_with_reason(doc, "LIRE AUSSI"));
  EXPECT_TRUE(dropped_with_reason(doc, "min de lecture"));
}

TEST(DocumentParser, ForcedLanguageWins) {
  DocumentParser parser;
  ParseOptions options;
  options.lang = Lang::en;
  Document doc =
      parser.parse_text(decode_text("Le chat dort. Il fait beau.", "t.txt"), "t.txt", options);
  EXPECT_EQ(doc.lang, Lang::en);
  EXPECT_DOUBLE_EQ(doc.lang_confidence, 1.0);
  EXPECT_EQ(doc.sentences.size(), 2u);
}

}  // namespace
}  // namespace tandem
