// Sentence segmentation: ICU's sentence BreakIterator, corrected by per-language exceptions
// ICU does not know. No break after French/English abbreviations and titles (M. Kirby, Mme,
// Dr, St., etc., p. ex., U.S., initials as in J. Watson), inside numbers (50 000, 3.5), or
// before a closing quote or guillemet that follows the full stop; ellipses handled.
//
// Thread-safety: not thread-safe (owns an ICU iterator); one per thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/language.h"

namespace tandem {

struct SentenceSpan {
  std::size_t begin = 0;  // byte offsets into the paragraph, trimmed of surrounding whitespace
  std::size_t end = 0;
};

class Segmenter {
 public:
  explicit Segmenter(Lang lang);
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  // Splits one paragraph (no blank lines inside) into sentences.
  std::vector<SentenceSpan> split(std::string_view paragraph);
  // Convenience: the sentence texts themselves.
  std::vector<std::string> sentences(std::string_view paragraph);
  // Calls visit(sentence) for every sentence of a text, line by line (a line is a paragraph:
  // web text may hold a whole page on one), in order; the views point into `text`.
  void for_each_sentence(std::string_view text, const std::function<void(std::string_view)>& visit);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem
