// Related material: for one document, the documents of the other language that cover the same
// facts, best first, with the evidence (shared entities and numbers, matched term pairs) and
// the passages, i.e. the sentence pairs mined between the two documents, best first.
//
// Also how the workspace's documents are read for pairing (load_workspace_documents).
//
// Thread-safety: not thread-safe (uses a DocumentPairer).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "corpus/database.h"
#include "tm/document_pairing.h"

namespace tandem {

struct WorkspaceDocuments {
  std::vector<PairingDocument> documents;
  std::vector<std::string> paths;
  std::vector<std::vector<std::int64_t>> sentence_ids;  // per document, by position
};

// Every French or English document of the workspace with its sentences in order.
WorkspaceDocuments load_workspace_documents(Database& db);

struct RelatedDocument {
  std::size_t document = 0;  // index in the span given to find_related
  double score = 0.0;
  PairKind kind = PairKind::unrelated;
  DocumentPairEvidence evidence;
  std::vector<ScoredPair> passages;  // fr/en are sentence indices; best first
};

// Documents related to documents[query], best first, at most `top`, unrelated ones left out.
std::vector<RelatedDocument> find_related(DocumentPairer& pairer,
                                          std::span<const PairingDocument> documents,
                                          std::size_t query, std::size_t top);

}  // namespace tandem
