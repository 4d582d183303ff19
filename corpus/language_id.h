// Language identification with libexttextcat (n-gram text categorisation, the library behind
// LibreOffice's language guessing), restricted to the question Tandem asks: French, English,
// or something else, with a confidence.
//
// Thread-safety: a LanguageIdentifier is not thread-safe; make one per thread.
#pragma once

#include <memory>
#include <string_view>

#include "corpus/language.h"

namespace tandem {

struct LanguageGuess {
  Lang lang = Lang::und;
  double confidence = 0.0;  // 0..1: how clearly the winner beats the runner-up
};

class LanguageIdentifier {
 public:
  LanguageIdentifier();  // throws tandem::Error if the language models cannot be loaded
  ~LanguageIdentifier();
  LanguageIdentifier(LanguageIdentifier&&) noexcept;
  LanguageIdentifier& operator=(LanguageIdentifier&&) noexcept;

  // Works on a document or on one short sentence.
  LanguageGuess identify(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem
