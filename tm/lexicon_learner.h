// Learns word translations from sentence pairs that are (probably) translations of each other:
// IBM Model 1 trained by EM in both directions, keeping a pair only when each word is the
// other's likely translation in both directions and the two co-occur often enough. Strict
// filtering is the point: a noisy learned lexicon lowers alignment quality (hunalign's -realign
// does on our dev set), a filtered one raises it.
//
// The aligner feeds it the confident beads of a first pass; the comparable-corpus miner feeds it
// its confident pairs. Words are whatever keys the caller uses (folded keys from the tokenizer);
// frequent function words are best left out by the caller or by max_word_share.
//
// Thread-safety: not thread-safe while adding; learn() is const.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tm/lexicon.h"

namespace tandem {

struct LearnOptions {
  int iterations = 5;
  double min_probability = 0.3;  // t(e|f) and t(f|e) must both reach it
  int min_count = 2;             // sentence pairs holding both words
  // Words in more than this share of the pairs are not learned (function words).
  double max_word_share = 0.25;
  // Train the two directions on two threads (tm/parallel.h); the result is the same.
  bool parallel = false;
};

class LexiconLearner {
 public:
  // One sentence pair, as the keys of its words (duplicates are ignored).
  void add_pair(std::span<const std::string_view> fr, std::span<const std::string_view> en);
  std::size_t pair_count() const { return pairs_.size(); }

  // The learned entries; weight = geometric mean of the two directions' probabilities.
  Lexicon learn(const LearnOptions& options = {}) const;

 private:
  struct Vocab {
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string> words;
    std::vector<std::uint32_t> df;
    std::uint32_t intern(std::string_view w);
  };
  struct Pair {
    std::vector<std::uint32_t> fr, en;
  };
  Vocab fr_, en_;
  std::vector<Pair> pairs_;
};

}  // namespace tandem
