// Term candidates without a part-of-speech tagger: word sequences between punctuation and
// function words, as a terminologist would underline them.
//
// A candidate is one to `max_tokens` tokens that starts and ends with a content word (not a
// function word, not a bare number, at least two characters), never crosses punctuation, and may
// hold inside it only the linking words terms use: French de/du/des/d'/à/au/aux/en/pour/sur (and
// an article right after de/à: "production de l'électricité"), English of/and. Elided
// articles split off by the tokenizer ("l'éolienne") are boundaries, so the candidate is
// "éolienne". A candidate is identified by its surface form lowercased, as written
// ("étude d'impact"), the convention of the ACTER gold lists.
//
// The extractor also counts every content word by stem: termhood needs them for specificity and
// association.
//
// Thread-safety: not thread-safe (owns a Tokenizer); one per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/language.h"
#include "corpus/segmenter.h"
#include "corpus/tokenizer.h"

namespace tandem {

struct TermCandidate {
  std::string term;                     // lowercased surface form, single spaces
  std::vector<std::string> stems;       // stems of its content words, in order
  std::vector<std::string> words;       // folded keys of its content words, in order
  std::vector<std::string> keys;        // folded keys of all its tokens, in order
  std::size_t token_count = 0;          // tokens including inner linking words
  std::uint32_t frequency = 0;          // occurrences in the corpus
  std::vector<std::int64_t> documents;  // distinct documents it occurs in, in first-seen order
  std::int64_t example_document = -1;   // first occurrence
  std::int64_t example_sentence = -1;   // caller's sentence id of the first occurrence
  std::string example_text;       // that sentence's text (around the term if the line is very long)
  std::uint32_t capitalised = 0;  // occurrences whose first letter is upper case
  // Occurrences capitalised away from a sentence start (names, titled terms), and occurrences
  // with a word in capitals ("SCADA", "EU"): evidence of acronyms and named entities.
  std::uint32_t capitalised_inside = 0;
  std::uint32_t with_capitals_word = 0;
  // Occurrences with a long word in capitals ("INTRODUCTION", "SURGXFWLRQ"): headings and PDF
  // debris rather than acronyms, which are short.
  std::uint32_t with_long_capitals_word = 0;
  // Occurrences right before an acronym in parentheses that abbreviates it ("modulation de
  // largeur d'impulsion (MLI)"), and occurrences as such an acronym: writers define their terms.
  std::uint32_t before_own_acronym = 0;
  std::uint32_t as_defined_acronym = 0;
  std::string cased;  // as written where capitalised away from a sentence start ("Hélène Carrel")
  // Where its occurrences sit, the syntax a tagger would give: right after a determiner ("the",
  // "une": a noun phrase starts here), and glued to a content word on the left or the right (a
  // fragment of a longer phrase: "stockage court" in "stockage court terme").
  std::uint32_t after_determiner = 0;
  std::uint32_t left_open = 0;
  std::uint32_t right_open = 0;

  // How a person should see the term: as written when it is mostly capitalised mid-sentence
  // (a name, an acronym), else the lower-case form. `term` stays the matching form.
  const std::string& display() const {
    return !cased.empty() && 2 * capitalised_inside >= frequency ? cased : term;
  }
};

struct CandidateOptions {
  std::size_t max_tokens = 5;
};

class CandidateExtractor {
 public:
  explicit CandidateExtractor(Lang lang, CandidateOptions options = {});

  // Adds one sentence (or paragraph: candidates never cross punctuation) of `document`.
  // `sentence_id` is the caller's id, kept for the first occurrence of each candidate.
  // Returns the candidates found in it (indices into candidates(), each once).
  std::vector<std::size_t> add_sentence(std::string_view text, std::int64_t document,
                                        std::int64_t sentence_id = -1);

  // Adds a whole text of `document`, sentence by sentence (Segmenter::for_each_sentence).
  void add_document(std::string_view text, std::int64_t document);

  const std::vector<TermCandidate>& candidates() const { return candidates_; }
  // Occurrences of a content-word stem, and of all content words.
  std::uint32_t stem_frequency(std::string_view stem) const;
  std::uint64_t content_words() const { return content_words_; }
  // Share of a stem's occurrences right after a subject pronoun, auxiliary, modal or "to"/"se":
  // how often the corpus itself uses the word as a verb (no tagger needed).
  double verb_share(std::string_view stem) const;
  std::size_t document_count() const { return documents_seen_; }
  Lang lang() const { return lang_; }

 private:
  Lang lang_;
  CandidateOptions options_;
  Tokenizer tokenizer_;
  Segmenter segmenter_;
  std::vector<TermCandidate> candidates_;
  std::unordered_map<std::string, std::size_t> index_;  // term → position in candidates_
  std::unordered_map<std::string, std::uint32_t> stem_frequency_;
  std::unordered_map<std::string, std::uint32_t> verb_contexts_;
  std::uint64_t content_words_ = 0;
  std::size_t documents_seen_ = 0;
  std::int64_t last_document_ = -1;
};

// Function words of a language (folded keys): never the first or last word of a term.
bool is_function_word(Lang lang, std::string_view key);
// The function words allowed inside a term ("de", "of", ...).
bool is_linking_word(Lang lang, std::string_view key);
// Whether `acronym` ("MLI", "HAWT") abbreviates `long_form` ("modulation de largeur
// d'impulsion", "horizontal-axis wind turbine"), both folded keys: its letters and digits are
// found in order in the long form, the first one starting its first word (Schwartz & Hearst
// 2003, "A simple algorithm for identifying abbreviation definitions in biomedical text").
bool abbreviates(std::string_view acronym, std::string_view long_form);
// Lower case of UTF-8 text by Unicode rules ("ÉOLIENNE" → "éolienne").
std::string lower_case(std::string_view text);
// A term as candidates are identified (TermCandidate::term): lower case, each run of white space
// one space, none at the ends ("Étude  d'impact " → "étude d'impact").
std::string term_form(std::string_view text);

}  // namespace tandem
