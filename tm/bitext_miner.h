// Bitext mining: finding the sentence pairs that are translations of each other in two pools of
// French and English sentences given in any order (comparable articles, crawled pages, BUCC
// pools), with a score, and the monotonic variant for two comparable documents.
//
//   key both pools (cross_lingual_keys.h) → retrieve candidates both ways through inverted
//   indexes (candidate_index.h) → score candidates (pair_similarity.h) → ratio margin over
//   each side's k nearest neighbours (margin_scorer.h) → learn translations from the
//   confident pairs and mine again (mining_lexicon_learner.h) → greedy one-to-one above the
//   threshold.
//
// The cost is O(n · (candidates + postings of rare ids)), not O(n²).
//
// Thread-safety: not thread-safe (uses the CrossLingualKeys it is given, which learns).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "tm/candidate_index.h"
#include "tm/cross_lingual_keys.h"
#include "tm/margin_scorer.h"
#include "tm/pair_similarity.h"

namespace tandem {

struct MinerOptions {
  std::size_t candidates = 16;  // retrieved per sentence, in each direction
  std::size_t k = 3;            // neighbours in the margin
  float margin_offset = 0.5f;   // smoothing of the ratio margin (see margin_scorer.h)
  float threshold = 0.56f;      // default margin above which a pair is a translation (dev-tuned)
  float min_similarity = 0.12f;
  int learning_rounds = 1;    // mine → learn → mine again
  float learn_margin = 0.8f;  // pairs confident enough to learn translations from
  SimilarityOptions similarity;
  CandidateIndex::Options index;
};

// A monotonic alignment of two comparable documents: every sentence once, in order; a link has
// both sides, a French-only or English-only bead has one side empty.
struct ComparableBead {
  std::vector<std::uint32_t> fr, en;
  float score = 0.0f;  // the link's margin; 0 for one-sided beads
};

class BitextMiner {
 public:
  explicit BitextMiner(CrossLingualKeys& keys) : BitextMiner(keys, MinerOptions{}) {}
  BitextMiner(CrossLingualKeys& keys, MinerOptions options);

  // Every scored candidate pair with its margin, after the learning rounds.
  std::vector<ScoredPair> score_pool(std::span<const std::string> fr,
                                     std::span<const std::string> en);
  // The same on sides already keyed with this miner's keys (documents keyed once and paired
  // with many others).
  std::vector<ScoredPair> score_sides(MiningSide fr, MiningSide en);
  // The pairs judged translations: one-to-one, margin ≥ threshold, best first.
  std::vector<ScoredPair> mine(std::span<const std::string> fr, std::span<const std::string> en);
  // For every French sentence with any candidate, its best English sentence (no threshold).
  std::vector<ScoredPair> best(std::span<const std::string> fr, std::span<const std::string> en);
  // Comparable documents: the heaviest order-preserving set of mined pairs, as beads.
  std::vector<ComparableBead> align_comparable(std::span<const std::string> fr,
                                               std::span<const std::string> en);

  // The sides of the last pool scored (for evidence: explain_pair).
  const MiningSide& fr_side() const { return fr_; }
  const MiningSide& en_side() const { return en_; }
  const MinerOptions& options() const { return options_; }
  std::size_t learned_count() const { return learned_; }

 private:
  std::vector<ScoredPair> score_candidates();

  CrossLingualKeys& keys_;
  MinerOptions options_;
  MiningSide fr_, en_;
  std::size_t learned_ = 0;
};

// Tandem's own tables of what FreeDict lacks or covers badly: French function words and
// irregular verb forms (data/mining/core_fr_en.tsv), countries and demonyms
// (data/mining/places_fr_en.tsv).
void load_core_tables(Lexicon& lexicon);
// FreeDict (the installed Debian dictionaries) plus the core tables.
void load_mining_lexicon(Lexicon& lexicon);

// The heaviest subset of `links` (by margin) increasing in both fr and en, then every sentence
// not linked as a one-sided bead, in document order.
std::vector<ComparableBead> monotonic_beads(std::vector<ScoredPair> links, std::size_t fr_count,
                                            std::size_t en_count);

}  // namespace tandem
