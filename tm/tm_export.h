// Exports the translation memory to a file: TMX 1.4b (tm/tmx_writer.h) for CAT tools, or TSV for
// spreadsheets. Units stream from the database to the file, so a million units need no more
// memory than one. The file is written under a temporary name beside the target and renamed
// into place only when complete: an error never leaves a half-written export.
//
// Thread-safety: uses the TranslationMemory's connection; one thread.
#pragma once

#include <cstdint>
#include <string>

#include "tm/tm_store.h"

namespace tandem {

enum class ExportFormat { tmx, tsv };

struct ExportOptions {
  ExportFormat format = ExportFormat::tmx;
  Lang src = Lang::fr;  // source side: srclang and first <tuv> in TMX, first column in TSV
  UnitFilter filter;
};

// Returns the number of units written. Throws tandem::Error naming the file on I/O failure.
std::int64_t export_tm(TranslationMemory& tm, const std::string& path,
                       const ExportOptions& options);

// TSV field escaping: backslash, tab, newline and carriage return as \\, \t, \n, \r, so every
// unit stays on one line with a fixed number of columns.
std::string escape_tsv_field(std::string_view text);

}  // namespace tandem
