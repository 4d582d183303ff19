// Speed of the alignment scoring kernel (SentenceFeatures::evidence on 1-1 and 2-1 groups) and
// of a whole document alignment, on a dev-set document.
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include "corpus/tokenizer.h"
#include "tests/tm/freedict_lexicon.h"
#include "tm/freedict_cache.h"
#include "tm/lexicon.h"
#include "tm/sentence_aligner.h"
#include "tm/sentence_features.h"

namespace tandem {
namespace {

std::vector<std::string> lines(const std::string& relative) {
  std::ifstream in(std::string(TANDEM_SHARED_DIR) + "/dev/align/parallel/" + relative);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

using testing::freedict_lexicon;

constexpr const char* kDoc = "europarl_ep-06-07-05";

void BM_BeadEvidence(benchmark::State& state) {
  auto fr = lines(std::string(kDoc) + ".fr"), en = lines(std::string(kDoc) + ".en");
  SentenceFeatures features(&freedict_lexicon());
  Tokenizer ft(Lang::fr), et(Lang::en);
  for (const auto& s : fr) features.add_sentence(Lang::fr, ft.words(s));
  for (const auto& s : en) features.add_sentence(Lang::en, et.words(s));
  features.prepare();
  SentenceFeatures::Scratch scratch;
  const std::uint32_t group = static_cast<std::uint32_t>(state.range(0));
  std::vector<std::uint32_t> f(group), e(1);
  std::uint32_t i = 0;
  const auto n = static_cast<std::uint32_t>(std::min(fr.size(), en.size()) - group);
  for (auto _ : state) {
    for (std::uint32_t k = 0; k < group; ++k) f[k] = i + k;
    e[0] = i;
    benchmark::DoNotOptimize(features.evidence(f, e, scratch).llr);
    i = (i + 1) % n;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BeadEvidence)->Arg(1)->Arg(2);

// Tokenising and aligning one document, with 1 or 2 threads (the argument); real time, since
// two threads use more CPU time than they save in wall time.
void BM_AlignDocument(benchmark::State& state) {
  auto fr = lines(std::string(kDoc) + ".fr"), en = lines(std::string(kDoc) + ".en");
  const Lexicon& lexicon = freedict_lexicon();
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(SentenceAligner(fr, en, threads).align(&lexicon).beads.size());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(fr.size() + en.size()));
}
BENCHMARK(BM_AlignDocument)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_LoadFreeDict(benchmark::State& state) {
  for (auto _ : state) {
    Lexicon l;
    l.load_installed_freedict();
    benchmark::DoNotOptimize(l.entry_count());
  }
}
BENCHMARK(BM_LoadFreeDict)->Unit(benchmark::kMillisecond);

// What align-files does before aligning a short document: both cached dictionaries read, and
// only the pairs the document can use stored.
void BM_LoadFilteredFreeDict(benchmark::State& state) {
  auto fr = lines("flores_devtest_0000-0043.fr"), en = lines("flores_devtest_0000-0043.en");
  SentenceAligner aligner(fr, en);
  for (auto _ : state) {
    Lexicon l;
    for (Lang source : {Lang::fr, Lang::en})
      l.add_freedict(FoldedFreeDict::load(installed_freedict(source == Lang::fr)), source,
                     aligner.headword_prefix_filter(source), aligner.lexicon_filter());
    benchmark::DoNotOptimize(l.entry_count());
  }
}
BENCHMARK(BM_LoadFilteredFreeDict)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tandem

BENCHMARK_MAIN();
