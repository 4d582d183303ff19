// The term base: a concept-oriented glossary stored in the workspace (tables glossary_* of
// corpus/workspace.cc, migration 3), shaped like TBX so export and import lose nothing.
//
// A Concept carries a subject field, a definition, a note and an entry status (proposed by
// `glossary extract`, approved by a person). Its terms, French and English, each carry a part of
// speech when known, a usage status (preferred, admitted, deprecated), an example sentence and
// the document it came from. Proposed bilingual pairs also keep the translation units they were
// seen in. Every term is stored with its folded form and its Snowball stems, which is what
// lookup matches on (glossary/term_lookup.h).
//
// Writes run in one transaction each. Thread-safety: none; one TermBase per Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/database.h"
#include "corpus/language.h"
#include "corpus/tokenizer.h"

namespace tandem {

enum class UsageStatus { preferred, admitted, deprecated };
enum class EntryStatus { proposed, approved };
enum class EntryOrigin { extracted, manual, imported };

std::string_view to_string(UsageStatus status);
std::string_view to_string(EntryStatus status);
std::string_view to_string(EntryOrigin origin);
std::optional<UsageStatus> usage_status_from_string(std::string_view text);
std::optional<EntryStatus> entry_status_from_string(std::string_view text);

// TBX-Basic's part-of-speech picklist: "noun", "verb", "adjective", "adverb", "other".
bool is_part_of_speech(std::string_view text);

struct TermEntry {
  std::int64_t id = 0;
  Lang lang = Lang::fr;
  std::string text;
  std::string part_of_speech;  // empty when unknown
  UsageStatus usage = UsageStatus::admitted;
  std::string context;  // an example sentence
  std::string source;   // document path or file it came from
  std::optional<std::int64_t> document_id;
  std::int64_t frequency = 0;
  bool operator==(const TermEntry&) const = default;
};

struct PairExample {
  std::optional<std::int64_t> unit_id;
  std::string fr, en;
  bool operator==(const PairExample&) const = default;
};

struct Concept {
  std::int64_t id = 0;
  std::string subject_field;
  std::string definition;
  std::string note;
  EntryStatus status = EntryStatus::proposed;
  EntryOrigin origin = EntryOrigin::manual;
  double score = 0;
  std::int64_t frequency = 0;
  std::vector<TermEntry> terms;  // in order; French first by convention
  std::vector<PairExample> examples;

  // The first term in `lang` (preferred ones first), or nullptr.
  const TermEntry* term_in(Lang lang) const;
};

class TermBase {
 public:
  explicit TermBase(Database& db);

  // Inserts a concept with its terms and examples (ids in them are ignored); returns its id.
  std::int64_t add(const Concept& entry);
  // Replaces a concept's fields, terms and examples. Throws tandem::Error if it does not exist.
  void update(const Concept& entry);
  // Returns false when there was no such concept.
  bool remove(std::int64_t id);
  bool set_status(std::int64_t id, EntryStatus status);
  // Removes every proposed concept that extraction made (before extracting again).
  int remove_extracted_proposals();

  std::optional<Concept> get(std::int64_t id);
  // All concepts in id order, optionally only those with a given status.
  std::vector<Concept> list(std::optional<EntryStatus> status = std::nullopt);
  // Ids of the concepts having a term whose folded form is fold_key(text) in `lang`.
  std::vector<std::int64_t> find(Lang lang, std::string_view text);
  std::size_t size();

  // The stems lookup matches on: Snowball stems of the words, space-joined.
  std::string stems_of(Lang lang, std::string_view text);
  Database& database() { return db_; }

 private:
  void write_children(std::int64_t id, const Concept& entry);
  void load_children(Concept& entry);
  Database& db_;
  Tokenizer fr_;
  Tokenizer en_;
};

}  // namespace tandem
