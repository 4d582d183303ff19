// Snowball stems (libstemmer) of folded keys: "maisons" → "maison", "organisait" → "organis",
// "houses" → "hous". The tokenizer stems its words with it, and code that stems words later
// (dictionary entries, a vocabulary stemmed once per word) uses the same one, so that stems
// computed either way meet.
//
// Thread-safety: a Stemmer is not thread-safe (Snowball keeps its state in the stemmer object);
// make one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "corpus/language.h"

struct sb_stemmer;

namespace tandem {

class Stemmer {
 public:
  // Lang::und has no stemmer: every key is its own stem.
  explicit Stemmer(Lang lang);

  // The stem of a folded key (tandem::fold_key).
  std::string operator()(std::string_view key) const;

 private:
  struct Delete {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, Delete> stemmer_;
};

}  // namespace tandem
