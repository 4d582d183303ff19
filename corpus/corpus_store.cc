#include "corpus/corpus_store.h"

#include "corpus/workspace.h"

namespace tandem {
namespace {

Lang lang_column(const Statement& row, int column) {
  return lang_from_tag(row.column_text(column)).value_or(Lang::und);
}

constexpr const char* kSummarySelect = R"sql(
  SELECT d.id, d.path, d.lang, d.lang_confidence, d.encoding, d.doc_date, d.added_at,
         (SELECT count(*) FROM sentences s WHERE s.document_id = d.id),
         (SELECT count(*) FROM boilerplate b WHERE b.document_id = d.id)
  FROM documents d)sql";

DocumentSummary read_summary(const Statement& row) {
  DocumentSummary summary;
  summary.id = row.column_int(0);
  summary.path = row.column_string(1);
  summary.lang = lang_column(row, 2);
  summary.lang_confidence = row.column_double(3);
  summary.encoding = row.column_string(4);
  summary.date = row.column_optional_string(5);
  summary.added_at = row.column_string(6);
  summary.sentences = static_cast<int>(row.column_int(7));
  summary.boilerplate = static_cast<int>(row.column_int(8));
  return summary;
}

}  // namespace

CorpusStore::AddResult CorpusStore::insert(const Document& doc) {
  Statement existing(db_, "SELECT id FROM documents WHERE content_hash = ?");
  existing.bind(1, doc.content_hash);
  if (existing.step()) return {existing.column_int(0), false};

  Statement document(db_, R"sql(
    INSERT INTO documents (path, content_hash, lang, lang_confidence, encoding, doc_date, added_at)
    VALUES (?, ?, ?, ?, ?, ?, ?))sql");
  document.bind(1, doc.path)
      .bind(2, doc.content_hash)
      .bind(3, to_tag(doc.lang))
      .bind(4, doc.lang_confidence)
      .bind(5, doc.encoding)
      .bind(6, doc.date)
      .bind(7, utc_now_iso8601())
      .run();
  std::int64_t id = db_.last_insert_id();

  Statement metadata(
      db_, "INSERT INTO document_metadata (document_id, key, value, normalized) VALUES (?,?,?,?)");
  for (const MetadataField& field : doc.metadata) {
    metadata.bind(1, id).bind(2, field.key).bind(3, field.value).bind(4, field.normalized).run();
  }
  Statement sentence(db_, R"sql(
    INSERT INTO sentences (document_id, position, paragraph, text, lang) VALUES (?,?,?,?,?))sql");
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    sentence.bind(1, id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, s.paragraph)
        .bind(4, s.text)
        .bind(5, to_tag(s.lang))
        .run();
  }
  Statement dropped(
      db_, "INSERT INTO boilerplate (document_id, paragraph, text, reason) VALUES (?,?,?,?)");
  for (const DroppedParagraph& d : doc.boilerplate) {
    dropped.bind(1, id).bind(2, d.paragraph).bind(3, d.text).bind(4, d.reason).run();
  }
  return {id, true};
}

CorpusStore::AddResult CorpusStore::add(const Document& document) {
  return add_all(std::span(&document, 1)).front();
}

std::vector<CorpusStore::AddResult> CorpusStore::add_all(std::span<const Document> documents) {
  Transaction tx(db_);
  std::vector<AddResult> results;
  for (const Document& doc : documents) results.push_back(insert(doc));
  tx.commit();
  return results;
}

std::vector<DocumentSummary> CorpusStore::list() {
  Statement rows(db_, std::string(kSummarySelect) + " ORDER BY d.id");
  std::vector<DocumentSummary> out;
  while (rows.step()) out.push_back(read_summary(rows));
  return out;
}

std::optional<DocumentDetails> CorpusStore::get(std::int64_t id) {
  Statement row(db_, std::string(kSummarySelect) + " WHERE d.id = ?");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  DocumentDetails details;
  details.summary = read_summary(row);

  Statement metadata(db_,
                     "SELECT key, value, normalized FROM document_metadata WHERE document_id = ? "
                     "ORDER BY rowid");
  metadata.bind(1, id);
  while (metadata.step())
    details.metadata.push_back(
        {metadata.column_string(0), metadata.column_string(1), metadata.column_string(2)});
  details.sentences = sentences(id);
  Statement dropped(db_,
                    "SELECT paragraph, text, reason FROM boilerplate WHERE document_id = ? "
                    "ORDER BY id");
  dropped.bind(1, id);
  while (dropped.step()) {
    details.boilerplate.push_back({static_cast<int>(dropped.column_int(0)),
                                   dropped.column_string(1), dropped.column_string(2)});
  }
  return details;
}

std::vector<StoredSentence> CorpusStore::sentences(std::int64_t document_id) {
  Statement rows(db_,
                 "SELECT id, position, paragraph, text, lang FROM sentences "
                 "WHERE document_id = ? ORDER BY position");
  rows.bind(1, document_id);
  std::vector<StoredSentence> out;
  while (rows.step()) {
    out.push_back({rows.column_int(0), static_cast<int>(rows.column_int(1)),
                   static_cast<int>(rows.column_int(2)), rows.column_string(3),
                   lang_column(rows, 4)});
  }
  return out;
}

bool CorpusStore::remove(std::int64_t id) {
  Transaction tx(db_);
  Statement erase(db_, "DELETE FROM documents WHERE id = ?");
  erase.bind(1, id).run();
  bool removed = db_.changes() > 0;
  tx.commit();
  return removed;
}

}  // namespace tandem
