// Candidate retrieval for bitext mining: an inverted index from match-space ids (see
// cross_lingual_keys.h) to the sentences of one side, queried with a sentence of the other side.
//
// A query adds the inverse document frequency of every id it shares with a sentence and
// returns the best-scoring sentences. Ids held by more than `max_df` sentences (function-word
// translations, common cognate prefixes) are skipped, except for the query's `always_keep`
// rarest ids, so every query still reaches its most specific neighbours (the prefix-filtering
// idea) while the cost per query stays bounded. Nothing is compared all-pairs.
//
// Thread-safety: query() uses a scratch accumulator; use one index per thread or lock.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "tm/cross_lingual_keys.h"

namespace tandem {

struct Candidate {
  std::uint32_t sentence = 0;
  float overlap = 0.0f;  // summed idf of the shared ids
};

class CandidateIndex {
 public:
  struct Options {
    std::size_t max_df = 0;       // 0: max(64, 3% of the indexed sentences)
    std::size_t always_keep = 4;  // rarest ids of a query used whatever their frequency
  };

  // `bags[i]` is the sorted distinct match ids of sentence i of the indexed side.
  explicit CandidateIndex(std::span<const std::vector<KeyId>> bags)
      : CandidateIndex(bags, Options{}) {}
  CandidateIndex(std::span<const std::vector<KeyId>> bags, Options options);

  // The `top` indexed sentences sharing the most idf mass with `query_bag`, best first.
  std::vector<Candidate> query(std::span<const KeyId> query_bag, std::size_t top);

  std::size_t size() const { return sentences_; }
  // Inverse document frequency of an id on the indexed side (0 if absent).
  float idf(KeyId id) const { return id < idf_.size() ? idf_[id] : 0.0f; }
  std::size_t df(KeyId id) const {
    return id + 1 < offsets_.size() ? offsets_[id + 1] - offsets_[id] : 0;
  }

 private:
  std::size_t sentences_ = 0;
  std::size_t max_df_ = 0;
  Options options_;
  std::vector<std::uint32_t> offsets_;  // CSR: postings of id k are postings_[offsets_[k] ..]
  std::vector<std::uint32_t> postings_;
  std::vector<float> idf_;
  std::vector<float> accumulator_;
  std::vector<std::uint32_t> touched_;
};

}  // namespace tandem
