// Document pairing: which French and English documents of a corpus report the same events,
// and whether a pair is a translation (to be aligned monotonically) or comparable (to be mined).
//
// Every document is keyed once (cross_lingual_keys.h). A pair's evidence:
//   * lexical overlap of the two documents in the match space (translated content words,
//     cognates, identical names, numbers), weighted by rarity across the corpus;
//   * the sentence pairs the miner finds between them (bitext_miner.h);
//   * time proximity when both carry a date (documents.doc_date, "YYYY-MM[-DD]").
// score ∈ [0, 1]. A pair is a translation when the mined links cover most sentences of both
// sides in order, comparable when it shares enough (links or overlap), unrelated otherwise.
// Pairs are mined only for each document's best candidates by overlap, so the cost stays near
// linear in the number of documents for a corpus of unrelated material.
//
// Thread-safety: not thread-safe (one DocumentPairer per thread).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tm/bitext_miner.h"
#include "tm/lexicon.h"

namespace tandem {

struct PairingDocument {
  std::int64_t id = 0;
  Lang lang = Lang::und;
  std::vector<std::string> sentences;
  std::optional<std::string> date;  // "YYYY-MM" or "YYYY-MM-DD..."
};

enum class PairKind { translation, comparable, unrelated };
std::string_view to_string(PairKind kind);

struct TermMatch {
  std::string fr, en;  // folded words
  float weight = 0.0f;
};

struct DocumentPairEvidence {
  std::vector<std::string> entities;  // names and other words written alike in both languages
  std::vector<std::string> numbers;
  std::vector<TermMatch> terms;  // translated content words, strongest first
  double overlap = 0.0;          // lexical similarity of the documents, [0, 1]
  double date_factor = 1.0;      // 1 when undated or same month
};

struct DocumentPair {
  std::size_t fr = 0, en = 0;  // indices in the input span
  double score = 0.0;
  PairKind kind = PairKind::unrelated;
  std::vector<ScoredPair> links;  // mined sentence pairs (sentence indices), best first
  DocumentPairEvidence evidence;
};

struct PairingOptions {
  MinerOptions miner;
  std::size_t mine_top = 5;  // mined candidates per document (by overlap)
  // Margin for a sentence link inside a document pair: lower than the pool threshold, because
  // two documents on the same events are far likelier to share translated sentences than two
  // random sentences of a pool (set on the seeds; the pool threshold is set on the dev pools).
  float link_threshold = 0.42f;
  double translation_coverage = 0.55;  // share of both sides linked for a translation
  double comparable_min_score = 0.15;
  std::size_t max_terms = 12;
};

class DocumentPairer {
 public:
  // `lexicon` must outlive the pairer.
  explicit DocumentPairer(const Lexicon& lexicon) : DocumentPairer(lexicon, PairingOptions{}) {}
  DocumentPairer(const Lexicon& lexicon, PairingOptions options);
  ~DocumentPairer();

  // Every French × English pair with any evidence, best first. Documents of another language
  // are ignored. When `only` is set, only pairs involving that document index.
  std::vector<DocumentPair> pair(std::span<const PairingDocument> documents,
                                 std::optional<std::size_t> only = std::nullopt);

  CrossLingualKeys& keys() { return keys_; }
  // The keyed sides of a document after pair() (for explain_pair on links).
  const MiningSide& side(std::size_t document) const { return sides_.at(document); }

 private:
  PairingOptions options_;
  CrossLingualKeys keys_;
  std::vector<MiningSide> sides_;
};

}  // namespace tandem
