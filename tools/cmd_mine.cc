// tandem mine FR.txt EN.txt — parallel sentences in two pools of sentences (one per line, any
// order): `FR_ID<TAB>EN_ID<TAB>SCORE`, best first, for the pairs judged translations; --best
// prints every French line's best English line; --comparable aligns two comparable documents
// monotonically (bead format of align-files).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "corpus/error.h"
#include "corpus/text_reader.h"
#include "tm/bitext_miner.h"
#include "tm/lexicon.h"
#include "tools/cli.h"

namespace tandem::cli {
namespace {

std::string join_ids(const std::vector<std::uint32_t>& ids) {
  std::string out;
  for (std::uint32_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

}  // namespace

void add_mine_command(CLI::App& app, Context& context) {
  struct Args {
    std::string fr, en;
    bool best = false;
    bool comparable = false;
    bool json = false;
    bool no_learn = false;
    std::optional<float> threshold;
    std::vector<std::string> dictionaries;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "mine", "Find the translation pairs in a French and an English pool of sentences");
  cmd->add_option("FR", args->fr, "French sentences, one per line")->required();
  cmd->add_option("EN", args->en, "English sentences, one per line")->required();
  cmd->add_flag("--best", args->best, "Every French line's best English line, no threshold");
  cmd->add_flag(
      "--comparable", args->comparable,
      "The two files are comparable documents: monotonic beads FR_IDS<TAB>EN_IDS<TAB>SCORE");
  cmd->add_option("--threshold", args->threshold,
                  fmt::format("Margin above which a pair is a translation (default {:.2f})",
                              MinerOptions{}.threshold));
  cmd->add_option("--dict", args->dictionaries, "Extra dictionary, TSV fr<TAB>en[<TAB>weight]")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--no-learn", args->no_learn, "Do not learn translations from the pools");
  cmd->add_flag("--json", args->json, "JSON array of {fr, en, score}");
  cmd->callback([args, &context] {
    SegmentFile fr_file = read_segment_file(args->fr);
    SegmentFile en_file = read_segment_file(args->en);
    for (const auto& w : fr_file.warnings) context.warn(args->fr + ": " + w);
    for (const auto& w : en_file.warnings) context.warn(args->en + ": " + w);
    const std::vector<std::string>& fr = fr_file.lines;
    const std::vector<std::string>& en = en_file.lines;
    Lexicon lexicon;
    load_mining_lexicon(lexicon);
    for (const std::string& path : args->dictionaries) lexicon.load_tsv(path);
    CrossLingualKeys keys(lexicon);
    MinerOptions options;
    if (args->threshold) options.threshold = *args->threshold;
    if (args->no_learn) options.learning_rounds = 0;
    BitextMiner miner(keys, options);

    if (args->comparable) {
      auto beads = miner.align_comparable(fr, en);
      nlohmann::json out = nlohmann::json::array();
      for (const ComparableBead& b : beads) {
        if (args->json) {
          out.push_back({{"fr", b.fr}, {"en", b.en}, {"score", b.score}});
        } else {
          fmt::print("{}\t{}\t{:.4f}\n", join_ids(b.fr), join_ids(b.en), b.score);
        }
      }
      if (args->json) fmt::print("{}\n", out.dump(2));
      return;
    }
    auto pairs = args->best ? miner.best(fr, en) : miner.mine(fr, en);
    if (miner.learned_count() > 0)
      context.info(fmt::format("learned {} translations from the pools", miner.learned_count()));
    nlohmann::json out = nlohmann::json::array();
    for (const ScoredPair& p : pairs) {
      if (args->json) {
        out.push_back(
            {{"fr", p.fr}, {"en", p.en}, {"score", p.margin}, {"similarity", p.similarity}});
      } else {
        fmt::print("{}\t{}\t{:.4f}\n", p.fr, p.en, p.margin);
      }
    }
    if (args->json) fmt::print("{}\n", out.dump(2));
  });
}

}  // namespace tandem::cli
