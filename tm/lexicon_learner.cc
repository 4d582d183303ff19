#include "tm/lexicon_learner.h"

#include <algorithm>
#include <cmath>

namespace tandem {
namespace {

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

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
  std::unordered_map<std::uint64_t, std::uint32_t> cell_of;
  std::vector<std::uint32_t> cell_fr, cell_en, cooccurrences;
  std::vector<std::vector<std::uint32_t>> fe_cells(fr_sents.size()), ef_cells(fr_sents.size());
  for (std::size_t p = 0; p < fr_sents.size(); ++p) {
    const auto& f = fr_sents[p];
    const auto& e = en_sents[p];
    fe_cells[p].resize(f.size() * e.size());
    ef_cells[p].resize(f.size() * e.size());
    for (std::size_t i = 0; i < f.size(); ++i) {
      for (std::size_t j = 0; j < e.size(); ++j) {
        auto [it, inserted] =
            cell_of.try_emplace(pair_key(f[i], e[j]), static_cast<std::uint32_t>(cell_fr.size()));
        if (inserted) {
          cell_fr.push_back(f[i]);
          cell_en.push_back(e[j]);
          cooccurrences.push_back(0);
        }
        ++cooccurrences[it->second];
        fe_cells[p][i * e.size() + j] = it->second;
        ef_cells[p][j * f.size() + i] = it->second;
      }
    }
  }
  std::vector<double> t_en_given_fr =
      train_model1(fr_sents, en_sents, fe_cells, cell_fr, fr_.words.size(), options.iterations);
  std::vector<double> t_fr_given_en =
      train_model1(en_sents, fr_sents, ef_cells, cell_en, en_.words.size(), options.iterations);
  for (std::size_t c = 0; c < cell_fr.size(); ++c) {
    if (cooccurrences[c] < static_cast<std::uint32_t>(options.min_count)) continue;
    double a = t_en_given_fr[c], b = t_fr_given_en[c];
    if (a < options.min_probability || b < options.min_probability) continue;
    learned.add(fr_.words[cell_fr[c]], en_.words[cell_en[c]], static_cast<float>(std::sqrt(a * b)));
  }
  return learned;
}

}  // namespace tandem
