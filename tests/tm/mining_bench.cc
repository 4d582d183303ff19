// Google Benchmark for the comparable-corpus miner: scoring a shuffled pool (candidate retrieval
// through the inverted index, pair similarity, margin) and the whole mine (plus one-to-one
// selection and a learning round), on the dev pool ../shared/dev/align/mining/small (1,000 ×
// 1,000 sentences) cut to the benchmark's size.
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include "tm/bitext_miner.h"
#include "tm/cross_lingual_keys.h"
#include "tm/lexicon.h"

namespace tandem {
namespace {

std::vector<std::string> read_pool(const std::string& name) {
  std::ifstream in(std::string(TANDEM_SHARED_DIR) + "/dev/align/mining/" + name);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const Lexicon& lexicon() {
  static const Lexicon loaded = [] {
    Lexicon l;
    load_mining_lexicon(l);
    return l;
  }();
  return loaded;
}

struct Pool {
  std::vector<std::string> fr = read_pool("small.fr");
  std::vector<std::string> en = read_pool("small.en");
};

const Pool& pool() {
  static const Pool p;
  return p;
}

void BM_ScorePool(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<std::string> fr(pool().fr.begin(), pool().fr.begin() + n);
  std::vector<std::string> en(pool().en.begin(), pool().en.begin() + n);
  CrossLingualKeys keys(lexicon());
  MinerOptions options;
  options.learning_rounds = 0;
  for (auto _ : state) {
    BitextMiner miner(keys, options);
    benchmark::DoNotOptimize(miner.score_pool(fr, en));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(2 * n));
}
BENCHMARK(BM_ScorePool)->Arg(250)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_MineWithLearning(benchmark::State& state) {
  CrossLingualKeys keys(lexicon());
  for (auto _ : state) {
    BitextMiner miner(keys);
    benchmark::DoNotOptimize(miner.mine(pool().fr, pool().en));
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(pool().fr.size() + pool().en.size()));
}
BENCHMARK(BM_MineWithLearning)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tandem

BENCHMARK_MAIN();
