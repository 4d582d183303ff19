// Margin-based scoring of candidate sentence pairs (Artetxe & Schwenk 2019, "ratio margin"):
// a pair's raw similarity divided by the mean similarity of each side's k nearest neighbours.
// A sentence that is close to everything (a hub: short, generic, formulaic) gets a high
// neighbourhood mean and so a low margin, while a pair that stands out from both sentences'
// neighbourhoods gets a margin well above 1. The neighbourhoods are the scored candidate
// pairs (retrieved in both directions), not the whole pool.
//
// Then the final selection: greedy one-to-one by margin above a threshold, or the best pair
// per French sentence.
//
// Thread-safety: free functions on caller-owned data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tandem {

struct ScoredPair {
  std::uint32_t fr = 0;
  std::uint32_t en = 0;
  float similarity = 0.0f;
  float margin = 0.0f;
};

// Sets `margin` on every pair: similarity / ((knn_fr + knn_en) / 2 + offset), where knn_fr is
// the mean of the k best similarities of the pair's French sentence among `pairs` (likewise
// English). The offset smooths the ratio: word-overlap similarities of unrelated sentences are
// near 0 (unlike embedding cosines), so without it a pair in an empty neighbourhood (short
// sentences) would get an unbounded margin. On the dev pools it also makes one threshold hold
// across domains.
void apply_ratio_margin(std::span<ScoredPair> pairs, std::size_t fr_count, std::size_t en_count,
                        std::size_t k, float offset = 0.0f);

// Greedy one-to-one selection by margin (ties: similarity), keeping pairs with
// margin ≥ min_margin and similarity ≥ min_similarity. Best first.
std::vector<ScoredPair> select_one_to_one(std::vector<ScoredPair> pairs, float min_margin,
                                          float min_similarity);

// For every French sentence, its pair with the highest margin (fr order); sentences without
// any candidate are absent.
std::vector<ScoredPair> best_per_french(std::span<const ScoredPair> pairs, std::size_t fr_count);

}  // namespace tandem
