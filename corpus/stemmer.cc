#include "corpus/stemmer.h"

#include <libstemmer.h>

#include "corpus/error.h"

namespace tandem {

Stemmer::Stemmer(Lang lang) {
  if (lang == Lang::und) return;
  const char* name = lang == Lang::fr ? "french" : "english";
  stemmer_.reset(sb_stemmer_new(name, "UTF_8"));
  if (!stemmer_) throw Error(std::string("cannot create the Snowball stemmer for ") + name);
}

std::string Stemmer::operator()(std::string_view key) const {
  if (!stemmer_) return std::string(key);
  const sb_symbol* s = sb_stemmer_stem(
      stemmer_.get(), reinterpret_cast<const sb_symbol*>(key.data()), static_cast<int>(key.size()));
  if (!s) return std::string(key);  // out of memory inside Snowball: the key is the best guess
  return std::string(reinterpret_cast<const char*>(s),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
}

void Stemmer::Delete::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

}  // namespace tandem
