#include "corpus/workspace.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <span>

#include "corpus/error.h"

namespace tandem {
namespace {

// Migration N takes a workspace from version N-1 to N. Never edit a migration that has shipped:
// add a new one. Each module's tables are documented in docs/ARCHITECTURE.md.
constexpr const char* kMigrations[] = {
    // 1: corpus — documents, their metadata, sentences and the boilerplate dropped from them.
    R"sql(
CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  path            TEXT NOT NULL,
  content_hash    TEXT NOT NULL UNIQUE,   -- of the decoded text: the same content is added once
  lang            TEXT NOT NULL,          -- 'fr' | 'en' | 'und'
  lang_confidence REAL NOT NULL,
  encoding        TEXT NOT NULL,          -- encoding the file was read in
  doc_date        TEXT,                   -- from metadata when the document carries a date
  added_at        TEXT NOT NULL
);
CREATE TABLE document_metadata (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  value       TEXT NOT NULL,              -- as written
  normalized  TEXT NOT NULL DEFAULT ''    -- dates as 2023-05-22 / 2023-05 when readable
);
CREATE INDEX document_metadata_by_document ON document_metadata(document_id);
CREATE TABLE sentences (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,           -- 0-based order in the document
  paragraph   INTEGER NOT NULL,           -- 0-based paragraph the sentence belongs to
  text        TEXT NOT NULL,              -- repaired, NFC, typography kept (for display/export)
  lang        TEXT NOT NULL,              -- the document's, or the sentence's own when it differs
  UNIQUE (document_id, position)
);
CREATE TABLE boilerplate (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph   INTEGER NOT NULL,           -- 0-based paragraph of the source text
  text        TEXT NOT NULL,
  reason      TEXT NOT NULL
);
CREATE INDEX boilerplate_by_document ON boilerplate(document_id);
)sql",
    // 2: translation memory (tm/). Filled by the TM work.
    "",
    // 3: glossary term base (glossary/). Filled by the glossary work.
    "",
    // 4: alignment — document pairs and the learned lexicon (tm/). Filled by the alignment work.
    "",
};

}  // namespace

Workspace::Workspace(const std::string& path) : db_(path) {
  db_.exec("PRAGMA foreign_keys = ON");
  if (path != ":memory:") {
    Statement wal(db_, "PRAGMA journal_mode = WAL");
    wal.step();
  }
  db_.exec("PRAGMA synchronous = NORMAL");
  migrate();
}

int Workspace::schema_version() {
  Statement version(db_, "PRAGMA user_version");
  version.step();
  return static_cast<int>(version.column_int(0));
}

int Workspace::current_schema_version() { return static_cast<int>(std::size(kMigrations)); }

void Workspace::migrate() {
  int version = schema_version();
  if (version > current_schema_version()) {
    throw Error(Location::in_file(db_.path()),
                fmt::format("workspace schema version {} is newer than this Tandem supports ({})",
                            version, current_schema_version()));
  }
  for (; version < current_schema_version(); ++version) {
    Transaction tx(db_);
    db_.exec(kMigrations[version]);
    db_.exec(fmt::format("PRAGMA user_version = {}", version + 1));
    tx.commit();
  }
}

std::string utc_now_iso8601() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", utc);
}

}  // namespace tandem
