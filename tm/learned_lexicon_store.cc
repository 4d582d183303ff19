#include "tm/learned_lexicon_store.h"

#include <sqlite3.h>

#include <optional>

#include "corpus/workspace.h"

namespace tandem {
namespace {

// Joins the caller's transaction when one is open.
std::optional<Transaction> begin_unless_open(Database& db) {
  if (!sqlite3_get_autocommit(db.handle())) return std::nullopt;
  return std::optional<Transaction>(std::in_place, db);
}

}  // namespace

void LearnedLexiconStore::save(const std::vector<LearnedEntry>& entries) {
  auto tx = begin_unless_open(db_);
  Statement insert(db_,
                   "INSERT INTO learned_lexicon (fr, en, weight, source, count, learned_at) "
                   "VALUES (?1, ?2, ?3, ?4, 1, ?5) ON CONFLICT (fr, en) DO UPDATE SET "
                   "count = count + 1, weight = max(weight, excluded.weight)");
  std::string now = utc_now_iso8601();
  for (const LearnedEntry& e : entries) {
    insert.reset()
        .bind(1, e.fr)
        .bind(2, e.en)
        .bind(3, static_cast<double>(e.weight))
        .bind(4, e.source)
        .bind(5, now)
        .run();
  }
  if (tx) tx->commit();
}

std::vector<LearnedEntry> LearnedLexiconStore::entries() {
  std::vector<LearnedEntry> out;
  Statement select(db_, "SELECT fr, en, weight, source FROM learned_lexicon ORDER BY fr, en");
  while (select.step()) {
    out.push_back({select.column_string(0), select.column_string(1),
                   static_cast<float>(select.column_double(2)), select.column_string(3)});
  }
  return out;
}

std::size_t LearnedLexiconStore::load_into(Lexicon& lexicon) {
  auto all = entries();
  for (const LearnedEntry& e : all) lexicon.add(e.fr, e.en, e.weight);
  return all.size();
}

void LearnedLexiconStore::save_pairs(const std::vector<StoredDocumentPair>& pairs) {
  auto tx = begin_unless_open(db_);
  Statement insert(db_,
                   "INSERT OR REPLACE INTO document_pairs (fr_document, en_document, score, kind, "
                   "links, evidence, paired_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  std::string now = utc_now_iso8601();
  for (const StoredDocumentPair& p : pairs) {
    insert.reset()
        .bind(1, p.fr_document)
        .bind(2, p.en_document)
        .bind(3, p.score)
        .bind(4, p.kind)
        .bind(5, p.links)
        .bind(6, p.evidence_json)
        .bind(7, now)
        .run();
  }
  if (tx) tx->commit();
}

std::vector<StoredDocumentPair> LearnedLexiconStore::pairs(std::int64_t document) {
  Statement select(db_,
                   "SELECT fr_document, en_document, score, kind, links, evidence FROM "
                   "document_pairs WHERE ?1 = 0 OR fr_document = ?1 OR en_document = ?1 "
                   "ORDER BY score DESC, fr_document, en_document");
  select.bind(1, document);
  std::vector<StoredDocumentPair> out;
  while (select.step()) {
    out.push_back({select.column_int(0), select.column_int(1), select.column_double(2),
                   select.column_string(3), select.column_int(4), select.column_string(5)});
  }
  return out;
}

}  // namespace tandem
