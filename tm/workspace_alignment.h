// `tandem align` as a library call: pair the workspace's French and English documents, align
// the translation pairs with the parallel aligner (sentence_aligner.h), mine the comparable
// ones (bitext_miner.h), and store the sentence pairs as translation units (origin aligned or
// mined, with score and sentence provenance), the document pairs and the learned lexicon —
// all in one transaction.
//
// Thread-safety: none; uses the caller's Database from one thread.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "corpus/database.h"
#include "tm/document_pairing.h"
#include "tm/lexicon.h"

namespace tandem {

struct WorkspaceAlignOptions {
  // Explicit (fr document id, en document id) pairs; empty = every pair the pairer finds.
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
  double min_score = 0.15;  // document pairs below are not aligned (ignored for explicit pairs)
  PairingOptions pairing;
};

struct AlignedDocumentPair {
  std::int64_t fr_document = 0, en_document = 0;
  PairKind kind = PairKind::unrelated;
  double score = 0.0;
  std::size_t units = 0;  // sentence pairs stored
};

struct WorkspaceAlignResult {
  std::vector<AlignedDocumentPair> pairs;
  std::size_t units_inserted = 0;
  std::size_t learned = 0;
};

// The TM score of a mined pair, in [0, 1): margin / (margin + threshold), so a pair at the
// mining threshold scores 0.5.
double mined_unit_score(float margin, float threshold);

// `lexicon` gets the workspace's learned entries added before pairing.
WorkspaceAlignResult align_workspace(Database& db, Lexicon& lexicon,
                                     const WorkspaceAlignOptions& options);

}  // namespace tandem
