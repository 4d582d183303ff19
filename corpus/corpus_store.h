// The corpus part of the workspace: documents, their sentences, metadata and the boilerplate
// dropped from them. Every write is one transaction: a document is stored whole or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "corpus/database.h"
#include "corpus/document.h"

namespace tandem {

struct DocumentSummary {
  std::int64_t id = 0;
  std::string path;
  Lang lang = Lang::und;
  double lang_confidence = 0.0;
  std::string encoding;
  std::optional<std::string> date;
  std::string added_at;
  int sentences = 0;
  int boilerplate = 0;
};

struct StoredSentence {
  std::int64_t id = 0;
  int position = 0;  // 0-based in the document
  int paragraph = 0;
  std::string text;
  Lang lang = Lang::und;
};

struct DocumentDetails {
  DocumentSummary summary;
  std::vector<MetadataField> metadata;
  std::vector<StoredSentence> sentences;
  std::vector<DroppedParagraph> boilerplate;
};

class CorpusStore {
 public:
  explicit CorpusStore(Database& db) : db_(db) {}

  struct AddResult {
    std::int64_t id = 0;
    bool added = false;  // false: a document with the same content was already there
  };
  AddResult add(const Document& document);
  // Several documents in one transaction: all are stored, or none.
  std::vector<AddResult> add_all(std::span<const Document> documents);

  std::vector<DocumentSummary> list();
  std::optional<DocumentDetails> get(std::int64_t id);
  std::vector<StoredSentence> sentences(std::int64_t document_id);
  // Removes the document and everything derived from it; false if there was no such document.
  bool remove(std::int64_t id);

 private:
  AddResult insert(const Document& document);
  Database& db_;
};

}  // namespace tandem
