#include "glossary/glossary_lexicon.h"

#include <algorithm>

namespace tandem {
namespace {

bool is_single_word(const std::string& term) {
  return !term.empty() && std::none_of(term.begin(), term.end(), [](char c) { return c == ' '; });
}

}  // namespace

std::size_t add_glossary_to_lexicon(TermBase& base, Lexicon& lexicon) {
  std::size_t added = 0;
  for (const Concept& concept_entry : base.list()) {
    float weight =
        concept_entry.status == EntryStatus::approved ? kApprovedTermWeight : kProposedTermWeight;
    for (const TermEntry& fr : concept_entry.terms) {
      if (fr.lang != Lang::fr || !is_single_word(fr.text)) continue;
      for (const TermEntry& en : concept_entry.terms) {
        if (en.lang != Lang::en || !is_single_word(en.text)) continue;
        lexicon.add(fr.text, en.text, weight);
        ++added;
      }
    }
  }
  return added;
}

}  // namespace tandem
