#include "tm/candidate_index.h"

#include <algorithm>
#include <cmath>

namespace tandem {

CandidateIndex::CandidateIndex(std::span<const std::vector<KeyId>> bags, Options options)
    : sentences_(bags.size()), options_(options) {
  max_df_ = options.max_df ? options.max_df : std::max<std::size_t>(64, sentences_ * 3 / 100);
  KeyId max_id = 0;
  for (const auto& bag : bags)
    if (!bag.empty()) max_id = std::max(max_id, bag.back());
  offsets_.assign(static_cast<std::size_t>(max_id) + 2, 0);
  for (const auto& bag : bags)
    for (KeyId id : bag) ++offsets_[id + 1];
  for (std::size_t k = 1; k < offsets_.size(); ++k) offsets_[k] += offsets_[k - 1];
  postings_.resize(offsets_.back());
  std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (std::uint32_t s = 0; s < bags.size(); ++s)
    for (KeyId id : bags[s]) postings_[fill[id]++] = s;
  idf_.resize(offsets_.size() - 1);
  for (std::size_t k = 0; k < idf_.size(); ++k) {
    std::size_t df = offsets_[k + 1] - offsets_[k];
    idf_[k] = df ? std::log(1.0f + static_cast<float>(sentences_) / static_cast<float>(df)) : 0.0f;
  }
  accumulator_.assign(sentences_, 0.0f);
}

std::vector<Candidate> CandidateIndex::query(std::span<const KeyId> query_bag, std::size_t top) {
  // The query's rarest ids are always used, whatever their frequency.
  std::vector<std::pair<std::size_t, KeyId>> by_df;
  by_df.reserve(query_bag.size());
  for (KeyId id : query_bag)
    if (std::size_t n = df(id)) by_df.emplace_back(n, id);
  std::size_t keep = std::min(options_.always_keep, by_df.size());
  std::partial_sort(by_df.begin(), by_df.begin() + static_cast<std::ptrdiff_t>(keep), by_df.end());
  for (std::size_t i = 0; i < by_df.size(); ++i) {
    auto [n, id] = by_df[i];
    if (i >= keep && n > max_df_) continue;
    float w = idf_[id];
    for (std::uint32_t p = offsets_[id]; p < offsets_[id + 1]; ++p) {
      std::uint32_t s = postings_[p];
      if (accumulator_[s] == 0.0f) touched_.push_back(s);
      accumulator_[s] += w;
    }
  }
  std::vector<Candidate> out;
  out.reserve(touched_.size());
  for (std::uint32_t s : touched_) {
    out.push_back({s, accumulator_[s]});
    accumulator_[s] = 0.0f;
  }
  touched_.clear();
  auto better = [](const Candidate& a, const Candidate& b) {
    return a.overlap != b.overlap ? a.overlap > b.overlap : a.sentence < b.sentence;
  };
  if (out.size() > top) {
    std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(top), out.end(),
                     better);
    out.resize(top);
  }
  std::sort(out.begin(), out.end(), better);
  return out;
}

}  // namespace tandem
