// How translation-like a group of French sentences and a group of English sentences are: the
// lexical evidence the sentence aligner and the comparable-corpus miner share.
//
// Usage: register every sentence of both sides once (add_sentence: the precompute step, which
// keeps each sentence as a sorted set of vocabulary ids), call prepare() once, then score any
// French/English groups cheaply with evidence() or similarity().
//
// prepare() links the two vocabularies through
//   - the lexicon (FreeDict, user dictionaries), looked up by key and by lemma guesses built
//     from the stem ("maisons" → "maison", "organisait" → "organiser"), its translations
//     matched on English stems;
//   - identical tokens (numbers in canonical form, names, acronyms: any key of 2+ characters);
//   - cognates on folded forms (tm/cognates.h) among words sharing their first letters;
//   - learned entries added later with add_links() (tm/lexicon_learner.h), then prepare() again.
// Each link has a weight in (0, 1].
//
// evidence() returns two views of the same matching: an IDF-weighted coverage in [0, 1] (the
// share of content on both sides that has a counterpart on the other side) and a log-likelihood
// ratio "translation vs unrelated sentences" in which every token counts by how unlikely its
// match would be by chance (its linked words' document frequency), so frequent words weigh
// little without a stopword list, and tokens that have no link at all count for nothing.
//
// Thread-safety: add_sentence/prepare/add_links are not thread-safe (except add_sentence on the
// two sides at once; prepare() itself uses FeatureOptions::threads); evidence() and similarity()
// are const and may run concurrently when each thread passes its own Scratch.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corpus/language.h"
#include "corpus/tokenizer.h"
#include "tm/lexicon.h"

namespace tandem {

struct BeadEvidence {
  double coverage = 0.0;   // IDF-weighted share of content words matched, both sides, in [0, 1]
  double llr = 0.0;        // log-likelihood ratio, translation vs chance
  double fr_weight = 0.0;  // IDF mass of the French content words
  double en_weight = 0.0;  // IDF mass of the English content words
};

struct FeatureOptions {
  double cognate_threshold = 0.75;  // cognate_similarity below this is no link
  // Probability that a linked word finds its counterpart in a true translation; the aligner
  // re-estimates it per document (set_match_rate).
  double match_rate = 0.55;
  // Tokens whose match by chance is likelier than this carry no evidence (function words).
  double max_chance = 0.35;
  // Threads prepare() may use for independent work (the two link directions, the two sides);
  // the result is the same for any count.
  unsigned threads = 1;
};

class SentenceFeatures {
 public:
  // Groups of up to this many sentences per side get precomputed ratios; larger ones reuse the
  // last.
  static constexpr std::size_t kMaxGroup = 4;

  // `lexicon` may be null (then: identical tokens, cognates and learned links only); it must
  // outlive this object.
  explicit SentenceFeatures(const Lexicon* lexicon, FeatureOptions options = {});

  // Sets or replaces the lexicon (before prepare()); same contract as the constructor's.
  void set_lexicon(const Lexicon* lexicon);

  // Registers a sentence from its Word/Number tokens (Tokenizer::words of a tokenizer in that
  // side's language: prepare() reuses their Snowball stems for dictionary words that are also
  // document words) and returns its index on that side (0, 1, 2 ... per side). The two sides
  // may be registered concurrently, each by one thread.
  std::uint32_t add_sentence(Lang side, std::span<const Token> words);
  // Computes the Snowball stems of the words registered since the last call, each distinct word
  // once, on FeatureOptions::threads threads: for sentences registered from a tokenizer made
  // with Stems::none (the stems are the same either way). Call before the filters and prepare().
  void stem_new_words();
  std::size_t sentence_count(Lang side) const;

  // Builds the links between the two vocabularies and the chance model. Call after the last
  // add_sentence and again after add_links.
  void prepare();

  // Adds word links (folded keys, weights in (0, 1]) from a learned lexicon: French key → its
  // English translations. Takes effect at the next prepare().
  void add_links(const Lexicon& learned);

  // Recomputes the ratios evidence() reads at once, except when add_links() entries wait for
  // prepare(): that prepare() recomputes them (so set the rate after add_links, not before).
  void set_match_rate(double rate);
  double match_rate() const { return options_.match_rate; }

  // Per-thread working memory for evidence(); construct one per thread.
  struct Scratch {
    std::vector<std::uint32_t> fr_stamp, en_stamp;
    std::uint32_t epoch = 0;
  };

  // Evidence that French sentences `fr` and English sentences `en` (indices from add_sentence)
  // translate each other. Either span may be empty (then coverage and llr are 0).
  BeadEvidence evidence(std::span<const std::uint32_t> fr, std::span<const std::uint32_t> en,
                        Scratch& scratch) const;
  BeadEvidence evidence(std::span<const std::uint32_t> fr, std::span<const std::uint32_t> en) const;
  // Coverage of one sentence pair, in [0, 1].
  double similarity(std::uint32_t fr, std::uint32_t en) const;

  // Matched-token statistics of a pair, for re-estimating match_rate: linked informative tokens
  // and how many of them found their counterpart.
  struct MatchCounts {
    double linked = 0.0;
    double matched = 0.0;
  };
  MatchCounts match_counts(std::span<const std::uint32_t> fr, std::span<const std::uint32_t> en,
                           Scratch& scratch) const;

  // Vocabulary keys of one side (every distinct content word registered).
  const std::vector<std::string>& vocabulary(Lang side) const;

  // A filter for Lexicon loading that keeps only the dictionary pairs prepare() can use with the
  // sentences registered so far: one side is a lemma form of a word of ours, and the other side
  // has a word starting like one of ours. Self-contained: it may outlive this object.
  Lexicon::EntryFilter lexicon_filter() const;
  // A coarser filter for read_freedict (tm/freedict_reader.h) on a dictionary whose headwords
  // are in `headword_lang`: keeps headwords with a word that starts like one of ours, which
  // every pair lexicon_filter() keeps has. Self-contained.
  HeadwordFilter headword_filter(Lang headword_lang) const;
  // The same test on the precomputed prefixes of a cached dictionary (tm/freedict_cache.h).
  HeadwordPrefixFilter headword_prefix_filter(Lang headword_lang) const;

  // Sentence pairs (fr, en) that share a word occurring once on each side and linked surely
  // (weight ≥ 0.9: a number, a name, a dictionary entry): anchor points for an aligner.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> anchor_pairs() const;
  // The same within French sentences [fr_begin, fr_end) and English [en_begin, en_end): words
  // that occur once in each range (so long documents that repeat words still get anchors).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> anchor_pairs(std::uint32_t fr_begin,
                                                                    std::uint32_t fr_end,
                                                                    std::uint32_t en_begin,
                                                                    std::uint32_t en_end) const;

  // Vocabulary keys of a registered sentence (content words the features use), for learners.
  std::vector<std::string_view> sentence_keys(Lang side, std::uint32_t sentence) const;

 private:
  struct Link {
    std::uint32_t to;
    float weight;
  };
  struct Side {
    std::unordered_map<std::string, std::uint32_t> ids;  // key → vocabulary id
    std::vector<std::string> keys;
    std::vector<std::string> stems;
    std::size_t stemmed = 0;  // ids below have their stems computed by stem_new_words()
    std::vector<bool> numeric;
    std::vector<std::uint32_t> df;                      // sentences containing the word
    std::vector<std::vector<std::uint32_t>> sentences;  // sorted distinct ids per sentence
    std::vector<std::vector<Link>> links;               // to the other side's ids
    std::vector<float> chance;  // P(a random sentence of the other side holds a link)
    std::vector<float> idf;
    // Log-likelihood ratio of a match (hit) and of no match (miss) against 1, 2 or 3 sentences
    // of the other side; both 0 for a token that carries no evidence.
    std::vector<std::array<float, kMaxGroup>> hit, miss;
    std::vector<bool> informative;  // chance of a match against one sentence ≤ max_chance
    // What scoring reads, packed: per sentence the IDF mass of its informative words and the
    // list of those that have links; links of all words in one array.
    std::vector<float> sentence_weight;
    std::vector<std::uint32_t> active_begin, active;
    std::vector<std::uint32_t> link_begin;
    std::vector<Link> link_pool;
    // 64-bit signatures (bit id_bit(id) per word id): of each word's link targets on the other
    // side, and of each sentence's words. A word whose link signature misses the signature of
    // the other side's sentences cannot match there, so scoring skips its links (exact).
    std::vector<std::uint64_t> link_sig, sentence_sig;
  };
  static std::uint64_t id_bit(std::uint32_t id) { return std::uint64_t{1} << (id & 63); }
  void compute_ratios(Side& s) const;

  Side& side(Lang lang) { return lang == Lang::en ? en_ : fr_; }
  const Side& side(Lang lang) const { return lang == Lang::en ? en_ : fr_; }
  struct WordLink {
    std::uint32_t fr, en;
    float weight;
  };
  // Links from the lexicon's translations of `from` words (reads only: may run concurrently).
  std::vector<WordLink> dictionary_links(const Lexicon& lexicon, Lang from) const;
  // Links between identical tokens and between cognates (reads only).
  std::vector<WordLink> identical_and_cognate_links() const;
  void add_link(std::uint32_t fr, std::uint32_t en, float weight);
  void finish_side(Side& s, const Side& other);

  const Lexicon* lexicon_;
  FeatureOptions options_;
  Side fr_, en_;
  struct Learned {
    std::string fr, en;
    float weight;
  };
  std::vector<Learned> learned_;
  std::size_t linked_fr_ = SIZE_MAX, linked_en_ = SIZE_MAX;  // vocabulary sizes last linked
  std::size_t learned_applied_ = 0;
  mutable Scratch scratch_;  // for the overloads without a Scratch argument
};

}  // namespace tandem
