// Repair and normalisation of text as it comes from the web, before anything else reads it.
//
// normalize_text keeps the text as a person should see it (typographic quotes stay), but:
// NFC; control characters and zero-width/format characters removed (soft hyphen, BOM, bidi
// marks; the emoji joiner U+200D stays); tabs, non-breaking and other Unicode spaces made plain
// spaces; runs of spaces collapsed; lines trimmed; CR, CRLF, U+2028/U+2029, form feed and
// vertical tab made line breaks; runs of blank lines collapsed to one blank line and blank lines
// at both ends removed (no final newline). Line structure is otherwise kept: a paragraph is a line.
//
// Apostrophes that a broken conversion turned into '?' are repaired (d?un → d’un,
// l?AFP → l’AFP, s?intensifient → s’intensifient, aujourd?hui → aujourd’hui, don?t → don’t):
// a '?' between two letters of one word cannot be a question mark. Before a capital letter the
// letters before the '?' must be a French elision (l, d, qu, jusqu, lorsqu, ...) or a single
// letter (O?Brien), so a missing space after a real question mark ("vrai?Oui") is left alone,
// and so is a '?' inside a URL-like token. A '?' followed by a space or the end stays.
//
// fold_typography gives the matching form: ’ ‘ ‛ ′ ʼ → ', “ ” „ ‟ « » ‹ › ″ → ", ‐ ‑ ‒ – — ― − → -,
// … → ..., used for keys and comparisons; the original stays for display and export.
//
// Thread-safety: all functions are pure and may be called from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "corpus/language.h"

namespace tandem {

struct NormalizeStats {
  int apostrophes_repaired = 0;
  int characters_removed = 0;  // control and zero-width/format characters
};

std::string normalize_text(std::string_view text, Lang lang, NormalizeStats* stats = nullptr);

std::string fold_typography(std::string_view text);

// The folded form of one code point, or nullopt when it folds to itself (for code that folds
// character by character, keeping its own offsets).
std::optional<std::string_view> fold_typography_char(char32_t c);

}  // namespace tandem
