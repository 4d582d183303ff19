#include "tm/edit_distance.h"

#include <algorithm>
#include <bit>
#include <numeric>

namespace tandem {
namespace {

constexpr TokenId kEmptySlot = 0xFFFFFFFFu;

std::size_t slot_of(TokenId token, std::size_t mask) {
  return static_cast<std::size_t>((token * 0x9E3779B1u) >> 7) & mask;
}

}  // namespace

std::size_t edit_distance_dp(std::span<const TokenId> a, std::span<const TokenId> b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

BitParallelPattern::BitParallelPattern(std::span<const TokenId> pattern)
    : pattern_(pattern.begin(), pattern.end()) {
  if (pattern_.empty() || pattern_.size() > 64) return;
  std::size_t capacity = std::bit_ceil(pattern_.size() * 2);
  table_mask_ = capacity - 1;
  keys_.assign(capacity, kEmptySlot);
  masks_.assign(capacity, 0);
  for (std::size_t i = 0; i < pattern_.size(); ++i) {
    std::size_t slot = slot_of(pattern_[i], table_mask_);
    while (keys_[slot] != kEmptySlot && keys_[slot] != pattern_[i]) slot = (slot + 1) & table_mask_;
    keys_[slot] = pattern_[i];
    masks_[slot] |= std::uint64_t{1} << i;
  }
}

std::uint64_t BitParallelPattern::match_mask(TokenId token) const {
  for (std::size_t slot = slot_of(token, table_mask_);; slot = (slot + 1) & table_mask_) {
    if (keys_[slot] == token) return masks_[slot];
    if (keys_[slot] == kEmptySlot) return 0;
  }
}

std::size_t BitParallelPattern::distance(std::span<const TokenId> text) const {
  const std::size_t m = pattern_.size();
  if (m == 0) return text.size();
  if (m > 64) return edit_distance_dp(pattern_, text);
  // Hyyrö's formulation of Myers' algorithm for the global distance: the vertical deltas of
  // the current DP column are kept as bit vectors (Pv: +1, Mv: −1); the score tracks D[m][j].
  std::uint64_t pv = ~std::uint64_t{0};
  std::uint64_t mv = 0;
  const std::uint64_t last = std::uint64_t{1} << (m - 1);
  std::size_t score = m;
  for (TokenId token : text) {
    std::uint64_t eq = match_mask(token);
    std::uint64_t xv = eq | mv;
    std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    std::uint64_t ph = mv | ~(xh | pv);
    std::uint64_t mh = pv & xh;
    if (ph & last) ++score;
    if (mh & last) --score;
    ph = (ph << 1) | 1;  // the first row grows by one per text token: D[0][j] = j
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

}  // namespace tandem
