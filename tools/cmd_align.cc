// tandem align [--pair FR_ID EN_ID ...] [--min-score S] [--dict TSV ...] — pair the workspace's
// documents, align translations, mine comparable pairs, store the sentence pairs in the TM.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "glossary/glossary_lexicon.h"
#include "tm/bitext_miner.h"
#include "tm/workspace_alignment.h"
#include "tools/cli.h"

namespace tandem::cli {

void add_align_command(CLI::App& app, Context& context) {
  struct Args {
    std::vector<std::int64_t> pairs;
    std::vector<std::string> dictionaries;
    double min_score = WorkspaceAlignOptions{}.min_score;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "align", "Pair documents, align translations, mine comparable ones, store pairs in the TM");
  cmd->add_option("--pair", args->pairs, "Only these documents: FR_ID EN_ID (repeatable)")
      ->expected(2, 1 << 20);
  cmd->add_option("--min-score", args->min_score, "Document pairs scoring below are skipped");
  cmd->add_option("--dict", args->dictionaries, "User dictionary, TSV fr<TAB>en[<TAB>weight]")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--json", args->json, "JSON summary");
  cmd->callback([args, &context] {
    if (args->pairs.size() % 2 != 0)
      throw CLI::ValidationError("--pair", "takes FR_ID EN_ID pairs");
    WorkspaceAlignOptions options;
    options.min_score = args->min_score;
    for (std::size_t i = 0; i + 1 < args->pairs.size(); i += 2)
      options.pairs.emplace_back(args->pairs[i], args->pairs[i + 1]);
    Workspace workspace = context.open_workspace();
    // Evidence beyond FreeDict: the user's dictionaries and the workspace's own term base.
    Lexicon lexicon;
    load_mining_lexicon(lexicon);
    for (const std::string& dictionary : args->dictionaries) lexicon.load_tsv(dictionary);
    TermBase term_base(workspace.db());
    std::size_t glossary_pairs = add_glossary_to_lexicon(term_base, lexicon);
    if (glossary_pairs > 0)
      context.info(fmt::format("using {} word pairs from the glossary", glossary_pairs));
    WorkspaceAlignResult result = align_workspace(workspace.db(), lexicon, options);
    if (args->json) {
      nlohmann::json pairs = nlohmann::json::array();
      for (const auto& p : result.pairs)
        pairs.push_back({{"fr", p.fr_document},
                         {"en", p.en_document},
                         {"kind", to_string(p.kind)},
                         {"score", p.score},
                         {"units", p.units}});
      fmt::print("{}\n", nlohmann::json{{"pairs", pairs},
                                        {"units_inserted", result.units_inserted},
                                        {"learned", result.learned}}
                             .dump(2));
      return;
    }
    for (const auto& p : result.pairs)
      fmt::print("{}\t{}\t{}\t{:.3f}\t{} units\n", p.fr_document, p.en_document, to_string(p.kind),
                 p.score, p.units);
    if (result.pairs.empty()) context.warn("no French–English document pair to align");
    context.info(fmt::format("{} new translation units, {} translations learned",
                             result.units_inserted, result.learned));
  });
}

}  // namespace tandem::cli
