// Throughput of the text stage on the seed articles: decoding, normalisation, and the
// boilerplate judge (metadata prefix on the first line, then judge_document), separately and
// together. Reports bytes/s and, for the judge, paragraphs/s.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/boilerplate.h"
#include "corpus/normalizer.h"
#include "corpus/text_reader.h"
#include "tests/test_support.h"

namespace {

std::vector<std::string> seed_files() {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(tandem::testing::shared_path("seeds"))) {
    if (entry.path().extension() == ".txt") files.push_back(tandem::testing::read_file(entry));
  }
  return files;
}

std::size_t total_bytes(const std::vector<std::string>& texts) {
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  return bytes;
}

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

void BM_DecodeText(benchmark::State& state) {
  const auto files = seed_files();
  for (auto _ : state) {
    for (const auto& f : files) benchmark::DoNotOptimize(tandem::decode_text(f, "seed"));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(files)));
}

void BM_NormalizeText(benchmark::State& state) {
  const auto files = seed_files();
  for (auto _ : state) {
    for (const auto& f : files)
      benchmark::DoNotOptimize(tandem::normalize_text(f, tandem::Lang::fr));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(files)));
}

void BM_JudgeBoilerplate(benchmark::State& state) {
  std::vector<std::vector<std::string>> documents;
  std::size_t bytes = 0, count = 0;
  for (const auto& f : seed_files()) {
    documents.push_back(paragraphs_of(tandem::normalize_text(f, tandem::Lang::fr)));
    for (const auto& p : documents.back()) bytes += p.size();
    count += documents.back().size();
  }
  for (auto _ : state) {
    for (const auto& doc : documents) {
      std::vector<std::string_view> views(doc.begin(), doc.end());
      if (auto meta = tandem::parse_metadata_prefix(views.front()))
        views.front().remove_prefix(meta->rest_begin);
      benchmark::DoNotOptimize(
          tandem::BoilerplateDetector().judge_document(views, tandem::Lang::fr));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
}

BENCHMARK(BM_DecodeText);
BENCHMARK(BM_NormalizeText);
BENCHMARK(BM_JudgeBoilerplate);

}  // namespace

BENCHMARK_MAIN();
