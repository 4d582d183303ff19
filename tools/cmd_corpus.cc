#include "tools/cli.h"
namespace tandem::cli {
void add_corpus_command(CLI::App& app, Context& context) { (void)app; (void)context; }
}  // namespace tandem::cli
