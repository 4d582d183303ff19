// Tokenizer throughput on real text: the sentences of the parallel dev set, one call per
// sentence as the aligner makes them. Reports bytes/s and sentences/s.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>
#include <vector>

#include "corpus/tokenizer.h"
#include "tests/test_support.h"

namespace {

std::vector<std::string> lines_of(const std::string& relative) {
  std::istringstream in(tandem::testing::read_file(tandem::testing::shared_path(relative)));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

void tokenize_lines(benchmark::State& state, tandem::Lang lang, const char* file) {
  const std::vector<std::string> lines = lines_of(file);
  tandem::Tokenizer tokenizer(lang);
  std::size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size();
  for (auto _ : state) {
    for (const auto& l : lines) benchmark::DoNotOptimize(tokenizer.tokenize(l));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * lines.size()));
}

void BM_TokenizeFrench(benchmark::State& state) {
  tokenize_lines(state, tandem::Lang::fr, "dev/align/parallel/europarl_ep-06-09-27.fr");
}
void BM_TokenizeEnglish(benchmark::State& state) {
  tokenize_lines(state, tandem::Lang::en, "dev/align/parallel/europarl_ep-06-09-27.en");
}
void BM_FoldKeyAccented(benchmark::State& state) {
  const std::vector<std::string> words = {"Élysée", "président", "déclaré", "français", "cœur"};
  for (auto _ : state)
    for (const auto& w : words) benchmark::DoNotOptimize(tandem::fold_key(w));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
void BM_FoldKeyAscii(benchmark::State& state) {
  const std::vector<std::string> words = {"President", "declared", "Parliament", "the", "Union"};
  for (auto _ : state)
    for (const auto& w : words) benchmark::DoNotOptimize(tandem::fold_key(w));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}

BENCHMARK(BM_TokenizeFrench);
BENCHMARK(BM_TokenizeEnglish);
BENCHMARK(BM_FoldKeyAccented);
BENCHMARK(BM_FoldKeyAscii);

}  // namespace

BENCHMARK_MAIN();
