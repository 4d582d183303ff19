#include "tm/lexicon_learner.h"

#include <algorithm>
#include <cmath>

#include "tm/parallel.h"

namespace tandem {
namespace {

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

// Table cells numbered in order of first occurrence (the EM's sums run in that order, so it
// must not change): an open-addressing map from pair_key to cell, several times faster than
// std::unordered_map on the hundreds of thousands of co-occurrences of a long document.
class CellMap {
 public:
  // The cell of `key`, numbered `next` when new; `inserted` tells which.
  std::uint32_t find_or_add(std::uint64_t key, std::uint32_t next, bool& inserted) {
    if ((size_ + 1) * 2 > keys_.size()) grow();
    std::size_t mask = keys_.size() - 1;
    for (std::size_t k = slot(key, mask);; k = (k + 1) & mask) {
      if (cells_[k] == kEmpty) {
        keys_[k] = key;
        cells_[k] = next;
        ++size_;
        inserted = true;
        return next;
      }
      if (keys_[k] == key) {
        inserted = false;
        return cells_[k];
      }
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  static std::size_t slot(std::uint64_t key, std::size_t mask) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }
  void grow() {
    std::vector<std::uint64_t> keys = std::move(keys_);
    std::vector<std::uint32_t> cells = std::move(cells_);
    const std::size_t capacity = std::max<std::size_t>(1024, keys.size() * 2);
    keys_.assign(capacity, 0);
    cells_.assign(capacity, kEmpty);
    const std::size_t mask = capacity - 1;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (cells[k] == kEmpty) continue;
      std::size_t s = slot(keys[k], mask);
      while (cells_[s] != kEmpty) s = (s + 1) & mask;
      keys_[s] = keys[k];
      cells_[s] = cells[k];
    }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> cells_;
  std::size_t size_ = 0;
};

// IBM Model 1 P(target | source) over the pairs, with a NULL source word. `cells[p]` lists, for
// pair p, the table index of every (source, target) combination in source-major order, so the
// EM iterations are plain array passes.
std::vector<double> train_model1(const std::vector<std::vector<std::uint32_t>>& sources,
                                 const std::vector<std::vector<std::uint32_t>>& targets,
                                 const std::vector<std::vector<std::uint32_t>>& cells,
                                 const std::vector<std::uint32_t>& cell_source,
                                 std::size_t source_vocab, int iterations) {
  std::vector<double> t(cell_source.size(), 1.0);
  std::vector<double> count(t.size());
  std::vector<double> total(source_vocab);
  for (int it = 0; it < iterations; ++it) {
    std::fill(count.begin(), count.end(), 0.0);
    std::fill(total.begin(), total.end(), 0.0);
    for (std::size_t p = 0; p < sources.size(); ++p) {
      const std::size_t ns = sources[p].size();
      const std::size_t nt = targets[p].size();
      const double null_prob = 1.0 / (1.0 + static_cast<double>(ns));
      for (std::size_t j = 0; j < nt; ++j) {
        double denominator = null_prob;
        for (std::size_t i = 0; i < ns; ++i) denominator += t[cells[p][i * nt + j]];
        for (std::size_t i = 0; i < ns; ++i) {
          std::uint32_t c = cells[p][i * nt + j];
          double share = t[c] / denominator;
          count[c] += share;
        }
      }
    }
    for (std::size_t c = 0; c < count.size(); ++c) total[cell_source[c]] += count[c];
    for (std::size_t c = 0; c < t.size(); ++c) {
      double tot = total[cell_source[c]];
      t[c] = tot > 0 ? count[c] / tot : 0.0;
    }
  }
  return t;
}

}  // namespace

std::uint32_t LexiconLearner::Vocab::intern(std::string_view w) {
  auto [it, inserted] = ids.try_emplace(std::string(w), static_cast<std::uint32_t>(words.size()));
  if (inserted) {
    words.emplace_back(w);
    df.push_back(0);
  }
  return it->second;
}

void LexiconLearner::add_pair(std::span<const std::string_view> fr,
                              std::span<const std::string_view> en) {
  Pair pair;
  auto fill = [](Vocab& vocab, std::span<const std::string_view> words,
                 std::vector<std::uint32_t>& out) {
    for (std::string_view w : words) out.push_back(vocab.intern(w));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    for (std::uint32_t id : out) ++vocab.df[id];
  };
  fill(fr_, fr, pair.fr);
  fill(en_, en, pair.en);
  pairs_.push_back(std::move(pair));
}

Lexicon LexiconLearner::learn(const LearnOptions& options) const {
  Lexicon learned;
  if (pairs_.empty()) return learned;
  const double limit = std::max(2.0, options.max_word_share * static_cast<double>(pairs_.size()));
  auto keep = [&](const Vocab& v, std::uint32_t id) {
    return v.df[id] >= static_cast<std::uint32_t>(options.min_count) && v.df[id] <= limit;
  };
  // Only words that can pass the filters take part; the others would only dilute the EM.
  std::vector<std::vector<std::uint32_t>> fr_sents, en_sents;
  for (const Pair& p : pairs_) {
    std::vector<std::uint32_t> f, e;
    for (std::uint32_t id : p.fr)
      if (keep(fr_, id)) f.push_back(id);
    for (std::uint32_t id : p.en)
      if (keep(en_, id)) e.push_back(id);
    if (f.empty() || e.empty()) continue;
    fr_sents.push_back(std::move(f));
    en_sents.push_back(std::move(e));
  }
  // One table cell per distinct (fr, en) co-occurrence, shared by both directions.
  CellMap cell_of;
  std::vector<std::uint32_t> cell_fr, cell_en, cooccurrences;
  std::vector<std::vector<std::uint32_t>> fe_cells(fr_sents.size()), ef_cells(fr_sents.size());
  for (std::size_t p = 0; p < fr_sents.size(); ++p) {
    const auto& f = fr_sents[p];
    const auto& e = en_sents[p];
    fe_cells[p].resize(f.size() * e.size());
    ef_cells[p].resize(f.size() * e.size());
    for (std::size_t i = 0; i < f.size(); ++i) {
      for (std::size_t j = 0; j < e.size(); ++j) {
        bool inserted;
        const std::uint32_t cell = cell_of.find_or_add(
            pair_key(f[i], e[j]), static_cast<std::uint32_t>(cell_fr.size()), inserted);
        if (inserted) {
          cell_fr.push_back(f[i]);
          cell_en.push_back(e[j]);
          cooccurrences.push_back(0);
        }
        ++cooccurrences[cell];
        fe_cells[p][i * e.size() + j] = cell;
        ef_cells[p][j * f.size() + i] = cell;
      }
    }
  }
  std::vector<double> t_en_given_fr, t_fr_given_en;
  run_both(
      options.parallel,
      [&] {
        t_fr_given_en = train_model1(en_sents, fr_sents, ef_cells, cell_en, en_.words.size(),
                                     options.iterations);
      },
      [&] {
        t_en_given_fr = train_model1(fr_sents, en_sents, fe_cells, cell_fr, fr_.words.size(),
                                     options.iterations);
      });
  for (std::size_t c = 0; c < cell_fr.size(); ++c) {
    if (cooccurrences[c] < static_cast<std::uint32_t>(options.min_count)) continue;
    double a = t_en_given_fr[c], b = t_fr_given_en[c];
    if (a < options.min_probability || b < options.min_probability) continue;
    learned.add(fr_.words[cell_fr[c]], en_.words[cell_en[c]], static_cast<float>(std::sqrt(a * b)));
  }
  return learned;
}

}  // namespace tandem
