// Recognising the lines of a web article that are not its text: bylines ("By John", "Photo of
// author"), image caption markers ("Image:") and the short caption after them, "Lire la suite",
// "Retour en haut de la page", copyright lines, breadcrumbs ("Vous êtes ici: Accueil » …"),
// comment-policy notices, "Article similaire …" / "À LIRE AUSSI" teasers, reading-time lines
// ("·1 min de lecture"), share/follow/subscribe prompts, cookie notices, advertisement labels,
// photo credits, tags, lines that are only a URL or only punctuation, lines repeated verbatim
// (a headline printed twice), and a signature or slogan in the footer after the article's last
// paragraph of prose.
//
// The decision is per paragraph (one non-empty line of normalize_text's output) and recorded
// with its reason, so what was dropped can be shown to the user rather than silently lost.
// The rules are a table of patterns matched on the folded paragraph (typography folded, case
// and accents removed); French and English rules always both apply, since sites mix them.
//
// Metadata prefixes (" date 2023-05 <text>", "Date: 22/05/2023", "Publié le 22 mai 2023",
// "Author: ...") are recognised separately: they become document metadata, and any text after a
// date stays text.
//
// Thread-safety: the free functions may be called from any thread; a BoilerplateDetector holds
// one document's state and must not be shared between threads.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "corpus/language.h"

namespace tandem {

struct MetadataField {
  std::string key;    // lower case: "date", "updated", "author", "title", "source", "url", ...
  std::string value;  // as written, trimmed
  // For dates: "2023-05-22", "2023-05" or "2023" when the value could be read; else empty.
  std::string normalized;
};

struct MetadataMatch {
  MetadataField field;
  // Byte offset in the line where the text after the metadata starts (spaces skipped);
  // line.size() when the whole line was metadata.
  std::size_t rest_begin = 0;
};

// Metadata at the start of a line, if the line starts with some. A date ("date 2023-05",
// "Publié le 22 mai 2023 à 10h05", "Published: May 22, 2023") may be followed by text, which
// starts at rest_begin; a labelled field ("Author: X", "Auteur : X", "Source: X", "Title: X")
// takes the rest of the line. Meant for the head of a document (and a labelled field anywhere).
std::optional<MetadataMatch> parse_metadata_prefix(std::string_view line);

struct BoilerplateVerdict {
  // True when anything goes: the whole paragraph, or a part of it (see keep_begin/keep_end).
  bool is_boilerplate = false;
  // Short and stable, for display: no-text, url, reading-time, teaser, read-more, copyright,
  // byline, image (the "Image:" marker), caption, photo-credit, credit ("(Avec AFP)"),
  // advertisement, share, follow, navigation, back-to-top, subscribe, paywall, cookies,
  // dateline, comments, tags, promo, audio-player, repeat; and from judge_document only:
  // signature, footer.
  std::string reason;
  // The byte range of the paragraph to keep. [0, npos) when nothing goes; empty (0, 0) when
  // the whole paragraph goes; a part when boilerplate only starts a paragraph
  // ("3 min de lecture <text>") or ends it ("<text> Lire la suite").
  std::size_t keep_begin = 0;
  std::size_t keep_end = std::string::npos;

  bool drops_all() const { return is_boilerplate && keep_begin >= keep_end; }
  // The text to keep from `paragraph` (the one judged): empty when all of it goes.
  std::string_view kept(std::string_view paragraph) const {
    if (drops_all() || keep_begin >= paragraph.size()) return {};
    return paragraph.substr(keep_begin, keep_end - keep_begin);
  }
};

class BoilerplateDetector {
 public:
  // Judges one paragraph of a document, in order; it remembers earlier paragraphs to catch
  // repeats and captions, so use one detector per document. Only rules that need no look-ahead.
  // `lang` is the document's language; the rules of both languages apply whatever it is.
  BoilerplateVerdict judge(std::string_view paragraph, Lang lang);

  // Judges a whole document's paragraphs (fresh state): judge() on each in order, then the
  // rules that need the whole document — a short unpunctuated line in the footer (after the
  // last paragraph of prose): a name-only line is a "signature", any other short line
  // followed by boilerplate is "footer" (a site slogan). Prefer this when the document is
  // at hand.
  std::vector<BoilerplateVerdict> judge_document(std::span<const std::string_view> paragraphs,
                                                 Lang lang);

 private:
  std::unordered_set<std::string> seen_;  // repeat keys of the paragraphs judged so far
  bool caption_expected_ = false;         // the previous paragraph was an image marker ("Image:")
};

}  // namespace tandem
