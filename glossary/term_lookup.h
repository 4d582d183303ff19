// Looking a word or phrase up in the term base, the way a translator types it: in either
// language, whatever the case, accents or inflection ("mercenaire" finds "mercenaires",
// "Eolienne" finds "éolienne"), and forgiving a typo or two ("mercenarie").
//
// Matches, best first: the same folded form (fold_key); the same Snowball stems; a small edit
// distance between folded forms or stems (1 for words of 4–7 letters, 2 beyond); a term that
// contains the query's stems as consecutive words ("éolienne" → "parc éolien" is not, but
// "turbine" → "wind turbine" is). Each hit is a whole concept, so the caller shows the other
// language, the context sentence and where it came from.
//
// Thread-safety: none (uses the TermBase's connection and tokenizers).
#pragma once

#include <string_view>
#include <vector>

#include "glossary/term_base.h"

namespace tandem {

enum class MatchKind { exact, stem, fuzzy, partial };
std::string_view to_string(MatchKind kind);

struct LookupHit {
  Concept entry;
  std::size_t term = 0;  // index in entry.terms of the term that matched
  MatchKind kind = MatchKind::exact;
  int distance = 0;  // edit distance for fuzzy matches
};

// At most `limit` concepts, each once (its best match).
std::vector<LookupHit> lookup_terms(TermBase& base, std::string_view query, std::size_t limit = 20);

// Levenshtein distance between two UTF-8 strings, by code point, stopping early past `bound`
// (returns bound + 1 then).
int bounded_edit_distance(std::string_view a, std::string_view b, int bound);

}  // namespace tandem
