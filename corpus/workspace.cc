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
    // 2: translation memory (tm/) — units, their provenance and TMX metadata, the concordance
    // index (FTS5 over the units' own text, kept in sync in the same transaction as the units)
    // and the counter that invalidates the fuzzy-lookup index file.
    R"sql(
CREATE TABLE tm_units (
  id          INTEGER PRIMARY KEY,
  pair_hash   INTEGER NOT NULL UNIQUE,    -- of the normalised (fr, en) pair: one unit per pair
  src_lang    TEXT NOT NULL CHECK (src_lang IN ('fr', 'en')),
  fr          TEXT NOT NULL,              -- plain text (inline codes removed), for matching
  en          TEXT NOT NULL,
  fr_markup   TEXT,                       -- TMX <seg> inner XML when it has inline codes
  en_markup   TEXT,
  origin      TEXT NOT NULL CHECK (origin IN ('aligned', 'mined', 'imported', 'manual')),
  score       REAL NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'rejected')),
  count       INTEGER NOT NULL DEFAULT 1, -- times the same pair was added
  tuid        TEXT,                       -- TMX tuid of imported units
  created_at  TEXT NOT NULL,
  changed_at  TEXT NOT NULL
);
CREATE TABLE tm_unit_sources (
  unit_id     INTEGER NOT NULL REFERENCES tm_units(id) ON DELETE CASCADE,
  lang        TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  UNIQUE (unit_id, lang, sentence_id)
);
CREATE INDEX tm_unit_sources_by_sentence ON tm_unit_sources(sentence_id);
CREATE INDEX tm_unit_sources_by_document ON tm_unit_sources(document_id);
CREATE TABLE tm_unit_props (
  unit_id     INTEGER NOT NULL REFERENCES tm_units(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,           -- order in the TMX
  side        TEXT CHECK (side IN ('fr', 'en')),  -- NULL: on the <tu>; else on that <tuv>
  kind        TEXT NOT NULL CHECK (kind IN ('prop', 'note')),
  type        TEXT NOT NULL DEFAULT '',
  value       TEXT NOT NULL,
  PRIMARY KEY (unit_id, position)
) WITHOUT ROWID;                          -- the key is the lookup by unit: no separate index
-- External content: the text is stored once (in tm_units), highlight() still works.
-- columnsize=0: no per-row size records (concordance does not rank by bm25).
-- New units are indexed by TranslationMemory::Writer::finish with one INSERT ... SELECT per
-- write (an add_units call, a whole TMX import), in the same transaction: an AFTER INSERT
-- trigger would make FTS5 flush its pending terms at every row's statement savepoint, which
-- made imports 2.5 times slower. Deletes and text updates go through the triggers below.
CREATE VIRTUAL TABLE tm_fts USING fts5(fr, en, content = 'tm_units', content_rowid = 'id',
  columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
-- Pending terms are flushed to a new segment every `hashsize` bytes (1 MB by default): 64 MB
-- makes a bulk import write a few large segments instead of hundreds of small ones to merge.
INSERT INTO tm_fts(tm_fts, rank) VALUES ('hashsize', 67108864);
CREATE TRIGGER tm_units_fts_delete AFTER DELETE ON tm_units BEGIN
  INSERT INTO tm_fts(tm_fts, rowid, fr, en) VALUES ('delete', old.id, old.fr, old.en);
END;
CREATE TRIGGER tm_units_fts_update AFTER UPDATE OF fr, en ON tm_units BEGIN
  INSERT INTO tm_fts(tm_fts, rowid, fr, en) VALUES ('delete', old.id, old.fr, old.en);
  INSERT INTO tm_fts(rowid, fr, en) VALUES (new.id, new.fr, new.en);
END;
CREATE TABLE tm_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO tm_meta(key, value) VALUES ('generation', '0'), ('instance', lower(hex(randomblob(8))));
)sql",
    // 3: glossary (glossary/) — the concept-oriented term base, shaped like TBX.
    R"sql(
-- Concept-oriented, as TBX: a concept holds its French and English terms.
CREATE TABLE glossary_concepts (
  id            INTEGER PRIMARY KEY,
  subject_field TEXT NOT NULL DEFAULT '',
  definition    TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved')),
  origin        TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('extracted', 'manual', 'imported')),
  score         REAL NOT NULL DEFAULT 0,    -- termhood or pairing confidence of a proposal
  frequency     INTEGER NOT NULL DEFAULT 0, -- units / occurrences the proposal rests on
  created_at    TEXT NOT NULL,
  changed_at    TEXT NOT NULL
);
CREATE TABLE glossary_terms (
  id             INTEGER PRIMARY KEY,
  concept_id     INTEGER NOT NULL REFERENCES glossary_concepts(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,          -- order within the concept
  lang           TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
  term           TEXT NOT NULL,
  fold           TEXT NOT NULL,             -- fold_key(term): case- and accent-insensitive match
  stems          TEXT NOT NULL,             -- Snowball stems of its words, space-joined
  part_of_speech TEXT NOT NULL DEFAULT '',  -- noun|verb|adjective|adverb|other, '' = unknown
  usage_status   TEXT NOT NULL DEFAULT 'admitted'
                 CHECK (usage_status IN ('preferred', 'admitted', 'deprecated')),
  context        TEXT NOT NULL DEFAULT '',  -- an example sentence
  source         TEXT NOT NULL DEFAULT '',  -- where the term and context came from (path)
  document_id    INTEGER REFERENCES documents(id) ON DELETE SET NULL,
  frequency      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX glossary_terms_by_concept ON glossary_terms(concept_id);
CREATE INDEX glossary_terms_by_fold ON glossary_terms(fold);
CREATE INDEX glossary_terms_by_stems ON glossary_terms(stems);
-- Translation units a French-English pair was seen in (ids of tm_units, kept loosely so the
-- glossary survives a TM rebuild).
CREATE TABLE glossary_examples (
  concept_id INTEGER NOT NULL REFERENCES glossary_concepts(id) ON DELETE CASCADE,
  unit_id    INTEGER,
  fr         TEXT NOT NULL,
  en         TEXT NOT NULL
);
CREATE INDEX glossary_examples_by_concept ON glossary_examples(concept_id);
)sql",
    // 4: alignment (tm/) — the lexicon learned from the user's material and the document pairs.
    R"sql(
CREATE TABLE learned_lexicon (
  fr         TEXT NOT NULL,               -- folded keys (tandem::fold_key)
  en         TEXT NOT NULL,
  weight     REAL NOT NULL,               -- confidence in (0, 1]
  source     TEXT NOT NULL,               -- 'mined' | 'aligned'
  count      INTEGER NOT NULL DEFAULT 1,  -- how many runs learned it
  learned_at TEXT NOT NULL,
  PRIMARY KEY (fr, en)
);
CREATE TABLE document_pairs (
  fr_document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  en_document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  score       REAL NOT NULL,              -- how likely both report the same events, in [0, 1]
  kind        TEXT NOT NULL CHECK (kind IN ('translation', 'comparable', 'unrelated')),
  links       INTEGER NOT NULL DEFAULT 0, -- sentence pairs aligned or mined
  evidence    TEXT NOT NULL DEFAULT '{}', -- JSON: shared entities, numbers, term pairs
  paired_at   TEXT NOT NULL,
  PRIMARY KEY (fr_document, en_document)
);
CREATE INDEX document_pairs_by_en ON document_pairs(en_document);
)sql",
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
