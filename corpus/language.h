// The languages Tandem works between, and their BCP 47 tags.
#pragma once

#include <optional>
#include <string_view>

namespace tandem {

enum class Lang { fr, en, und };  // und = undetermined / other (BCP 47 "und")

constexpr std::string_view to_tag(Lang lang) {
  switch (lang) {
    case Lang::fr:
      return "fr";
    case Lang::en:
      return "en";
    case Lang::und:
      return "und";
  }
  return "und";
}

// Maps a BCP 47 tag to a language by its primary subtag, case-insensitively:
// "fr", "fr-FR", "FR-ca", "fr_CA" → fr; "en-GB" → en; "und" → und; anything else → nullopt.
std::optional<Lang> lang_from_tag(std::string_view tag);

constexpr Lang other_lang(Lang lang) {
  return lang == Lang::fr ? Lang::en : lang == Lang::en ? Lang::fr : Lang::und;
}

}  // namespace tandem
