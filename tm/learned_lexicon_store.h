// The workspace tables of the alignment stage (migration 4): the lexicon Tandem learned from
// the user's material (so the parallel aligner, the miner and the term pairer start from it
// next time) and the document pairs with their score and kind.
//
// Transactions: each call runs in its own transaction, or joins one the caller has open.
// Thread-safety: none; one store per Database, used from one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/database.h"
#include "tm/lexicon.h"

namespace tandem {

struct LearnedEntry {
  std::string fr, en;  // folded keys
  float weight = 0.5f;
  std::string source = "mined";  // "mined" | "aligned"
};

struct StoredDocumentPair {
  std::int64_t fr_document = 0, en_document = 0;
  double score = 0.0;
  std::string kind;  // translation | comparable | unrelated
  std::int64_t links = 0;
  std::string evidence_json = "{}";
};

class LearnedLexiconStore {
 public:
  explicit LearnedLexiconStore(Database& db) : db_(db) {}

  // Adds or reinforces entries (count + 1, the larger weight kept).
  void save(const std::vector<LearnedEntry>& entries);
  // Every stored entry into `lexicon`; returns how many.
  std::size_t load_into(Lexicon& lexicon);
  std::vector<LearnedEntry> entries();

  // Replaces the stored pair of the same two documents.
  void save_pairs(const std::vector<StoredDocumentPair>& pairs);
  // Stored pairs, best score first; with `document` set, only pairs involving it.
  std::vector<StoredDocumentPair> pairs(std::int64_t document = 0);

 private:
  Database& db_;
};

}  // namespace tandem
