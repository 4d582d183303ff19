// Repair and normalisation of text as it comes from the web, before anything else reads it.
//
// normalize_text keeps the text as a person should see it (typographic quotes stay), but:
// NFC; control characters and zero-width characters removed; non-breaking and other Unicode
// spaces made plain spaces within lines; runs of spaces collapsed; lines trimmed; and apostrophes
// that a broken conversion turned into '?' repaired (d?un → d’un, l?AFP → l’AFP,
// s?intensifient → s’intensifient) when the language says a '?' cannot stand there.
//
// fold_typography gives the matching form: ’ ‘ ‛ ′ → ', “ ” « » „ → ", – — ‒ → -, … → ...,
// used for keys and comparisons; the original stays for display and export.
#pragma once

#include <string>
#include <string_view>

#include "corpus/language.h"

namespace tandem {

struct NormalizeStats {
  int apostrophes_repaired = 0;
  int characters_removed = 0;
};

std::string normalize_text(std::string_view text, Lang lang, NormalizeStats* stats = nullptr);

std::string fold_typography(std::string_view text);

}  // namespace tandem
