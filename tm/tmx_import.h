// Imports a TMX file into the translation memory, atomically: one transaction, so an error
// anywhere in the file (malformed XML, a database failure) leaves the memory as it was.
//
// What becomes a unit: each <tu> with a French and an English <tuv>, recognised by the primary
// subtag of their language (fr, fr-FR, fr-CA → French). Policy for the rest, reported in the
// stats rather than failing the import, because real-world TMX files mix languages:
//  - a <tu> lacking French or English (or with an empty segment) is skipped and counted;
//  - other languages' <tuv>s (de, es…) and extra French/English variants after the first are
//    ignored and counted;
//  - a header without srclang (or "*all*"), which TMX requires but some tools omit: the
//    unit's own srclang is used if any, else its first French or English <tuv> is the source;
//    counted once per file in missing_srclang.
// Units keep their tuid, dates, props and notes (on the <tu> or a French/English <tuv>), and the
// <seg> inner XML when it holds inline codes. Tandem's own x-tandem-score/-status props (from a
// Tandem export) restore those fields instead of being stored as props. Origin is `imported`.
//
// Speed: the file is parsed (and texts normalised) on a thread of its own while the calling
// thread writes the previous units; new units are indexed for concordance in one pass at the
// end, still inside the transaction.
//
// Thread-safety: uses the TranslationMemory's connection from the calling thread only.
#pragma once

#include <cstdint>
#include <string>

#include "tm/tm_store.h"

namespace tandem {

struct TmxImportStats {
  std::int64_t tus = 0;               // <tu> elements read
  std::int64_t inserted = 0;          // new units
  std::int64_t merged = 0;            // pairs already in the memory (their count went up)
  std::int64_t skipped_no_pair = 0;   // no French or no English <tuv>, or an empty segment
  std::int64_t ignored_variants = 0;  // <tuv>s in other languages or extra variants
  bool missing_srclang = false;
  std::string version;  // <tmx version>
};

TmxImportStats import_tmx(TranslationMemory& tm, const std::string& path);

}  // namespace tandem
