// tandem segment --lang fr|en|auto FILE — one sentence per line, boilerplate dropped.
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "corpus/document.h"
#include "corpus/error.h"
#include "tools/cli.h"
#include "tools/options.h"

namespace tandem::cli {

void add_segment_command(CLI::App& app, Context& context) {
  struct Args {
    std::string lang = "auto";
    std::string file;
    bool replace_invalid = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "segment", "Split a document into sentences, one per line (boilerplate dropped)");
  cmd->add_option("--lang", args->lang, "Language of the text")
      ->check(CLI::IsMember({"fr", "en", "auto"}));
  cmd->add_flag("--replace-invalid", args->replace_invalid,
                "Replace invalid UTF-8 byte sequences instead of refusing the file");
  cmd->add_option("FILE", args->file, "Text file ('-' for standard input)")->required();
  cmd->callback([args, &context] {
    ParseOptions options;
    options.lang = parse_lang_option(args->lang);
    options.replace_invalid = args->replace_invalid;
    DocumentParser parser;
    Document doc = args->file == "-"
                       ? parser.parse_text(
                             decode_text(std::string(std::istreambuf_iterator<char>(std::cin), {}),
                                         "<stdin>", ReadOptions{args->replace_invalid}),
                             "<stdin>", options)
                       : parser.parse_file(args->file, options);
    for (const std::string& warning : doc.warnings)
      context.warn(fmt::format("{}: {}", doc.path, warning));
    std::string out;
    for (const Sentence& sentence : doc.sentences) {
      out += sentence.text;
      out += '\n';
    }
    fmt::print("{}", out);
  });
}

}  // namespace tandem::cli
