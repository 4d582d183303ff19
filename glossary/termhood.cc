#include "glossary/termhood.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace tandem {
namespace {

std::string join(const std::vector<std::string>& parts, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin) out += ' ';
    out += parts[i];
  }
  return out;
}

struct Nesting {
  double container_frequency = 0;  // summed frequency of the longer candidates containing it
  int containers = 0;
};

// For each candidate, the longer candidates it occurs in (C-value's T_a).
std::vector<Nesting> nesting_of(const std::vector<Candidate>& candidates, Lang lang) {
  std::unordered_map<std::string, std::size_t> by_keys;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    by_keys.try_emplace(join(candidates[i].keys, 0, candidates[i].keys.size()), i);
  std::vector<Nesting> nesting(candidates.size());
  for (const Candidate& outer : candidates) {
    const auto& keys = outer.keys;
    for (std::size_t b = 0; b < keys.size(); ++b) {
      if (is_linking_word(lang, keys[b])) continue;
      for (std::size_t e = b + 1; e <= keys.size(); ++e) {
        if (e - b == keys.size() || is_linking_word(lang, keys[e - 1])) continue;
        auto it = by_keys.find(join(keys, b, e));
        if (it == by_keys.end()) continue;
        nesting[it->second].container_frequency += outer.frequency;
        nesting[it->second].containers++;
      }
    }
  }
  return nesting;
}

// Single words that are most often verb forms or participles in running text, by suffix.
bool looks_like_verb_form(Lang lang, std::string_view word) {
  if (word.size() < 6) return false;
  if (lang == Lang::fr) {
    for (std::string_view suffix : {"é", "ée", "és", "ées", "ait", "aient", "ant", "ent", "er"})
      if (word.ends_with(suffix)) return true;
    return false;
  }
  return word.ends_with("ed") || word.ends_with("ly");
}

}  // namespace

std::vector<ScoredTerm> rank_terms(const CandidateExtractor& extractor,
                                   const GeneralFrequencies& general,
                                   const TermhoodOptions& options) {
  const auto& candidates = extractor.candidates();
  const double corpus_words = std::max<double>(1, static_cast<double>(extractor.content_words()));
  const double general_words = static_cast<double>(general.corpus_words());
  std::unordered_map<std::string, double> specificity_cache;
  auto specificity = [&](const std::string& stem) {
    auto [it, inserted] = specificity_cache.try_emplace(stem, 0.0);
    if (inserted) {
      double here = extractor.stem_frequency(stem) / corpus_words;
      double there = (static_cast<double>(general.count(stem)) + 1.0) / general_words;
      it->second = std::log2(here / there);
    }
    return it->second;
  };

  std::vector<Nesting> nesting = nesting_of(candidates, extractor.lang());
  std::vector<ScoredTerm> ranked;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.stems.empty()) continue;
    double spec = 0;
    double association = 1;
    for (const std::string& stem : c.stems) {
      spec += specificity(stem);
      association =
          std::min(association, c.frequency / std::max<double>(1, extractor.stem_frequency(stem)));
    }
    spec /= static_cast<double>(c.stems.size());
    const bool multiword = c.stems.size() > 1;
    double own_frequency = c.frequency;
    if (nesting[i].containers > 0)
      own_frequency -= nesting[i].container_frequency / nesting[i].containers;
    double cvalue =
        std::log2(1.0 + static_cast<double>(c.stems.size())) * std::max(own_frequency, 0.0);
    double score = spec + options.frequency_weight * std::log2(1.0 + cvalue) +
                   options.spread_weight * std::log2(static_cast<double>(c.documents.size()));
    if (multiword) score += options.association_weight * association + options.multiword_bonus;
    if (own_frequency <= 0) score -= options.nested_penalty;
    if (!multiword &&
        (general.only_modifier(c.stems[0]) || looks_like_verb_form(extractor.lang(), c.term)))
      score -= options.modifier_penalty;
    if (std::any_of(c.stems.begin(), c.stems.end(), [&](const std::string& s) {
          return extractor.verb_share(s) >= options.verb_share;
        }))
      score -= options.verb_penalty;
    // Long candidates are rarely terms unless they recur.
    if (c.stems.size() > 2)
      score -= options.length_penalty * static_cast<double>(c.stems.size() - 2) /
               std::log2(1.0 + c.frequency);
    if (score < options.threshold) continue;
    ranked.push_back({c.term, score, i});
  }
  std::sort(ranked.begin(), ranked.end(), [](const ScoredTerm& a, const ScoredTerm& b) {
    return a.score != b.score ? a.score > b.score : a.term < b.term;
  });
  return ranked;
}

}  // namespace tandem
