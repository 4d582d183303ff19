// Orthographic similarity between a French and an English word: the evidence that lets the
// aligner and the term pairer link "mercenaires" to "mercenaries" or "qualité" to "quality"
// without a dictionary entry.
//
// Both words are folded keys (tandem::fold_key: lower case, no accents). The French word is also
// tried with its suffix rewritten the English way (-ité → -ity, -ique → -ic, -aire → -ary,
// -eux → -ous, -isme → -ism, -ie → -y, -eur → -or, -el → -al, ...); the similarity is the best
// longest-common-subsequence ratio (LCS length / longer length) of the two tries. Words that do
// not start with the same letter, or that are shorter than kMinCognateLength, score 0, which
// keeps chance resemblances of short words out.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tandem {

inline constexpr std::size_t kMinCognateLength = 4;

// LCS length / length of the longer string, over bytes; 0 when either is empty.
double lcs_ratio(std::string_view a, std::string_view b);

// The French folded word with its ending rewritten towards English spelling ("qualite" →
// "quality", "mercenaires" → "mercenaries"); the word itself when no rule applies.
std::string anglicize_suffix(std::string_view fr_key);

// Cognate similarity in [0, 1] (1 = same spelling, up to the suffix rewrite).
double cognate_similarity(std::string_view fr_key, std::string_view en_key);

}  // namespace tandem
