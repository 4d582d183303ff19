#include "corpus/tokenizer.h"
#include "corpus/stemmer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace tandem {

void PrintTo(TokenKind kind, std::ostream* os) {
  static const char* names[] = {"Word", "Number", "Punct", "Symbol"};
  *os << names[static_cast<int>(kind)];
}

namespace {

using ::testing::ElementsAre;

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.text);
  return out;
}

std::vector<std::string> keys(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.key);
  return out;
}

std::vector<TokenKind> kinds(const std::vector<Token>& tokens) {
  std::vector<TokenKind> out;
  for (const Token& t : tokens) out.push_back(t.kind);
  return out;
}

TEST(FoldKey, LowersAsciiAndRemovesAccents) {
  EXPECT_EQ(fold_key("Élysée"), "elysee");
  EXPECT_EQ(fold_key("HELLO World"), "hello world");
  EXPECT_EQ(fold_key("Garçon à l’Hôpital"), "garcon a l'hopital");
  EXPECT_EQ(fold_key("Élysée’s"), "elysee's");
}

TEST(FoldKey, UnifiesLigaturesAndDecomposedInput) {
  EXPECT_EQ(fold_key("Cœur"), "coeur");
  EXPECT_EQ(fold_key("E\u0301te\u0301"), "ete");  // NFD input
  EXPECT_EQ(fold_key("Straße"), "strasse");
  EXPECT_EQ(fold_key("\uFB01n"), "fin");  // ﬁ ligature
}

TEST(FoldKey, KeepsNonLatinScriptsReadable) {
  EXPECT_EQ(fold_key("Москва"), "москва");
  EXPECT_EQ(fold_key("한국"), "한국");
}

TEST(TokenizerFr, SplitsElisionsKeepingTheApostrophe) {
  Tokenizer tok(Lang::fr);
  auto tokens = tok.tokenize("L’avion qu'il a vu jusqu’à l'aube");
  EXPECT_THAT(texts(tokens),
              ElementsAre("L’", "avion", "qu'", "il", "a", "vu", "jusqu’", "à", "l'", "aube"));
  EXPECT_EQ(tokens[0].key, "l'");
  EXPECT_EQ(tokens[6].key, "jusqu'");
}

TEST(TokenizerFr, SplitsLongElisions) {
  Tokenizer tok(Lang::fr);
  EXPECT_THAT(keys(tok.words("Lorsqu'elle part, puisqu’on reste dans la presqu'île")),
              ElementsAre("lorsqu'", "elle", "part", "puisqu'", "on", "reste", "dans", "la",
                          "presqu'", "ile"));
  EXPECT_THAT(keys(tok.words("quoiqu'en disent d'autres, c'est j'ai m'a n'y s'en t'as")),
              ElementsAre("quoiqu'", "en", "disent", "d'", "autres", "c'", "est", "j'", "ai", "m'",
                          "a", "n'", "y", "s'", "en", "t'", "as"));
}

TEST(TokenizerFr, DoesNotSplitAujourdhui) {
  Tokenizer tok(Lang::fr);
  EXPECT_THAT(texts(tok.words("aujourd'hui")), ElementsAre("aujourd'hui"));
}

TEST(TokenizerFr, KeepsHyphenatedCompoundsWhole) {
  Tokenizer tok(Lang::fr);
  auto tokens = tok.words("Le porte-parole est parti pour Saint-Pétersbourg avec un anti-drone");
  EXPECT_THAT(texts(tokens), ElementsAre("Le", "porte-parole", "est", "parti", "pour",
                                         "Saint-Pétersbourg", "avec", "un", "anti-drone"));
  EXPECT_EQ(tokens[5].key, "saint-petersbourg");
}

TEST(TokenizerFr, KeepsCompoundWithDigitsAsWord) {
  Tokenizer tok(Lang::fr);
  auto tokens = tok.tokenize("La COVID-19 recule.");
  EXPECT_THAT(texts(tokens), ElementsAre("La", "COVID-19", "recule", "."));
  EXPECT_EQ(tokens[1].kind, TokenKind::Word);
  EXPECT_EQ(tokens[1].key, "covid-19");
}

TEST(TokenizerFr, ElisionBeforeCompound) {
  Tokenizer tok(Lang::fr);
  EXPECT_THAT(texts(tok.words("c'est-à-dire l'arc-en-ciel")),
              ElementsAre("c'", "est-à-dire", "l'", "arc-en-ciel"));
}

TEST(TokenizerFr, KeepsSpaceGroupedNumbersWhole) {
  Tokenizer tok(Lang::fr);
  // Plain space, no-break space and narrow no-break space between digit groups.
  auto tokens =
      tok.tokenize("Il y a 50 000 soldats, 1\u00A0200\u00A0000 civils et 7\u202F500 chars.");
  EXPECT_THAT(texts(tokens),
              ElementsAre("Il", "y", "a", "50 000", "soldats", ",", "1\u00A0200\u00A0000", "civils",
                          "et", "7\u202F500", "chars", "."));
  EXPECT_EQ(tokens[3].kind, TokenKind::Number);
  EXPECT_EQ(tokens[6].kind, TokenKind::Number);
}

TEST(TokenizerFr, DoesNotJoinYearWithFollowingNumber) {
  Tokenizer tok(Lang::fr);
  EXPECT_THAT(texts(tok.words("en 2019 200 personnes et 12 34 pommes")),
              ElementsAre("en", "2019", "200", "personnes", "et", "12", "34", "pommes"));
}

TEST(TokenizerFr, KeepsDecimalsAndPercentages) {
  Tokenizer tok(Lang::fr);
  auto tokens = tok.tokenize("Une hausse de 3,5 % puis de 4.2%.");
  EXPECT_THAT(texts(tokens),
              ElementsAre("Une", "hausse", "de", "3,5", "%", "puis", "de", "4.2", "%", "."));
  EXPECT_THAT(kinds(tokens),
              ElementsAre(TokenKind::Word, TokenKind::Word, TokenKind::Word, TokenKind::Number,
                          TokenKind::Symbol, TokenKind::Word, TokenKind::Word, TokenKind::Number,
                          TokenKind::Symbol, TokenKind::Punct));
}

TEST(TokenizerFr, StemsShareSingularAndPlural) {
  Tokenizer tok(Lang::fr);
  auto tokens = tok.words("mercenaires mercenaire Élysée");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].stem, tokens[1].stem);
  EXPECT_NE(tokens[0].stem, tokens[0].key);
  EXPECT_EQ(tokens[2].key, "elysee");
}

TEST(TokenizerFr, WithoutStemsTheStemIsTheKeyAndStemmerGivesTheTokenizersStem) {
  Tokenizer stemming(Lang::fr), plain(Lang::fr, Stems::none);
  const Stemmer stem(Lang::fr);
  auto stemmed = stemming.words("Les mercenaires organisaient des réunions");
  auto unstemmed = plain.words("Les mercenaires organisaient des réunions");
  ASSERT_EQ(stemmed.size(), unstemmed.size());
  for (std::size_t i = 0; i < stemmed.size(); ++i) {
    EXPECT_EQ(unstemmed[i].key, stemmed[i].key);
    EXPECT_EQ(unstemmed[i].stem, unstemmed[i].key);
    EXPECT_EQ(stem(unstemmed[i].key), stemmed[i].stem);
  }
  EXPECT_EQ(stem("organisaient"), "organis");
  EXPECT_EQ(Stemmer(Lang::und)("organisaient"), "organisaient");
}

TEST(TokenizerFr, NumbersAndPunctuationStemToTheirKey) {
  Tokenizer tok(Lang::fr);
  auto tokens = tok.tokenize("Les 25 chats !");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].stem, "25");
  EXPECT_EQ(tokens[3].stem, "!");
}

TEST(TokenizerEn, SplitsPossessiveS) {
  Tokenizer tok(Lang::en);
  auto tokens = tok.words("Russia's army and the Kremlin’s plan");
  EXPECT_THAT(texts(tokens),
              ElementsAre("Russia", "'s", "army", "and", "the", "Kremlin", "’s", "plan"));
  EXPECT_EQ(tokens[6].key, "'s");
  EXPECT_EQ(tokens[0].key, "russia");
}

TEST(TokenizerEn, KeepsDottedAbbreviationsWhole) {
  Tokenizer tok(Lang::en);
  auto tokens = tok.tokenize("The U.S. and the U.K. agreed, e.g. on trade.");
  EXPECT_THAT(texts(tokens), ElementsAre("The", "U.S.", "and", "the", "U.K.", "agreed", ",", "e.g.",
                                         "on", "trade", "."));
}

TEST(TokenizerEn, KeepsGroupedAndDecimalNumbers) {
  Tokenizer tok(Lang::en);
  auto tokens = tok.tokenize("About 1,000,000 people, or 3.5 percent.");
  EXPECT_THAT(texts(tokens),
              ElementsAre("About", "1,000,000", "people", ",", "or", "3.5", "percent", "."));
  EXPECT_EQ(tokens[1].kind, TokenKind::Number);
  EXPECT_EQ(tokens[5].kind, TokenKind::Number);
}

TEST(TokenizerEn, StemsInflectedForms) {
  Tokenizer tok(Lang::en);
  auto tokens = tok.words("mercenaries mercenary running runs");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].stem, tokens[1].stem);
  EXPECT_EQ(tokens[2].stem, "run");
  EXPECT_EQ(tokens[3].stem, "run");
}

TEST(Tokenizer, OffsetsPointIntoInput) {
  Tokenizer tok(Lang::fr);
  std::string text = "  L’Élysée a dit : « non » à 50 000 euros.";
  for (const Token& t : tok.tokenize(text)) {
    EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.text);
  }
}

TEST(Tokenizer, NormalizesDecomposedTextToNfc) {
  Tokenizer tok(Lang::fr);
  auto tokens = tok.words("e\u0301te\u0301");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "été");
  EXPECT_EQ(tokens[0].key, "ete");
}

TEST(Tokenizer, WhitespaceAndEmptyInputGiveNoTokens) {
  Tokenizer tok(Lang::en);
  EXPECT_TRUE(tok.tokenize("").empty());
  EXPECT_TRUE(tok.tokenize(" \t\u00A0 ").empty());
}

TEST(Tokenizer, SurvivesInvalidUtf8) {
  Tokenizer tok(Lang::en);
  auto tokens = tok.words("bad \xC3 byte");
  EXPECT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.back().text, "byte");
}

TEST(Tokenizer, TokenizesSeedWithoutLosingWords) {
  std::string text = testing::read_file(testing::shared_path("seeds/001_28478a00887480cc.txt"));
  Tokenizer tok(Lang::fr);
  auto tokens = tok.tokenize(text);
  ASSERT_GT(tokens.size(), 100u);
  for (const Token& t : tokens) {
    EXPECT_FALSE(t.key.empty()) << t.text;
    EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.text);
  }
}

TEST(CanonicalNumber, MatchesAcrossTypographies) {
  EXPECT_EQ(canonical_number("50 000", Lang::fr), canonical_number("50,000", Lang::en));
  EXPECT_EQ(canonical_number("3,5", Lang::fr), "3.5");
  EXPECT_EQ(canonical_number("3.5", Lang::en), "3.5");
  EXPECT_EQ(canonical_number("1\u00A0200,75", Lang::fr), "1200.75");
  EXPECT_EQ(canonical_number("1,000,000", Lang::en), "1000000");
}

}  // namespace
}  // namespace tandem
