#include "corpus/language.h"

#include <cctype>
#include <string>

namespace tandem {

std::optional<Lang> lang_from_tag(std::string_view tag) {
  std::string primary;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (primary == "fr" || primary == "fra" || primary == "fre") return Lang::fr;
  if (primary == "en" || primary == "eng") return Lang::en;
  if (primary == "und") return Lang::und;
  return std::nullopt;
}

}  // namespace tandem
