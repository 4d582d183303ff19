// Learning word translations from confidently mined sentence pairs, so the lexicon grows with
// the user's own material (FreeDict has no "mercenaire", "blanchiment", ...).
//
// In each confident pair, the words left unmatched on both sides are candidate translations of
// each other. A pair (fr word, en word) is learned when it co-occurs this way in at least
// `min_count` pairs and its Dice coefficient over the confident pairs is at least `min_dice`
// (learning is filtered for confidence: hunalign's unfiltered -realign lowers quality). A pair
// that is the only unmatched content word on each side of a very confident sentence pair is
// also learned when `residual_pairs` is on.
//
// Thread-safety: free function on caller-owned data.
#pragma once

#include <cstddef>
#include <span>

#include "tm/cross_lingual_keys.h"
#include "tm/margin_scorer.h"
#include "tm/pair_similarity.h"

namespace tandem {

struct MiningLearnOptions {
  std::size_t min_count = 2;
  float min_dice = 0.5f;
  bool residual_pairs = true;
  std::size_t min_word_length = 3;  // in bytes of the folded key
};

// Learns into `keys` from `confident` pairs of the two sides; returns how many new entries.
std::size_t learn_translations(CrossLingualKeys& keys, const MiningSide& fr, const MiningSide& en,
                               std::span<const ScoredPair> confident,
                               const SimilarityOptions& similarity,
                               const MiningLearnOptions& options);

}  // namespace tandem
