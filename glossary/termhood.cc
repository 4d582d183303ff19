#include "glossary/termhood.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <unordered_map>

#include "corpus/data_files.h"
#include "corpus/error.h"

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
std::vector<Nesting> nesting_of(const std::vector<TermCandidate>& candidates, Lang lang) {
  std::unordered_map<std::string, std::size_t> by_keys;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    by_keys.try_emplace(join(candidates[i].keys, 0, candidates[i].keys.size()), i);
  std::vector<Nesting> nesting(candidates.size());
  for (const TermCandidate& outer : candidates) {
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

// The evidence on a phrase; single words get their own copy of each (see below).
constexpr std::array<std::string_view, 46> kPhraseFeatures = {
    "bias",
    "log_frequency",
    "log_documents",
    "document_share",
    "specificity",
    "min_specificity",
    "head_specificity",
    "log_cvalue",
    "association",
    "single_word",
    "extra_words",
    "inner_link",
    "nested_only",
    "nested_share",
    "modifier_form",
    "verb_use",
    "capitalised_inside",
    "capitals_word",
    "digit",
    "general_phrase",
    "log_characters",
    "determiner_share",
    "left_open_share",
    "right_open_share",
    "log_variant_frequency",
    "log_variants",
    "identifier",
    "letter_soup",
    "general_modifier",
    "modifier_specificity",
    "log_containers",
    "log_head_family",
    "seen_once",
    "seen_twice",
    "seen_3_to_5",
    "specificity_below_2",
    "specificity_2_to_5",
    "specificity_5_to_8",
    "one_document",
    "association_below_quarter",
    "association_above_half",
    "long_capitals_word",
    "proper_name",
    "general_proper_name",
    "before_own_acronym",
    "defined_acronym",
};

// Whether a phrase feature means something for a single word (and is not the bias).
bool applies_to_single_words(std::string_view name) {
  for (std::string_view phrase_only :
       {"bias", "single_word", "extra_words", "inner_link", "association", "general_phrase",
        "general_modifier", "modifier_specificity", "association_below_quarter",
        "association_above_half"})
    if (name == phrase_only) return false;
  return true;
}

std::string lower_stem_join(const std::vector<std::string>& stems) {
  return join(stems, 0, stems.size());
}

}  // namespace

std::vector<std::string_view> termhood_feature_names() {
  // Single words and phrases weigh the same evidence differently (a lone word needs more
  // specificity; a phrase's association matters), so the model sees every feature twice: as is,
  // and as "single_<name>", zero for phrases.
  static const std::vector<std::string> single = [] {
    std::vector<std::string> names;
    for (std::string_view name : kPhraseFeatures)
      if (applies_to_single_words(name)) names.push_back("single_" + std::string(name));
    return names;
  }();
  std::vector<std::string_view> names(kPhraseFeatures.begin(), kPhraseFeatures.end());
  names.insert(names.end(), single.begin(), single.end());
  return names;
}

std::vector<std::vector<double>> termhood_features(const CandidateExtractor& extractor,
                                                   const GeneralFrequencies& general) {
  const auto& candidates = extractor.candidates();
  const Lang lang = extractor.lang();
  const double corpus_words = std::max<double>(1, static_cast<double>(extractor.content_words()));
  const double general_words = static_cast<double>(general.corpus_words());
  const double documents = std::max<double>(1, static_cast<double>(extractor.document_count()));
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

  std::vector<Nesting> nesting = nesting_of(candidates, lang);
  // Inflected and differently linked forms of one term share their stems ("banc de
  // condensateurs", "bancs de condensateur"): the group's use is evidence for each form.
  std::unordered_map<std::string, std::pair<double, int>> variants;
  // Terms share heads ("système de stockage", "système de conversion"): how many candidates
  // are built on a candidate's head is evidence that the head names a domain concept.
  std::unordered_map<std::string, int> head_family;
  for (const TermCandidate& c : candidates)
    if (c.stems.size() > 1) head_family[lang == Lang::fr ? c.stems.front() : c.stems.back()]++;
  for (const TermCandidate& c : candidates) {
    if (c.stems.empty()) continue;
    auto& group = variants[lower_stem_join(c.stems)];
    group.first += c.frequency;
    group.second++;
  }
  std::vector<std::vector<double>> rows(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const TermCandidate& c = candidates[i];
    if (c.stems.empty()) continue;
    const double n = static_cast<double>(c.stems.size());
    const double frequency = c.frequency;
    double spec = 0;
    double min_spec = 1e9;
    double association = 1;
    double verb_share = 0;
    for (const std::string& stem : c.stems) {
      double s = specificity(stem);
      spec += s;
      min_spec = std::min(min_spec, s);
      association =
          std::min(association, frequency / std::max<double>(1, extractor.stem_frequency(stem)));
      verb_share = std::max(verb_share, extractor.verb_share(stem));
    }
    spec /= n;
    // Real words, domain words included, score about -3 to -4 bits per letter; text garbled
    // by PDF extraction below -5. Short words are acronyms, which other features judge.
    double letter_soup = 0;
    for (const std::string& word : c.words)
      if (word.size() >= 5)
        letter_soup = std::max(letter_soup, -4.5 - general.letters().log_likelihood(word));
    // English heads come last, French heads first.
    const std::string& head = lang == Lang::fr ? c.stems.front() : c.stems.back();
    const bool multiword = c.stems.size() > 1;
    double own_frequency = frequency;
    if (nesting[i].containers > 0)
      own_frequency -= nesting[i].container_frequency / nesting[i].containers;
    const double cvalue = std::log2(1.0 + n) * std::max(own_frequency, 0.0);
    const bool inner_link = c.keys.size() > c.stems.size();
    const bool modifier =
        !multiword && (general.only_modifier(c.stems[0]) || looks_like_verb_form(lang, c.term));
    // The other end from the head: a general adjective or participle there ("valeur maximale",
    // "résultats obtenus", "typical value") makes a description rather than a term.
    const std::string& modifier_stem = lang == Lang::fr ? c.stems.back() : c.stems.front();
    const bool general_modifier =
        multiword &&
        (general.only_modifier(modifier_stem) ||
         looks_like_verb_form(lang, lang == Lang::fr ? c.words.back() : c.words.front()));
    const bool digit = c.term.find_first_of("0123456789") != std::string::npos;
    // Always capitalised, and seen away from a sentence start: a name ("Hongrie", "Xavier
    // Guillaud"), a term even when its words are common in general language.
    const bool proper_name = c.capitalised == c.frequency && c.capitalised_inside > 0 &&
                             c.with_capitals_word < c.frequency;
    const bool general_phrase = multiword && general.count(lower_stem_join(c.stems)) > 0;
    rows[i] = {
        1.0,
        std::log2(1.0 + frequency),
        std::log2(static_cast<double>(c.documents.size())),
        static_cast<double>(c.documents.size()) / documents,
        spec,
        min_spec,
        specificity(head),
        std::log2(1.0 + cvalue),
        multiword ? association : 0.0,
        multiword ? 0.0 : 1.0,
        std::max(0.0, n - 2),
        inner_link ? 1.0 : 0.0,
        own_frequency <= 0 ? 1.0 : 0.0,
        std::min(1.0, nesting[i].container_frequency / frequency),
        modifier ? 1.0 : 0.0,
        verb_share,
        c.capitalised_inside / frequency,
        c.with_capitals_word / frequency,
        digit ? 1.0 : 0.0,
        general_phrase ? 1.0 : 0.0,
        std::log2(static_cast<double>(c.term.size())),
        c.after_determiner / frequency,
        c.left_open / frequency,
        c.right_open / frequency,
        std::log2(1.0 + variants[lower_stem_join(c.stems)].first),
        std::log2(static_cast<double>(variants[lower_stem_join(c.stems)].second)),
        c.term.find('_') != std::string::npos ? 1.0 : 0.0,
        letter_soup,
        general_modifier ? 1.0 : 0.0,
        multiword ? specificity(modifier_stem) : 0.0,
        std::log2(1.0 + nesting[i].containers),
        std::log2(1.0 + head_family[head]),
        frequency == 1 ? 1.0 : 0.0,
        frequency == 2 ? 1.0 : 0.0,
        frequency >= 3 && frequency <= 5 ? 1.0 : 0.0,
        spec < 2 ? 1.0 : 0.0,
        spec >= 2 && spec < 5 ? 1.0 : 0.0,
        spec >= 5 && spec < 8 ? 1.0 : 0.0,
        c.documents.size() == 1 ? 1.0 : 0.0,
        multiword && association < 0.25 ? 1.0 : 0.0,
        multiword && association > 0.5 ? 1.0 : 0.0,
        c.with_long_capitals_word / frequency,
        proper_name ? 1.0 : 0.0,
        proper_name && spec < 5 ? 1.0 : 0.0,
        c.before_own_acronym > 0 ? 1.0 : 0.0,
        c.as_defined_acronym > 0 ? 1.0 : 0.0,
    };
    const double single = multiword ? 0.0 : 1.0;
    for (std::size_t f = 0; f < kPhraseFeatures.size(); ++f)
      if (applies_to_single_words(kPhraseFeatures[f])) rows[i].push_back(single * rows[i][f]);
  }
  return rows;
}

TermhoodModel TermhoodModel::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(Location::in_file(path), "cannot open the termhood model");
  TermhoodModel model;
  const auto names = termhood_feature_names();
  model.weights_.assign(names.size(), std::nan(""));
  std::string line;
  std::uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos)
      throw Error(Location::at(path, line_no, 1), "expected name<TAB>weight");
    std::string_view name = std::string_view(line).substr(0, tab);
    std::string_view value = std::string_view(line).substr(tab + 1);
    double weight = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), weight);
    if (ec != std::errc{} || ptr != value.data() + value.size() || !std::isfinite(weight))
      throw Error(Location::at(path, line_no, tab + 2), "expected a number");
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      throw Error(Location::at(path, line_no, 1), fmt::format("unknown feature '{}'", name));
    model.weights_[static_cast<std::size_t>(it - names.begin())] = weight;
  }
  for (std::size_t f = 0; f < names.size(); ++f)
    if (std::isnan(model.weights_[f]))
      throw Error(Location::in_file(path), fmt::format("no weight for feature '{}'", names[f]));
  return model;
}

const TermhoodModel& TermhoodModel::bundled(Lang lang) {
  static const TermhoodModel fr = load(data_path("termhood/fr.tsv"));
  static const TermhoodModel en = load(data_path("termhood/en.tsv"));
  return lang == Lang::fr ? fr : en;
}

double TermhoodModel::score(const std::vector<double>& features) const {
  double sum = 0;
  for (std::size_t f = 0; f < features.size() && f < weights_.size(); ++f)
    sum += weights_[f] * features[f];
  return sum;
}

std::vector<ScoredTerm> rank_terms(const CandidateExtractor& extractor,
                                   const GeneralFrequencies& general,
                                   const TermhoodOptions& options) {
  const TermhoodModel& model =
      options.model ? *options.model : TermhoodModel::bundled(extractor.lang());
  const auto& candidates = extractor.candidates();
  std::vector<std::vector<double>> features = termhood_features(extractor, general);
  std::vector<ScoredTerm> ranked;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (features[i].empty()) continue;
    if (options.rank_only && !options.rank_only(candidates[i])) continue;
    double score = model.score(features[i]);
    if (options.threshold && score < *options.threshold) continue;
    ranked.push_back({candidates[i].term, score, i});
  }
  std::sort(ranked.begin(), ranked.end(), [](const ScoredTerm& a, const ScoredTerm& b) {
    return a.score != b.score ? a.score > b.score : a.term < b.term;
  });
  if (!options.threshold) ranked.resize(f1_optimal_count(ranked));
  return ranked;
}

std::size_t f1_optimal_count(const std::vector<ScoredTerm>& ranked) {
  auto probability = [](double log_odds) { return 1.0 / (1.0 + std::exp(-log_odds)); };
  double expected_terms = 0;
  for (const ScoredTerm& t : ranked) expected_terms += probability(t.score);
  double kept_terms = 0;
  double best_f1 = 0;
  std::size_t best = 0;
  for (std::size_t k = 0; k < ranked.size(); ++k) {
    kept_terms += probability(ranked[k].score);
    double f1 = 2 * kept_terms / (static_cast<double>(k + 1) + expected_terms);
    if (f1 > best_f1) {
      best_f1 = f1;
      best = k + 1;
    }
  }
  return best;
}

}  // namespace tandem
