// Distributional context vectors of words and terms in a monolingual corpus, the evidence for
// translating terms between comparable corpora (Rapp 1999; Fung & Yee 1998; Déjean & Gaussier
// 2002): a word and its translation keep the same company, so the words around "pale" in French
// wind-energy text translate into the words around "blade" in English text.
//
// CorpusContexts reads sentences, tokenizes them (corpus/tokenizer.h) and keeps the corpus as a
// stream of stem ids. The context vector of a word or term is built on demand from its
// occurrences (the term's token stems in sequence, so "pale"/"pales" and "éolienne à axe
// vertical"/"éoliennes à axe vertical" share one vector): each content word within `window`
// tokens either side, inside the sentence, is counted, the counts are turned into association
// strengths by log-likelihood ratio (Dunning 1993; only words seen more often than chance), the
// strongest `max_dimensions` are kept and the vector is L2-normalised. Dimensions are stem ids
// of content words (not function words, numbers or one-letter tokens).
//
// Cross-language comparison: translate() maps a French vector into English dimensions through a
// seed lexicon (stem id → weighted stem ids, built by the caller from a dictionary, identical
// spellings and cognates), then cosine() compares it with English vectors; VectorIndex finds the
// nearest of many vectors by an inverted index over dimensions.
//
// Thread-safety: a CorpusContexts is not thread-safe while sentences are added (it owns a
// Tokenizer); its const methods may be used from several threads once done. Free functions are
// pure.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corpus/language.h"
#include "corpus/tokenizer.h"

namespace tandem {

// A sparse vector: (dimension, weight) sorted by dimension.
struct SparseVector {
  std::vector<std::pair<std::uint32_t, float>> entries;
  bool empty() const { return entries.empty(); }
};

// Cosine of two sparse vectors (dot product when both are L2-normalised); 0 if either is empty.
double cosine(const SparseVector& a, const SparseVector& b);

// A seed lexicon between two vocabularies: for each source stem id, target stem ids with
// weights in (0, 1].
using SeedLexicon = std::vector<std::vector<std::pair<std::uint32_t, float>>>;

// `v` with each dimension replaced by its translations (weight shared among them, scaled by
// the seed weight); dimensions without a translation are dropped. L2-normalised.
SparseVector translate(const SparseVector& v, const SeedLexicon& seeds);

struct ContextOptions {
  std::size_t window = 5;            // tokens either side
  std::size_t max_dimensions = 150;  // strongest associations kept per vector
};

class CorpusContexts {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  explicit CorpusContexts(Lang lang, ContextOptions options = {});

  // Adds one sentence (a line of text is fine; the window never crosses it).
  void add_sentence(std::string_view text);

  Lang lang() const { return lang_; }
  // Distinct stems seen (ids are 0..stem_count()-1).
  std::size_t stem_count() const { return stems_.size(); }
  const std::string& stem(std::uint32_t id) const { return stems_[id]; }
  std::uint32_t frequency(std::uint32_t id) const { return frequency_[id]; }
  bool is_content(std::uint32_t id) const { return content_[id]; }
  // Tokens read (words and numbers).
  std::uint64_t token_count() const { return token_count_; }
  // Stem id of a folded token key seen in the corpus, kNone if never seen.
  std::uint32_t id_of_key(std::string_view key) const;
  // Every folded key seen, with its stem id.
  void for_each_key(const std::function<void(std::string_view key, std::uint32_t id)>& f) const;

  // Occurrences of a token sequence (folded keys, linking words included), matched by stem.
  std::uint32_t occurrences(std::span<const std::string> keys) const;
  // Which stem ids may be dimensions (indexed by stem id); empty allows every content word.
  // Comparing across languages, only words the seed lexicon translates should count, or
  // untranslatable context (names, figures) dilutes some vectors more than others.
  using DimensionFilter = std::vector<bool>;

  // Context vector of a token sequence given by folded keys; empty if it never occurs.
  SparseVector vector_of(std::span<const std::string> keys,
                         const DimensionFilter& allowed = {}) const;
  // Context vector of one stem.
  SparseVector vector_of_stem(std::uint32_t id, const DimensionFilter& allowed = {}) const;

 private:
  std::optional<std::vector<std::uint32_t>> ids_of(std::span<const std::string> keys) const;
  std::vector<std::size_t> positions_of(std::span<const std::uint32_t> ids) const;
  SparseVector vector_at(std::span<const std::size_t> starts, std::size_t length,
                         const DimensionFilter& allowed) const;

  Lang lang_;
  ContextOptions options_;
  Tokenizer tokenizer_;
  std::vector<std::uint32_t> stream_;  // stem ids; kNone separates sentences
  std::vector<std::string> stems_;
  std::vector<std::uint32_t> frequency_;
  std::vector<bool> content_;
  std::vector<bool> is_content_at_;                    // per stream position
  std::vector<std::vector<std::uint32_t>> positions_;  // stream positions of each stem id
  std::unordered_map<std::string, std::uint32_t> stem_ids_;
  std::unordered_map<std::string, std::uint32_t> key_ids_;
  std::uint64_t token_count_ = 0;
};

// Nearest vectors by cosine among a fixed set, through an inverted index (dimension → vectors
// holding it), so a query costs the postings of its own dimensions only.
class VectorIndex {
 public:
  // Adds a vector under the caller's id.
  void add(std::uint32_t id, const SparseVector& v);
  // Up to `k` (id, cosine) pairs, best first, cosine > 0.
  std::vector<std::pair<std::uint32_t, double>> nearest(const SparseVector& query,
                                                        std::size_t k) const;

 private:
  std::unordered_map<std::uint32_t, std::vector<std::pair<std::uint32_t, float>>> postings_;
  std::uint32_t size_ = 0;  // 1 + largest id
};

}  // namespace tandem
