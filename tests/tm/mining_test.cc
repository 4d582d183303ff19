#include <gtest/gtest.h>

#include <algorithm>

#include "corpus/document.h"
#include "corpus/workspace.h"
#include "tests/test_support.h"
#include "tm/bitext_miner.h"
#include "tm/candidate_index.h"
#include "tm/document_pairing.h"
#include "tm/learned_lexicon_store.h"
#include "tm/margin_scorer.h"

namespace tandem {
namespace {

const Lexicon& mining_lexicon() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    load_mining_lexicon(l);
    return l;
  }();
  return lexicon;
}

// True when the first word of `fr` and the first word of `en` share a match id.
bool words_match(CrossLingualKeys& keys, std::string_view fr, std::string_view en) {
  KeyedSentence f = keys.key_sentence(Lang::fr, fr);
  KeyedSentence e = keys.key_sentence(Lang::en, en);
  auto a = keys.match_ids(Lang::fr, f.words.at(0));
  auto b = keys.match_ids(Lang::en, e.words.at(0));
  return std::any_of(a.begin(), a.end(),
                     [&](KeyId id) { return std::find(b.begin(), b.end(), id) != b.end(); });
}

TEST(CrossLingualKeys, EnglishIrregularPastMatchesTheBaseFormTheDictionaryGives) {
  Lexicon lexicon;
  lexicon.add("rencontrer", "meet");
  lexicon.add("acheter", "buy");
  CrossLingualKeys keys(lexicon);
  EXPECT_TRUE(words_match(keys, "rencontré", "met"));
  EXPECT_TRUE(words_match(keys, "achetés", "bought"));
  EXPECT_FALSE(words_match(keys, "rencontré", "bought"));
}

TEST(CrossLingualKeys, LongWordMatchesTheEnglishWordOfTheSameStemBeyondTheDictionary) {
  Lexicon lexicon;
  lexicon.add("arme", "weapon");
  lexicon.add("mite", "moth");
  CrossLingualKeys keys(lexicon);
  EXPECT_TRUE(words_match(keys, "armes", "weapons"));  // the dictionary still counts
  EXPECT_TRUE(words_match(keys, "armes", "arms"));     // and so does the shared stem
  EXPECT_FALSE(words_match(keys, "armes", "army"));
  // Short known words keep to their dictionary sense (a French "mite" is a moth).
  EXPECT_FALSE(words_match(keys, "mite", "mites"));
}

TEST(MiningLexicon, KnowsDemonymAdjectivesAndCountryNames) {
  CrossLingualKeys keys(mining_lexicon());
  EXPECT_TRUE(words_match(keys, "turcs", "Turkish"));
  EXPECT_TRUE(words_match(keys, "allemande", "German"));
  EXPECT_TRUE(words_match(keys, "Allemagne", "Germany"));
  EXPECT_FALSE(words_match(keys, "allemand", "Turkish"));
}

TEST(LearnedLexiconStore, RoundTripsLearnedEntriesThroughTheWorkspaceIntoALexicon) {
  Workspace ws(":memory:");
  LearnedLexiconStore store(ws.db());
  store.save({{"fourgon", "van", 0.4f, "mined"}, {"quai", "platform", 0.7f, "aligned"}});
  store.save({{"fourgon", "van", 0.6f, "mined"}});  // reinforced: the larger weight is kept

  auto entries = store.entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].fr, "fourgon");
  EXPECT_FLOAT_EQ(entries[0].weight, 0.6f);
  EXPECT_EQ(entries[1].source, "aligned");

  Lexicon lexicon;
  EXPECT_EQ(store.load_into(lexicon), 2u);
  const auto& van = lexicon.translations(Lang::fr, "fourgon");
  ASSERT_EQ(van.size(), 1u);
  EXPECT_EQ(van[0].word, "van");
  EXPECT_FLOAT_EQ(van[0].weight, 0.6f);
  EXPECT_EQ(lexicon.translations(Lang::en, "platform").at(0).word, "quai");
}

TEST(CandidateIndex, RanksSentenceSharingTheRarestIdsFirst) {
  // Id 1 is in every sentence (a function word), id 7 only in sentence 2.
  std::vector<std::vector<KeyId>> bags = {{1, 2}, {1, 3}, {1, 5, 7}, {1, 2, 3}};
  CandidateIndex index(bags);
  std::vector<KeyId> query = {1, 7};
  auto found = index.query(query, 2);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().sentence, 2u);
  EXPECT_LE(found.size(), 2u);
}

TEST(CandidateIndex, SkipsFrequentIdsExceptTheQuerysRarest) {
  std::vector<std::vector<KeyId>> bags(10, std::vector<KeyId>{4});
  bags[3] = {4, 9};
  CandidateIndex index(bags, {.max_df = 2, .always_keep = 1});
  std::vector<KeyId> query = {4, 9};
  auto found = index.query(query, 10);
  // Id 4 is too frequent and not among the rarest one: only sentence 3 (via id 9) comes back.
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.front().sentence, 3u);
}

TEST(MarginScorer, RatioMarginDemotesAHubSentence) {
  // English 0 is close to every French sentence (a hub); English 1 only to French 1.
  std::vector<ScoredPair> pairs = {
      {0, 0, 0.50f, 0}, {1, 0, 0.50f, 0}, {2, 0, 0.50f, 0}, {1, 1, 0.48f, 0}};
  apply_ratio_margin(pairs, 3, 2, 2, 0.0f);
  auto margin = [&](std::uint32_t f, std::uint32_t e) {
    return std::find_if(pairs.begin(), pairs.end(),
                        [&](const ScoredPair& p) { return p.fr == f && p.en == e; })
        ->margin;
  };
  EXPECT_GT(margin(1, 1), margin(1, 0));
}

TEST(MarginScorer, OneToOneSelectionUsesEachSentenceOnce) {
  std::vector<ScoredPair> pairs = {
      {0, 0, 0.9f, 2.0f}, {0, 1, 0.8f, 1.5f}, {1, 0, 0.7f, 1.4f}, {1, 1, 0.6f, 1.2f}};
  auto chosen = select_one_to_one(pairs, 1.0f, 0.0f);
  ASSERT_EQ(chosen.size(), 2u);
  EXPECT_EQ(chosen[0].fr, 0u);
  EXPECT_EQ(chosen[0].en, 0u);
  EXPECT_EQ(chosen[1].fr, 1u);
  EXPECT_EQ(chosen[1].en, 1u);
}

TEST(BitextMiner, FindsTheTranslationsInShuffledPools) {
  std::vector<std::string> fr = {
      "Le conseil municipal a voté le budget de la ville hier soir.",
      "Les enfants jouent dans le jardin depuis le matin.",
      "La bibliothèque ouvrira une nouvelle salle de lecture en mars 2031.",
      "Mon voisin répare sa voiture rouge chaque dimanche.",
      "Le musée expose trois cents tableaux anciens."};
  std::vector<std::string> en = {"The museum is showing three hundred old paintings.",
                                 "A storm closed the mountain road for two days.",
                                 "The library will open a new reading room in March 2031.",
                                 "Prices of fresh fish rose sharply at the harbour.",
                                 "The city council voted the town budget last night."};
  CrossLingualKeys keys(mining_lexicon());
  BitextMiner miner(keys);
  auto pairs = miner.mine(fr, en);
  auto has = [&](std::uint32_t f, std::uint32_t e) {
    return std::any_of(pairs.begin(), pairs.end(),
                       [&](const ScoredPair& p) { return p.fr == f && p.en == e; });
  };
  EXPECT_TRUE(has(0, 4));
  EXPECT_TRUE(has(2, 2));
  EXPECT_TRUE(has(4, 0));
  EXPECT_FALSE(has(1, 1));
  for (std::size_t i = 1; i < pairs.size(); ++i) EXPECT_GE(pairs[i - 1].margin, pairs[i].margin);
}

TEST(BitextMiner, BestGivesEveryFrenchSentenceItsClosestEnglish) {
  std::vector<std::string> fr = {"Je bois du café le matin.", "Il pleut sur la ville."};
  std::vector<std::string> en = {"It is raining on the city.", "I drink coffee in the morning."};
  CrossLingualKeys keys(mining_lexicon());
  BitextMiner miner(keys);
  auto best = miner.best(fr, en);
  ASSERT_EQ(best.size(), 2u);
  EXPECT_EQ(best[0].en, 1u);
  EXPECT_EQ(best[1].en, 0u);
}

TEST(MonotonicBeads, KeepsAnOrderPreservingChainAndCoversEveryLineOnce) {
  // (2,0) crosses (0,1) and is weaker: it must be dropped.
  std::vector<ScoredPair> links = {{0, 1, 0.5f, 1.0f}, {2, 0, 0.5f, 0.6f}, {3, 2, 0.5f, 0.9f}};
  auto beads = monotonic_beads(links, 4, 3);
  std::vector<int> fr_seen(4, 0), en_seen(3, 0);
  int link_count = 0;
  for (const auto& b : beads) {
    for (auto f : b.fr) ++fr_seen[f];
    for (auto e : b.en) ++en_seen[e];
    link_count += !b.fr.empty() && !b.en.empty();
  }
  EXPECT_EQ(link_count, 2);
  for (int n : fr_seen) EXPECT_EQ(n, 1);
  for (int n : en_seen) EXPECT_EQ(n, 1);
}

TEST(DocumentPairer, SeedArticlesOnWagnerAndTurkishContactsPairFirst) {
  DocumentParser parser;
  std::vector<PairingDocument> docs;
  for (const char* name : {"seeds/000_8fca94e8e463837d.txt", "seeds/001_28478a00887480cc.txt",
                           "seeds/002_9e0a7987417c006f.txt", "seeds/003_ce2aef6978b8f79b.txt",
                           "seeds/004_d110b3afd0e57c97.txt"}) {
    Document d = parser.parse_file(testing::shared_path(name).string());
    PairingDocument p{static_cast<std::int64_t>(docs.size()), d.lang, {}, d.date};
    for (auto& s : d.sentences) p.sentences.push_back(s.text);
    docs.push_back(std::move(p));
  }
  ASSERT_EQ(docs[2].lang, Lang::en);
  DocumentPairer pairer(mining_lexicon());
  auto pairs = pairer.pair(docs);
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs.front().fr, 0u);
  EXPECT_EQ(pairs.front().en, 2u);
  EXPECT_NE(pairs.front().kind, PairKind::unrelated);
  // The mined passages include the "contacts turcs" ↔ "Turkish contacts" sentence pair.
  bool found = false;
  for (const ScoredPair& l : pairs.front().links)
    found |= docs[0].sentences[l.fr].find("contacts turcs") != std::string::npos &&
             docs[2].sentences[l.en].find("Turkish contacts") != std::string::npos;
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tandem
