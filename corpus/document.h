// A document as the corpus stage delivers it: text read and repaired, metadata lifted out,
// boilerplate set aside (with reasons), language identified, sentences split.
//
//   bytes → decode_text → identify language → normalize_text → paragraphs
//         → metadata prefix / boilerplate verdicts → sentences (per-language segmenter)
//
// A DocumentParser owns the ICU and textcat objects the stages need, so reuse one for many
// files. Not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/boilerplate.h"
#include "corpus/language.h"
#include "corpus/text_reader.h"

namespace tandem {

struct Sentence {
  std::string text;   // repaired, NFC; typography kept
  int paragraph = 0;  // 0-based paragraph of the kept text
  Lang lang = Lang::und;
};

struct DroppedParagraph {
  int paragraph = 0;  // 0-based paragraph of the source text
  std::string text;
  std::string reason;
};

struct Document {
  std::string path;
  std::string encoding;
  std::string content_hash;  // of the decoded text; equal content ⇒ equal hash
  Lang lang = Lang::und;
  double lang_confidence = 0.0;
  std::vector<MetadataField> metadata;
  std::optional<std::string> date;  // the "date" metadata, when present
  std::vector<Sentence> sentences;
  std::vector<DroppedParagraph> boilerplate;
  std::vector<std::string> warnings;
  int apostrophes_repaired = 0;
};

struct ParseOptions {
  std::optional<Lang> lang;      // forced language; detected when absent
  bool replace_invalid = false;  // see ReadOptions
};

class DocumentParser {
 public:
  DocumentParser();
  ~DocumentParser();
  DocumentParser(DocumentParser&&) noexcept;
  DocumentParser& operator=(DocumentParser&&) noexcept;

  Document parse_file(const std::string& path, const ParseOptions& options = {});
  Document parse_text(DecodedText text, const std::string& path, const ParseOptions& options = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits normalised text into paragraphs: a non-empty line is a paragraph, except in blocks
// that are hard-wrapped (lines broken inside sentences), whose lines are joined.
std::vector<std::string> split_paragraphs(std::string_view text);

// FNV-1a 64-bit hash in hex. Identity of content, not a security measure; a hand-written
// ten lines because none of the project's libraries exposes a plain content hash.
std::string content_hash(std::string_view text);

}  // namespace tandem
