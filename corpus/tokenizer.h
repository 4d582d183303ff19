// Word tokenisation for matching (alignment, mining, TM lookup, term extraction).
//
// Built on ICU's word BreakIterator, with the language-specific rules ICU lacks: French
// elisions split off (l', d', qu', jusqu', lorsqu', puisqu' ... → their own token), hyphenated
// compounds kept as one token (porte-parole, anti-drone), numbers kept whole with their inner
// spaces, points and commas ("50 000", "3.5", "1,000,000"). Each token carries a matching key
// (case-folded, accents removed, typographic apostrophes folded) and a Snowball stem of that key.
//
// Thread-safety: a Tokenizer is not thread-safe (it owns ICU iterators); make one per thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/language.h"

namespace tandem {

enum class TokenKind { Word, Number, Punct, Symbol };

struct Token {
  std::string text;   // as written (NFC)
  std::string key;    // folded: lower case, no accents, ’ → ', for matching
  std::string stem;   // Snowball stem of key in the token's language (key itself for non-words)
  TokenKind kind = TokenKind::Word;
  std::size_t begin = 0;  // byte offsets in the input
  std::size_t end = 0;
};

class Tokenizer {
 public:
  explicit Tokenizer(Lang lang);
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  Lang lang() const;
  // Every token of the text, punctuation included, in order. Whitespace is never a token.
  std::vector<Token> tokenize(std::string_view text);
  // Only Word and Number tokens: what matching code usually wants.
  std::vector<Token> words(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Case- and accent-folded form of a string: "Élysée’s" → "elysee's". Used for matching keys
// everywhere, so the TM, glossary and aligner agree on what "the same word" is.
std::string fold_key(std::string_view text);

}  // namespace tandem
