// The term base as lexical evidence for the aligner and the miner: a terminologist's validated
// pairs are the best dictionary Tandem can have for the user's domain.
//
// Only single-word terms become lexicon entries (the lexicon is word-level); a concept gives
// every pair of its French and English single-word terms. Approved concepts weigh 1; proposed
// ones, extracted automatically, weigh less since they may be wrong.
#pragma once

#include <cstddef>

#include "glossary/term_base.h"
#include "tm/lexicon.h"

namespace tandem {

inline constexpr float kApprovedTermWeight = 1.0f;
inline constexpr float kProposedTermWeight = 0.6f;

// Adds the term base's word pairs to `lexicon`; returns how many pairs were added.
std::size_t add_glossary_to_lexicon(TermBase& base, Lexicon& lexicon);

}  // namespace tandem
