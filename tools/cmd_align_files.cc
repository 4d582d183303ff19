// `tandem align-files FR.txt EN.txt`: sentence alignment of a translated document pair, one
// segment per input line, one bead per output line: FR_IDS<TAB>EN_IDS<TAB>SCORE.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <future>
#include <memory>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "corpus/text_reader.h"
#include "tm/bitext_miner.h"
#include "tm/freedict_cache.h"
#include "tm/freedict_reader.h"
#include "tm/lexicon.h"
#include "tm/parallel.h"
#include "tm/sentence_aligner.h"
#include "tools/cli.h"

namespace tandem::cli {
namespace {

std::string ids(std::uint32_t begin, std::uint32_t count) {
  std::string out;
  for (std::uint32_t k = 0; k < count; ++k) {
    if (k) out += ',';
    out += std::to_string(begin + k);
  }
  return out;
}

struct AlignFilesArgs {
  std::string fr_path, en_path;
  std::vector<std::string> dictionaries;
  bool no_freedict = false;
  bool no_learn = false;
  bool json = false;
};

void run(const AlignFilesArgs& args, const Context& context) {
  // Two cores do the work of one command at once where it splits into independent parts (the
  // result never depends on it: see tm/parallel.h): the dictionaries are read from their cache
  // while the documents are read and tokenised, then filtered on one thread each.
  const bool parallel = default_thread_count() > 1;
  struct Dictionaries {
    FoldedFreeDict fr_en, en_fr;
  };
  std::future<Dictionaries> dictionaries;
  if (!args.no_freedict)
    dictionaries = std::async(parallel ? std::launch::async : std::launch::deferred, [] {
      return Dictionaries{FoldedFreeDict::load(installed_freedict(true)),
                          FoldedFreeDict::load(installed_freedict(false))};
    });
  // Function words and names: small tables, measured to help the parallel dev set too.
  // (Added first: the order in which entries arrive does not change a lexicon's links.)
  std::future<Lexicon> core_tables =
      std::async(parallel ? std::launch::async : std::launch::deferred, [] {
        Lexicon core;
        load_core_tables(core);
        return core;
      });
  SegmentFile fr_file, en_file;
  run_both(
      parallel, [&] { fr_file = read_segment_file(args.fr_path); },
      [&] { en_file = read_segment_file(args.en_path); });
  for (const auto& w : fr_file.warnings) context.warn(args.fr_path + ": " + w);
  for (const auto& w : en_file.warnings) context.warn(args.en_path + ": " + w);
  const std::vector<std::string>& fr = fr_file.lines;
  const std::vector<std::string>& en = en_file.lines;
  // On the heap, to be freed early (below).
  auto aligner_owner = std::make_unique<SentenceAligner>(fr, en);
  SentenceAligner& aligner = *aligner_owner;
  Lexicon lexicon = core_tables.get();
  if (!args.no_freedict) {
    // Each dictionary is read from the parsed-dictionary cache, whose keys are already folded,
    // and only the pairs these documents can use are stored (the whole of FreeDict would cost
    // more than aligning a short document).
    Lexicon::EntryFilter keep = aligner.lexicon_filter();
    try {
      Dictionaries dicts = dictionaries.get();
      std::vector<Lexicon::KeyPair> pairs[2];  // from fr_en, then from en_fr
      run_both(
          parallel,
          [&] {
            pairs[1] = Lexicon::select_freedict(dicts.en_fr, Lang::en,
                                                aligner.headword_prefix_filter(Lang::en), keep);
          },
          [&] {
            pairs[0] = Lexicon::select_freedict(dicts.fr_en, Lang::fr,
                                                aligner.headword_prefix_filter(Lang::fr), keep);
          });
      lexicon.add_pairs(pairs, parallel);
    } catch (const Error&) {
      // A damaged article the filters would have skipped must not fail the command: read the
      // filtered articles as before, which reports the error only when it matters.
      try {
        for (Lang source : {Lang::fr, Lang::en})
          lexicon.add_freedict(read_freedict_cached(installed_freedict(source == Lang::fr),
                                                    aligner.headword_filter(source)),
                               source, keep);
      } catch (const Error& e) {
        context.warn("aligning without FreeDict: " + e.describe());
      }
    }
  }
  for (const std::string& dict : args.dictionaries) lexicon.load_tsv(dict);
  AlignOptions options;
  options.learn = !args.no_learn;
  Alignment alignment = aligner.align(&lexicon, options);
  // Their many small allocations are freed on both threads at once: on one, freeing them took
  // a twentieth of a short document's time.
  run_both(
      parallel, [&] { lexicon = Lexicon(); }, [&] { aligner_owner.reset(); });
  for (const std::string& w : alignment.warnings) context.warn(w);
  if (args.json) {
    nlohmann::json beads = nlohmann::json::array();
    for (const Bead& b : alignment.beads) {
      nlohmann::json f = nlohmann::json::array(), e = nlohmann::json::array();
      for (std::uint32_t k = 0; k < b.fr_count; ++k) f.push_back(b.fr_begin + k);
      for (std::uint32_t k = 0; k < b.en_count; ++k) e.push_back(b.en_begin + k);
      beads.push_back({{"fr", f}, {"en", e}, {"score", b.score}});
    }
    fmt::print("{}\n", nlohmann::json{{"beads", beads}, {"warnings", alignment.warnings}}.dump());
    return;
  }
  std::string out;
  for (const Bead& b : alignment.beads)
    out += fmt::format("{}\t{}\t{:.2f}\n", ids(b.fr_begin, b.fr_count), ids(b.en_begin, b.en_count),
                       b.score);
  fmt::print("{}", out);
}

}  // namespace

void add_align_files_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<AlignFilesArgs>();
  CLI::App* cmd =
      app.add_subcommand("align-files",
                         "Align a translated pair of files, one segment per line; prints beads "
                         "FR_IDS<TAB>EN_IDS<TAB>SCORE");
  cmd->add_option("FR", args->fr_path, "French file, one segment per line")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("EN", args->en_path, "English file, one segment per line")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--dict", args->dictionaries,
                  "User dictionary, TSV fr<TAB>en[<TAB>weight] (repeatable)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--no-freedict", args->no_freedict, "Do not use the installed FreeDict fr-en");
  cmd->add_flag("--no-learn", args->no_learn,
                "One pass only: no lexicon learned from the documents themselves");
  cmd->add_flag("--json", args->json, "JSON output: {beads: [{fr, en, score}], warnings}");
  cmd->callback([args, &context] { run(*args, context); });
}

}  // namespace tandem::cli
