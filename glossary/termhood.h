// Termhood: how likely a candidate is to be a term of the corpus's domain, from four kinds of
// evidence, none of them tied to a domain:
//  - specificity: its words are more frequent here than in general language
//    (GeneralFrequencies), the "weirdness" of Ahmad et al.;
//  - C-value (Frantzi, Ananiadou & Mima 2000): frequency of use on its own, not just inside a
//    longer candidate, scaled by length, so "wind turbine" outranks "horizontal-axis wind";
//  - association: its words occur together more than apart (share of each word's occurrences
//    spent in this candidate);
//  - spread: it occurs in several documents.
// Rare terms count: a candidate seen once still scores well when its words are specific.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "glossary/candidate_extractor.h"
#include "glossary/general_frequencies.h"

namespace tandem {

struct ScoredTerm {
  std::string term;
  double score = 0;
  std::size_t candidate = 0;  // index into CandidateExtractor::candidates()
};

struct TermhoodOptions {
  double frequency_weight = 1.5;    // per log2 of the C-value frequency
  double association_weight = 2.0;  // for multi-word candidates
  double spread_weight = 1.0;       // per log2 of the number of documents
  double multiword_bonus = 0.0;
  double nested_penalty = 6.0;    // when it is hardly ever used outside a longer candidate
  double length_penalty = 6.0;    // per word beyond two, less when frequent
  double modifier_penalty = 6.0;  // a single adjective, adverb or verb form
  double verb_penalty = 6.0;      // a word the corpus uses as a verb this often:
  double verb_share = 0.25;
  // The default cut: candidates scoring below it are not returned. Tuned on the ACTER
  // wind-energy dev texts; scores do not depend on corpus size, so the cut carries over.
  double threshold = 11.5;
};

// Scores every candidate, best first, dropping those under options.threshold.
std::vector<ScoredTerm> rank_terms(const CandidateExtractor& extractor,
                                   const GeneralFrequencies& general,
                                   const TermhoodOptions& options = {});

}  // namespace tandem
