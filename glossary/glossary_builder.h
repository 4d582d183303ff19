// `tandem glossary extract`: fills the term base with proposed entries from the workspace.
//
// Reads the corpus (documents and sentences tables) and ranks each language's term candidates
// (glossary/termhood.h); reads the translation memory (tm/tm_store.h; rejected units left out)
// and pairs French and English terms over its units (glossary/term_pairer.h). Each pair becomes
// a bilingual proposed concept with its score, frequency and example units. Then the candidates
// of the comparable document pairs the workspace knows (document_pairs of kind 'comparable',
// from `tandem align`) are paired once across the corpus (compositional + context evidence,
// glossary/term_pairer.h), which finds pairs whose sentences were too loosely translated to be
// mined ("matériel militaire" ↔ "military equipment"); kept only multi-word noun phrases that
// are each other's best, whose words explain each other (coverage >= 0.75), that occur in one
// document pair, and whose first sentences share two other translated words. The best monolingual
// terms left unpaired become one-language proposals, so a person can add the translation. Earlier
// extracted proposals are replaced; approved and hand-made entries are never touched.
//
// Thread-safety: none; uses the caller's connection.
#pragma once

#include <cstddef>

#include "corpus/database.h"
#include "tm/lexicon.h"

namespace tandem {

struct ExtractOptions {
  std::size_t max_monolingual = 200;  // per language, best first
  double min_pair_score = 0.55;
  // Pairs found across comparable documents (no aligned unit shows them) need more evidence.
  double min_document_pair_score = 0.9;
};

struct ExtractReport {
  std::size_t removed = 0;   // earlier proposals replaced
  std::size_t fr_terms = 0;  // ranked candidates above the termhood cut
  std::size_t en_terms = 0;
  std::size_t units = 0;           // translation units read
  std::size_t pairs = 0;           // bilingual proposals added (all sources)
  std::size_t document_pairs = 0;  // of which found across comparable documents
  std::size_t monolingual = 0;     // one-language proposals added
};

// `lexicon` may be null. Runs in one transaction.
ExtractReport extract_glossary(Database& db, const Lexicon* lexicon,
                               const ExtractOptions& options = {});

}  // namespace tandem
