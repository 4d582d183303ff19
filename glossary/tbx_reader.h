// Reads a TBX file, v2 (<martif>, any dialect) or v3 (<tbx>, ISO 30042:2019), into concepts
// for the term base. Understands the data categories the writer uses (glossary/tbx_format.h)
// plus the usual variants of other tools: <ntig>/<termGrp>, langSec-level definitions,
// TBX-Basic V4 usageStatus. Languages other than French and English are skipped (counted in
// the result). Entries without a Tandem status note come in as approved: a TBX is a glossary
// someone made.
//
// Errors (not XML, not TBX, an entry without terms) throw tandem::Error with the file, line and
// column.
//
// Thread-safety: a pure function of its input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "glossary/term_base.h"

namespace tandem {

struct TbxReadResult {
  std::vector<Concept> concepts;
  std::size_t skipped_terms = 0;  // terms in languages other than fr/en
};

TbxReadResult read_tbx_file(const std::string& path);
// `name` is used in error messages.
TbxReadResult read_tbx(std::string_view xml, const std::string& name);

}  // namespace tandem
