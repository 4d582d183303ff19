// Recognising the lines of a web article that are not its text: bylines ("By John", "Photo of
// author"), image caption markers ("Image:"), "Lire la suite", "Retour en haut de la page",
// copyright lines, breadcrumbs ("Vous êtes ici: Accueil » …"), comment-policy notices,
// "Article similaire …" / "À LIRE AUSSI" teasers, reading-time lines ("·1 min de lecture"),
// share/subscribe prompts, and lines repeated verbatim (a headline printed twice).
//
// The decision is per paragraph (a block of text between line breaks) and recorded with its
// reason, so what was dropped can be shown to the user rather than silently lost.
// Metadata lines (" date 2023-05", "Date: 2023-05-22", "Author: ...") are recognised separately:
// they become document metadata, not text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/language.h"

namespace tandem {

struct MetadataField {
  std::string key;    // lower case: "date", "author", "title", "source", ...
  std::string value;  // as written, trimmed
};

// A metadata line at the head of a document, if this line is one.
std::optional<MetadataField> parse_metadata_line(std::string_view line);

struct BoilerplateVerdict {
  bool is_boilerplate = false;
  std::string reason;  // short, stable, for display: "byline", "copyright", "navigation", ...
  // Some boilerplate only starts a paragraph ("Article similaire <teaser>") or ends it
  // ("... [...] Lire la suite"): the byte range of the text to keep, when not the whole.
  std::size_t keep_begin = 0;
  std::size_t keep_end = std::string::npos;
};

class BoilerplateDetector {
 public:
  // Judges one paragraph of a document, in order; it remembers earlier paragraphs to catch
  // repeats, so use one detector per document.
  BoilerplateVerdict judge(std::string_view paragraph, Lang lang);

 private:
  std::vector<std::string> seen_;
};

}  // namespace tandem
