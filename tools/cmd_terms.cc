// `tandem terms --lang fr|en FILE...`: ranked term candidates of a set of documents,
// TERM<TAB>SCORE, best first, cut where the expected F1 is highest (glossary/termhood.h).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "corpus/error.h"
#include "corpus/text_reader.h"
#include "glossary/candidate_extractor.h"
#include "glossary/general_frequencies.h"
#include "glossary/termhood.h"
#include "tools/cli.h"

namespace tandem::cli {

void add_terms_command(CLI::App& app, Context& context) {
  struct Options {
    std::string lang;
    std::vector<std::string> files;
    std::vector<std::string> background;
    std::optional<double> threshold;
    std::size_t top = 0;
    bool features = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("terms", "Ranked term candidates of text files");
  cmd->add_option("--lang", options->lang, "Language of the files")
      ->required()
      ->check(CLI::IsMember({"fr", "en"}));
  cmd->add_option("files", options->files, "UTF-8 text files, one document each")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--background", options->background,
                  "More texts of the domain: evidence for frequencies and spread, never terms")
      ->check(CLI::ExistingFile);
  cmd->add_option(
      "--threshold", options->threshold,
      "Keep candidates scoring at least this log-odds (default: the cut of best expected F1)");
  cmd->add_option("--top", options->top, "Print at most this many terms (0: no limit)");
  // For tools/train_termhood.py: every candidate with the features the ranker weighs.
  cmd->add_flag("--features", options->features,
                "Print every candidate with its termhood features (TSV with a header)")
      ->group("");
  cmd->callback([options, &context] {
    Lang lang = *lang_from_tag(options->lang);
    CandidateExtractor extractor(lang);
    std::int64_t document = 0;
    for (const auto* paths : {&options->files, &options->background}) {
      for (const std::string& path : *paths) {
        DecodedText text = read_text_file(path);
        for (const std::string& warning : text.warnings) context.warn(warning);
        extractor.add_document(text.utf8, document++);
      }
    }
    // Terms come from the files themselves; the background only lends its evidence.
    const auto main_documents = static_cast<std::int64_t>(options->files.size());
    auto in_files = [&](const TermCandidate& c) {
      return std::any_of(c.documents.begin(), c.documents.end(),
                         [&](std::int64_t d) { return d < main_documents; });
    };
    GeneralFrequencies general = GeneralFrequencies::load_bundled(lang);
    if (options->features) {
      auto rows = termhood_features(extractor, general);
      fmt::print("term\t{}\n", fmt::join(termhood_feature_names(), "\t"));
      for (std::size_t i = 0; i < rows.size(); ++i)
        if (!rows[i].empty() && in_files(extractor.candidates()[i]))
          fmt::print("{}\t{:.6g}\n", extractor.candidates()[i].term, fmt::join(rows[i], "\t"));
      return;
    }
    TermhoodOptions termhood;
    if (options->threshold) termhood.threshold = *options->threshold;
    termhood.rank_only = in_files;
    std::size_t printed = 0;
    for (const ScoredTerm& t : rank_terms(extractor, general, termhood)) {
      if (options->top && printed++ >= options->top) break;
      fmt::print("{}\t{:.3f}\n", t.term, t.score);
    }
    context.info(fmt::format("{} candidates", extractor.candidates().size()));
  });
}

}  // namespace tandem::cli
