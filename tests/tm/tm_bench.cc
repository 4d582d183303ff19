// Google Benchmark for the word edit-distance kernel: bit-parallel (Myers/Hyyrö) against the
// dynamic programme, on sentence-length token sequences.
#include <benchmark/benchmark.h>

#include <random>

#include "tm/edit_distance.h"

namespace {

std::vector<std::vector<tandem::TokenId>> sequences(std::size_t count, std::size_t length) {
  std::mt19937 random(3);
  std::uniform_int_distribution<tandem::TokenId> token(0, 500);
  std::vector<std::vector<tandem::TokenId>> out(count, std::vector<tandem::TokenId>(length));
  for (auto& s : out) {
    for (auto& t : s) t = token(random);
  }
  return out;
}

void BM_BitParallel(benchmark::State& state) {
  auto texts = sequences(1024, static_cast<std::size_t>(state.range(0)));
  tandem::BitParallelPattern pattern(texts[0]);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(pattern.distance(texts[++i & 1023]));
}
BENCHMARK(BM_BitParallel)->Arg(10)->Arg(25)->Arg(60);

void BM_DynamicProgramme(benchmark::State& state) {
  auto texts = sequences(1024, static_cast<std::size_t>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(tandem::edit_distance_dp(texts[0], texts[++i & 1023]));
}
BENCHMARK(BM_DynamicProgramme)->Arg(10)->Arg(25)->Arg(60);

}  // namespace

BENCHMARK_MAIN();
