// Sentence alignment of a translated document pair: monotonic beads (1-1, 1-0, 0-1, 2-1, 1-2,
// 2-2, 3-1, 1-3) that cover every sentence once, each with a confidence in [0, 1].
//
// How: both sides are tokenised and registered in SentenceFeatures (dictionary, identical
// tokens, cognates). Anchor points (words that occur once per side and surely translate each
// other) give a skeleton path; a dynamic programme runs in a band around it, so memory and time
// grow linearly with the document (band width adapts to the length difference between
// anchors, up to AlignOptions::max_band). A bead's log-score adds its type prior, the lexical
// log-likelihood ratio and a Gale–Church length term whose ratio and variance come from the
// document itself. A second pass learns a lexicon from the confident 1-1 beads of the first
// (IBM Model 1, filtered), re-estimates the document's match rate and length model, and
// realigns in a narrower band around the first path.
//
// Score: for a link bead, the logistic of its evidence (lexical + length log-likelihood ratio),
// so it reads as the probability that the bead is a true translation and is comparable across
// documents; omissions (1-0, 0-1) score 0, i.e. always worth a look.
//
// Bad input never throws: an empty side gives all omissions, a side in the wrong language or of
// very different length still gives a valid alignment, with warnings in Alignment::warnings.
//
// Speed: with two cores, a SentenceAligner tokenises the two sides, links the two vocabularies
// and scores the DP cells on two threads (tm/parallel.h); every number is computed by the same
// code as with one thread, and the results are combined in a fixed order, so the alignment is
// bit-identical whatever the thread count.
//
// Thread-safety: align_sentences is reentrant (it builds its own tokenizers); the lexicon is
// only read.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "tm/lexicon.h"

namespace tandem {

struct Bead {
  std::uint32_t fr_begin = 0, fr_count = 0;  // French sentences [fr_begin, fr_begin + fr_count)
  std::uint32_t en_begin = 0, en_count = 0;
  double score = 0.0;
};

struct AlignOptions {
  bool learn = true;  // second pass with a lexicon learned from the first
  // Half-width of the first pass's band, in sentences, beyond the length difference between
  // consecutive anchors (which covers omissions). 10 and 20 give the same beads on every dev
  // document; 10 scores half the cells.
  std::uint32_t min_band = 10;
  std::uint32_t max_band = 1500;
};

struct Alignment {
  std::vector<Bead> beads;
  std::vector<std::string> warnings;
};

// One document pair in two steps, so that a caller can load only the lexicon entries the
// documents can use: construct (tokenises both sides), load a Lexicon with lexicon_filter(),
// then align().
class SentenceAligner {
 public:
  // `threads`: how many threads it may use (0: default_thread_count(), tm/parallel.h).
  SentenceAligner(std::span<const std::string> fr, std::span<const std::string> en,
                  unsigned threads = 0);
  ~SentenceAligner();
  SentenceAligner(const SentenceAligner&) = delete;
  SentenceAligner& operator=(const SentenceAligner&) = delete;

  // Keeps the dictionary pairs whose French and English sides both share a word beginning with
  // a word of these documents (any other pair cannot link two of their words). Self-contained:
  // it may outlive this object.
  Lexicon::EntryFilter lexicon_filter() const;
  // The matching filter for read_freedict() on a dictionary with headwords in `headword_lang`.
  HeadwordFilter headword_filter(Lang headword_lang) const;
  // The same for a cached dictionary (tm/freedict_cache.h, Lexicon::add_freedict).
  HeadwordPrefixFilter headword_prefix_filter(Lang headword_lang) const;

  // `lexicon` may be null; it is only read, and need not outlive the call.
  Alignment align(const Lexicon* lexicon, const AlignOptions& options = {});

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Aligns French sentences with English sentences (one segment each). `lexicon` may be null.
Alignment align_sentences(std::span<const std::string> fr, std::span<const std::string> en,
                          const Lexicon* lexicon, const AlignOptions& options = {});

}  // namespace tandem
