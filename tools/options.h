// Small helpers for option values shared by several subcommands.
#pragma once

#include <optional>
#include <string>

#include "corpus/language.h"

namespace tandem::cli {

// "fr" / "en" → that language; "auto" (or empty) → detect.
inline std::optional<Lang> parse_lang_option(const std::string& value) {
  if (value.empty() || value == "auto") return std::nullopt;
  return lang_from_tag(value);
}

}  // namespace tandem::cli
