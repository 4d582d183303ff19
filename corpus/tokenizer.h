// Word tokenisation for matching (alignment, mining, TM lookup, term extraction).
//
// Built on ICU's word BreakIterator, with the language-specific rules ICU lacks: French
// elisions split off (l', d', qu', jusqu', lorsqu', puisqu' ... → their own token), hyphenated
// compounds kept as one token (porte-parole, anti-drone), numbers kept whole with their inner
// spaces, points and commas ("50 000", "3.5", "1,000,000"). Each token carries a matching key
// (case-folded, accents removed, typographic apostrophes folded) and a Snowball stem of that key.
//
// Choices: an elided article keeps its apostrophe ("l’avion" → "l’" key "l'", "avion"); an
// English "'s" is its own token ("Russia's" → "Russia", "'s"), other contractions stay whole
// ("don't"); dotted abbreviations keep their final point ("U.S.", "e.g."); "50 %" and "50%"
// give a Number and a Symbol; digits grouped by a space, NBSP or narrow NBSP join when each
// later group has exactly three digits ("1 200 000", but "2019 200" stays two numbers).
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
  std::string text;  // as written (NFC)
  std::string key;   // folded: lower case, no accents, ’ → ', for matching
  std::string stem;  // Snowball stem of key in the token's language (key itself for non-words
                     // and with Stems::none)
  TokenKind kind = TokenKind::Word;
  std::size_t begin = 0;  // byte offsets in the input
  std::size_t end = 0;
};

// Stems::none leaves Token::stem equal to the key, for callers that stem each distinct word
// themselves (corpus/stemmer.h), e.g. on another thread.
enum class Stems { snowball, none };

class Tokenizer {
 public:
  explicit Tokenizer(Lang lang, Stems stems = Stems::snowball);
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

// A number's value written canonically, so numbers match across the two typographies: group
// separators dropped and the decimal mark made a point ("50 000" fr and "50,000" en → "50000";
// "3,5" fr and "3.5" en → "3.5"). With Lang::und a separator before exactly three digits is
// taken as grouping. Non-digit characters are kept as they are.
std::string canonical_number(std::string_view text, Lang lang);

}  // namespace tandem
