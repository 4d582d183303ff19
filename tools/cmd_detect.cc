// `tandem detect [--lines] [--json] FILE...`: the language of each file (French, English or
// und), or with --lines of each line of each file. Output, tab-separated:
//   per file:  PATH<TAB>LANG<TAB>CONFIDENCE
//   --lines:   LANG<TAB>CONFIDENCE, one per input line, files one after the other
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "corpus/language_id.h"
#include "corpus/text_reader.h"
#include "tools/cli.h"

namespace tandem::cli {
namespace {

struct DetectOptions {
  std::vector<std::string> files;
  bool lines = false;
  bool json = false;
};

void run_detect(const DetectOptions& options, const Context& context) {
  LanguageIdentifier identifier;
  nlohmann::json results = nlohmann::json::array();
  for (const std::string& path : options.files) {
    if (!options.lines) {
      DecodedText decoded = read_text_file(path);
      for (const std::string& w : decoded.warnings) context.warn(fmt::format("{}: {}", path, w));
      LanguageGuess g = identifier.identify(decoded.utf8);
      if (options.json)
        results.push_back({{"path", path}, {"lang", to_tag(g.lang)}, {"confidence", g.confidence}});
      else
        fmt::print("{}\t{}\t{:.3f}\n", path, to_tag(g.lang), g.confidence);
      continue;
    }
    SegmentFile file = read_segment_file(path);
    for (const std::string& w : file.warnings) context.warn(fmt::format("{}: {}", path, w));
    for (std::size_t number = 0; number < file.lines.size(); ++number) {
      LanguageGuess g = identifier.identify(file.lines[number]);
      if (options.json)
        results.push_back({{"path", path},
                           {"line", number},
                           {"lang", to_tag(g.lang)},
                           {"confidence", g.confidence}});
      else
        fmt::print("{}\t{:.3f}\n", to_tag(g.lang), g.confidence);
    }
  }
  if (options.json) fmt::print("{}\n", results.dump(2));
}

}  // namespace

void add_detect_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<DetectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "detect", "Identify the language (fr, en, und) of files or of their lines");
  cmd->add_option("FILE", options->files, "Text files (UTF-8, UTF-16 or legacy 8-bit)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_flag("--lines", options->lines, "One result per input line (LANG<TAB>CONFIDENCE)");
  cmd->add_flag("--json", options->json, "JSON output");
  cmd->callback([options, &context] { run_detect(*options, context); });
}

}  // namespace tandem::cli
