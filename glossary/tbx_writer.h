// Writes concepts of the term base as TBX: v3 (ISO 30042:2019, TBX-Basic, DCA) or v2
// (TBX-Basic <martif>, which OmegaT and translate-toolkit read). The mapping of fields to data
// categories is in glossary/tbx_format.h. Only TBX-Basic v1.2.1 data categories are written, at
// the levels its Schematron allows, and the source language's section always comes first
// (translate-toolkit reads source and target by position). Output is UTF-8 and deterministic
// (no timestamp), so exporting the same term base twice gives the same bytes.
//
// Thread-safety: a pure function of its arguments.
#pragma once

#include <ostream>
#include <span>
#include <string>

#include "glossary/tbx_format.h"
#include "glossary/term_base.h"

namespace tandem {

struct TbxWriteOptions {
  TbxVersion version = TbxVersion::v3;
  Lang source = Lang::fr;  // its language section is written first; also the file's xml:lang
  // translate-toolkit takes the first language section as the source: an entry with only
  // target-language terms would be read backwards, so such entries are left out by default.
  bool require_source_term = true;
};

// Returns the number of entries written.
std::size_t write_tbx(std::ostream& out, std::span<const Concept> concepts,
                      const TbxWriteOptions& options = {});
// The same into a file; throws tandem::Error naming the file when it cannot be written.
std::size_t write_tbx_file(const std::string& path, std::span<const Concept> concepts,
                           const TbxWriteOptions& options = {});

}  // namespace tandem
