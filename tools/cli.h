// What every `tandem` subcommand shares: the global options and the way it reports.
// Each subcommand lives in its own cmd_*.cc file and registers itself with add_*_command.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include "corpus/workspace.h"

namespace tandem::cli {

struct Context {
  std::string db_path = Workspace::kDefaultPath;
  bool quiet = false;
  int exit_code = 0;  // a command sets it when it ran but has a non-zero outcome

  Workspace open_workspace() const { return Workspace(db_path); }
  // Diagnostics go to stderr, prefixed "tandem: warning: ", unless --quiet.
  void warn(std::string_view message) const;
  void info(std::string_view message) const;
};

void add_segment_command(CLI::App& app, Context& context);
void add_detect_command(CLI::App& app, Context& context);
void add_corpus_command(CLI::App& app, Context& context);
void add_mine_command(CLI::App& app, Context& context);
void add_align_command(CLI::App& app, Context& context);
void add_related_command(CLI::App& app, Context& context);
void add_terms_command(CLI::App& app, Context& context);
void add_glossary_command(CLI::App& app, Context& context);
void add_align_files_command(CLI::App& app, Context& context);
void add_tm_command(CLI::App& app, Context& context);

}  // namespace tandem::cli
