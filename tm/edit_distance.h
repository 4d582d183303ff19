// Word-level edit distance (Levenshtein over token ids), the measure CAT tools score fuzzy
// matches with: similarity = 1 − distance / max(|a|, |b|).
//
// BitParallelPattern preprocesses one query and then verifies many candidates with Myers' /
// Hyyrö's bit-vector algorithm: one 64-bit word per query of up to 64 tokens, O(|text|) word
// operations per candidate (about 100 ns for a sentence). Longer queries fall back to the
// classic dynamic programme, which gives the same numbers.
//
// Thread-safety: a pattern is immutable after construction; distance() may run concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tandem {

using TokenId = std::uint32_t;

// Reference implementation: O(|a|·|b|) dynamic programme with two rows.
std::size_t edit_distance_dp(std::span<const TokenId> a, std::span<const TokenId> b);

class BitParallelPattern {
 public:
  explicit BitParallelPattern(std::span<const TokenId> pattern);

  std::size_t size() const { return pattern_.size(); }
  // Edit distance between the pattern and `text`.
  std::size_t distance(std::span<const TokenId> text) const;

 private:
  std::uint64_t match_mask(TokenId token) const;

  std::vector<TokenId> pattern_;
  // Open-addressing table token → bit mask of its positions in the pattern (≤ 64 tokens).
  std::vector<TokenId> keys_;
  std::vector<std::uint64_t> masks_;
  std::size_t table_mask_ = 0;
};

}  // namespace tandem
