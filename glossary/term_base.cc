#include "glossary/term_base.h"

#include <fmt/format.h>

#include <array>

#include "corpus/error.h"
#include "corpus/workspace.h"

namespace tandem {
namespace {

constexpr std::array kUsage = {"preferred", "admitted", "deprecated"};
constexpr std::array kEntry = {"proposed", "approved"};
constexpr std::array kOrigin = {"extracted", "manual", "imported"};
constexpr std::array kPartsOfSpeech = {"noun", "verb", "adjective", "adverb", "other"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<const char*, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (text == names[i]) return static_cast<Enum>(i);
  return std::nullopt;
}

constexpr const char* kConceptColumns =
    "SELECT id, subject_field, definition, note, status, origin, score, frequency "
    "FROM glossary_concepts";

Concept read_concept(Statement& s) {
  Concept c;
  c.id = s.column_int(0);
  c.subject_field = s.column_string(1);
  c.definition = s.column_string(2);
  c.note = s.column_string(3);
  c.status = entry_status_from_string(s.column_text(4)).value_or(EntryStatus::proposed);
  c.origin = parse<EntryOrigin>(kOrigin, s.column_text(5)).value_or(EntryOrigin::manual);
  c.score = s.column_double(6);
  c.frequency = s.column_int(7);
  return c;
}

// Each write is atomic on its own, or part of the caller's transaction when one is open
// (glossary extraction adds thousands of entries in one).
struct WriteScope {
  explicit WriteScope(Database& db) {
    if (sqlite3_get_autocommit(db.handle())) tx.emplace(db);
  }
  void commit() {
    if (tx) tx->commit();
  }
  std::optional<Transaction> tx;
};

}  // namespace

std::string_view to_string(UsageStatus status) { return kUsage[static_cast<int>(status)]; }
std::string_view to_string(EntryStatus status) { return kEntry[static_cast<int>(status)]; }
std::string_view to_string(EntryOrigin origin) { return kOrigin[static_cast<int>(origin)]; }
std::optional<UsageStatus> usage_status_from_string(std::string_view text) {
  return parse<UsageStatus>(kUsage, text);
}
std::optional<EntryStatus> entry_status_from_string(std::string_view text) {
  return parse<EntryStatus>(kEntry, text);
}
bool is_part_of_speech(std::string_view text) {
  return parse<int>(kPartsOfSpeech, text).has_value();
}

const TermEntry* Concept::term_in(Lang lang) const {
  const TermEntry* found = nullptr;
  for (const TermEntry& t : terms) {
    if (t.lang != lang) continue;
    if (t.usage == UsageStatus::preferred) return &t;
    if (!found || (found->usage == UsageStatus::deprecated && t.usage != UsageStatus::deprecated))
      found = &t;
  }
  return found;
}

TermBase::TermBase(Database& db) : db_(db), fr_(Lang::fr), en_(Lang::en) {}

std::string TermBase::stems_of(Lang lang, std::string_view text) {
  std::string stems;
  for (const Token& t : (lang == Lang::fr ? fr_ : en_).words(text)) {
    if (!stems.empty()) stems += ' ';
    stems += t.stem;
  }
  return stems;
}

void TermBase::write_children(std::int64_t id, const Concept& entry) {
  Statement term(db_,
                 "INSERT INTO glossary_terms(concept_id, position, lang, term, fold, stems, "
                 "part_of_speech, usage_status, context, source, document_id, frequency) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int position = 0;
  for (const TermEntry& t : entry.terms) {
    if (t.lang != Lang::fr && t.lang != Lang::en)
      throw Error(fmt::format("term \"{}\": only French and English terms are kept", t.text));
    if (t.text.empty()) throw Error("a term cannot be empty");
    term.reset()
        .bind(1, id)
        .bind(2, position++)
        .bind(3, to_tag(t.lang))
        .bind(4, t.text)
        .bind(5, fold_key(t.text))
        .bind(6, stems_of(t.lang, t.text))
        .bind(7, t.part_of_speech)
        .bind(8, to_string(t.usage))
        .bind(9, t.context)
        .bind(10, t.source)
        .bind(11, t.document_id)
        .bind(12, t.frequency)
        .run();
  }
  Statement example(
      db_, "INSERT INTO glossary_examples(concept_id, unit_id, fr, en) VALUES (?, ?, ?, ?)");
  for (const PairExample& e : entry.examples)
    example.reset().bind(1, id).bind(2, e.unit_id).bind(3, e.fr).bind(4, e.en).run();
}

namespace {

// Binds a concept's own fields as parameters 1–8 (the last one its change date), in the column
// order both the INSERT and the UPDATE use.
Statement& bind_concept_fields(Statement& s, const Concept& entry, const std::string& changed_at) {
  return s.bind(1, entry.subject_field)
      .bind(2, entry.definition)
      .bind(3, entry.note)
      .bind(4, to_string(entry.status))
      .bind(5, to_string(entry.origin))
      .bind(6, entry.score)
      .bind(7, entry.frequency)
      .bind(8, changed_at);
}

}  // namespace

std::int64_t TermBase::add(const Concept& entry) {
  WriteScope tx(db_);
  std::string now = utc_now_iso8601();
  Statement insert(db_,
                   "INSERT INTO glossary_concepts(subject_field, definition, note, status, origin, "
                   "score, frequency, changed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_concept_fields(insert, entry, now).bind(9, now).run();
  std::int64_t id = db_.last_insert_id();
  write_children(id, entry);
  tx.commit();
  return id;
}

void TermBase::update(const Concept& entry) {
  WriteScope tx(db_);
  Statement s(db_,
              "UPDATE glossary_concepts SET subject_field = ?, definition = ?, note = ?, "
              "status = ?, origin = ?, score = ?, frequency = ?, changed_at = ? WHERE id = ?");
  bind_concept_fields(s, entry, utc_now_iso8601()).bind(9, entry.id).run();
  if (db_.changes() == 0) throw Error(fmt::format("no glossary entry {}", entry.id));
  Statement(db_, "DELETE FROM glossary_terms WHERE concept_id = ?").bind(1, entry.id).run();
  Statement(db_, "DELETE FROM glossary_examples WHERE concept_id = ?").bind(1, entry.id).run();
  write_children(entry.id, entry);
  tx.commit();
}

bool TermBase::remove(std::int64_t id) {
  Statement(db_, "DELETE FROM glossary_concepts WHERE id = ?").bind(1, id).run();
  return db_.changes() > 0;
}

bool TermBase::set_status(std::int64_t id, EntryStatus status) {
  Statement(db_, "UPDATE glossary_concepts SET status = ?, changed_at = ? WHERE id = ?")
      .bind(1, to_string(status))
      .bind(2, utc_now_iso8601())
      .bind(3, id)
      .run();
  return db_.changes() > 0;
}

int TermBase::remove_extracted_proposals() {
  db_.exec("DELETE FROM glossary_concepts WHERE status = 'proposed' AND origin = 'extracted'");
  return db_.changes();
}

void TermBase::load_children(Concept& c) {
  Statement terms(db_,
                  "SELECT id, lang, term, part_of_speech, usage_status, context, source, "
                  "document_id, frequency FROM glossary_terms WHERE concept_id = ? "
                  "ORDER BY position");
  terms.bind(1, c.id);
  while (terms.step()) {
    TermEntry t;
    t.id = terms.column_int(0);
    t.lang = lang_from_tag(terms.column_text(1)).value_or(Lang::und);
    t.text = terms.column_string(2);
    t.part_of_speech = terms.column_string(3);
    t.usage = usage_status_from_string(terms.column_text(4)).value_or(UsageStatus::admitted);
    t.context = terms.column_string(5);
    t.source = terms.column_string(6);
    if (!terms.is_null(7)) t.document_id = terms.column_int(7);
    t.frequency = terms.column_int(8);
    c.terms.push_back(std::move(t));
  }
  Statement examples(
      db_, "SELECT unit_id, fr, en FROM glossary_examples WHERE concept_id = ? ORDER BY rowid");
  examples.bind(1, c.id);
  while (examples.step()) {
    PairExample e;
    if (!examples.is_null(0)) e.unit_id = examples.column_int(0);
    e.fr = examples.column_string(1);
    e.en = examples.column_string(2);
    c.examples.push_back(std::move(e));
  }
}

std::optional<Concept> TermBase::get(std::int64_t id) {
  Statement s(db_, std::string(kConceptColumns) + " WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  Concept c = read_concept(s);
  load_children(c);
  return c;
}

std::vector<Concept> TermBase::list(std::optional<EntryStatus> status) {
  Statement s(db_,
              std::string(kConceptColumns) + (status ? " WHERE status = ?" : "") + " ORDER BY id");
  if (status) s.bind(1, to_string(*status));
  std::vector<Concept> out;
  while (s.step()) out.push_back(read_concept(s));
  for (Concept& c : out) load_children(c);
  return out;
}

std::vector<std::int64_t> TermBase::find(Lang lang, std::string_view text) {
  Statement s(db_,
              "SELECT DISTINCT concept_id FROM glossary_terms WHERE lang = ? AND fold = ? "
              "ORDER BY concept_id");
  s.bind(1, to_tag(lang)).bind(2, fold_key(text));
  std::vector<std::int64_t> ids;
  while (s.step()) ids.push_back(s.column_int(0));
  return ids;
}

std::size_t TermBase::size() {
  Statement s(db_, "SELECT count(*) FROM glossary_concepts");
  s.step();
  return static_cast<std::size_t>(s.column_int(0));
}

}  // namespace tandem
