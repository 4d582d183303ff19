#include "corpus/document.h"

#include <fmt/format.h>

#include <algorithm>

#include "corpus/language_id.h"
#include "corpus/normalizer.h"
#include "corpus/segmenter.h"

namespace tandem {
namespace {

// Metadata is only looked for at the head of a document, where web extractors put it.
constexpr int kMetadataLines = 3;
// Sentences shorter than this (in bytes) inherit the document's language: identification on a
// handful of words is a guess, and a wrong guess hurts more than it helps.
constexpr std::size_t kMinSentenceForOwnLanguage = 60;
constexpr double kSentenceLanguageConfidence = 0.5;

bool ends_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ')) line.remove_suffix(1);
  if (line.empty()) return true;
  static constexpr std::string_view kEnds[] = {".", "!", "?", ":", ";", "\"", "»", "”", "…", ")"};
  return std::any_of(std::begin(kEnds), std::end(kEnds),
                     [&](std::string_view end) { return line.ends_with(end); });
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// What boilerplate removal took from a paragraph, given the part it kept (a view into it).
std::string dropped_part(std::string_view paragraph, std::string_view kept) {
  if (kept.empty()) return std::string(paragraph);
  std::size_t begin = static_cast<std::size_t>(kept.data() - paragraph.data());
  std::string head(paragraph.substr(0, begin));
  std::string_view tail = paragraph.substr(begin + kept.size());
  if (!head.empty() && !tail.empty()) head += " … ";
  head += tail;
  return head;
}

}  // namespace

std::string content_hash(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

std::vector<std::string> split_paragraphs(std::string_view text) {
  // Group lines into blocks separated by blank lines.
  std::vector<std::vector<std::string_view>> blocks(1);
  for (std::string_view line : lines_of(text)) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
  }
  std::vector<std::string> paragraphs;
  for (const auto& block : blocks) {
    if (block.empty()) continue;
    // A block is hard-wrapped when every line but the last stops mid-sentence and the lines
    // are long enough to be wrapped prose rather than a list of titles.
    bool wrapped = block.size() > 1;
    for (std::size_t i = 0; wrapped && i + 1 < block.size(); ++i) {
      wrapped = !ends_sentence(block[i]) && block[i].size() >= 40;
    }
    if (wrapped) {
      std::string joined;
      for (std::string_view line : block) {
        if (!joined.empty()) joined += ' ';
        joined += line;
      }
      paragraphs.push_back(std::move(joined));
    } else {
      for (std::string_view line : block) paragraphs.emplace_back(line);
    }
  }
  return paragraphs;
}

struct DocumentParser::Impl {
  LanguageIdentifier identifier;
  Segmenter french{Lang::fr};
  Segmenter english{Lang::en};

  Segmenter& segmenter_for(Lang lang) { return lang == Lang::en ? english : french; }
};

DocumentParser::DocumentParser() : impl_(std::make_unique<Impl>()) {}
DocumentParser::~DocumentParser() = default;
DocumentParser::DocumentParser(DocumentParser&&) noexcept = default;
DocumentParser& DocumentParser::operator=(DocumentParser&&) noexcept = default;

Document DocumentParser::parse_file(const std::string& path, const ParseOptions& options) {
  return parse_text(read_text_file(path, ReadOptions{options.replace_invalid}), path, options);
}

Document DocumentParser::parse_text(DecodedText decoded, const std::string& path,
                                    const ParseOptions& options) {
  Document doc;
  doc.path = path;
  doc.encoding = decoded.encoding;
  doc.warnings = std::move(decoded.warnings);
  doc.content_hash = content_hash(decoded.utf8);

  if (options.lang) {
    doc.lang = *options.lang;
    doc.lang_confidence = 1.0;
  } else {
    LanguageGuess guess = impl_->identifier.identify(decoded.utf8);
    doc.lang = guess.lang;
    doc.lang_confidence = guess.confidence;
    if (guess.lang == Lang::und) {
      doc.warnings.push_back("language not recognised as French or English; use --lang");
    }
  }

  NormalizeStats stats;
  std::string text = normalize_text(decoded.utf8, doc.lang, &stats);
  doc.apostrophes_repaired = stats.apostrophes_repaired;

  // Metadata first (it may prefix a line of text), then boilerplate judged on the whole
  // document, since footer rules need to know where the prose ends.
  std::vector<std::string> paragraphs = split_paragraphs(text);
  std::vector<std::string_view> bodies(paragraphs.begin(), paragraphs.end());
  for (std::size_t index = 0; index < bodies.size() && index < kMetadataLines; ++index) {
    while (auto meta = parse_metadata_prefix(bodies[index])) {
      if (meta->field.key == "date" && !doc.date)
        doc.date = meta->field.normalized.empty() ? meta->field.value : meta->field.normalized;
      doc.metadata.push_back(meta->field);
      bodies[index].remove_prefix(meta->rest_begin);
      if (bodies[index].empty()) break;
    }
  }
  std::vector<std::string_view> judged;
  std::vector<std::size_t> source_index;
  for (std::size_t index = 0; index < bodies.size(); ++index) {
    if (bodies[index].empty()) continue;
    judged.push_back(bodies[index]);
    source_index.push_back(index);
  }
  BoilerplateDetector detector;
  std::vector<BoilerplateVerdict> verdicts = detector.judge_document(judged, doc.lang);

  Segmenter& segmenter = impl_->segmenter_for(doc.lang);
  int kept_paragraphs = 0;
  for (std::size_t i = 0; i < judged.size(); ++i) {
    std::string_view paragraph = judged[i];
    const BoilerplateVerdict& verdict = verdicts[i];
    std::string_view kept = paragraph;
    if (verdict.is_boilerplate) {
      kept = verdict.kept(paragraph);
      doc.boilerplate.push_back(
          {static_cast<int>(source_index[i]), dropped_part(paragraph, kept), verdict.reason});
      if (kept.empty()) continue;
    }
    for (const SentenceSpan& span : segmenter.split(kept)) {
      Sentence sentence{std::string(kept.substr(span.begin, span.end - span.begin)),
                        kept_paragraphs, doc.lang};
      if (sentence.text.size() >= kMinSentenceForOwnLanguage) {
        LanguageGuess guess = impl_->identifier.identify(sentence.text);
        if (guess.lang != Lang::und && guess.confidence >= kSentenceLanguageConfidence)
          sentence.lang = guess.lang;
      }
      doc.sentences.push_back(std::move(sentence));
    }
    ++kept_paragraphs;
  }
  return doc;
}

}  // namespace tandem
