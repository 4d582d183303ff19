// How much a string looks like a word of a language: a letter-trigram model of the language's
// vocabulary. Text pulled out of PDFs carries strings no writer produced ("lphqvlrqqhphqw", a
// font's shifted code points; "ĳstock" ligature debris); their letter sequences are rare in any
// lexicon, while real domain words ("anémomètre", "onduleur") are spelled like the language.
//
// Words are scored on their folded keys (lower case, no accents) as bytes, each vocabulary word
// counted once whatever its frequency, so a few very frequent words do not shape the model.
//
// Thread-safety: immutable after training; const methods may be called from several threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace tandem {

class LetterModel {
 public:
  // Counts the trigrams of one vocabulary word (a folded key).
  void add_word(std::string_view key);

  // Mean log2-probability per letter of `key` (<= 0; about -3 for ordinary words, below -6 for
  // letter soup). 0 for an empty key.
  double log_likelihood(std::string_view key) const;

  std::size_t words() const { return words_; }

 private:
  std::unordered_map<std::uint32_t, std::uint32_t> trigrams_;  // three bytes packed
  std::unordered_map<std::uint32_t, std::uint32_t> contexts_;  // two bytes packed
  std::size_t words_ = 0;
};

}  // namespace tandem
