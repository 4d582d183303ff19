#include "tm/margin_scorer.h"

#include <algorithm>

namespace tandem {
namespace {

// The k largest values seen per slot, kept sorted descending in a flat array.
class TopK {
 public:
  TopK(std::size_t slots, std::size_t k) : k_(k), values_(slots * k, 0.0f), counts_(slots, 0) {}
  void add(std::size_t slot, float value) {
    float* v = &values_[slot * k_];
    std::size_t& n = counts_[slot];
    if (n == k_ && value <= v[k_ - 1]) return;
    std::size_t i = n < k_ ? n++ : k_ - 1;
    while (i > 0 && v[i - 1] < value) {
      v[i] = v[i - 1];
      --i;
    }
    v[i] = value;
  }
  // Mean over k: missing neighbours count as 0, as an empty neighbourhood is a far one.
  float mean(std::size_t slot) const {
    float sum = 0;
    for (std::size_t i = 0; i < counts_[slot]; ++i) sum += values_[slot * k_ + i];
    return sum / static_cast<float>(k_);
  }

 private:
  std::size_t k_;
  std::vector<float> values_;
  std::vector<std::size_t> counts_;
};

bool by_margin(const ScoredPair& a, const ScoredPair& b) {
  if (a.margin != b.margin) return a.margin > b.margin;
  if (a.similarity != b.similarity) return a.similarity > b.similarity;
  return a.fr != b.fr ? a.fr < b.fr : a.en < b.en;
}

}  // namespace

void apply_ratio_margin(std::span<ScoredPair> pairs, std::size_t fr_count, std::size_t en_count,
                        std::size_t k, float offset) {
  k = std::max<std::size_t>(k, 1);
  TopK fr_knn(fr_count, k), en_knn(en_count, k);
  for (const ScoredPair& p : pairs) {
    fr_knn.add(p.fr, p.similarity);
    en_knn.add(p.en, p.similarity);
  }
  for (ScoredPair& p : pairs) {
    float denominator = (fr_knn.mean(p.fr) + en_knn.mean(p.en)) / 2 + offset;
    p.margin = denominator > 0 ? p.similarity / denominator : 0.0f;
  }
}

std::vector<ScoredPair> select_one_to_one(std::vector<ScoredPair> pairs, float min_margin,
                                          float min_similarity) {
  std::erase_if(pairs, [&](const ScoredPair& p) {
    return p.margin < min_margin || p.similarity < min_similarity;
  });
  std::sort(pairs.begin(), pairs.end(), by_margin);
  std::vector<ScoredPair> out;
  std::vector<bool> fr_used, en_used;
  for (const ScoredPair& p : pairs) {
    if (p.fr >= fr_used.size()) fr_used.resize(p.fr + 1, false);
    if (p.en >= en_used.size()) en_used.resize(p.en + 1, false);
    if (fr_used[p.fr] || en_used[p.en]) continue;
    fr_used[p.fr] = en_used[p.en] = true;
    out.push_back(p);
  }
  return out;
}

std::vector<ScoredPair> best_per_french(std::span<const ScoredPair> pairs, std::size_t fr_count) {
  std::vector<const ScoredPair*> best(fr_count, nullptr);
  for (const ScoredPair& p : pairs)
    if (!best[p.fr] || by_margin(p, *best[p.fr])) best[p.fr] = &p;
  std::vector<ScoredPair> out;
  for (const ScoredPair* p : best)
    if (p) out.push_back(*p);
  return out;
}

}  // namespace tandem
