// Pairs French and English terms, from aligned sentence pairs (pair(): translation units, so
// the glossary proposes "contacts turcs" ↔ "Turkish contacts" with the units that show it) or
// from comparable corpora (pair_comparable(): the same word evidence plus distributional
// evidence, glossary/context_vectors.h, as described at that method).
//
// It takes plain (fr, en, unit id) triples, not the TM store, so any source of sentence pairs
// will do. Both sides are cut into term candidates (glossary/candidate_extractor.h). A French
// and an English candidate seen in the same unit are scored compositionally: every word of each
// must find a translation among the words of the other, by
//  - the same spelling (names, numbers, loanwords),
//  - the FreeDict/user lexicon (tm/lexicon.h), matched on stems so plurals work,
//  - cognates (tm/cognates.h: "militaire" ~ "military"),
//  - co-occurrence of the two words across units (Dice), when they meet at least twice;
// word order is free, so N de N ↔ N N and N A ↔ A N come out the same. The pair's score is that
// coverage, raised by how consistently the two terms occur together (Dice over units). Pairs are
// then linked one-to-one, best first (competitive linking): a term gets one translation unless
// the evidence for another is as strong.
//
// Thread-safety: a TermPairer is not thread-safe (it owns tokenizers).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/context_vectors.h"
#include "tm/lexicon.h"

namespace tandem {

struct AlignedUnit {
  std::string_view fr;
  std::string_view en;
  std::int64_t unit_id = 0;
};

struct TermPair {
  std::string fr;  // lowercased surface forms, as in the text
  std::string en;
  double score = 0;                   // in [0, 1]
  std::uint32_t frequency = 0;        // units where both occur
  std::vector<std::size_t> examples;  // indices into the input units (at most 3)
  std::string fr_display;             // as a person should see them (TermCandidate::display)
  std::string en_display;
  // Comparable pairing: how far the words explain each other one by one (spelling, lexicon,
  // context-neighbour words), without the whole-term context and prominence that `score` adds.
  // 0 when contexts alone proposed the pair.
  double coverage = 0;
};

// A term of a monolingual (comparable) corpus, as the candidate extractor gives it.
struct MonolingualTerm {
  std::string term;
  std::vector<std::string> words;  // folded keys of its content words
  std::vector<std::string> stems;  // their stems
  double weight = 0;               // termhood or frequency: breaks ties between translations
  std::vector<std::string> keys;   // folded keys of all its tokens (finds it in CorpusContexts)
  std::uint32_t frequency = 0;     // occurrences in its corpus; 0 = unknown
};

// The two comparable corpora themselves, for distributional evidence (glossary/context_vectors.h).
struct ComparableContexts {
  const CorpusContexts* fr = nullptr;
  const CorpusContexts* en = nullptr;
};

struct PairerOptions {
  double min_score = 0.55;
  std::size_t max_words = 4;  // content words per term
};

class TermPairer {
 public:
  // `lexicon` may be null (no dictionary evidence); it must outlive the pairer.
  explicit TermPairer(const Lexicon* lexicon, PairerOptions options = {});
  ~TermPairer();
  TermPairer(TermPairer&&) noexcept;
  TermPairer& operator=(TermPairer&&) noexcept;

  // Pairs, best first, one-to-one.
  std::vector<TermPair> pair(std::span<const AlignedUnit> units);

  // Comparable corpora (no aligned units): for each French term, up to `per_term` English terms
  // of the other corpus by compositional word evidence (spelling, lexicon, cognates), best
  // first; near-ties go to the English term ranked higher in its corpus. Grouped by French term in
  // input order. Frequency fields are 0 and examples empty.
  //
  // With the corpora (`contexts`, both sides), distributional evidence joins in: French context
  // vectors translated through a seed lexicon (the dictionary, identical spellings, cognates)
  // are compared with English ones (cosine). It proposes word translations no dictionary has
  // (single-word terms, and words inside multi-word terms, which are then translated
  // compositionally), ranks the candidates of a term by how alike their contexts are, and
  // prefers English terms about as frequent in their corpus as the French one in its own (all
  // inflections counted together) and not mere fragments of one longer English term. A word
  // translation (dictionary or look-alike) whose contexts differ from the French word's is
  // doubted, and context neighbours are offered in its place ("pale" → "blade", not "page").
  // Of the variants of one English term ("wind farm", "wind farms"), the one agreeing in number
  // with the French term comes first, then the most frequent.
  std::vector<TermPair> pair_comparable(std::span<const MonolingualTerm> fr,
                                        std::span<const MonolingualTerm> en,
                                        std::size_t per_term = 5, ComparableContexts contexts = {});

  // Translation evidence in [0, 1] between a French and an English word, given as folded key
  // and stem. Without co-occurrence counts (which pair() adds) this is the spelling, lexicon and
  // cognate evidence alone.
  double word_evidence(std::string_view fr_key, std::string_view fr_stem, std::string_view en_key,
                       std::string_view en_stem);

 private:
  // Spelling, lexicon and cognate evidence, not memoised; and co-occurrence evidence learned
  // by pair(). word_evidence() is the better of the two.
  double static_evidence(std::string_view fr_key, std::string_view fr_stem, std::string_view en_key,
                         std::string_view en_stem);
  double learned_evidence(std::string_view fr_stem, std::string_view en_stem);
  double in_lexicon(std::string_view fr_key, std::string_view fr_stem, std::string_view en_key,
                    std::string_view en_stem);
  const std::string& stem_of(Lang lang, const std::string& key);
  class WordTranslations;  // comparable pairing's word translation table (term_pairer.cc)

  const Lexicon* lexicon_;
  PairerOptions options_;
  struct Cache;
  std::unique_ptr<Cache> cache_;
};

}  // namespace tandem
