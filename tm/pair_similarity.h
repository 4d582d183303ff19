// How much a French sentence and an English sentence say the same thing, from words alone:
// the idf-weighted share of each side's words that find a match on the other side (lexicon,
// learned translation, cognate, identical name or number), combined by harmonic mean, times a
// mild length-ratio factor. 0 = nothing in common, 1 = every word matched at the expected
// length ratio. This is the raw score the margin criterion (margin_scorer.h) normalises.
//
// A MiningSide holds one language's sentences keyed for matching plus their word weights;
// it is built once per pool and shared by retrieval, scoring and learning.
//
// Thread-safety: similarity() reads the sides and the keys' caches; not thread-safe while
// CrossLingualKeys may still compute ids lazily (call prepare() first to fill them).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "tm/cross_lingual_keys.h"

namespace tandem {

struct MiningSide {
  Lang lang = Lang::und;
  std::vector<KeyedSentence> sentences;
  std::vector<std::vector<KeyId>> bags;  // match ids per sentence (sorted)
  std::vector<float> word_weight;        // by own-language word id: idf in this pool

  // Keys every text and computes bags and weights (idf over this side's sentences).
  static MiningSide build(CrossLingualKeys& keys, Lang lang, std::span<const std::string> texts);
  // Recomputes the bags (after the keys learned new translations).
  void rebuild_bags(CrossLingualKeys& keys);
  float weight(KeyId word) const { return word < word_weight.size() ? word_weight[word] : 0.f; }
};

struct SimilarityOptions {
  float length_ratio = 1.12f;  // expected French/English length in characters
  float length_sigma = 0.45f;  // spread of log(length ratio) before the score drops
};

// Which words of a pair matched, for evidence and learning.
struct PairMatch {
  float fr_coverage = 0.0f;
  float en_coverage = 0.0f;
  float score = 0.0f;
  std::vector<KeyId> fr_unmatched, en_unmatched;  // own-language word ids
  std::vector<std::pair<KeyId, KeyId>> matched;   // (fr word, en word) pairs that share an id
};

float pair_similarity(CrossLingualKeys& keys, const MiningSide& fr, std::uint32_t x,
                      const MiningSide& en, std::uint32_t y, const SimilarityOptions& options);

// The same score with the word-level detail (slower; for evidence and learning).
PairMatch explain_pair(CrossLingualKeys& keys, const MiningSide& fr, std::uint32_t x,
                       const MiningSide& en, std::uint32_t y, const SimilarityOptions& options);

}  // namespace tandem
