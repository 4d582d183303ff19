// Termhood: how likely a candidate is to be a term of the corpus's domain, from evidence none
// of which is tied to a domain, chiefly:
//  - specificity: its words are more frequent here than in general language
//    (GeneralFrequencies), the "weirdness" of Ahmad et al.;
//  - C-value (Frantzi, Ananiadou & Mima 2000): frequency of use on its own, not just inside a
//    longer candidate, scaled by length, so "wind turbine" outranks "horizontal-axis wind";
//  - association: its words occur together more than apart (share of each word's occurrences
//    spent in this candidate);
//  - spread: it occurs in several documents;
//  - syntax without a tagger: after a determiner, glued to other content words, verb cues;
//  - family: inflected variants, candidates sharing its head, longer candidates containing it;
//  - shape: length, capitals, digits, identifiers, letter soup (glossary/letter_model.h).
// Continuous evidence also comes binned, and every feature has a single-word copy, so the
// linear model can weigh single words and phrases differently.
// Rare terms count: a candidate seen once still scores well when its words are specific.
// The evidence is combined by a linear model learnt from annotated corpora (TermhoodModel).
//
// Thread-safety: pure functions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/candidate_extractor.h"
#include "glossary/general_frequencies.h"

namespace tandem {

struct ScoredTerm {
  std::string term;
  double score = 0;
  std::size_t candidate = 0;  // index into CandidateExtractor::candidates()
};

// The evidence on one candidate, as numbers a linear model weighs (names in
// termhood_feature_names(), same order). Generic: frequencies, spread, specificity, C-value,
// shape (length, capitals, digits), nesting; nothing tied to a domain.
std::vector<std::string_view> termhood_feature_names();

// A logistic-regression model over those features: a weight per feature name; the linear score
// is the log-odds of being a term. Trained offline by tools/train_termhood.py on annotated
// corpora, one per language (the languages weigh the evidence differently: French heads come
// first, English capitalises more); the bundled ones are data/termhood/<lang>.tsv. File format:
// `name<TAB>weight` lines, `#` comments; unknown or missing features are errors.
class TermhoodModel {
 public:
  // Throws tandem::Error with the file and line on a malformed or incomplete file.
  static TermhoodModel load(const std::string& path);
  // data/termhood/<lang>.tsv under data_dir(), loaded once.
  static const TermhoodModel& bundled(Lang lang);

  double score(const std::vector<double>& features) const;

 private:
  std::vector<double> weights_;  // in termhood_feature_names() order
};

struct TermhoodOptions {
  const TermhoodModel* model = nullptr;  // nullptr: TermhoodModel::bundled(corpus language)
  // Candidates scoring below it (log-odds) are not returned. Default: the cut that maximises the
  // F1 the model itself expects (f1_optimal_count), which adapts to each corpus where a fixed
  // log-odds cut learnt on one corpus keeps far too many or too few on another.
  std::optional<double> threshold;
  // Candidates to rank (default: all). The others still lend their evidence (frequencies,
  // nesting) but are neither returned nor counted by the default cut: e.g. those seen only in
  // background texts.
  std::function<bool(const TermCandidate&)> rank_only;
};

// How many of `ranked` (best first, scores as log-odds) to keep so that the expected F1 is
// highest, reading each score as the probability p_i of being a term: the k maximising
// 2 * sum_{i<=k} p_i / (k + sum_all p_i) (Nan Ye et al., "Optimizing F-measures", ICML 2012).
std::size_t f1_optimal_count(const std::vector<ScoredTerm>& ranked);

// The features of every candidate (an empty row for a candidate without content words).
std::vector<std::vector<double>> termhood_features(const CandidateExtractor& extractor,
                                                   const GeneralFrequencies& general);

// Scores every candidate, best first, and cuts the list (TermhoodOptions::threshold).
std::vector<ScoredTerm> rank_terms(const CandidateExtractor& extractor,
                                   const GeneralFrequencies& general,
                                   const TermhoodOptions& options = {});

}  // namespace tandem
