// General-language word frequencies: the "ordinary text" side of termhood. A word that is much
// more frequent in the user's corpus than in general language is likely to belong to the domain.
//
// The tables are TermSuite's general-language frequency files (data/general-language/, Apache-2.0,
// see its README): `lemma::POS::count` lines after a `__NB_CORPUS_WORDS__::option::N` header.
// Single-word lemmas are indexed by the Snowball stem of their folded key (the same stem
// tandem::Tokenizer gives a Token), so inflected forms in the corpus find their lemma's count.
// Multi-word entries are general-language phrases and are kept by their folded stems too.
//
// Thread-safety: immutable after loading; const methods may be called from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "corpus/language.h"
#include "glossary/letter_model.h"

namespace tandem {

class GeneralFrequencies {
 public:
  // Reads a table; throws tandem::Error with the file and line on malformed input.
  static GeneralFrequencies load(const std::string& path, Lang lang);
  // The table bundled with Tandem for `lang` (fr or en), from data_dir() (corpus/data_files.h),
  // completed with the headwords of the installed FreeDict dictionary of that language when
  // present.
  static GeneralFrequencies load_bundled(Lang lang);

  // The frequency table has holes (no "value", "new", "valeur"), and a general word missing from
  // it would look like a domain word. Every headword of a general dictionary (a dictd .index
  // file) not in the table is given `assumed_count`. Returns false if the file is missing.
  bool add_dictionary_headwords(const std::string& index_path, Lang lang,
                                std::uint64_t assumed_count);

  // Adds occurrences of a space-joined stem sequence.
  void add(std::string_view stems, std::uint64_t count);
  // Occurrences of a stem (single words) or of space-joined stems (phrases) in the general
  // corpus; 0 when unseen.
  std::uint64_t count(std::string_view stems) const;
  // Number of running words in the general corpus (never 0).
  // Whether the table lists the stem only as an adjective or adverb (never a noun): such a word
  // alone is rarely a term.
  bool only_modifier(std::string_view stem) const;
  // Whether the table lists the stem as a noun (dictionary headwords carry no part of speech).
  bool is_noun(std::string_view stem) const;
  std::uint64_t corpus_words() const { return corpus_words_; }
  std::size_t size() const { return counts_.size(); }
  // The spelling of the table's (and dictionary's) single words, as a letter model.
  const LetterModel& letters() const { return letters_; }

 private:
  std::unordered_map<std::string, std::uint64_t> counts_;
  std::unordered_map<std::string, unsigned> parts_of_speech_;  // bit 1: noun, bit 2: other
  std::uint64_t corpus_words_ = 1;
  LetterModel letters_;
};

}  // namespace tandem
