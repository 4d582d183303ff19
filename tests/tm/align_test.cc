// Cognates, sentence features, the lexicon learner and the sentence aligner, on French and
// English sentences written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "corpus/tokenizer.h"
#include "tests/test_support.h"
#include "tests/tm/freedict_lexicon.h"
#include "tm/cognates.h"
#include "tm/freedict_cache.h"
#include "tm/freedict_reader.h"
#include "tm/lexicon.h"
#include "tm/lexicon_learner.h"
#include "tm/parallel.h"
#include "tm/sentence_aligner.h"
#include "tm/sentence_features.h"

namespace tandem {
namespace {

using testing::freedict_lexicon;

TEST(Cognates, MercenairesAndMercenariesAreCognates) {
  EXPECT_GE(cognate_similarity("mercenaires", "mercenaries"), 0.9);
  EXPECT_GE(cognate_similarity("qualite", "quality"), 0.9);
  EXPECT_GE(cognate_similarity("economique", "economic"), 0.9);
  EXPECT_GE(cognate_similarity("information", "information"), 1.0);
}

TEST(Cognates, UnrelatedOrShortWordsAreNot) {
  EXPECT_LT(cognate_similarity("maison", "house"), 0.5);
  EXPECT_LT(cognate_similarity("voiture", "vintage"), 0.6);
  EXPECT_EQ(cognate_similarity("les", "les"), 0.0);  // too short to count as a cognate
}

TEST(Cognates, SuffixRewritesGoTheEnglishWay) {
  EXPECT_EQ(anglicize_suffix("qualite"), "quality");
  EXPECT_EQ(anglicize_suffix("mercenaires"), "mercenaries");
  EXPECT_EQ(anglicize_suffix("politique"), "politic");
  EXPECT_EQ(anglicize_suffix("dangereux"), "dangerous");
  EXPECT_EQ(anglicize_suffix("table"), "table");
}

class Features : public ::testing::Test {
 protected:
  void add(Lang lang, const std::string& text) {
    Tokenizer& t = lang == Lang::fr ? fr_ : en_;
    features_.add_sentence(lang, t.words(text));
  }
  Tokenizer fr_{Lang::fr}, en_{Lang::en};
  SentenceFeatures features_{&freedict_lexicon()};
};

TEST_F(Features, TranslationScoresAboveUnrelatedSentence) {
  add(Lang::fr, "Les mercenaires ont quitté la ville pendant la nuit.");
  add(Lang::fr, "Le prix du pain a augmenté de 12 % cette année.");
  add(Lang::en, "The mercenaries left the city during the night.");
  add(Lang::en, "The price of bread rose by 12 % this year.");
  features_.prepare();
  EXPECT_GT(features_.similarity(0, 0), 0.5);
  EXPECT_GT(features_.similarity(1, 1), 0.5);
  EXPECT_LT(features_.similarity(0, 1), 0.2);
  EXPECT_LT(features_.similarity(1, 0), 0.2);
  std::vector<std::uint32_t> zero{0}, one{1};
  EXPECT_GT(features_.evidence(zero, zero).llr, 0.0);
  EXPECT_LT(features_.evidence(zero, one).llr, features_.evidence(zero, zero).llr);
}

// The aligner registers unstemmed tokens and stems each distinct word once, on two threads:
// the evidence must be what stemming tokens gives, and the stems must matter here
// ("organisaient" reaches FreeDict's "organiser" only through its stem).
TEST(FeaturesStems, StemNewWordsGivesTheEvidenceOfStemmedTokens) {
  const std::vector<std::string> fr{"Ils organisaient des réunions chaque semaine.",
                                    "Le marché ouvre tôt le samedi."};
  const std::vector<std::string> en{"They organized meetings every week.",
                                    "The market opens early on Saturdays."};
  auto evidence = [&](Stems stems, bool stem_after, unsigned threads) {
    FeatureOptions options;
    options.threads = threads;
    SentenceFeatures features(&freedict_lexicon(), options);
    Tokenizer fr_tok(Lang::fr, stems), en_tok(Lang::en, stems);
    for (const auto& s : fr) features.add_sentence(Lang::fr, fr_tok.words(s));
    for (const auto& s : en) features.add_sentence(Lang::en, en_tok.words(s));
    if (stem_after) features.stem_new_words();
    features.prepare();
    std::vector<double> out;
    for (std::uint32_t i = 0; i < fr.size(); ++i)
      for (std::uint32_t j = 0; j < en.size(); ++j)
        out.push_back(features.evidence(std::span(&i, 1), std::span(&j, 1)).llr);
    return out;
  };
  const std::vector<double> stemmed = evidence(Stems::snowball, false, 1);
  EXPECT_EQ(evidence(Stems::none, true, 1), stemmed);
  EXPECT_EQ(evidence(Stems::none, true, 2), stemmed);
  EXPECT_NE(evidence(Stems::none, false, 1), stemmed);
  EXPECT_GT(stemmed[0], stemmed[1]);
}

TEST_F(Features, NumbersMatchAcrossTypographies) {
  add(Lang::fr, "50 000");
  add(Lang::en, "50,000");
  features_.prepare();
  EXPECT_GT(features_.similarity(0, 0), 0.99);
  ASSERT_EQ(features_.anchor_pairs().size(), 1u);
  EXPECT_EQ(features_.anchor_pairs()[0], (std::pair<std::uint32_t, std::uint32_t>{0, 0}));
}

TEST_F(Features, LearnedLinksRaiseTheScoreOfWordsNoDictionaryKnows) {
  add(Lang::fr, "Le gouzigou est arrivé.");
  add(Lang::en, "The wizzlebot has arrived.");
  features_.prepare();
  double before = features_.similarity(0, 0);
  Lexicon learned;
  learned.add("gouzigou", "wizzlebot", 0.9f);
  features_.add_links(learned);
  features_.prepare();
  EXPECT_GT(features_.similarity(0, 0), before + 0.2);
}

// The aligner sets the re-estimated match rate after add_links(), so that prepare() computes
// the ratios once: the evidence must be the same as in the other order.
TEST(FeaturesMatchRate, RateSetAfterAddLinksGivesTheEvidenceOfRateSetBefore) {
  Tokenizer fr_tok(Lang::fr), en_tok(Lang::en);
  auto prepared = [&] {
    auto features = std::make_unique<SentenceFeatures>(&freedict_lexicon());
    features->add_sentence(Lang::fr, fr_tok.words("Le gouzigou a traversé la rivière hier."));
    features->add_sentence(Lang::en, en_tok.words("The wizzlebot crossed the river yesterday."));
    features->prepare();
    return features;
  };
  auto llr = [](const SentenceFeatures& features) {
    std::uint32_t zero = 0;
    return features.evidence(std::span(&zero, 1), std::span(&zero, 1)).llr;
  };
  Lexicon learned;
  learned.add("gouzigou", "wizzlebot", 0.8f);
  auto relinked = [&](bool rate_first) {
    auto features = prepared();
    if (rate_first) features->set_match_rate(0.7);
    features->add_links(learned);
    if (!rate_first) features->set_match_rate(0.7);
    features->prepare();
    return llr(*features);
  };
  EXPECT_EQ(relinked(false), relinked(true));
  auto features = prepared();
  const double before = llr(*features);
  features->set_match_rate(0.7);  // no links waiting: takes effect at once
  EXPECT_NE(llr(*features), before);
}

TEST(LexiconLearner, LearnsConsistentPairsAndDropsChanceCooccurrences) {
  LexiconLearner learner;
  using V = std::vector<std::string_view>;
  learner.add_pair(V{"chat", "noir", "dort"}, V{"black", "cat", "sleeps"});
  learner.add_pair(V{"chat", "mange"}, V{"cat", "eats"});
  learner.add_pair(V{"chien", "noir", "mange"}, V{"black", "dog", "eats"});
  learner.add_pair(V{"chien", "dort"}, V{"dog", "sleeps"});
  learner.add_pair(V{"oiseau", "chante"}, V{"bird", "sings"});
  LearnOptions options;
  options.max_word_share = 1.0;
  Lexicon learned = learner.learn(options);
  auto best = [&](const char* fr) {
    const auto& list = learned.translations(Lang::fr, fr);
    return list.empty() ? std::string() : list.front().word;
  };
  EXPECT_EQ(best("chat"), "cat");
  EXPECT_EQ(best("chien"), "dog");
  EXPECT_EQ(best("noir"), "black");
  EXPECT_TRUE(learned.translations(Lang::fr, "oiseau").empty());  // seen once: not enough
  for (const auto& t : learned.translations(Lang::fr, "chat")) EXPECT_NE(t.word, "dog");
}

// A short report, in both languages, with each kind of bead the aligner must find.
const std::vector<std::string> kFrench = {
    "Le conseil municipal a voté mardi soir le budget de la nouvelle bibliothèque.",
    "Les travaux commenceront en septembre.",
    "Ils dureront deux ans.",
    "Le maire, Jean Dupont, a promis une salle de lecture pour les enfants et un petit café "
    "avec une terrasse au premier étage.",
    "Les commerçants du quartier restent sceptiques.",
    "Le projet coûtera 4,5 millions d'euros, financés en partie par la région.",
    "Une consultation publique aura lieu le 12 mars à la mairie.",
    "Les habitants pourront y présenter leurs propositions.",
    "La bibliothèque actuelle fermera ses portes à la fin de l'année.",
};
const std::vector<std::string> kEnglish = {
    "On Tuesday evening the city council voted the budget of the new library.",
    "Construction will begin in September and will last two years.",
    "The mayor, Jean Dupont, promised a reading room for children.",
    "There will also be a small café with a terrace on the first floor.",
    "The project will cost 4.5 million euros, partly funded by the region.",
    "A public consultation will take place on 12 March at the town hall.",
    "Residents will be able to present their proposals there.",
    "The current library will close its doors at the end of the year.",
};

struct Shape {
  std::uint32_t fr_begin, fr_count, en_begin, en_count;
  bool operator==(const Shape&) const = default;
};

std::vector<Shape> shapes(const Alignment& a) {
  std::vector<Shape> out;
  for (const Bead& b : a.beads) out.push_back({b.fr_begin, b.fr_count, b.en_begin, b.en_count});
  return out;
}

// Every line once, in order, scores in [0, 1].
void expect_valid(const Alignment& a, std::size_t n, std::size_t m) {
  std::uint32_t i = 0, j = 0;
  for (const Bead& b : a.beads) {
    EXPECT_EQ(b.fr_begin, i);
    EXPECT_EQ(b.en_begin, j);
    EXPECT_GT(b.fr_count + b.en_count, 0u);
    EXPECT_GE(b.score, 0.0);
    EXPECT_LE(b.score, 1.0);
    i += b.fr_count;
    j += b.en_count;
  }
  EXPECT_EQ(i, n);
  EXPECT_EQ(j, m);
}

TEST(SentenceAligner, FindsOneToOneMergesAndOmissionInAShortReport) {
  Alignment a = align_sentences(kFrench, kEnglish, &freedict_lexicon());
  expect_valid(a, kFrench.size(), kEnglish.size());
  std::vector<Shape> expected = {{0, 1, 0, 1}, {1, 2, 1, 1}, {3, 1, 2, 2}, {4, 1, 4, 0},
                                 {5, 1, 4, 1}, {6, 1, 5, 1}, {7, 1, 6, 1}, {8, 1, 7, 1}};
  EXPECT_EQ(shapes(a), expected);
  for (const Bead& b : a.beads) {
    if (b.fr_count && b.en_count) {
      EXPECT_GT(b.score, 0.5) << "bead at fr " << b.fr_begin;
    }
  }
  EXPECT_TRUE(a.warnings.empty());
}

TEST(SentenceAligner, FilteredFreeDictKeepsTheDocumentsWordsAndTheSameAlignment) {
  SentenceAligner aligner(kFrench, kEnglish);
  Lexicon filtered;
  for (bool french : {true, false}) {
    FreeDictFiles files = installed_freedict(french);
    filtered.add_freedict(read_freedict(files.index, files.dict_dz,
                                        aligner.headword_filter(french ? Lang::fr : Lang::en)),
                          french ? Lang::fr : Lang::en, aligner.lexicon_filter());
  }
  EXPECT_LT(filtered.entry_count() * 10, freedict_lexicon().entry_count());
  auto has = [&](const char* fr, const char* en) {
    for (const Translation& t : filtered.translations(Lang::fr, fr))
      if (t.word == en) return true;
    return false;
  };
  EXPECT_TRUE(has("bibliotheque", "library"));
  EXPECT_FALSE(has("maison", "house"));  // neither word is in the report
  EXPECT_EQ(shapes(aligner.align(&filtered)),
            shapes(align_sentences(kFrench, kEnglish, &freedict_lexicon())));
}

TEST(SentenceAligner, CachedFreeDictWithPrefixFilterGivesTheSameLexiconAsParsedArticles) {
  SentenceAligner aligner(kFrench, kEnglish);
  Lexicon parsed, cached;
  for (Lang source : {Lang::fr, Lang::en}) {
    FreeDictFiles files = installed_freedict(source == Lang::fr);
    HeadwordFilter heads = aligner.headword_filter(source);
    HeadwordPrefixFilter prefix_heads = aligner.headword_prefix_filter(source);
    parsed.add_freedict(read_freedict(files.index, files.dict_dz, heads), source,
                        aligner.lexicon_filter());
    FoldedFreeDict dict = FoldedFreeDict::load(files);
    cached.add_freedict(dict, source, prefix_heads, aligner.lexicon_filter());
    // Both article filters take the same decision on every article.
    std::size_t kept = 0, articles = 0;
    dict.for_each({}, [&](const FoldedArticle& a) {
      ++articles;
      std::vector<HeadwordPrefix> owned;
      headword_prefixes(a.index_headword, owned);
      std::vector<HeadwordPrefixView> views;
      for (const HeadwordPrefix& p : owned) views.push_back({p.key, p.longer});
      EXPECT_EQ(heads(a.index_headword), prefix_heads(views)) << a.index_headword;
      kept += heads(a.index_headword);
    });
    EXPECT_GT(kept, 0u);
    EXPECT_LT(kept, articles);
  }
  auto pairs = [](const Lexicon& l) {
    std::vector<std::tuple<std::string, std::string, float>> out;
    l.for_each([&](std::string_view f, std::string_view e, float w) {
      out.emplace_back(std::string(f), std::string(e), w);
    });
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_GT(cached.entry_count(), 100u);
  EXPECT_EQ(pairs(parsed), pairs(cached));
  // Restricted to the documents' words, the lexicon translates them as the full one does.
  std::size_t restricted_count = 0;
  for (const char* word : {"bibliotheque", "conseil", "projet", "quartier"}) {
    std::vector<std::string> restricted, full;
    for (const Translation& t : cached.translations(Lang::fr, word)) restricted.push_back(t.word);
    for (const Translation& t : freedict_lexicon().translations(Lang::fr, word))
      full.push_back(t.word);
    std::sort(restricted.begin(), restricted.end());
    std::sort(full.begin(), full.end());
    for (const std::string& t : restricted)
      EXPECT_TRUE(std::binary_search(full.begin(), full.end(), t)) << word << " → " << t;
    restricted_count += restricted.size();
  }
  EXPECT_GE(restricted_count, 4u);
}

// A dev-set document (third-party text, read from ../shared) as one line per segment.
std::vector<std::string> dev_lines(const std::string& name) {
  std::vector<std::string> out;
  std::string text = testing::read_file(testing::shared_path("dev/align/parallel/" + name));
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The lexicon align-files builds for a document pair: the cached FreeDict, filtered (on two
// threads when `parallel`, as the command does).
Lexicon filtered_freedict(const SentenceAligner& aligner, bool parallel) {
  std::vector<FoldedFreeDict> dicts;
  for (Lang source : {Lang::fr, Lang::en})
    dicts.push_back(FoldedFreeDict::load(installed_freedict(source == Lang::fr)));
  std::vector<Lexicon::KeyPair> pairs[2];
  auto select = [&](Lang source) {
    const int k = source == Lang::fr ? 0 : 1;
    pairs[k] = Lexicon::select_freedict(dicts[k], source, aligner.headword_prefix_filter(source),
                                        aligner.lexicon_filter());
  };
  run_both(
      parallel, [&] { select(Lang::en); }, [&] { select(Lang::fr); });
  Lexicon lexicon;
  lexicon.add_pairs(pairs, parallel);
  return lexicon;
}

void expect_same_beads(const Alignment& a, const Alignment& b) {
  ASSERT_EQ(a.beads.size(), b.beads.size());
  for (std::size_t k = 0; k < a.beads.size(); ++k) {
    const Bead &x = a.beads[k], &y = b.beads[k];
    EXPECT_EQ(std::tie(x.fr_begin, x.fr_count, x.en_begin, x.en_count),
              std::tie(y.fr_begin, y.fr_count, y.en_begin, y.en_count))
        << "bead " << k;
    EXPECT_EQ(x.score, y.score) << "bead " << k;  // bit-identical, not merely close
  }
  EXPECT_EQ(a.warnings, b.warnings);
}

TEST(SentenceAligner, OneThreadAndTwoThreadsGiveBitIdenticalAlignments) {
  for (const char* doc : {"lit_JaneEyre", "europarl_ep-06-07-05"}) {
    SCOPED_TRACE(doc);
    auto fr = dev_lines(std::string(doc) + ".fr"), en = dev_lines(std::string(doc) + ".en");
    SentenceAligner one(fr, en, 1), two(fr, en, 2);
    Lexicon lex_one = filtered_freedict(one, false), lex_two = filtered_freedict(two, true);
    EXPECT_EQ(lex_one.entry_count(), lex_two.entry_count());
    Alignment a = one.align(&lex_one), b = two.align(&lex_two);
    EXPECT_GT(a.beads.size(), fr.size() / 2);
    expect_same_beads(a, b);
    // The same with one pass only, and without a lexicon.
    AlignOptions one_pass;
    one_pass.learn = false;
    expect_same_beads(SentenceAligner(fr, en, 1).align(&lex_one, one_pass),
                      SentenceAligner(fr, en, 2).align(&lex_two, one_pass));
    expect_same_beads(SentenceAligner(fr, en, 1).align(nullptr),
                      SentenceAligner(fr, en, 2).align(nullptr));
  }
}

TEST(Lexicon, PairsAddedOnTwoThreadsGiveTheSameTablesInTheSameOrder) {
  SentenceAligner aligner(kFrench, kEnglish, 1);
  Lexicon one = filtered_freedict(aligner, false), two = filtered_freedict(aligner, true);
  auto listing = [](const Lexicon& l) {
    std::vector<std::tuple<std::string, std::string, float>> out;
    l.for_each([&](std::string_view f, std::string_view e, float w) {
      out.emplace_back(std::string(f), std::string(e), w);
    });
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_GT(one.entry_count(), 100u);
  EXPECT_EQ(one.entry_count(), two.entry_count());
  EXPECT_EQ(listing(one), listing(two));
  // Translation lists keep the order of insertion in both directions.
  for (const auto& [f, e, w] : listing(one)) {
    auto words = [](const std::vector<Translation>& list) {
      std::vector<std::string> out;
      for (const Translation& t : list) out.push_back(t.word);
      return out;
    };
    EXPECT_EQ(words(one.translations(Lang::fr, f)), words(two.translations(Lang::fr, f)));
    EXPECT_EQ(words(one.translations(Lang::en, e)), words(two.translations(Lang::en, e)));
  }
}

TEST(SentenceAligner, EmptySideGivesOmissionsAndAWarning) {
  std::vector<std::string> none;
  Alignment a = align_sentences(none, kEnglish, &freedict_lexicon());
  expect_valid(a, 0, kEnglish.size());
  EXPECT_EQ(a.beads.size(), kEnglish.size());
  EXPECT_FALSE(a.warnings.empty());
  Alignment b = align_sentences(none, none, &freedict_lexicon());
  EXPECT_TRUE(b.beads.empty());
  EXPECT_FALSE(b.warnings.empty());
}

TEST(SentenceAligner, MuchLongerSideStillGivesAValidAlignment) {
  std::vector<std::string> fr(kFrench.begin(), kFrench.begin() + 2);
  std::vector<std::string> en;
  for (int k = 0; k < 4; ++k) en.insert(en.end(), kEnglish.begin(), kEnglish.end());
  Alignment a = align_sentences(fr, en, &freedict_lexicon());
  expect_valid(a, fr.size(), en.size());
  EXPECT_FALSE(a.warnings.empty());
}

TEST(SentenceAligner, WrongLanguageSideGivesLowScoresAndAWarning) {
  const std::vector<std::string> german = {
      "Gestern regnete es den ganzen Tag in der kleinen Stadt.",
      "Die Kinder spielten trotzdem im Hof hinter der Schule.",
      "Am Abend kochte die Großmutter eine warme Suppe.",
      "Niemand wollte danach noch hinausgehen.",
      "Der Hund schlief zufrieden neben dem Ofen.",
      "Morgen soll endlich die Sonne scheinen.",
      "Dann fahren alle zusammen an den See.",
      "Der Zug fährt um acht Uhr ab.",
  };
  Alignment a = align_sentences(kFrench, german, &freedict_lexicon());
  expect_valid(a, kFrench.size(), german.size());
  EXPECT_FALSE(a.warnings.empty());
  double total = 0;
  for (const Bead& b : a.beads) total += b.score;
  EXPECT_LT(total / static_cast<double>(a.beads.size()), 0.3);
}

}  // namespace
}  // namespace tandem
