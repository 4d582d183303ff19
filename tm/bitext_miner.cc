#include "tm/bitext_miner.h"

#include <algorithm>

#include "corpus/data_files.h"
#include "tm/lexicon.h"
#include "tm/mining_lexicon_learner.h"

namespace tandem {

BitextMiner::BitextMiner(CrossLingualKeys& keys, MinerOptions options)
    : keys_(keys), options_(options) {}

std::vector<ScoredPair> BitextMiner::score_candidates() {
  std::vector<ScoredPair> pairs;
  {
    CandidateIndex en_index(en_.bags, options_.index);
    for (std::uint32_t x = 0; x < fr_.bags.size(); ++x)
      for (const Candidate& c : en_index.query(fr_.bags[x], options_.candidates))
        pairs.push_back({x, c.sentence, 0.0f, 0.0f});
  }
  {
    CandidateIndex fr_index(fr_.bags, options_.index);
    for (std::uint32_t y = 0; y < en_.bags.size(); ++y)
      for (const Candidate& c : fr_index.query(en_.bags[y], options_.candidates))
        pairs.push_back({c.sentence, y, 0.0f, 0.0f});
  }
  std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& a, const ScoredPair& b) {
    return a.fr != b.fr ? a.fr < b.fr : a.en < b.en;
  });
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const ScoredPair& a, const ScoredPair& b) {
                            return a.fr == b.fr && a.en == b.en;
                          }),
              pairs.end());
  for (ScoredPair& p : pairs)
    p.similarity = pair_similarity(keys_, fr_, p.fr, en_, p.en, options_.similarity);
  apply_ratio_margin(pairs, fr_.sentences.size(), en_.sentences.size(), options_.k,
                     options_.margin_offset);
  return pairs;
}

void load_core_tables(Lexicon& lexicon) {
  for (const char* table : {"core_fr_en.tsv", "places_fr_en.tsv"})
    lexicon.load_tsv(data_path("mining/" + std::string(table)));
}

void load_mining_lexicon(Lexicon& lexicon) {
  lexicon.load_installed_freedict();
  load_core_tables(lexicon);
}

std::vector<ScoredPair> BitextMiner::score_pool(std::span<const std::string> fr,
                                                std::span<const std::string> en) {
  return score_sides(MiningSide::build(keys_, Lang::fr, fr),
                     MiningSide::build(keys_, Lang::en, en));
}

std::vector<ScoredPair> BitextMiner::score_sides(MiningSide fr, MiningSide en) {
  fr_ = std::move(fr);
  en_ = std::move(en);
  std::vector<ScoredPair> pairs = score_candidates();
  for (int round = 0; round < options_.learning_rounds; ++round) {
    auto confident = select_one_to_one(pairs, options_.learn_margin, options_.min_similarity);
    std::size_t n = learn_translations(keys_, fr_, en_, confident, options_.similarity, {});
    learned_ += n;
    if (n == 0) break;
    fr_.rebuild_bags(keys_);
    pairs = score_candidates();
  }
  return pairs;
}

std::vector<ScoredPair> BitextMiner::mine(std::span<const std::string> fr,
                                          std::span<const std::string> en) {
  return select_one_to_one(score_pool(fr, en), options_.threshold, options_.min_similarity);
}

std::vector<ScoredPair> BitextMiner::best(std::span<const std::string> fr,
                                          std::span<const std::string> en) {
  return best_per_french(score_pool(fr, en), fr.size());
}

std::vector<ComparableBead> BitextMiner::align_comparable(std::span<const std::string> fr,
                                                          std::span<const std::string> en) {
  auto links = select_one_to_one(score_pool(fr, en), options_.threshold, options_.min_similarity);
  return monotonic_beads(std::move(links), fr.size(), en.size());
}

std::vector<ComparableBead> monotonic_beads(std::vector<ScoredPair> links, std::size_t fr_count,
                                            std::size_t en_count) {
  // Weighted longest chain increasing in both coordinates (O(n²) in the number of links, which
  // is at most min(fr_count, en_count) after one-to-one selection).
  std::sort(links.begin(), links.end(), [](const ScoredPair& a, const ScoredPair& b) {
    return a.fr != b.fr ? a.fr < b.fr : a.en < b.en;
  });
  std::size_t n = links.size();
  std::vector<float> best(n);
  std::vector<std::ptrdiff_t> back(n, -1);
  std::ptrdiff_t end = -1;
  for (std::size_t i = 0; i < n; ++i) {
    best[i] = links[i].margin;
    for (std::size_t j = 0; j < i; ++j) {
      if (links[j].fr < links[i].fr && links[j].en < links[i].en &&
          best[j] + links[i].margin > best[i]) {
        best[i] = best[j] + links[i].margin;
        back[i] = static_cast<std::ptrdiff_t>(j);
      }
    }
    if (end < 0 || best[i] > best[static_cast<std::size_t>(end)])
      end = static_cast<std::ptrdiff_t>(i);
  }
  std::vector<ScoredPair> chain;
  for (std::ptrdiff_t i = end; i >= 0; i = back[static_cast<std::size_t>(i)])
    chain.push_back(links[static_cast<std::size_t>(i)]);
  std::reverse(chain.begin(), chain.end());

  std::vector<ComparableBead> beads;
  std::uint32_t f = 0, e = 0;
  auto flush_until = [&](std::uint32_t fr_end, std::uint32_t en_end) {
    for (; f < fr_end; ++f) beads.push_back({{f}, {}, 0.0f});
    for (; e < en_end; ++e) beads.push_back({{}, {e}, 0.0f});
  };
  for (const ScoredPair& link : chain) {
    flush_until(link.fr, link.en);
    beads.push_back({{link.fr}, {link.en}, link.margin});
    f = link.fr + 1;
    e = link.en + 1;
  }
  flush_until(static_cast<std::uint32_t>(fr_count), static_cast<std::uint32_t>(en_count));
  return beads;
}

}  // namespace tandem
