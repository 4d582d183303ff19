#include "glossary/context_vectors.h"

#include <algorithm>
#include <cmath>

#include "glossary/candidate_extractor.h"

namespace tandem {
namespace {

double xlogx(double x) { return x > 0 ? x * std::log(x) : 0.0; }

// Dunning's G² of a 2×2 contingency table.
double log_likelihood(double k11, double k12, double k21, double k22) {
  double n = k11 + k12 + k21 + k22;
  return 2.0 * (xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22) - xlogx(k11 + k12) -
                xlogx(k21 + k22) - xlogx(k11 + k21) - xlogx(k12 + k22) + xlogx(n));
}

void normalise(SparseVector& v) {
  double norm = 0;
  for (const auto& [d, w] : v.entries) norm += static_cast<double>(w) * w;
  if (norm <= 0) {
    v.entries.clear();
    return;
  }
  norm = std::sqrt(norm);
  for (auto& [d, w] : v.entries) w = static_cast<float>(w / norm);
}

// A word that can stand in a context: alphabetic, three characters or more, neither a function
// word nor a linking word (short words are mostly grammar, and carry little topic).
bool is_context_word(Lang lang, const Token& t) {
  if (t.kind != TokenKind::Word || t.key.size() < 3) return false;
  if (is_function_word(lang, t.key) || is_linking_word(lang, t.key)) return false;
  return t.key.find_first_not_of("0123456789-.,/'") != std::string::npos;
}

}  // namespace

double cosine(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  auto i = a.entries.begin(), j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += static_cast<double>(i->second) * j->second;
      ++i;
      ++j;
    }
  }
  return dot;
}

SparseVector translate(const SparseVector& v, const SeedLexicon& seeds) {
  std::unordered_map<std::uint32_t, float> out;
  for (const auto& [d, w] : v.entries) {
    if (d >= seeds.size() || seeds[d].empty()) continue;
    // A word with several translations spreads its weight over them, so a polysemous seed
    // does not count several times.
    float share = w / static_cast<float>(seeds[d].size());
    for (const auto& [e, s] : seeds[d]) out[e] += share * s;
  }
  SparseVector t;
  t.entries.assign(out.begin(), out.end());
  std::sort(t.entries.begin(), t.entries.end());
  normalise(t);
  return t;
}

CorpusContexts::CorpusContexts(Lang lang, ContextOptions options)
    : lang_(lang), options_(options), tokenizer_(lang) {}

void CorpusContexts::add_sentence(std::string_view text) {
  std::vector<Token> tokens = tokenizer_.words(text);
  if (tokens.empty()) return;
  for (const Token& t : tokens) {
    auto key = key_ids_.find(t.key);
    std::uint32_t id;
    if (key != key_ids_.end()) {
      id = key->second;
    } else {
      auto [it, inserted] =
          stem_ids_.try_emplace(t.stem, static_cast<std::uint32_t>(stems_.size()));
      if (inserted) {
        stems_.push_back(t.stem);
        frequency_.push_back(0);
        content_.push_back(false);
        positions_.emplace_back();
      }
      id = it->second;
      key_ids_.emplace(t.key, id);
    }
    // A stem is content when any of its forms is a content word ("pales" like "pale"); an
    // occurrence counts in contexts only when it is one itself.
    bool content = is_context_word(lang_, t);
    if (content) content_[id] = true;
    is_content_at_.push_back(content);
    ++frequency_[id];
    positions_[id].push_back(static_cast<std::uint32_t>(stream_.size()));
    stream_.push_back(id);
  }
  stream_.push_back(kNone);
  is_content_at_.push_back(false);
  token_count_ += tokens.size();
}

std::uint32_t CorpusContexts::id_of_key(std::string_view key) const {
  auto it = key_ids_.find(std::string(key));
  return it == key_ids_.end() ? kNone : it->second;
}

void CorpusContexts::for_each_key(
    const std::function<void(std::string_view key, std::uint32_t id)>& f) const {
  for (const auto& [key, id] : key_ids_) f(key, id);
}

std::optional<std::vector<std::uint32_t>> CorpusContexts::ids_of(
    std::span<const std::string> keys) const {
  std::vector<std::uint32_t> ids;
  for (const std::string& k : keys) {
    std::uint32_t id = id_of_key(k);
    if (id == kNone) return std::nullopt;
    ids.push_back(id);
  }
  if (ids.empty()) return std::nullopt;
  return ids;
}

std::vector<std::size_t> CorpusContexts::positions_of(std::span<const std::uint32_t> ids) const {
  std::vector<std::size_t> out;
  for (std::uint32_t p : positions_[ids[0]]) {
    if (p + ids.size() > stream_.size()) continue;
    bool match = true;
    for (std::size_t i = 1; i < ids.size() && match; ++i) match = stream_[p + i] == ids[i];
    if (match) out.push_back(p);
  }
  return out;
}

std::uint32_t CorpusContexts::occurrences(std::span<const std::string> keys) const {
  auto ids = ids_of(keys);
  return ids ? static_cast<std::uint32_t>(positions_of(*ids).size()) : 0;
}

SparseVector CorpusContexts::vector_of(std::span<const std::string> keys,
                                       const DimensionFilter& allowed) const {
  auto ids = ids_of(keys);
  if (!ids) return {};
  auto starts = positions_of(*ids);
  return vector_at(starts, ids->size(), allowed);
}

SparseVector CorpusContexts::vector_of_stem(std::uint32_t id,
                                            const DimensionFilter& allowed) const {
  if (id >= positions_.size()) return {};
  std::vector<std::size_t> starts(positions_[id].begin(), positions_[id].end());
  return vector_at(starts, 1, allowed);
}

SparseVector CorpusContexts::vector_at(std::span<const std::size_t> starts, std::size_t length,
                                       const DimensionFilter& allowed) const {
  auto counts = [&](std::size_t i) {
    return is_content_at_[i] && (allowed.empty() || allowed[stream_[i]]);
  };
  if (starts.empty()) return {};
  std::vector<std::uint32_t> seen;
  const std::size_t w = options_.window;
  for (std::size_t p : starts) {
    for (std::size_t i = p; i > 0 && p - i < w;) {
      std::uint32_t id = stream_[--i];
      if (id == kNone) break;
      if (counts(i)) seen.push_back(id);
    }
    for (std::size_t i = p + length; i < stream_.size() && i < p + length + w; ++i) {
      std::uint32_t id = stream_[i];
      if (id == kNone) break;
      if (counts(i)) seen.push_back(id);
    }
  }
  if (seen.empty()) return {};
  std::sort(seen.begin(), seen.end());
  // Association by log-likelihood: the target's context slots against the corpus's, for each
  // context word; only words seen more often than chance count.
  const double slots = static_cast<double>(seen.size());
  const double total = static_cast<double>(token_count_) * 2.0 * static_cast<double>(w);
  SparseVector v;
  for (std::size_t i = 0; i < seen.size();) {
    std::size_t j = i;
    while (j < seen.size() && seen[j] == seen[i]) ++j;
    double k11 = static_cast<double>(j - i);
    double column = static_cast<double>(frequency_[seen[i]]) * 2.0 * static_cast<double>(w);
    column = std::max(column, k11);
    if (k11 * total > slots * column) {
      double k12 = slots - k11, k21 = column - k11;
      double k22 = std::max(0.0, total - slots - column + k11);
      // Log-scaled, so that one very frequent neighbour ("angle" in "angle de calage" next to
      // "pale") does not stand for the whole context.
      v.entries.push_back(
          {seen[i], static_cast<float>(std::log1p(log_likelihood(k11, k12, k21, k22)))});
    }
    i = j;
  }
  if (v.entries.size() > options_.max_dimensions) {
    std::nth_element(v.entries.begin(), v.entries.begin() + options_.max_dimensions,
                     v.entries.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    v.entries.resize(options_.max_dimensions);
    std::sort(v.entries.begin(), v.entries.end());
  }
  normalise(v);
  return v;
}

void VectorIndex::add(std::uint32_t id, const SparseVector& v) {
  for (const auto& [d, w] : v.entries) postings_[d].push_back({id, w});
  size_ = std::max(size_, id + 1);
}

std::vector<std::pair<std::uint32_t, double>> VectorIndex::nearest(const SparseVector& query,
                                                                   std::size_t k) const {
  std::vector<double> dot(size_, 0.0);
  std::vector<std::uint32_t> touched;
  for (const auto& [d, w] : query.entries) {
    auto it = postings_.find(d);
    if (it == postings_.end()) continue;
    for (const auto& [id, x] : it->second) {
      if (dot[id] == 0) touched.push_back(id);
      dot[id] += static_cast<double>(w) * x;
    }
  }
  std::vector<std::pair<std::uint32_t, double>> out;
  for (std::uint32_t id : touched)
    if (dot[id] > 0) out.push_back({id, dot[id]});
  k = std::min(k, out.size());
  std::partial_sort(out.begin(), out.begin() + k, out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  out.resize(k);
  return out;
}

}  // namespace tandem
