// The fuzzy-match index over one side (French or English) of the translation memory: every
// unit as a sequence of token ids (word keys, every number as one "number" token), and an
// inverted index token → units, each posting list sorted by unit length.
//
// search() finds every unit whose word-level similarity 1 − edit distance / max(|q|, |u|) with
// the query reaches a threshold T, without scanning: a unit scoring ≥ T has at least ⌈T·|q|⌉ of
// the query's tokens aligned to equal tokens, so it shares one of the query's
// |q| − ⌈T·|q|⌉ + 1 rarest tokens (prefix filtering); its length lies in [⌈T·|q|⌉, ⌊|q|/T⌋]
// (a binary search in each sorted posting list); and each candidate is verified with the
// bit-parallel edit distance (tm/edit_distance.h). The result is exact: the same hits as
// search_exhaustive(), which tests and benchmarks use as the reference.
//
// The index is one contiguous byte image, built in memory by FuzzyIndexBuilder and saved to a
// file that later runs map read-only (mmap), so a lookup on a million units starts in
// milliseconds. The image records the TM instance and generation it was built at (see
// TranslationMemory::generation) so a stale file is detected and rebuilt.
//
// Thread-safety: search() uses per-index scratch space: one thread per FuzzyIndex.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/language.h"
#include "tm/edit_distance.h"

namespace tandem {

class FuzzyIndex {
 public:
  struct Hit {
    std::uint32_t index = 0;  // position of the unit in the index
    std::int64_t unit_id = 0;
    std::uint32_t distance = 0;
    double similarity = 0;  // 1 − distance / max(|q|, |u|)
  };
  struct Stats {
    std::size_t candidates = 0;  // units verified by edit distance in the last search
  };

  // Maps a saved index; throws tandem::Error when the file is not a valid index.
  static FuzzyIndex open(const std::string& path);
  // Writes the image to `path` atomically (temporary file, then rename).
  void save(const std::string& path) const;

  Lang lang() const;
  std::int64_t generation() const;
  std::string instance() const;
  std::size_t size() const;
  std::size_t vocabulary_size() const;

  // The id of a token key, nullopt when no unit contains it.
  std::optional<TokenId> token_id(std::string_view key) const;
  // Ids for a query: unknown keys get ids ≥ vocabulary_size() (distinct per key), which match
  // nothing but still count in lengths and distances.
  std::vector<TokenId> query_ids(std::span<const std::string> keys) const;

  std::int64_t unit_id(std::uint32_t index) const;
  std::span<const TokenId> tokens(std::uint32_t index) const;

  // Every unit with similarity ≥ min_similarity, best first (ties: lower unit id first).
  std::vector<Hit> search(std::span<const TokenId> query, double min_similarity);
  std::vector<Hit> search_exhaustive(std::span<const TokenId> query, double min_similarity) const;
  const Stats& last_stats() const { return stats_; }

  FuzzyIndex(FuzzyIndex&&) noexcept;
  FuzzyIndex& operator=(FuzzyIndex&&) noexcept;
  ~FuzzyIndex();

 private:
  friend class FuzzyIndexBuilder;
  struct Image;
  FuzzyIndex() = default;
  void attach();  // sets the views below from the image bytes

  std::unique_ptr<Image> image_;
  std::span<const std::int64_t> unit_ids_;
  std::span<const std::uint64_t> seq_offsets_;
  std::span<const TokenId> seq_tokens_;
  std::span<const std::uint64_t> vocab_offsets_;
  std::string_view vocab_chars_;
  std::span<const std::uint64_t> post_offsets_;
  std::span<const std::uint32_t> postings_;
  std::vector<std::uint32_t> seen_;  // search scratch: stamp per unit
  std::uint32_t stamp_ = 0;
  Stats stats_;
};

// Collects units (id + token keys) and produces the index image.
class FuzzyIndexBuilder {
 public:
  FuzzyIndexBuilder(Lang lang, std::string instance, std::int64_t generation);
  void add(std::int64_t unit_id, std::span<const std::string> keys);
  FuzzyIndex finish();

 private:
  Lang lang_;
  std::string instance_;
  std::int64_t generation_;
  std::unordered_map<std::string, std::uint32_t> vocabulary_;
  std::vector<std::string> keys_;  // by temporary id
  std::vector<std::int64_t> unit_ids_;
  std::vector<std::uint64_t> offsets_{0};
  std::vector<std::uint32_t> tokens_;  // temporary ids
};

}  // namespace tandem
