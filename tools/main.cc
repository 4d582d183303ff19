// The `tandem` command: a thin dispatcher over the corpus, tm and glossary libraries.
// Exit codes: 0 ok, 1 runtime error (bad input, I/O, database), 2 usage error.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>

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

  cli::add_segment_command(app, context);
  cli::add_detect_command(app, context);
  cli::add_corpus_command(app, context);
  cli::add_align_files_command(app, context);
  cli::add_mine_command(app, context);
  cli::add_align_command(app, context);
  cli::add_related_command(app, context);
  cli::add_tm_command(app, context);
  cli::add_terms_command(app, context);
  cli::add_glossary_command(app, context);

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
