// The `tandem` command: a thin dispatcher over the corpus, tm and glossary libraries.
// Exit codes: 0 ok, 1 runtime error (bad input, I/O, database), 2 usage error.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <string_view>

#include "corpus/error.h"
#include "tools/cli.h"

namespace tandem::cli {

void Context::warn(std::string_view message) const {
  if (!quiet) fmt::print(stderr, "tandem: warning: {}\n", message);
}
void Context::info(std::string_view message) const {
  if (!quiet) fmt::print(stderr, "tandem: {}\n", message);
}

}  // namespace tandem::cli

namespace {

struct Command {
  std::string_view name;
  void (*add)(CLI::App&, tandem::cli::Context&);
};

constexpr Command kCommands[] = {
    {"segment", tandem::cli::add_segment_command},
    {"detect", tandem::cli::add_detect_command},
    {"corpus", tandem::cli::add_corpus_command},
    {"align-files", tandem::cli::add_align_files_command},
    {"mine", tandem::cli::add_mine_command},
    {"align", tandem::cli::add_align_command},
    {"related", tandem::cli::add_related_command},
    {"tm", tandem::cli::add_tm_command},
    {"terms", tandem::cli::add_terms_command},
    {"glossary", tandem::cli::add_glossary_command},
};

// The first word of the command line that is not a global option: the subcommand's name, or
// empty when there is none.
std::string_view first_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;  // its value
      continue;
    }
    if (!arg.starts_with("-")) return arg;
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tandem;
  cli::Context context;
  CLI::App app{"Tandem: French-English corpus, alignment, translation memory and glossary",
               "tandem"};
  app.set_version_flag("--version", TANDEM_VERSION);
  app.option_defaults()->always_capture_default();
  app.add_option("--db", context.db_path, "Workspace database file");
  app.add_flag("-q,--quiet", context.quiet, "No warnings or progress on stderr");
  app.require_subcommand(1);
  app.fallthrough();

  // Only the command that runs is built: building all of them (hundreds of options) cost a
  // short command such as align-files on a small document about a tenth of its instructions.
  const std::string_view named = first_word(argc, argv);
  bool known = false;
  for (const Command& c : kCommands) known = known || c.name == named;
  if (!named.empty() && !known) {
    fmt::print(stderr, "tandem: error: unknown command '{}' (see tandem --help)\n", named);
    return 2;
  }
  for (const Command& c : kCommands)
    if (named.empty() || c.name == named) c.add(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const Error& e) {
    std::fflush(stdout);
    fmt::print(stderr, "tandem: error: {}\n", e.describe());
    return 1;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    fmt::print(stderr, "tandem: error: {}\n", e.what());
    return 1;
  }
  return context.exit_code;
}
